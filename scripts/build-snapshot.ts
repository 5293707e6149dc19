/**
 * Builds the embedded data snapshot (the folder data/snapshot/, one JSON
 * file per part) from full checkouts of openstack/releases and
 * openstack/governance:
 *
 *   npm run snapshot -- --releases DIR --governance DIR [--series N] [--out DIR] [--taken-at WHEN]
 *
 * It keeps what the tool needs offline: series status, the schema files,
 * the schedules and labels of the year-numbered series, the deliverable
 * files of the newest N series that have any (default 3), the governance
 * team files and the community goals.
 *
 * The part release-dates.json records when each release of those series
 * was proposed and merged (src/data/releases/release-dates.ts), and each
 * deliverable's conventions from its last 3 series (src/actions/
 * plan-conventions.ts: they look back beyond the kept series). It needs
 * the git history: `--history DIR` (a clone of openstack/releases at the
 * same commit as the files; default: `--releases` when that is a git
 * checkout). Without one, that part is not written and the others are the
 * same, so the snapshot test can rebuild them from ../shared/data:
 *
 *   git clone /work/.mirror/openstack+releases/repo /tmp/releases-history
 *   npm run snapshot -- --history /tmp/releases-history
 *
 * The stamps record when the data was taken (`takenAt`), since a view's
 * data age counts from there: `--taken-at` when given; else, for git
 * checkouts, when they last fetched the commit they are on; else (a plain
 * copy, as ../shared/data) the newest commit date of the two, the earliest
 * moment the copy can have been made. The build time is kept as `builtAt`.
 */
import { existsSync, mkdirSync, readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { parseArgs } from 'node:util';
import { packageRoot } from '../src/core/package-root.js';
import { DiskTree, MemoryTree } from '../src/data/file-tree.js';
import { GovernanceData } from '../src/data/governance/governance-data.js';
import { compileGovernance, compileReleases } from '../src/data/compiled-checkout.js';
import { parseConfig } from '../src/config/load.js';
import type { TeamConfig } from '../src/config/schema.js';
import {
  encodeFileDates,
  readReleaseDates,
  type ReleaseDates,
} from '../src/data/releases/release-dates.js';
import { historyConventionsOf } from '../src/actions/read.js';
import { storeConventions } from '../src/actions/plan-conventions.js';
import { calendarInput } from '../src/calendar/input.js';
import { ReleasesData, SERIES_STATUS_FILE } from '../src/data/releases/releases-data.js';
import { SNAPSHOT_DIR, SNAPSHOT_PARTS, type SnapshotContent } from '../src/data/snapshot.js';
import { checkoutStamp } from '../src/data/sources.js';

const { values } = parseArgs({
  options: {
    releases: { type: 'string' },
    governance: { type: 'string' },
    series: { type: 'string', default: '3' },
    history: { type: 'string' },
    out: { type: 'string' },
    'taken-at': { type: 'string' },
  },
});

const here = packageRoot();
const releasesDir = values.releases ?? join(here, '..', 'shared', 'data', 'openstack-releases');
const governanceDir =
  values.governance ?? join(here, '..', 'shared', 'data', 'openstack-governance');
const deliverableSeries = Number(values.series);

const releases: Record<string, string> = {};
const governance: Record<string, string> = {};

function take(into: Record<string, string>, root: string, path: string): void {
  try {
    into[path] = readFileSync(join(root, path), 'utf8');
  } catch {
    // optional file
  }
}

function takeTree(
  into: Record<string, string>,
  root: string,
  dir: string,
  filter: (f: string) => boolean,
): void {
  const full = join(root, dir);
  let entries: string[];
  try {
    entries = readdirSync(full);
  } catch {
    return;
  }
  for (const e of entries.sort()) {
    const p = join(full, e);
    if (statSync(p).isDirectory()) takeTree(into, root, relative(root, p), filter);
    else if (filter(e)) into[relative(root, p).split('\\').join('/')] = readFileSync(p, 'utf8');
  }
}

take(releases, releasesDir, SERIES_STATUS_FILE);
for (const f of [
  'openstack_releases/schema.yaml',
  'openstack_releases/series_status_schema.yaml',
  'derived/tooling-constants.yaml',
]) {
  take(releases, releasesDir, f);
}
const data = new ReleasesData(new DiskTree(releasesDir, 'releases'), {
  repo: 'openstack/releases',
});
const series = data.series();
// schedules of the year-numbered series (antelope onwards) plus the one before
const withId = series.filter((s) => s.releaseId);
for (const s of [...withId, series[withId.length]].filter((x) => x !== undefined)) {
  take(releases, releasesDir, `doc/source/${s.name}/schedule.yaml`);
  take(releases, releasesDir, `doc/source/${s.name}/schedule.rst`);
}
let kept = 0;
const keptSeries: string[] = [];
const olderSeries: string[] = [];
for (const s of series) {
  const names = data.deliverableNames(s.name);
  if (names.length === 0) continue;
  kept++;
  // the conventions of the kept series look back 3 series (at most 6 with gaps)
  if (kept > deliverableSeries) {
    if (olderSeries.length < 6) olderSeries.push(s.name);
    continue;
  }
  keptSeries.push(s.name);
  for (const n of names) take(releases, releasesDir, `deliverables/${s.name}/${n}.yaml`);
}

for (const f of [
  'reference/projects.yaml',
  'reference/technical-committee-repos.yaml',
  'reference/sigs-repos.yaml',
]) {
  take(governance, governanceDir, f);
}
takeTree(governance, governanceDir, 'goals', (f) => f.endsWith('.rst'));

// read the kept files back with our own readers: that both checks them and
// gives the compiled data commands use without parsing YAML at start-up
const readBack = new ReleasesData(new MemoryTree(releases, 'snapshot'), {
  repo: 'openstack/releases',
});
const keptGov = new GovernanceData(new MemoryTree(governance, 'snapshot'), {
  repo: 'openstack/governance',
});
const historyDir =
  values.history ?? (existsSync(join(releasesDir, '.git')) ? releasesDir : undefined);
const allDates = historyDir
  ? readReleaseDates(historyDir, { series: [...keptSeries, ...olderSeries] })
  : undefined;
const filesCommit = checkoutStamp(releasesDir, 'openstack/releases').commit;
if (allDates && filesCommit && allDates.commit !== filesCommit) {
  console.error(
    `--history ${historyDir ?? ''} is at ${allDates.commit ?? '?'}, the files at ${filesCommit}: check out the same commit`,
  );
  process.exit(2);
}
// the dates of the kept series, and the conventions computed on the whole data with all the dates
const history: ReleaseDates | undefined = allDates && {
  commit: allDates.commit,
  series: keptSeries,
  files: Object.fromEntries(
    Object.entries(allDates.files)
      .filter(([k]) => keptSeries.includes(k.split('/')[0] ?? ''))
      .map(([k, f]) => [k, typeof f === 'string' ? f : encodeFileDates(f)]),
  ),
  conventions: Object.fromEntries(
    // the kept series, and the newer ones without files yet (their models are the previous ones')
    [
      ...series
        .slice(
          0,
          series.findIndex((x) => x.name === keptSeries[0]),
        )
        .map((x) => x.name),
      ...keptSeries,
    ].flatMap((s) => {
      const full = new ReleasesData(data.tree, data.stamp, undefined, () => allDates);
      return Object.entries(historyConventionsOf(full, calendarInput(full), s)).map(([name, c]) => [
        `${s}/${name}`,
        storeConventions(c),
      ]);
    }),
  ),
};
const teamConfigs: Record<string, { text: string; config: TeamConfig }> = {};
const teamsDir = join(here, 'data', 'teams');
for (const f of readdirSync(teamsDir)
  .filter((x) => x.endsWith('.yaml'))
  .sort()) {
  const text = readFileSync(join(teamsDir, f), 'utf8');
  teamConfigs[f.slice(0, -5)] = { text, config: parseConfig(text, join(teamsDir, f)) };
}
const snapshot: SnapshotContent = {
  // the same compiled parts `liaison sync` stores beside a managed checkout
  ...compileReleases(readBack, deliverableSeries),
  ...compileGovernance(keptGov),
  teamConfigs,
  stamps: takenStamps(),
  files: { releases, governance },
  dates: history ?? { commit: null, series: [], files: {} },
};
/** Both stamps with the time the snapshot's data was taken (see the header). */
function takenStamps(): SnapshotContent['stamps'] {
  const rel = checkoutStamp(releasesDir, 'openstack/releases');
  const gov = checkoutStamp(governanceDir, 'openstack/governance');
  const builtAt = new Date().toISOString();
  const given = values['taken-at'];
  const fetched = [rel, gov].every((s) => s.takenFrom === 'fetch');
  // a fetch time per checkout when both have one; else one time for the snapshot
  const common = given ?? (fetched ? undefined : [rel.date, gov.date].sort().pop());
  const taken = (s: typeof rel) =>
    common
      ? { ...s, takenAt: common, takenFrom: given ? ('given' as const) : ('commit' as const) }
      : s;
  return { releases: { ...taken(rel), builtAt }, governance: { ...taken(gov), builtAt } };
}

const out = values.out ?? join(here, SNAPSHOT_DIR);
mkdirSync(out, { recursive: true });
let size = 0;
for (const [part, file] of Object.entries(SNAPSHOT_PARTS)) {
  if (part === 'dates' && !history) continue;
  const json = JSON.stringify(snapshot[part as keyof SnapshotContent]);
  writeFileSync(join(out, file), json + '\n');
  size += json.length + 1;
}
if (!history)
  console.log(
    `${releasesDir} has no git history: ${SNAPSHOT_PARTS.dates} not written (build it from a clone of openstack/releases)`,
  );
console.log(
  `wrote ${out}: ${Object.keys(releases).length} releases files, ${Object.keys(governance).length} governance files, ${(size / 1024).toFixed(0)} KiB`,
);

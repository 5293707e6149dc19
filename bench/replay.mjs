// Replays past cycles of openstack/releases for a team and checks the release
// actions against what happened (issue 13, "The proof"): on every Monday
// 00:00 UTC from the series' first week to one week after its release, the
// releases tree as it was then goes through the same reader and planner as
// `liaison brief --series S --json`, and the result is judged against the
// history: (a) false alarms, (b) releases announced, (c) actions settled
// one week after the release. See docs/actions.md.
//
//   git clone /work/.mirror/openstack+releases/repo /tmp/releases-history
//   npm run build && node bench/replay.mjs --repo /tmp/releases-history \
//     [--teams glance,nova,oslo,neutron] [--series flamingo,gazpacho] [--no-review] [--details]
//     [--through-last-window]   (on past the release to the trailing deadline, for trailing deliverables)
//
// Without --repo it clones the mirror into a temporary folder.
import { execFileSync } from 'node:child_process';
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { openDataSources } from '../dist/src/data/sources.js';
import { replayCycle } from '../dist/src/actions/read-replay.js';

const { values } = parseArgs({
  options: {
    repo: { type: 'string' },
    teams: { type: 'string', default: 'glance' },
    series: { type: 'string', default: 'flamingo,gazpacho' },
    'no-review': { type: 'boolean', default: false },
    'through-last-window': { type: 'boolean', default: false },
    details: { type: 'boolean', default: false },
  },
});

const MIRROR = '/work/.mirror/openstack+releases/repo';
let repo = values.repo;
let cleanup;
if (!repo) {
  if (!existsSync(MIRROR)) throw new Error(`no --repo and no mirror at ${MIRROR}`);
  repo = mkdtempSync(join(tmpdir(), 'liaison-releases-'));
  execFileSync('git', ['clone', '-q', MIRROR, repo]);
  cleanup = () => rmSync(repo, { recursive: true, force: true });
}

const governance = openDataSources({}).governance;
const teamOf = (name) => {
  try {
    return governance.team(name);
  } catch {
    // a team that left governance since: its files in the series still name it
    return { name, liaisons: {}, deliverables: [] };
  }
};

const totals = { weeks: 0, releases: 0, announced: 0, falseAlarms: 0, unsettled: 0 };
const rows = [];
const misses = [];
const t0 = process.hrtime.bigint();
for (const team of values.teams.split(',')) {
  for (const series of values.series.split(',')) {
    const t = process.hrtime.bigint();
    const { verdict: v } = replayCycle({
      repo,
      team: teamOf(team),
      series,
      review: !values['no-review'],
      throughLastWindow: values['through-last-window'],
    });
    const ms = Number(process.hrtime.bigint() - t) / 1e6;
    totals.weeks += v.weeks;
    totals.releases += v.releases;
    totals.announced += v.announced;
    totals.falseAlarms += v.falseAlarms.length;
    totals.unsettled += v.unsettled.length;
    rows.push(
      `| ${team} | ${series} | ${v.weeks} | ${v.releases} | ${v.announced} | ${v.falseAlarms.length} | ${v.unsettled.length} | ${(ms / 1000).toFixed(1)} s |`,
    );
    for (const u of v.unannounced)
      misses.push(
        `- ${team}/${series}: ${u.deliverable} ${u.version} (merged ${u.merged}) — ${u.action ?? 'no action'}: ${u.why}`,
      );
    for (const f of v.falseAlarms)
      misses.push(`- FALSE ALARM ${team}/${series} ${f.monday}: ${f.id} ${f.state} — ${f.why}`);
    for (const u of v.unsettled)
      misses.push(`- UNSETTLED ${team}/${series}: ${u.id} ${u.state} one week after the release`);
    if (values.details) console.error(JSON.stringify(v, null, 1));
  }
}
const pct = totals.releases ? ((100 * totals.announced) / totals.releases).toFixed(1) : '-';
console.log(
  `replay of ${values.teams} × ${values.series}${values['no-review'] ? ' (no review source)' : ''}: ${(Number(process.hrtime.bigint() - t0) / 1e9).toFixed(1)} s`,
);
console.log(
  '| team | series | weeks | releases | announced | false alarms | unsettled (c) | time |',
);
console.log('|---|---|---|---|---|---|---|---|');
for (const r of rows) console.log(r);
console.log(
  `| **all** | | ${totals.weeks} | ${totals.releases} | ${totals.announced} (${pct} %) | ${totals.falseAlarms} | ${totals.unsettled} | |`,
);
if (misses.length) {
  console.log('\nNot announced, false alarms, unsettled:');
  for (const m of misses) console.log(m);
}
cleanup?.();

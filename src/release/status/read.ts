import { positionAt } from '../../calendar/cycle.js';
import type { Context } from '../../cli/context.js';
import { addDays, compareDates, type IsoDate } from '../../core/dates.js';
import { UsageError } from '../../core/errors.js';
import { releasedDeliverables } from '../../data/governance/projects.js';
import { isLifecycleTag, type Deliverable } from '../../data/releases/deliverables.js';
import { findSeries, seriesId, type Series } from '../../data/releases/series.js';
import { cloneLocator } from '../../git/clones.js';
import { planActions, type CloneHint, type SeriesFileHistory } from '../../actions/plan.js';
import { readActions, type ActionsSources } from '../../actions/read.js';
import { coverageWindows, dueFromActions } from './plan-actions.js';
import { dueItems } from './plan-due.js';
import { readClone, type CloneFacts } from './read-git.js';
import type {
  CoverageRow,
  CoverageView,
  DeliverableStatus,
  DueItem,
  ReleaseFact,
  ReleaseStatusView,
  RepoUnreleased,
} from './plan.js';

export interface StatusOptions {
  /** Series name or id; default: the series of the cycle at --date. */
  readonly series?: string;
  /** Folder of project clones (default: config clones-dir). */
  readonly clones?: string;
}

const LIBRARY_TYPES = new Set(['library', 'client-library']);
/** Series back from the status' one whose releases tell what a clone's commits were released as. */
const RELEASED_SERIES = 4;

/**
 * The release status of the team's deliverables in a series: reads files,
 * clones and the releases history, then plans with pure functions. A
 * release counts when it is in the deliverable file; the hash there says
 * what it released (a tag missing in a clone does not matter); its dates
 * come from the releases history (the embedded snapshot stores them). What
 * is due and the milestone coverage are the team's release actions.
 */
export function buildReleaseStatus(ctx: Context, opts: StatusOptions = {}): ReleaseStatusView {
  const input = ctx.calendarInput;
  const all = input.series;
  const position = positionAt(input, ctx.today);
  const series = opts.series ? findSeries(all, opts.series) : position.series;
  if (!series)
    throw new UsageError(`--series ${opts.series ?? ''}: not a series of data/series_status.yaml`);
  const team = ctx.team;
  const files = ctx.data.releases;
  const locator = cloneLocator(ctx, opts.clones);
  const clones = new Map<string, CloneFacts | undefined>();
  const cloneOf = (repo: string, deliverable: string): CloneFacts | undefined => {
    if (!clones.has(repo)) {
      const dir = locator.find(repo, deliverable);
      clones.set(repo, dir ? readClone(dir) : undefined);
    }
    return clones.get(repo);
  };
  const sources: ActionsSources = {
    releases: files,
    calendar: input,
    team,
    config: ctx.config,
    today: ctx.today,
    defaultSeries: position.series.name,
  };
  const read = readActions(sources, series.name);
  const notes: string[] = [...(read?.notes ?? [])];
  const lookup = files.deliverable.bind(files);
  const ignored = ctx.config.deliverables ?? {};
  const statuses: (Omit<DeliverableStatus, 'due'> & { stable: DueItem[] })[] = [];
  const hints: Record<string, MutableHint> = {};
  const mains = new Map<string, CloneFacts>();
  for (const gd of releasedDeliverables(team).filter((g) => !ignored[g.name]?.ignore)) {
    const file = files.deliverable(series.name, gd.name);
    const newest = file ?? olderFile(all, series, gd.name, lookup);
    const repos = file?.repos.length ? file.repos : gd.repos;
    const mainRepo = repos.find((r) => cloneOf(r, gd.name) !== undefined);
    const mainClone = mainRepo ? cloneOf(mainRepo, gd.name) : undefined;
    const history = read?.input.deliverables.find((d) => d.name === gd.name)?.file;
    const releases: ReleaseFact[] = (file?.releases ?? []).map((r) => {
      const h = history?.releases.find((x) => x.version === r.version);
      const dated = { proposed: h?.proposed ?? null, merged: h?.merged ?? null };
      if (dated.merged)
        return { version: r.version, date: dated.merged, dateSource: 'releases-history', ...dated };
      const tag = repos
        .map((repo) => cloneOf(repo, gd.name)?.tags.get(r.version))
        .find((t) => t !== undefined);
      if (tag) return { version: r.version, date: tag.date, dateSource: 'tag', ...dated };
      return { version: r.version, date: null, dateSource: 'unknown', ...dated };
    });
    const real = releases.filter((r) => !isLifecycleTag(r.version));
    const stableName = `${series.status === 'unmaintained' ? 'unmaintained' : 'stable'}/${seriesId(series)}`;
    const released = (repo: string) => releasedCommits(all, series, gd.name, repo, lookup);
    const unreleased = unreleasedOf(repos, (r) => cloneOf(r, gd.name), released, all, stableName);
    const model = newest?.model ?? null;
    const type = newest?.type ?? null;
    if (mainClone) mains.set(gd.name, mainClone);
    if (mainClone && mainRepo)
      hints[gd.name] = cloneHint(
        mainClone,
        mainRepo,
        unreleased,
        stableName,
        released(mainRepo),
        history,
      );
    statuses.push({
      name: gd.name,
      model,
      type,
      repos,
      file: file ? `deliverables/${series.name}/${gd.name}.yaml` : null,
      releases,
      latestInSeries: real[real.length - 1] ?? null,
      latestBefore: latestBefore(all, series, gd.name, lookup),
      stableBranch: {
        name: stableName,
        inFile: file?.branches.some((b) => b.name === stableName) ?? false,
        inClone: mainClone ? mainClone.branches.has(stableName) : null,
      },
      clone: mainClone?.dir ?? null,
      unreleased,
      // stable releases to consider (the lifecycle part of what is due comes from the actions)
      stable: dueItems({
        name: gd.name,
        model,
        type,
        seriesName: series.name,
        stableBranch: stableName,
        releases: real,
        unreleased,
        events: [],
        today: ctx.today,
      }).filter((i) => i.by === null),
    });
  }
  // the windows are known once planned: count the commits a clone shows in each closed one
  const first = read ? planActions(read.input) : [];
  for (const a of first) {
    const hint = hints[a.deliverable];
    const clone = mains.get(a.deliverable);
    const closed = compareDates(ctx.today, a.window.end) > 0;
    const library = a.kind === 'library' || a.kind === 'final-library';
    if (!hint || !clone || !library || !closed) continue;
    const changes = windowChanges(clone, a.window, hint.sinceByDay?.(a.window.end) ?? null);
    if (changes !== null) hint.windowChanges[a.id] = changes;
  }
  const actions = read ? planActions({ ...read.input, clones: hints }) : [];
  const deliverables: DeliverableStatus[] = statuses.map(({ stable, ...d }) => ({
    ...d,
    due: [...dueFromActions(actions.filter((a) => a.deliverable === d.name)), ...stable],
  }));
  const coverage: CoverageRow[] = deliverables
    .filter((d) => d.type !== null && LIBRARY_TYPES.has(d.type))
    .map((d) => ({
      deliverable: d.name,
      type: d.type ?? '',
      undated: d.releases
        .filter((r) => !r.date && !isLifecycleTag(r.version))
        .map((r) => r.version),
      windows: coverageWindows(
        actions.filter((a) => a.deliverable === d.name),
        hints[d.name],
        ctx.today,
      ),
    }));
  const noClone = deliverables.filter((s) => s.clone === null).map((s) => s.name);
  if (noClone.length > 0)
    notes.push(
      `no clone found for ${noClone.join(', ')} (looked ${locator.describe}): unreleased commits unknown`,
    );
  if (
    files.deliverableNames(series.name).length === 0 &&
    !notes.some((n) => n.includes('no deliverable files'))
  )
    notes.push(`${series.name} has no deliverable files yet`);
  const covNotes = coverageNotes(coverage);
  if (!read)
    covNotes.push(`no schedule for ${series.name} in the releases data: milestone windows unknown`);
  const cov: CoverageView = {
    today: ctx.today,
    team: team.name,
    series: series.name,
    rows: coverage,
    missed: coverage.reduce((n, r) => n + r.windows.filter((w) => w.state === 'missed').length, 0),
    notes: covNotes,
  };
  return {
    today: ctx.today,
    team: team.name,
    series: series.name,
    seriesId: seriesId(series),
    week: series.name === position.series.name ? position.week : '',
    deliverables,
    coverage: cov,
    actions,
    dataSource: ctx.data.describe,
    notes,
  };
}

type MutableHint = CloneHint & {
  windowChanges: Record<string, number>;
  /** The hash of the last release merged by a day (else the previous series' last). */
  sinceByDay?: (day: IsoDate) => string | null;
};

function cloneHint(
  clone: CloneFacts,
  repo: string,
  unreleased: readonly RepoUnreleased[] | null,
  stableName: string,
  released: readonly { version: string; hash: string }[],
  history: SeriesFileHistory | null | undefined,
): MutableHint {
  const count = (branch: string) =>
    unreleased?.find((u) => u.repo === repo && u.branch === branch)?.count ?? null;
  const hashOf = (version: string) => released.find((r) => r.version === version)?.hash ?? null;
  // released: this series first (file order reversed), then the earlier series
  const before = released.filter((r) => !history?.releases.some((h) => h.version === r.version));
  return {
    unreleasedMaster: count('master'),
    unreleasedStable: clone.branches.has(stableName) ? count(stableName) : null,
    windowChanges: {},
    sinceByDay: (day) => {
      const merged = (history?.releases ?? []).filter((r) => r.merged !== null && r.merged <= day);
      const last = merged[merged.length - 1];
      return (last ? hashOf(last.version) : null) ?? before[0]?.hash ?? null;
    },
  };
}

/** Commits on master made in the window that the release `since` (a hash) did not contain; null when git cannot tell. */
function windowChanges(
  clone: CloneFacts,
  window: { start: IsoDate; end: IsoDate },
  since: string | null,
): number | null {
  try {
    return clone.commitsBetween(since, 'master', addDays(window.start, -1), window.end);
  } catch {
    return null; // the release's commit is not in the clone (an old clone)
  }
}

/**
 * What the deliverable files say was released from `repo`: this series' and
 * the earlier ones' releases with the commit each tagged, newest first.
 */
function releasedCommits(
  all: readonly Series[],
  series: Series,
  name: string,
  repo: string,
  lookup: Lookup,
): { version: string; hash: string }[] {
  const i = all.findIndex((s) => s.name === series.name);
  const out: { version: string; hash: string }[] = [];
  for (const s of all.slice(i, i + RELEASED_SERIES)) {
    const d = lookup(s.name, name);
    for (const r of [...(d?.releases ?? [])].reverse()) {
      const hash = r.projects.find((p) => p.repo === repo)?.hash;
      if (hash && !isLifecycleTag(r.version)) out.push({ version: r.version, hash });
    }
  }
  return out;
}

type Lookup = (series: string, name: string) => Deliverable | undefined;

function olderFile(
  all: readonly Series[],
  series: Series,
  name: string,
  lookup: Lookup,
): Deliverable | undefined {
  const i = all.findIndex((s) => s.name === series.name);
  for (const s of all.slice(i + 1)) {
    const d = lookup(s.name, name);
    if (d) return d;
  }
  return undefined;
}

/** The last real version of the deliverable in the series before this one. */
function latestBefore(
  all: readonly Series[],
  series: Series,
  name: string,
  lookup: Lookup,
): { version: string; series: string } | null {
  const i = all.findIndex((s) => s.name === series.name);
  for (const s of all.slice(i + 1)) {
    const d = lookup(s.name, name);
    const v = d
      ? [...d.releases].reverse().find((r) => !isLifecycleTag(r.version))?.version
      : undefined;
    if (v) return { version: v, series: s.name };
  }
  return null;
}

/** Unreleased commits on master and on every branch of a series that is not end of life; null when no repository has a clone. */
function unreleasedOf(
  repos: readonly string[],
  cloneOf: (repo: string) => CloneFacts | undefined,
  released: (repo: string) => readonly { version: string; hash: string }[],
  all: readonly Series[],
  stableName: string,
): RepoUnreleased[] | null {
  const live = all.filter((s) => s.status !== 'end of life' && s.status !== 'future');
  const wanted = new Set([
    'master',
    stableName,
    ...live.flatMap((s) => [`stable/${seriesId(s)}`, `unmaintained/${seriesId(s)}`]),
  ]);
  let any = false;
  const out: RepoUnreleased[] = [];
  for (const repo of repos) {
    const c = cloneOf(repo);
    if (!c) continue;
    any = true;
    const list = released(repo);
    for (const branch of [...wanted].filter((b) => c.branches.has(b)))
      out.push({ repo, ...c.unreleasedSince(branch, list) });
  }
  return any ? out : null;
}

function coverageNotes(rows: readonly CoverageRow[]): string[] {
  const out: string[] = [];
  for (const r of rows) {
    if (r.undated.length > 0)
      out.push(
        `${r.deliverable}: release day unknown for ${r.undated.join(', ')} (no releases history and no clone with the tag): they satisfy the windows by kind only`,
      );
    if (r.windows.some((w) => w.state === 'unknown' && w.unreleasedChanges === null))
      out.push(
        `${r.deliverable}: no clone, so unreleased changes are unknown; a window without a release is reported, not failed`,
      );
  }
  return out;
}

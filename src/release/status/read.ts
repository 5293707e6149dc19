import { cycleWindow, positionAt } from '../../calendar/cycle.js';
import { scheduleEvents } from '../../calendar/events.js';
import type { CycleEvent } from '../../calendar/model.js';
import type { Context } from '../../cli/context.js';
import { addDays } from '../../core/dates.js';
import { UsageError } from '../../core/errors.js';
import { releasedDeliverables } from '../../data/governance/projects.js';
import { isLifecycleTag, type Deliverable } from '../../data/releases/deliverables.js';
import { findSeries, seriesId, type Series } from '../../data/releases/series.js';
import { isGitRepo } from '../../git/run.js';
import { cloneLocator } from '../../git/clones.js';
import { readStableRows } from '../../stable/read.js';
import type { Db } from '../../store/db.js';
import { judgeWindow, lastReleaseBy, milestoneWindows } from './plan-coverage.js';
import { dueItems } from './plan-due.js';
import { readClone, versionsAddedOn, type CloneFacts } from './read-git.js';
import type {
  CoverageRow,
  CoverageView,
  DeliverableStatus,
  ReleaseFact,
  ReleaseStatusView,
  RepoUnreleased,
} from './plan.js';

export interface StatusOptions {
  /** Series name or id; default: the series of the cycle at --date. */
  readonly series?: string;
  /** Folder of project clones (default: config clones-dir). */
  readonly clones?: string;
  /** The store, for open backports of the stable branches (unknown without it). */
  readonly db?: Db;
}

const LIBRARY_TYPES = new Set(['library', 'client-library']);

/**
 * The release status of the team's deliverables in a series: reads files,
 * clones and the releases history, then plans with pure functions. The
 * dashboard renders the same view model.
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
  const events: CycleEvent[] = scheduleEvents(input, series.name);
  const locator = cloneLocator(ctx, opts.clones);
  const clones = new Map<string, CloneFacts | undefined>();
  const cloneOf = (repo: string, deliverable: string): CloneFacts | undefined => {
    if (!clones.has(repo)) {
      const dir = locator.find(repo, deliverable);
      clones.set(repo, dir ? readClone(dir) : undefined);
    }
    return clones.get(repo);
  };
  const root = files.tree.absolute('');
  const history =
    root && isGitRepo(root) ? (path: string) => versionsAddedOn(root, path) : undefined;
  const notes: string[] = [];
  if (!history)
    notes.push(
      `release dates come from tags in clones only: ${files.tree.label} is not a git checkout`,
    );
  const ignored = ctx.config.deliverables ?? {};
  const statuses: DeliverableStatus[] = [];
  const coverage: CoverageRow[] = [];
  const start = cycleWindow(input, series)?.start;
  for (const gd of releasedDeliverables(team).filter((g) => !ignored[g.name]?.ignore)) {
    const file = files.deliverable(series.name, gd.name);
    const newest = file ?? olderFile(all, series, gd.name, files.deliverable.bind(files));
    const repos = file?.repos.length ? file.repos : gd.repos;
    const mainClone = repos.map((r) => cloneOf(r, gd.name)).find((c) => c !== undefined);
    const added =
      file && history ? history(`deliverables/${series.name}/${gd.name}.yaml`) : undefined;
    const releases: ReleaseFact[] = (file?.releases ?? []).map((r) => {
      const tag = repos
        .map((repo) => cloneOf(repo, gd.name)?.tags.get(r.version))
        .find((t) => t !== undefined);
      if (tag) return { version: r.version, date: tag.date, dateSource: 'tag' };
      const day = added?.get(r.version);
      return day
        ? { version: r.version, date: day, dateSource: 'releases-history' }
        : { version: r.version, date: null, dateSource: 'unknown' };
    });
    const real = releases.filter((r) => !isLifecycleTag(r.version));
    const stableName = `${series.status === 'unmaintained' ? 'unmaintained' : 'stable'}/${seriesId(series)}`;
    const unreleased = unreleasedOf(repos, (r) => cloneOf(r, gd.name), all, stableName);
    const model = newest?.model ?? null;
    const type = newest?.type ?? null;
    statuses.push({
      name: gd.name,
      model,
      type,
      repos,
      file: file ? `deliverables/${series.name}/${gd.name}.yaml` : null,
      releases,
      latestInSeries: real[real.length - 1] ?? null,
      latestBefore: latestBefore(all, series, gd.name, files.deliverable.bind(files)),
      stableBranch: {
        name: stableName,
        inFile: file?.branches.some((b) => b.name === stableName) ?? false,
        inClone: mainClone ? mainClone.branches.has(stableName) : null,
      },
      clone: mainClone?.dir ?? null,
      unreleased,
      due: dueItems({
        name: gd.name,
        model,
        type,
        seriesName: series.name,
        stableBranch: stableName,
        releases: real,
        unreleased,
        events,
        today: ctx.today,
        series: all,
      }),
    });
    if (type && LIBRARY_TYPES.has(type) && start) {
      const windows = milestoneWindows(series.name, start, events, type);
      const before = latestBefore(all, series, gd.name, files.deliverable.bind(files));
      coverage.push({
        deliverable: gd.name,
        type,
        undated: real.filter((r) => !r.date).map((r) => r.version),
        windows: windows.map((w, i) => {
          const by = lastReleaseBy(real, w.to);
          const since = by?.version ?? before?.version ?? null;
          const known = since === null || mainClone?.tags.has(since);
          const changes =
            mainClone && known
              ? mainClone.commitsBetween(
                  since,
                  'master',
                  i === 0 ? addDays(w.from, -1) : w.from,
                  w.to,
                )
              : null;
          return judgeWindow(w, i === 0, real, changes, ctx.today);
        }),
      });
    }
  }
  const noClone = statuses.filter((s) => s.clone === null).map((s) => s.name);
  if (noClone.length > 0)
    notes.push(
      `no clone for ${noClone.join(', ')} (looked ${locator.describe}): unreleased commits unknown`,
    );
  if (files.deliverableNames(series.name).length === 0)
    notes.push(`${series.name} has no deliverable files yet`);
  const covNotes = coverageNotes(coverage);
  if (events.length === 0)
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
    deliverables: statuses,
    coverage: cov,
    stable: readStableRows(ctx, {
      ...(opts.clones !== undefined ? { clones: opts.clones } : {}),
      ...(opts.db ? { db: opts.db } : {}),
    }),
    dataSource: ctx.data.describe,
    notes,
  };
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
    for (const branch of [...wanted].filter((b) => c.branches.has(b)))
      out.push({ repo, ...c.unreleased(branch) });
  }
  return any ? out : null;
}

function coverageNotes(rows: readonly CoverageRow[]): string[] {
  const out: string[] = [];
  for (const r of rows) {
    if (r.undated.length > 0)
      out.push(
        `${r.deliverable}: release day unknown for ${r.undated.join(', ')} (no clone with the tag and no releases history)`,
      );
    if (r.windows.some((w) => w.state === 'unknown' && w.unreleasedChanges === null))
      out.push(
        `${r.deliverable}: no clone, so unreleased changes are unknown; a window without a release is reported, not failed`,
      );
  }
  return out;
}

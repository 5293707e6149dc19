import { seriesStatusAt } from '../../calendar/series-status.js';
import { cycleWindow, positionAt } from '../../calendar/cycle.js';
import { scheduleEvents } from '../../calendar/events.js';
import type { Deps } from '../../core/deps.js';
import { UsageError } from '../../core/errors.js';
import { releasedDeliverables } from '../../data/governance/projects.js';
import { isLifecycleTag, type Deliverable } from '../../data/releases/deliverables.js';
import { findSeries, type Series } from '../../data/releases/series.js';
import { isGitRepo } from '../../git/run.js';
import { cloneLocator } from '../../git/clones.js';
import {
  coverageStarts,
  hasCoverage,
  planReleaseStatus,
  wantedBranches,
  type DeliverableFacts,
  type ReleaseStatusView,
  type RepoUnreleased,
  type StatusInput,
  type StatusOptions,
} from './plan.js';
import { readClone, versionsAddedOn, type CloneFacts } from './read-git.js';
import { readStableRows } from '../stable/read.js';

/**
 * The release status of the team's deliverables in a series: reads every
 * fact first (files, clones, the releases history), then plans purely.
 * The command, its --json and the dashboard share this builder.
 */
export function buildReleaseStatus(ctx: Deps, opts: StatusOptions = {}): ReleaseStatusView {
  return planReleaseStatus(readStatusFacts(ctx, opts));
}

/** Everything `release status` plans from; all the git and file reading happens here. */
export function readStatusFacts(ctx: Deps, opts: StatusOptions = {}): StatusInput {
  const input = ctx.calendarInput;
  const files = ctx.data.releases;
  // each series with its status at --date (from the schedule), not the one the data stores
  const all = input.series.map((s) => ({
    ...s,
    status: seriesStatusAt(input.series, s, ctx.today, files.stamp.date),
  }));
  const position = positionAt(input, ctx.today);
  const series = findSeries(all, opts.series ?? position.series.name);
  if (!series)
    throw new UsageError(`--series ${opts.series ?? ''}: not a series of data/series_status.yaml`);
  const seriesFiles = ctx.data.seriesDeliverables(series.name);
  const events = scheduleEvents(input, series.name);
  const start = cycleWindow(input, series)?.start ?? null;
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
  const history = root !== undefined && isGitRepo(root) ? root : undefined;
  const wanted = wantedBranches(all, series);
  const ignored = ctx.config.deliverables ?? {};
  const lookup: Lookup = files.deliverable.bind(files);
  const deliverables = releasedDeliverables(ctx.team)
    .filter((g) => !ignored[g.name]?.ignore)
    .map((gd): DeliverableFacts => {
      const file = files.deliverable(series.name, gd.name);
      const path = `deliverables/${series.name}/${gd.name}.yaml`;
      // a series without files yet: the models init-series will copy (the shared fallback)
      const newest =
        file ?? seriesFiles.deliverable(gd.name) ?? olderFile(all, series, gd.name, lookup);
      const repos = file?.repos.length ? file.repos : gd.repos;
      const repoClones = repos.map((r) => ({ repo: r, clone: cloneOf(r, gd.name) }));
      const main = repoClones.find((c) => c.clone !== undefined)?.clone;
      const added = file && history ? versionsAddedOn(history, path) : undefined;
      const releases = (file?.releases ?? []).map((r) => ({
        version: r.version,
        tagDate: repoClones.map((c) => c.clone?.tags.get(r.version)).find((t) => t)?.date ?? null,
        addedOn: added?.get(r.version) ?? null,
      }));
      const before = latestBefore(all, series, gd.name, lookup);
      const type = newest?.type ?? null;
      return {
        name: gd.name,
        file: file ? path : null,
        model: newest?.model ?? null,
        type,
        repos,
        releases,
        fileBranches: file?.branches.map((b) => b.name) ?? [],
        latestBefore: before,
        clone: main
          ? { dir: main.dir, branches: [...main.branches], tags: [...main.tags.keys()] }
          : null,
        unreleased: unreleasedOf(repoClones, wanted),
        masterCommitDays:
          main && hasCoverage(type, start)
            ? commitDaysSince(main, coverageStarts(releases, before))
            : {},
      };
    });
  return {
    today: ctx.today,
    team: ctx.team.name,
    series,
    allSeries: all,
    week: series.name === position.series.name ? position.week : '',
    events,
    start,
    deliverables,
    releasesHistory: history !== undefined,
    releasesLabel: files.tree.label,
    clonesLooked: locator.describe,
    // on fallback the envelope's note says it; no second note here
    seriesHasFiles: seriesFiles.names.length > 0,
    stable: readStableRows(ctx, {
      ...(opts.clones !== undefined ? { clones: opts.clones } : {}),
      ...(opts.db ? { db: opts.db } : {}),
    }),
    dataSource: ctx.data.describe,
  };
}

/** Unreleased commits of each cloned repository on the wanted branches it has; null when none is cloned. */
function unreleasedOf(
  repoClones: readonly { readonly repo: string; readonly clone: CloneFacts | undefined }[],
  wanted: readonly string[],
): RepoUnreleased[] | null {
  const cloned = repoClones.filter((c) => c.clone !== undefined);
  if (cloned.length === 0) return null;
  return cloned.flatMap(({ repo, clone }) =>
    wanted
      .filter((b) => clone?.branches.has(b))
      .map((b) => ({ repo, ...(clone as CloneFacts).unreleased(b) })),
  );
}

/** Master's commit days not reachable from each tag the clone has (`''`: all of master). */
function commitDaysSince(clone: CloneFacts, starts: readonly string[]): Record<string, string[]> {
  const out: Record<string, string[]> = {};
  for (const since of starts)
    if (since === '' || clone.tags.has(since))
      out[since] = clone.commitDays(since === '' ? null : since, 'master');
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

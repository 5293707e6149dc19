import { seriesStatusAt } from '../../calendar/series-status.js';
import { cycleWindow, positionAt } from '../../calendar/cycle.js';
import { scheduleEvents } from '../../calendar/events.js';
import type { Deps } from '../../core/deps.js';
import { UsageError } from '../../core/errors.js';
import { releasedDeliverables } from '../../data/governance/projects.js';
import { isLifecycleTag, type Deliverable } from '../../data/releases/deliverables.js';
import { findSeries, type Series } from '../../data/releases/series.js';
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
import { readClone, type CloneFacts } from './read-git.js';

/** Series back from the status' one whose releases say what a clone's commits were released as. */
const RELEASED_SERIES = 4;
import { readStableRows } from '../stable/read.js';

/**
 * The release status of the team's deliverables in a series: reads every
 * fact first (files, clones, the releases history), then plans purely.
 * The command, its --json and the dashboard share this builder.
 */
export async function buildReleaseStatus(
  ctx: Deps,
  opts: StatusOptions = {},
): Promise<ReleaseStatusView> {
  return planReleaseStatus(await readStatusFacts(ctx, opts));
}

/** Everything `release status` plans from; all the git and file reading happens here. */
export async function readStatusFacts(ctx: Deps, opts: StatusOptions = {}): Promise<StatusInput> {
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
  // the release actions' input: the files with the dates of the releases history
  const read = await ctx.views.releaseActionsInput(ctx, series.name);
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
      const dated = read?.input.deliverables.find((d) => d.name === gd.name)?.file;
      const releases = (file?.releases ?? []).map((r) => {
        const h = dated?.releases.find((x) => x.version === r.version);
        return {
          version: r.version,
          tagDate: repoClones.map((c) => c.clone?.tags.get(r.version)).find((t) => t)?.date ?? null,
          proposed: h?.proposed ?? null,
          merged: h?.merged ?? null,
        };
      });
      const released = (repo: string) => releasedCommits(all, series, gd.name, repo, lookup);
      const mainRepo = repoClones.find((c) => c.clone !== undefined)?.repo;
      const before = latestBefore(all, series, gd.name, lookup);
      const type = newest?.type ?? null;
      const behind = repoClones.flatMap(({ repo, clone }) => {
        const b = clone ? behindOf(clone, released(repo)) : undefined;
        return b ? [{ repo, ...b }] : [];
      });
      const upToDate = repoClones.filter((c) => !behind.some((b) => b.repo === c.repo));
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
        cloneBehind: behind,
        // a clone behind would count from an older release: its counts are unknown
        unreleased: unreleasedOf(upToDate, wanted, released),
        masterCommitDays:
          main && mainRepo && hasCoverage(type, start)
            ? commitDaysSince(main, coverageStarts(releases, before), released(mainRepo))
            : {},
      };
    });
  return {
    today: ctx.today,
    team: ctx.team.name,
    series,
    allSeries: all,
    dataDate: files.stamp.date,
    week: series.name === position.series.name ? position.week : '',
    events,
    start,
    deliverables,
    actions: read?.input ?? null,
    actionNotes: read?.notes ?? [],
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

type Released = readonly { readonly version: string; readonly hash: string }[];

/**
 * The newest of `released` (newest first) when the clone lacks its commit
 * but has an older release's: the clone is behind the releases. A clone
 * with none of them is not known to share their history (counts then come
 * from its tags, `unreleasedSince`); an older commit missing alone (shallow)
 * leaves the counts from the newest right, and the windows say it (`no-start`).
 */
function behindOf(
  clone: CloneFacts,
  released: Released,
): { dir: string; hash: string; version: string } | undefined {
  const newest = released[0];
  if (!newest) return undefined;
  const missing = clone.lacking(released.map((r) => r.hash));
  if (!missing.has(newest.hash) || released.every((r) => missing.has(r.hash))) return undefined;
  return { dir: clone.dir, hash: newest.hash, version: newest.version };
}

/**
 * Unreleased commits of each cloned repository on the wanted branches it
 * has, counted from the commits the deliverable files say were released
 * (a tag missing in the clone does not matter); null when none is cloned.
 */
function unreleasedOf(
  repoClones: readonly { readonly repo: string; readonly clone: CloneFacts | undefined }[],
  wanted: readonly string[],
  released: (repo: string) => Released,
): RepoUnreleased[] | null {
  const cloned = repoClones.filter((c) => c.clone !== undefined);
  if (cloned.length === 0) return null;
  return cloned.flatMap(({ repo, clone }) => {
    const list = released(repo);
    return wanted
      .filter((b) => clone?.branches.has(b))
      .map((b) => ({ repo, ...(clone as CloneFacts).unreleasedSince(b, list) }));
  });
}

/**
 * Master's commit days not reachable from each release (by the commit the
 * file says it tagged, else its tag; `''`: all of master). A release whose
 * commit the clone lacks (an old clone) is left out.
 */
function commitDaysSince(
  clone: CloneFacts,
  starts: readonly string[],
  released: Released,
): Record<string, string[]> {
  const out: Record<string, string[]> = {};
  for (const since of starts) {
    const ref =
      since === ''
        ? null
        : (released.find((r) => r.version === since)?.hash ??
          (clone.tags.has(since) ? since : undefined));
    if (ref === undefined) continue;
    try {
      out[since] = clone.commitDays(ref, 'master');
    } catch {
      // that commit is not in the clone
    }
  }
  return out;
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

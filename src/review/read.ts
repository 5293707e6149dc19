import { seriesStatusAt } from '../calendar/series-status.js';
import { scheduleEvents } from '../calendar/events.js';
import { hasStore, type Deps } from '../core/deps.js';
import type { IsoDate } from '../core/dates.js';
import { findTeam } from '../data/governance/projects.js';
import { seriesId } from '../data/releases/series.js';
import { cloneLocator } from '../git/clones.js';
import { sourceAge } from '../sources/age.js';
import { resolveEndpoints } from '../sources/endpoints.js';
import type { Db } from '../store/db.js';
import { planReview, type ReviewView, type ShipFacts } from './plan.js';
import { summarizeReview, type ReviewSummary } from './plan-summary.js';
import { makeRoster } from './plan-people.js';
import { analyseRequests, shipKey, shipQueries, type ReviewEnv } from './plan-requests.js';
import { readShipFacts } from './read-ships.js';
import { contentKey, loadContents, loadPostedVotes, loadReviewSnapshot } from './store.js';
import { REVIEW_SOURCE, teamDeliverableNames } from './read-sync.js';
import { readSourceState } from '../sources/state.js';

/**
 * Reads what the review desk needs — the stored snapshot (offline first:
 * no network here), governance, the schedule, the local clones — and plans
 * the view. The CLI, the brief, the dashboard and the meeting report all
 * call this; `ships: false` skips git (the brief's one-line summary).
 */
export interface ReviewBuildOptions {
  /** `--clones DIR`. */
  readonly clones?: string;
  /** Read the clones for "what it ships" (default true). */
  readonly ships?: boolean;
  /** An open store to use (default: the context's). */
  readonly db?: Db;
}

export const REVIEW_TITLE = 'Release requests';

export async function buildReviewView(
  ctx: Deps,
  opts: ReviewBuildOptions = {},
): Promise<ReviewView> {
  const db = opts.db ?? (await ctx.store());
  const env = reviewEnv(ctx, db);
  const snapshot = loadReviewSnapshot(db);
  const age = sourceAge(db, REVIEW_SOURCE, ctx.today, { title: REVIEW_TITLE });
  const analyses = analyseRequests(snapshot?.requests ?? [], env);
  const facts = new Map<string, ShipFacts>();
  const locator = cloneLocator(ctx, opts.clones);
  if (opts.ships !== false) {
    // ranges are independent: read a few at a time (process starts dominate;
    // more than a handful in flight only thrashes a small machine)
    const todo = new Map<string, () => Promise<ShipFacts>>();
    for (const { deliverable, query } of shipQueries(analyses)) {
      const key = shipKey(query);
      const clone = todo.has(key) ? undefined : locator.find(query.repo, deliverable);
      if (clone) todo.set(key, () => readShipFacts(clone, query));
    }
    const queue = [...todo];
    const worker = async () => {
      for (let next = queue.shift(); next; next = queue.shift())
        facts.set(next[0], await next[1]());
    };
    await Promise.all(Array.from({ length: Math.min(4, queue.length) }, worker));
  }
  return planReview({
    analyses,
    env,
    facts,
    clonesHint: locator.describe,
    posted: loadPostedVotes(db),
    data: { asOf: age.syncedAt, state: age.state, line: age.line },
    notes: opts.ships === false ? ['commits not read (summary only)'] : [],
  });
}

export function reviewEnv(ctx: Deps, db: Db): ReviewEnv {
  const team = ctx.team;
  const teams = ctx.data.governance.teams();
  const releaseTeam = findTeam(teams, 'Release Management');
  const people = ctx.config.people;
  const roster = makeRoster({
    // the approval rule counts the PTL only for PTL-led teams
    ptl: [team.leadershipType === 'ptl' ? team.ptl?.email : undefined, people?.ptl?.email],
    liaisons: [
      ...(team.liaisons.release ?? []).map((p) => p.email),
      ...(people?.liaisons ?? []).map((p) => p.email),
    ],
    releaseTeam: releaseTeam
      ? [releaseTeam.ptl?.email, ...(releaseTeam.liaisons.release ?? []).map((p) => p.email)]
      : [],
  });
  let owners: Map<string, string> | undefined; // only needed when a change touches another team's file
  const ownerTeam = (name: string): string | undefined => {
    owners ??= new Map(
      teams.flatMap((t) => t.deliverables.map((d): [string, string] => [d.name, t.name])),
    );
    return owners.get(name);
  };
  const releases = ctx.data.releases;
  const series = releases.series();
  const weeks = new Map<string, Map<string, IsoDate>>();
  const eventWeek = (s: string, label: string): IsoDate | undefined => {
    if (!weeks.has(s)) {
      const m = new Map<string, IsoDate>();
      try {
        for (const e of scheduleEvents(ctx.calendarInput, s))
          if (!m.has(e.id)) m.set(e.id, e.weekStart);
      } catch {
        // a series without a schedule has no milestone weeks
      }
      weeks.set(s, m);
    }
    return weeks.get(s)?.get(label);
  };
  const contents = loadContents(db);
  return {
    today: ctx.today,
    team: team.name,
    gerritBase: resolveEndpoints(ctx.config, ctx.env).gerrit,
    roster,
    teamDeliverables: new Set(teamDeliverableNames(ctx)),
    ownerTeam,
    knownSeries: series.map((s) => s.name),
    eventWeek,
    olderReleases: (s, name) => {
      const i = series.findIndex((x) => x.name === s);
      if (i < 0) return [];
      return series.slice(i + 1).map((x) => ({
        series: x.name,
        releases: releases.deliverable(x.name, name)?.releases ?? [],
      }));
    },
    branchesFor: (s) => {
      const entry = series.find((x) => x.name === s);
      if (!entry) return ['master'];
      const status = seriesStatusAt(series, entry, ctx.today, releases.stamp.date);
      const prefix = status === 'unmaintained' ? 'unmaintained' : 'stable';
      return [`${prefix}/${seriesId(entry)}`, 'master'];
    },
    content: (revision, path, side) => contents.get(contentKey(revision, path, side)),
  };
}

/**
 * The review desk's part of the brief: how many release requests wait for
 * the team's +1, from the store only (no network, no git). Null when the
 * requests were never synced.
 */
export async function readReviewSummary(ctx: Deps): Promise<ReviewSummary | null> {
  // a machine that never synced has no store to open (nor to create)
  if (!hasStore(ctx)) return null;
  const db = await ctx.store();
  if (!readSourceState(db, REVIEW_SOURCE)) return null;
  return summarizeReview(await buildReviewView(ctx, { db, ships: false }));
}

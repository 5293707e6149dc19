import { positionAt } from '../calendar/cycle.js';
import type { Deps } from '../core/deps.js';
import { ConfigError, UsageError } from '../core/errors.js';
import type { IsoDate } from '../core/dates.js';
import type { Team } from '../data/governance/projects.js';
import { previousSeries } from '../data/releases/series.js';
import { openRequestsOf, type TeamActions as BriefActions } from '../actions/plan.js';
import {
  COUNTED_STATES,
  planOpenStack,
  teamsWithDeliverables,
  type ActionLike,
  type OpenStackFilters,
  type OpenStackView,
  type SeriesTeam,
  type TeamActions,
} from './plan.js';

/** The series at a date, and the governance teams with deliverables in it. */
export interface SeriesTeams {
  readonly series: string;
  readonly week: string;
  /** The series whose deliverable files were read: the series itself, or the previous one before its files exist. */
  readonly filesFrom: string;
  readonly teams: readonly SeriesTeam[];
}

export function readSeriesTeams(ctx: Deps, date: IsoDate = ctx.today): SeriesTeams {
  const input = ctx.calendarInput;
  const position = positionAt(input, date);
  const files = ctx.data.releases;
  let filesFrom = position.series.name;
  let names = files.deliverableNames(filesFrom);
  if (names.length === 0) {
    // a series before init-series: the release team copies the previous series' files
    const prev = previousSeries(input.series, filesFrom);
    if (prev) {
      filesFrom = prev.name;
      names = files.deliverableNames(prev.name);
    }
  }
  return {
    series: position.series.name,
    week: position.week,
    filesFrom,
    teams: teamsWithDeliverables(ctx.data.governance.teams(), new Set(names)),
  };
}

/** A team's release actions, exactly as its own brief computes them (with the team's own config). */
export type TeamActionsSource<A extends ActionLike> = (
  teamCtx: Deps,
  team: Team,
) => Promise<{ readonly actions: readonly A[]; readonly notes: readonly string[] }>;

export interface ReadOpenStackOptions<A extends ActionLike> {
  /** The Deps of a team (its config, the run's data and date). */
  readonly forTeam: (name: string) => Deps;
  readonly actionsOf: TeamActionsSource<A>;
  readonly filters: OpenStackFilters;
}

/** Every team with deliverables in the series at --date, its actions read as its own brief reads them. */
export async function readOpenStack<A extends ActionLike>(
  ctx: Deps,
  opts: ReadOpenStackOptions<A>,
): Promise<OpenStackView<A>> {
  const st = readSeriesTeams(ctx);
  checkTeamFilter(opts.filters, st);
  const wanted = opts.filters.team?.map((t) => t.toLowerCase());
  const teams: TeamActions<A>[] = [];
  for (const t of st.teams) {
    if (wanted && !wanted.includes(t.name.toLowerCase())) continue;
    const governance = ctx.data.governance.team(t.name);
    try {
      const teamCtx = opts.forTeam(t.name);
      const { actions, notes } = await opts.actionsOf(teamCtx, teamCtx.team);
      teams.push({ team: teamCtx.team, actions, notes });
    } catch (e) {
      // one team whose name or config the tool refuses is listed with the reason; the others are shown
      if (!(e instanceof UsageError || e instanceof ConfigError)) throw e;
      teams.push({
        team: governance,
        actions: [],
        notes: [`its release actions are not computed: ${e.message}`],
      });
    }
  }
  const series = ctx.calendarInput.series.find((s) => s.name === st.series);
  return planOpenStack({
    date: ctx.today,
    series: st.series,
    releaseId: series?.releaseId ?? null,
    week: st.week,
    teams,
    filters: opts.filters,
    notes:
      st.filesFrom === st.series
        ? []
        : [`${st.series} has no deliverable files yet; its teams are those of ${st.filesFrom}`],
    dataAsOf: ctx.data.dataAsOf ?? null,
    dataSource: ctx.data.describe,
  });
}

function checkTeamFilter(f: OpenStackFilters, st: SeriesTeams): void {
  if (!f.team) return;
  const known = st.teams.map((t) => t.name);
  for (const name of f.team) {
    if (!known.some((k) => k.toLowerCase() === name.toLowerCase()))
      throw new UsageError(
        `--team ${name}: no team with deliverables in ${st.series}; teams: ${known.join(', ')}`,
      );
  }
}

/** Parses the --state/--kind/--team lists, refusing values no action can have. */
export function parseFilters(
  o: { state?: string; kind?: string; team?: string },
  kinds: readonly string[],
): OpenStackFilters {
  const list = (v: string | undefined) =>
    v === undefined
      ? null
      : v
          .split(',')
          .map((s) => s.trim())
          .filter(Boolean);
  const state = list(o.state);
  for (const s of state ?? [])
    if (!(COUNTED_STATES as readonly string[]).includes(s))
      throw new UsageError(`--state ${s}: expected one of ${COUNTED_STATES.join(', ')}`);
  const kind = list(o.kind);
  for (const k of kind ?? []) {
    const m = /^([a-z-]+)(?::(\d))?$/.exec(k);
    if (!m || !kinds.includes(m[1] ?? ''))
      throw new UsageError(
        `--kind ${k}: expected one of ${kinds.join(', ')} (a milestone as in library:2)`,
      );
  }
  return { state, kind, team: list(o.team) };
}

/**
 * A team's release actions exactly as its brief asks for them: the series at
 * the date with the previous series' actions still pending, and the review
 * desk's open requests as `proposed`.
 */
export async function briefActions(ctx: Deps): Promise<BriefActions> {
  const review = await ctx.views.reviewSummary(ctx);
  return ctx.views.releaseActions(ctx, {
    withPrevious: true,
    openRequests: review ? openRequestsOf(review) : [],
  });
}

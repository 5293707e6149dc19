import { cycleWindow } from '../calendar/cycle.js';
import type { CalendarInput } from '../calendar/model.js';
import { addDays, compareDates, type IsoDate } from '../core/dates.js';
import type { Team } from '../data/governance/projects.js';
import { fileDates, type ReleaseDates } from '../data/releases/release-dates.js';
import type { DeliverableSummary } from '../data/releases/deliverables.js';
import type { ReleasesData } from '../data/releases/releases-data.js';
import { findSeries, nextSeries, previousSeries, type Series } from '../data/releases/series.js';
import { positionAt } from '../calendar/cycle.js';
import type { Deps } from '../core/deps.js';
import { UsageError } from '../core/errors.js';
import { teamDeliverables } from '../team/plan.js';
import { milestoneOfDate, planActions } from './plan.js';
import { conventionsFor, type ConfiguredConventions, type PastSeries } from './plan-conventions.js';
import type {
  ActionDeliverable,
  ActionsCalendar,
  CloneHint,
  DeliverableConventions,
  OpenRequest,
  ActionsRead,
  ReleaseAction,
  ReleaseActionsOptions,
  SeriesFileHistory,
  TeamActions,
} from './plan-types.js';
import { weekOf } from './plan-windows.js';

/**
 * Reads what the actions planner needs from the releases data (files,
 * schedules, the dates of the releases from the history) and the team, as
 * plain data. No clock, no CLI: the caller passes the date and whatever the
 * review source and the clones said.
 */
export interface ActionsSources {
  readonly releases: ReleasesData;
  readonly calendar: CalendarInput;
  readonly team: Team;
  readonly config: {
    readonly deliverables?: Readonly<Record<string, { readonly ignore?: boolean | undefined }>>;
    readonly conventions?: Readonly<Record<string, ConfiguredConventions>>;
  };
  readonly today: IsoDate;
  readonly openRequests?: readonly OpenRequest[];
  readonly clones?: Readonly<Record<string, CloneHint>>;
  /** The series `release propose` defaults to at `today` (commands name another one). */
  readonly defaultSeries?: string;
  /** The day the releases data was taken (`PlanActionsInput.dataAsOf`); absent: current at `today`. */
  readonly dataAsOf?: IsoDate;
}

/** How many earlier series the conventions look at, and how far back to search for them. */
const CONVENTION_SERIES = 3;
const SEARCH_BACK = 6;

/** The calendar of one series, or undefined when the data has no schedule for it. */
export function actionsCalendar(input: CalendarInput, series: Series): ActionsCalendar | undefined {
  const schedule = input.schedules.get(series.name);
  const window = cycleWindow(input, series);
  if (!schedule || !window) return undefined;
  const next = nextSeries(input.series, series.name);
  const nextSchedule = next ? input.schedules.get(next.name) : undefined;
  const trailing =
    next && nextSchedule
      ? weekOf(
          {
            name: next.name,
            releaseId: null,
            releaseDate: null,
            start: nextSchedule.startWeek,
            weeks: nextSchedule.weeks,
            trailingDeadline: null,
          },
          'cycle-trail',
        )
      : undefined;
  return {
    name: series.name,
    releaseId: series.releaseId ?? null,
    releaseDate: series.initialRelease ?? null,
    start: window.start,
    weeks: schedule.weeks,
    trailingDeadline: trailing ?? null,
  };
}

/** The team's deliverables in a series: its files there owned by the team, and governance's (with the model fallback). */
function deliverableNames(src: ActionsSources, series: string): string[] {
  const ignored = src.config.deliverables ?? {};
  const managed = src.team.deliverables
    .filter((d) => d.releaseManagement === undefined && !ignored[d.name]?.ignore)
    .map((d) => d.name);
  const files = src.releases.deliverableNames(series);
  if (files.length === 0) return managed;
  const own = files.filter((n) => {
    if (ignored[n]?.ignore) return false;
    const team = src.releases.teamOf(series, n);
    return team !== undefined && team.toLowerCase() === src.team.name.toLowerCase();
  });
  // governance lists today's deliverables; the series' files say which existed then
  return [...new Set([...managed.filter((n) => files.includes(n)), ...own])].sort();
}

export function fileHistory(
  series: string,
  name: string,
  s: DeliverableSummary,
  dates: ReleaseDates | undefined,
): SeriesFileHistory {
  const fd = fileDates(dates, series, name);
  const pair = (p: readonly [string | null, string | null] | undefined) => ({
    proposed: p?.[0] ?? null,
    merged: p?.[1] ?? null,
  });
  return {
    series,
    path: `deliverables/${series}/${name}.yaml`,
    model: s.model ?? null,
    type: s.type ?? null,
    stableBranchType: s.stableBranchType ?? null,
    releases: s.versions.map((version, i) => ({
      version,
      hashes: s.hashes?.[i] ?? null,
      ...pair(Object.hasOwn(fd.v, version) ? fd.v[version] : undefined),
    })),
    branches: s.branches.map((name) => ({
      name,
      location: null,
      ...pair(Object.hasOwn(fd.b, name) ? fd.b[name] : undefined),
    })),
    highlights: s.highlights ? pair(fd.h) : null,
  };
}

interface DeliverablesRead {
  readonly deliverables: ActionDeliverable[];
  readonly conventions: Record<string, DeliverableConventions>;
  readonly notes: string[];
}

/** The deliverables' files with dates, and their conventions from the earlier series. */
function readDeliverables(
  src: ActionsSources,
  series: Series,
  names: readonly string[],
): DeliverablesRead {
  const all = src.calendar.series;
  const notes: string[] = [];
  const index = all.findIndex((s) => s.name === series.name);
  const older = all.slice(index + 1, index + 1 + SEARCH_BACK);
  // one read of the dates for this series and the earlier ones the conventions use
  const wanted: string[] = [];
  const pastOf = new Map<string, Series[]>();
  for (const name of names) {
    if (src.releases.summary(series.name, name)) wanted.push(`${series.name}/${name}`);
    const past = older
      .filter((s) => src.releases.summary(s.name, name) !== undefined)
      .slice(0, CONVENTION_SERIES);
    pastOf.set(name, past);
    for (const s of past) wanted.push(`${s.name}/${name}`);
  }
  // the history walk stops before the oldest series read (its files are made around its start)
  const used = older.filter((s) => [...pastOf.values()].some((list) => list.includes(s)));
  const oldest = used[used.length - 1] ?? series;
  const since = cycleWindow(src.calendar, oldest)?.start;
  const dates = src.releases.releaseDates(wanted, since ? addDays(since, -120) : undefined);
  if (!dates)
    notes.push(
      `release dates unknown (${src.releases.tree.label} has no git history): releases satisfy actions by kind only`,
    );
  const governance = teamDeliverables(src.team, all, series.name, src.releases, src.config);
  const deliverables: ActionDeliverable[] = [];
  const conventions: Record<string, DeliverableConventions> = {};
  for (const name of names) {
    const summary = src.releases.summary(series.name, name);
    const g = governance.find((d) => d.name === name);
    const file = summary ? fileHistory(series.name, name, summary, dates) : null;
    const d: ActionDeliverable = {
      name,
      model: file?.model ?? g?.model ?? null,
      type: file?.type ?? g?.type ?? null,
      stableBranchType: file?.stableBranchType ?? g?.stableBranchType ?? null,
      file,
      modelFrom: file ? series.name : (g?.fileSeries ?? null),
    };
    deliverables.push(d);
    // the embedded snapshot carries them compiled: the series they look back at are not in it
    const stored = dates?.conventions?.[`${series.name}/${name}`];
    const past: PastSeries[] = [];
    for (const s of stored ? [] : (pastOf.get(name) ?? [])) {
      const pc = actionsCalendar(src.calendar, s);
      const ps = src.releases.summary(s.name, name);
      if (pc && ps) past.push({ calendar: pc, file: fileHistory(s.name, name, ps, dates) });
    }
    conventions[name] = conventionsFor(d, past, src.config.conventions?.[name], stored);
  }
  return { deliverables, conventions, notes };
}

/**
 * The planner's input for the team in `seriesName`. Undefined when the
 * data has no schedule for the series (no windows can be computed).
 */
export function readActions(src: ActionsSources, seriesName: string): ActionsRead | undefined {
  const series = src.calendar.series.find((s) => s.name === seriesName);
  if (!series) return undefined;
  const cal = actionsCalendar(src.calendar, series);
  if (!cal) return undefined;
  const read = readDeliverables(src, series, deliverableNames(src, series.name));
  const notes = [...read.notes];
  if (src.releases.deliverableNames(series.name).length === 0) {
    const from = read.deliverables.find((d) => d.modelFrom)?.modelFrom;
    notes.push(
      `${series.name} has no deliverable files in the releases data yet${from ? `; release models are taken from ${from}` : ''}`,
    );
  }
  return {
    input: {
      series: cal,
      deliverables: read.deliverables,
      conventions: read.conventions,
      openRequests: src.openRequests ?? [],
      ...(src.clones ? { clones: src.clones } : {}),
      today: src.today,
      ...(src.defaultSeries ? { defaultSeries: src.defaultSeries } : {}),
      ...(src.dataAsOf ? { dataAsOf: src.dataAsOf } : {}),
    },
    notes,
  };
}

/** One deliverable's conventions in a series (for `release propose milestone`). */
export function readConventions(
  src: ActionsSources,
  seriesName: string,
  name: string,
): { conventions: DeliverableConventions; calendar: ActionsCalendar } | undefined {
  const series = src.calendar.series.find((s) => s.name === seriesName);
  const calendar = series ? actionsCalendar(src.calendar, series) : undefined;
  if (!series || !calendar) return undefined;
  const read = readDeliverables(src, series, [name]);
  const conventions = read.conventions[name];
  return conventions ? { conventions, calendar } : undefined;
}

/**
 * The actions of the team in `seriesName` at `src.today`, planned. With
 * `withPrevious`, the previous series' actions still open, due, overdue or
 * proposed come first (trailing releases run past the release).
 */
export function teamActions(
  src: ActionsSources,
  seriesName: string,
  opts: { readonly withPrevious?: boolean } = {},
): TeamActions {
  const read = readActions(src, seriesName);
  const notes = [...(read?.notes ?? [])];
  if (!read) notes.push(`no schedule for ${seriesName} in the releases data: no release actions`);
  const actions = read ? planActions(read.input) : [];
  const previous = opts.withPrevious ? previousSeries(src.calendar.series, seriesName) : undefined;
  const carried: ReleaseAction[] = [];
  const prevCal = previous ? actionsCalendar(src.calendar, previous) : undefined;
  if (previous && prevCal && stillOpen(src, previous.name, prevCal)) {
    const before = readActions(src, previous.name);
    if (before) for (const a of planActions(before.input)) if (ACTIVE.has(a.state)) carried.push(a);
  }
  return { series: seriesName, actions: [...carried, ...actions], notes };
}

const ACTIVE = new Set(['open', 'due', 'overdue', 'proposed']);

/**
 * Whether a series can still have actions not settled: until a week after
 * its release week, and after that only for a team with trailing
 * deliverables, until a week after the trailing deadline. Saves planning a
 * second series in most briefs.
 */
function stillOpen(src: ActionsSources, series: string, cal: ActionsCalendar): boolean {
  const week = cal.releaseDate ? addDays(cal.releaseDate, 11) : undefined;
  if (week && compareDates(src.today, week) <= 0) return true;
  const last =
    cal.trailingDeadline?.end ?? (cal.releaseDate ? addDays(cal.releaseDate, 16 * 7) : undefined);
  if (!last || compareDates(src.today, addDays(last, 7)) > 0) return false;
  return deliverableNames(src, series).some((n) => {
    const s = src.releases.summary(series, n);
    return s?.type === 'trailing' || s?.model === 'cycle-trailing';
  });
}

/** The sources of a run (Deps) as the reader takes them. */
function sourcesOf(ctx: Deps, openRequests: readonly OpenRequest[] = []): ActionsSources {
  // when the data was taken (a checkout's last fetch), not its last commit: a quiet day is not old data
  const stamp = ctx.data.releases.stamp;
  const asOf = (stamp.takenAt ?? stamp.date)?.slice(0, 10);
  return {
    ...(asOf ? { dataAsOf: asOf } : {}),
    releases: ctx.data.releases,
    calendar: ctx.calendarInput,
    team: ctx.team,
    config: ctx.config,
    today: ctx.today,
    openRequests,
    defaultSeries: positionAt(ctx.calendarInput, ctx.today).series.name,
  };
}

/** `ctx.views.releaseActions`: the team's actions at the date (the brief, the meeting). */
export function buildReleaseActions(ctx: Deps, opts: ReleaseActionsOptions = {}): TeamActions {
  const input = ctx.calendarInput;
  const series = opts.series
    ? findSeries(input.series, opts.series)
    : positionAt(input, ctx.today).series;
  if (!series)
    throw new UsageError(`--series ${opts.series ?? ''}: not a series of data/series_status.yaml`);
  return teamActions(sourcesOf(ctx, opts.openRequests), series.name, {
    withPrevious: opts.withPrevious ?? false,
  });
}

/** `ctx.views.releaseActionsInput`: the planner's input, for a view that adds its own facts (status: clones). */
export function buildActionsInput(ctx: Deps, series: string): ActionsRead | undefined {
  return readActions(sourcesOf(ctx), series);
}

/**
 * The conventions the history shows for every deliverable of a series, no
 * team config: what the snapshot script compiles for the embedded data.
 */
export function historyConventionsOf(
  releases: ReleasesData,
  calendar: CalendarInput,
  seriesName: string,
): Record<string, DeliverableConventions> {
  const all = calendar.series;
  const index = all.findIndex((s) => s.name === seriesName);
  const series = all[index];
  if (!series) return {};
  // a series with no files yet: the deliverables of the newest earlier one (the fallback models)
  const from = all.slice(index).find((s) => releases.deliverableNames(s.name).length > 0);
  const names = from ? releases.deliverableNames(from.name) : [];
  const everyone: Team = {
    name: '',
    liaisons: {},
    deliverables: names.map((name) => ({ name, repos: [] })),
  };
  const src: ActionsSources = {
    releases,
    calendar,
    team: everyone,
    config: {},
    today: '9999-12-31',
  };
  return readDeliverables(src, series, names).conventions;
}

/** `ctx.views.betaMilestone`: the milestone a beta is named after, by the deliverable's convention. */
export function buildBetaMilestone(
  ctx: Deps,
  deliverable: string,
  seriesName?: string,
): { milestone: number; basis: string } | null {
  const series = seriesName
    ? findSeries(ctx.calendarInput.series, seriesName)
    : positionAt(ctx.calendarInput, ctx.today).series;
  if (!series) return null;
  const read = readConventions(sourcesOf(ctx), series.name, deliverable);
  if (read?.conventions.betaNumbering !== 'milestone') return null;
  const milestone = milestoneOfDate(read.calendar, ctx.today);
  const from = read.conventions.from;
  const basis =
    read.conventions.source === 'config'
      ? read.conventions.basis
      : `betas named after their milestone${from.length ? ` in ${from.join(', ')}` : ''}`;
  return milestone === null ? null : { milestone, basis };
}

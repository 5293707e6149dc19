import { compareDates, type IsoDate } from '../core/dates.js';
import type { Deps } from '../core/deps.js';
import type { Team } from '../data/governance/projects.js';

/**
 * The release team's view of every team: for a date, each governance team
 * with deliverables in the series, its release actions by state (the same
 * objects as that team's `brief --json` actions[]), its release liaisons,
 * and the cycle's actions as heatmap columns. Pure.
 */

/** What this view needs of a release action (the actions model's objects carry more, kept as they are). */
export interface ActionLike {
  readonly id: string;
  readonly deliverable: string;
  readonly kind: string;
  readonly milestone: number | null;
  readonly window: { readonly start: IsoDate; readonly end: IsoDate };
  readonly state: string;
  /** Set when the data is too old to confirm the state (docs/actions.md). */
  readonly asOf?: IsoDate;
}

export const COUNTED_STATES = [
  'done',
  'due',
  'overdue',
  'upcoming',
  'not-planned',
  'open',
  'proposed',
  'missed',
] as const;
export type CountedState = (typeof COUNTED_STATES)[number];
export type Counts = Record<CountedState, number>;

export interface LiaisonView {
  readonly name: string;
  readonly email: string | null;
  readonly irc: string | null;
  /** `liaison`: a release liaison in governance; `ptl`: the PTL, where the team names no liaison. */
  readonly role: 'liaison' | 'ptl';
}

export interface OpenStackTeam<A extends ActionLike = ActionLike> {
  readonly name: string;
  readonly liaisons: readonly LiaisonView[];
  readonly counts: Counts;
  readonly actions: readonly A[];
  /** Why the team's actions may be incomplete (no schedule, data notes), else empty. */
  readonly notes: readonly string[];
}

/** A heatmap column: one kind of action (per milestone), its windows across the teams shown. */
export interface ActionColumn {
  /** `rc`, `library:2`, `milestone:1`... */
  readonly key: string;
  readonly kind: string;
  readonly milestone: number | null;
  readonly start: IsoDate;
  readonly end: IsoDate;
  /** The date lies in one of this column's windows. */
  readonly current: boolean;
}

export interface OpenStackFilters {
  readonly state: readonly string[] | null;
  /** Action kinds, optionally with a milestone: `library`, `library:2`. */
  readonly kind: readonly string[] | null;
  readonly team: readonly string[] | null;
}

export interface OpenStackView<A extends ActionLike = ActionLike> {
  readonly date: IsoDate;
  readonly series: string;
  readonly releaseId: string | null;
  /** `R-3`. */
  readonly week: string;
  readonly filters: OpenStackFilters;
  /** Totals over the teams and actions shown. */
  readonly counts: Counts;
  readonly columns: readonly ActionColumn[];
  readonly teams: readonly OpenStackTeam<A>[];
  readonly notes: readonly string[];
  readonly dataAsOf: string | null;
  readonly dataSource: string;
}

/** A governance team and its deliverables that have a file in the series. */
export interface SeriesTeam {
  readonly name: string;
  readonly deliverables: readonly string[];
}

/**
 * The governance teams with at least one deliverable file in the series
 * (deliverables governance marks `release-management` are not released
 * through openstack/releases), sorted by name.
 */
export function teamsWithDeliverables(
  teams: readonly Team[],
  files: ReadonlySet<string>,
): SeriesTeam[] {
  return teams
    .map((t) => ({
      name: t.name,
      deliverables: t.deliverables
        .filter((d) => d.releaseManagement === undefined && files.has(d.name))
        .map((d) => d.name)
        .sort(),
    }))
    .filter((t) => t.deliverables.length > 0)
    .sort((a, b) => a.name.localeCompare(b.name));
}

/** The team's release liaisons from governance; the PTL, marked so, where it names none. */
export function liaisonsOf(team: Team): LiaisonView[] {
  const release = team.liaisons.release ?? [];
  const view = (p: { name: string; email?: string; irc?: string }, role: LiaisonView['role']) => ({
    name: p.name,
    email: p.email ?? null,
    irc: p.irc ?? null,
    role,
  });
  if (release.length > 0) return release.map((p) => view(p, 'liaison'));
  return team.ptl ? [view(team.ptl, 'ptl')] : [];
}

export function emptyCounts(): Counts {
  return {
    done: 0,
    due: 0,
    overdue: 0,
    upcoming: 0,
    'not-planned': 0,
    open: 0,
    proposed: 0,
    missed: 0,
  };
}

export function countStates(actions: readonly ActionLike[]): Counts {
  const c = emptyCounts();
  for (const a of actions) if (a.state in c) c[a.state as CountedState]++;
  return c;
}

export function columnKey(a: Pick<ActionLike, 'kind' | 'milestone'>): string {
  return a.milestone === null ? a.kind : `${a.kind}:${a.milestone}`;
}

/** Does an action pass the state and kind filters? `library` matches every milestone, `library:2` one. */
export function matchesFilters(a: ActionLike, f: OpenStackFilters): boolean {
  if (f.state && !f.state.includes(a.state)) return false;
  if (f.kind && !f.kind.some((k) => k === a.kind || k === columnKey(a))) return false;
  return true;
}

export interface TeamActions<A extends ActionLike> {
  readonly team: Team;
  readonly actions: readonly A[];
  readonly notes: readonly string[];
}

export interface PlanOpenStackInput<A extends ActionLike> {
  readonly date: IsoDate;
  readonly series: string;
  readonly releaseId: string | null;
  readonly week: string;
  readonly teams: readonly TeamActions<A>[];
  readonly filters: OpenStackFilters;
  readonly notes?: readonly string[];
  readonly dataAsOf: string | null;
  readonly dataSource: string;
}

/**
 * Filters narrow the teams and their actions (a team left with no action
 * under --state/--kind is not shown); every count is of what is shown.
 */
export function planOpenStack<A extends ActionLike>(
  input: PlanOpenStackInput<A>,
): OpenStackView<A> {
  const f = input.filters;
  const narrowed = f.state !== null || f.kind !== null;
  const wanted = f.team?.map((t) => t.toLowerCase()) ?? null;
  const teams: OpenStackTeam<A>[] = [];
  for (const t of input.teams) {
    if (wanted && !wanted.includes(t.team.name.toLowerCase())) continue;
    const actions = t.actions.filter((a) => matchesFilters(a, f));
    if (narrowed && actions.length === 0) continue;
    teams.push({
      name: t.team.name,
      liaisons: liaisonsOf(t.team),
      counts: countStates(actions),
      actions,
      notes: t.notes,
    });
  }
  const counts = emptyCounts();
  for (const t of teams) for (const s of COUNTED_STATES) counts[s] += t.counts[s];
  return {
    date: input.date,
    series: input.series,
    releaseId: input.releaseId,
    week: input.week,
    filters: f,
    counts,
    columns: columnsOf(
      teams.flatMap((t) => t.actions),
      input.date,
    ),
    teams,
    notes: input.notes ?? [],
    dataAsOf: input.dataAsOf,
    dataSource: input.dataSource,
  };
}

/** The cycle's kinds of action in time order (by the end, then the start, of their windows). */
export function columnsOf(actions: readonly ActionLike[], date: IsoDate): ActionColumn[] {
  const byKey = new Map<
    string,
    { kind: string; milestone: number | null; start: IsoDate; end: IsoDate; current: boolean }
  >();
  for (const a of actions) {
    const key = columnKey(a);
    const inWindow =
      compareDates(a.window.start, date) <= 0 && compareDates(date, a.window.end) <= 0;
    const c = byKey.get(key);
    if (!c) {
      byKey.set(key, {
        kind: a.kind,
        milestone: a.milestone,
        start: a.window.start,
        end: a.window.end,
        current: inWindow,
      });
      continue;
    }
    if (compareDates(a.window.start, c.start) < 0) c.start = a.window.start;
    if (compareDates(a.window.end, c.end) > 0) c.end = a.window.end;
    c.current ||= inWindow;
  }
  return [...byKey.entries()]
    .map(([key, c]) => ({ key, ...c }))
    .sort(
      (a, b) =>
        compareDates(a.end, b.end) || compareDates(a.start, b.start) || a.key.localeCompare(b.key),
    );
}

/** The state a heatmap cell shows for several actions: the one that most needs attention. */
export const STATE_PRIORITY: readonly string[] = [
  'overdue',
  'due',
  'proposed',
  'open',
  'missed',
  'upcoming',
  'done',
  'not-planned',
];

export function cellState(states: readonly string[]): string {
  let best = states[0] ?? 'none';
  for (const s of states) {
    const i = STATE_PRIORITY.indexOf(s);
    const j = STATE_PRIORITY.indexOf(best);
    if (i !== -1 && (j === -1 || i < j)) best = s;
  }
  return best;
}

declare module '../core/deps.js' {
  interface Views {
    /** `liaison openstack`: every team with deliverables in the series, its actions as its own brief has them. */
    openstack(ctx: Deps, filters: OpenStackFilters): Promise<OpenStackView>;
  }
}

import { addDays, compareDates, daysBetween, type IsoDate } from '../core/dates.js';
import {
  assignChanges,
  fileChanges,
  isComplete,
  mergeDeadline,
  pickAction,
  staleAsOf,
  satisfies,
  stableBranchOf,
  type Attached,
  type FileChange,
} from './plan-assign.js';
import type { ReviewRequestChanges } from '../review/plan-summary.js';
import { conventionsFor } from './plan-conventions.js';
import type {
  ActionDeliverable,
  ActionRelease,
  ActionsCalendar,
  ActionState,
  DeliverableConventions,
  PlanActionsInput,
  ReleaseAction,
} from './plan-types.js';
import {
  actionSpecs,
  usesRcModel,
  weekOf,
  type ActionSpec,
  type ChangeClass,
} from './plan-windows.js';

export type * from './plan-types.js';
import type { Deps } from '../core/deps.js';
import type { ActionsRead, OpenRequest, ReleaseActionsOptions, TeamActions } from './plan-types.js';

declare module '../core/deps.js' {
  interface Views {
    /** The team's release actions at the date (docs/actions.md): the brief, the meeting. */
    releaseActions(ctx: Deps, opts?: ReleaseActionsOptions): Promise<TeamActions>;
    /** The release actions' input for a series, for a view that adds facts (release status: clones). */
    releaseActionsInput(ctx: Deps, series: string): Promise<ActionsRead | undefined>;
    /**
     * The milestone a beta of the deliverable is numbered after at the date,
     * when its convention names betas after milestones (`release propose milestone`).
     */
    betaMilestone(
      ctx: Deps,
      deliverable: string,
      series?: string,
    ): Promise<{ readonly milestone: number; readonly basis: string } | null>;
  }
}

/**
 * The open requests of the review source as the planner takes them: each
 * deliverable file a change touches, with the version and branches it adds.
 */
export function openRequestsOf(review: {
  readonly requests: readonly ReviewRequestChanges[];
}): OpenRequest[] {
  return review.requests.flatMap((r) =>
    r.deliverables.map((d) => ({
      deliverable: d.name,
      series: d.series,
      version: d.newVersion !== null && d.newVersion !== d.oldVersion ? d.newVersion : null,
      branches: d.branchesAdded,
      highlights: false,
      number: r.number,
      proposed: r.created,
    })),
  );
}
export { conventionsFor, type ConfiguredConventions, type PastSeries } from './plan-conventions.js';

const ORDER: Readonly<Record<ActionState, number>> = {
  overdue: 0,
  due: 0,
  proposed: 0,
  open: 1,
  upcoming: 2,
  missed: 3,
  done: 4,
  'not-planned': 5,
};

/**
 * "Say it first": what asks the liaison to act (overdue, due, proposed),
 * then open actions by window end, then upcoming ones by window start,
 * then the settled ones. Stable within a rank (by deliverable, window).
 */
export function sayItFirst(actions: readonly ReleaseAction[]): ReleaseAction[] {
  const key = (a: ReleaseAction) => (a.state === 'upcoming' ? a.window.start : a.window.end);
  return [...actions].sort(
    (a, b) =>
      ORDER[a.state] - ORDER[b.state] ||
      compareDates(key(a), key(b)) ||
      a.deliverable.localeCompare(b.deliverable) ||
      a.id.localeCompare(b.id),
  );
}

/**
 * The milestone of a date: the one whose schedule week is nearest (0 days
 * inside it; a tie goes to the later one). Null without milestones.
 */
export function milestoneOfDate(cal: ActionsCalendar, today: IsoDate): number | null {
  let best: { m: number; distance: number } | null = null;
  for (const m of [1, 2, 3]) {
    const w = weekOf(cal, String(m));
    if (!w) continue;
    const distance =
      compareDates(today, w.start) < 0
        ? daysBetween(today, w.start)
        : compareDates(today, w.end) > 0
          ? daysBetween(w.end, today)
          : 0;
    if (!best || distance <= best.distance) best = { m, distance };
  }
  return best?.m ?? null;
}

/** Days before a window's end from which an action is `due`. */
export const DUE_DAYS = 7;

/**
 * The release actions of a team's deliverables in one series at `today`
 * (pure, no I/O): each with its window, its state and the evidence. Only
 * what was merged by `today` counts as released; a release proposed by
 * then and merged later was an open request on that day. Sorted by
 * deliverable, then window.
 */
export function planActions(input: PlanActionsInput): ReleaseAction[] {
  const out: ReleaseAction[] = [];
  for (const d of input.deliverables) out.push(...deliverableActions(input, d));
  return out;
}

function deliverableActions(input: PlanActionsInput, d: ActionDeliverable): ReleaseAction[] {
  const cal = input.series;
  const conv = input.conventions[d.name] ?? conventionsFor(d, []);
  const specs = actionSpecs(cal, d, conv);
  if (specs.length === 0) return [];
  const today = input.today;
  const rcModel = usesRcModel(d);
  const changes = d.file ? fileChanges(d.file, rcModel, stableBranchOf(cal)) : [];
  const existing = changes.filter((c) => existedBy(c, today));
  const { attached } = assignChanges(specs, existing);
  const pending = pendingChanges(input, d, changes, existing);
  const pendingBy = new Map<string, Pending[]>();
  for (const p of pending) {
    const spec = pendingAction(specs, p, attached, today);
    if (spec) pendingBy.set(spec.id, [...(pendingBy.get(spec.id) ?? []), p]);
  }
  const released = cal.releaseDate !== null && compareDates(today, cal.releaseDate) >= 0;
  const ctx: StateContext = { input, d, conv, specs, attached, released };
  return specs.map((spec) => actionOf(ctx, spec, pendingBy.get(spec.id) ?? []));
}

/** Merged by `today`; an undated entry (no history) is taken as merged (the file says so). */
function existedBy(c: FileChange, today: IsoDate): boolean {
  if (c.merged !== null) return compareDates(c.merged, today) <= 0;
  return c.proposed === null || compareDates(c.proposed, today) <= 0;
}

interface Pending {
  readonly cls: ChangeClass;
  readonly label: string;
  readonly proposed: IsoDate | null;
  readonly number: number | null;
}

/** Open requests of the review source, and entries proposed by `today` but merged after it. */
function pendingChanges(
  input: PlanActionsInput,
  d: ActionDeliverable,
  changes: readonly FileChange[],
  existing: readonly FileChange[],
): Pending[] {
  const today = input.today;
  const out: Pending[] = changes
    .filter(
      (c) =>
        c.merged !== null &&
        compareDates(c.merged, today) > 0 &&
        c.proposed !== null &&
        compareDates(c.proposed, today) <= 0,
    )
    .map((c) => ({ cls: c.cls, label: c.label, proposed: c.proposed, number: null }));
  const stable = stableBranchOf(input.series);
  const rcModel = usesRcModel(d);
  for (const r of input.openRequests) {
    if (r.deliverable !== d.name || r.series !== input.series.name) continue;
    if (r.proposed !== null && compareDates(r.proposed, today) > 0) continue;
    const known = new Set(out.map((p) => p.label));
    if (r.version && !known.has(r.version))
      out.push({
        cls: classOf(r.version, rcModel, existing),
        label: r.version,
        proposed: r.proposed,
        number: r.number,
      });
    if (r.branches.includes(stable) && !out.some((p) => p.cls === 'branch'))
      out.push({ cls: 'branch', label: stable, proposed: r.proposed, number: r.number });
    if (r.highlights)
      out.push({
        cls: 'highlights',
        label: 'cycle-highlights',
        proposed: r.proposed,
        number: r.number,
      });
  }
  return out;
}

function classOf(version: string, rcModel: boolean, existing: readonly FileChange[]): ChangeClass {
  if (!rcModel) return 'release';
  const m = /\.0(a|b|rc)(\d+)$/.exec(version);
  if (m) return m[1] === 'rc' ? (m[2] === '1' ? 'rc1' : 'rc') : 'beta';
  return existing.some((c) => c.cls === 'final') ? 'stable' : 'final';
}

/**
 * The action a pending request will satisfy: the one it was proposed in,
 * else the first not yet complete whose window has not closed, else the
 * nearest overdue one.
 */
function pendingAction(
  specs: readonly ActionSpec[],
  p: Pending,
  attached: ReadonlyMap<string, readonly Attached[]>,
  today: IsoDate,
): ActionSpec | undefined {
  const complete = (s: ActionSpec) => isComplete(s, attached.get(s.id));
  const change = { cls: p.cls, proposed: p.proposed ?? today, merged: null };
  const candidates = specs.filter((s) => s.accepts.includes(p.cls) && !complete(s));
  const inside = candidates.find((s) => satisfies(change, s.window));
  if (inside) return inside;
  const ahead = candidates.find((s) => compareDates(addDays(s.window.end, 7), today) >= 0);
  return ahead ?? pickAction(specs, change, complete)?.spec;
}

interface StateContext {
  readonly input: PlanActionsInput;
  readonly d: ActionDeliverable;
  readonly conv: DeliverableConventions;
  readonly specs: readonly ActionSpec[];
  readonly attached: ReadonlyMap<string, readonly Attached[]>;
  readonly released: boolean;
}

function actionOf(ctx: StateContext, spec: ActionSpec, pending: readonly Pending[]): ReleaseAction {
  const { input, d } = ctx;
  const today = input.today;
  const atts = ctx.attached.get(spec.id) ?? [];
  const releases: ActionRelease[] = atts.map((a) => ({
    version: a.change.label,
    proposed: a.change.proposed,
    merged: a.change.merged,
    ...(spec.completes.includes(a.change.cls) ? {} : { progress: true as const }),
  }));
  const file = d.file?.path ?? `deliverables/${input.series.name}/${d.name}.yaml`;
  const base = {
    id: spec.id,
    deliverable: d.name,
    series: input.series.name,
    kind: spec.kind,
    milestone: spec.milestone,
    window: spec.window,
  };
  const command = commandOf(ctx, spec);
  const done = isComplete(spec, atts);
  const finish = (state: ActionState, evidence: string, list = releases): ReleaseAction => {
    const asOf = staleAsOf(input, spec.window, state);
    return {
      ...base,
      state,
      releases: list,
      evidence: asOf
        ? `${evidence}; as of the data of ${asOf}: a request merged by ${mergeDeadline(spec.window)} still counts (liaison sync)`
        : evidence,
      command: state === 'done' || state === 'not-planned' ? null : command,
      ...(asOf ? { asOf } : {}),
    };
  };
  if (done) {
    const late = atts.some((a) => a.late);
    return finish(
      'done',
      `${atts.map((a) => describeChange(a.change)).join('; ')} in ${file}${late ? ' (late: proposed after the window)' : ''}`,
    );
  }
  const [p] = pending;
  if (p) {
    const what = p.cls === 'highlights' ? 'cycle-highlights' : p.label;
    const where = p.number !== null ? `request ${p.number}` : 'a request';
    return finish(
      'proposed',
      `${where} for ${what}${p.proposed ? ` proposed ${p.proposed}` : ''} is open`,
      [
        ...releases,
        ...pending.map((x) => ({ version: x.label, proposed: x.proposed, merged: null })),
      ],
    );
  }
  if (!spec.planned) return finish('not-planned', `not planned: ${spec.basis}`);
  const clone = input.clones?.[d.name];
  const closed = compareDates(today, spec.window.end) > 0;
  if (clone && (spec.kind === 'library' || spec.kind === 'final-library')) {
    const inWindow = clone.windowChanges?.[spec.id];
    if (closed && inWindow === 0)
      return finish('not-planned', 'the clone shows no commit in the window to release');
    if (!closed && compareDates(today, spec.window.start) >= 0 && clone.unreleasedMaster === 0)
      return finish('not-planned', 'the clone shows nothing unreleased on master');
  }
  if (clone && spec.kind === 'final-rc' && clone.unreleasedStable === 0 && hasRc(ctx))
    return finish(
      'not-planned',
      `the clone shows nothing on ${stableBranchOf(input.series)} since the last RC`,
    );
  const missing = missingWhat(ctx, spec, file);
  if (compareDates(today, spec.window.start) < 0)
    return finish('upcoming', `window opens ${spec.window.start}; ${missing}`);
  if (!closed) {
    const left = daysBetween(today, spec.window.end);
    return finish(left >= DUE_DAYS ? 'open' : 'due', missing);
  }
  if (ctx.released)
    return finish(
      'missed',
      `${missing} when ${input.series.name} was released${input.series.releaseDate ? ` on ${input.series.releaseDate}` : ''}`,
    );
  return finish('overdue', `${missing}; the window closed ${spec.window.end}`);
}

function hasRc(ctx: StateContext): boolean {
  return ctx.specs.some((s) => s.kind === 'rc' && isComplete(s, ctx.attached.get(s.id)));
}

function describeChange(c: FileChange): string {
  const dates = [
    c.proposed ? `proposed ${c.proposed}` : null,
    c.merged ? `merged ${c.merged}` : null,
  ].filter((x) => x !== null);
  const what =
    c.cls === 'branch'
      ? `branch at ${c.label}`
      : c.cls === 'highlights'
        ? 'cycle-highlights'
        : c.label;
  return `${what}${dates.length ? ` ${dates.join(', ')}` : ' (dates unknown)'}`;
}

/** "no rc1 in deliverables/hibiscus/glance.yaml" and the like. */
function missingWhat(ctx: StateContext, spec: ActionSpec, file: string): string {
  const where = ctx.d.file
    ? `in ${file}`
    : `(no ${file} yet${ctx.d.modelFrom ? `; model from ${ctx.d.modelFrom}` : ''})`;
  const partial = (ctx.attached.get(spec.id) ?? []).map((a) => a.change.label);
  const stable = stableBranchOf(ctx.input.series);
  switch (spec.kind) {
    case 'milestone':
      return `no beta for milestone ${spec.milestone ?? ''} ${where}`;
    case 'rc':
      return `no rc1 ${where}`;
    case 'final-rc':
      return `no further RC ${where}${ctx.input.clones?.[ctx.d.name] ? '' : ' (no clone tells whether the stable branch moved)'}`;
    case 'final':
      return `no final release ${where}`;
    case 'stable-branch':
      return `no ${stable} ${where}${usesRcModel(ctx.d) && hasRc(ctx) ? ' (the RC1 request did not add it: the release team adds it, or a branch request)' : ''}`;
    case 'cycle-highlights':
      return `no cycle-highlights ${where}`;
    case 'library':
      return `no release for milestone ${spec.milestone ?? ''} ${where}`;
    case 'final-library':
      return `no release in the final library weeks ${where}`;
    case 'intermediary':
      return `no release in the series ${where}`;
    case 'trailing':
      return `no final trailing release ${where}${partial.length ? ` (so far ${partial.join(', ')})` : ''}${spec.basis ? `; ${spec.basis}` : ''}`;
  }
}

/** What the liaison runs for an action, or null where the release team proposes it. */
function commandOf(ctx: StateContext, spec: ActionSpec): string | null {
  const name = ctx.d.name;
  const cal = ctx.input.series;
  const series =
    ctx.input.defaultSeries === undefined || ctx.input.defaultSeries === cal.name
      ? ''
      : ` --series ${cal.name}`;
  const propose = (type: string, extra = '') =>
    `liaison release propose ${name} ${type}${extra}${series}`;
  const doneKind = (kind: string) =>
    ctx.specs.some((s) => s.kind === kind && isComplete(s, ctx.attached.get(s.id)));
  switch (spec.kind) {
    case 'milestone':
      return propose(
        'milestone',
        ctx.conv.betaNumbering === 'milestone' && spec.milestone !== null
          ? ` --milestone ${spec.milestone}`
          : '',
      );
    case 'rc':
    case 'final-rc':
      return propose('rc');
    case 'final':
      return null;
    case 'stable-branch': {
      // with the release of the branch point out, a branch-only request; before, the release with the branch
      if (usesRcModel(ctx.d)) return doneKind('rc') ? propose('branch') : propose('rc');
      const library = ctx.d.type === 'library' || ctx.d.type === 'client-library';
      return doneKind(library ? 'final-library' : 'intermediary')
        ? propose('branch')
        : propose('feature', ' --stable-branch');
    }
    case 'cycle-highlights':
      return `liaison release highlights add --deliverable ${name}${series} "<one sentence>"`;
    case 'library':
    case 'final-library':
    case 'intermediary':
      return propose('feature');
    case 'trailing':
      return usesRcModel(ctx.d) ? propose('rc') : propose('feature');
  }
}

import { addDays, compareDates, mondayOf, type IsoDate } from '../core/dates.js';
import type {
  ActionDeliverable,
  ActionKind,
  ActionsCalendar,
  ActionWindow,
  DeliverableConventions,
} from './plan-types.js';

/**
 * Which actions the release process requires of one deliverable in a
 * series, and their windows (pure). A week is Monday–Friday of the
 * schedule week that lists the event; see docs/actions.md.
 */

/** What kind of change satisfies an action. */
export type ChangeClass =
  'beta' | 'rc1' | 'rc' | 'final' | 'stable' | 'release' | 'branch' | 'highlights';

export interface ActionSpec {
  readonly id: string;
  readonly deliverable: string;
  readonly kind: ActionKind;
  readonly milestone: number | null;
  readonly window: ActionWindow;
  /** False when the convention says it is not needed (state `not-planned`). */
  readonly planned: boolean;
  /** Why not planned, or what the convention is, for the evidence. */
  readonly basis: string;
  /** Classes of changes that satisfy it. */
  readonly accepts: readonly ChangeClass[];
  /** Classes that complete it (a trailing rc-model deliverable is done with its final only). */
  readonly completes: readonly ChangeClass[];
}

/** Models whose deliverables make one final after release candidates. */
const RC_MODELS = new Set(['cycle-with-rc', 'cycle-with-milestones']);
const LIBRARY_TYPES = new Set(['library', 'client-library']);
const MILESTONES = [1, 2, 3] as const;

/** A trailing deliverable: type `trailing` or the legacy `cycle-trailing` model. */
export function isTrailing(d: Pick<ActionDeliverable, 'model' | 'type'>): boolean {
  return d.type === 'trailing' || d.model === 'cycle-trailing';
}

/** Whether the deliverable's releases follow the RC model (betas, RCs, one final). */
export function usesRcModel(d: Pick<ActionDeliverable, 'model'>): boolean {
  return d.model !== null && (RC_MODELS.has(d.model) || d.model === 'cycle-trailing');
}

/** The schedule week (Mon–Fri) listing the cross-project event `<letter>-<suffix>`. */
export function weekOf(cal: ActionsCalendar, suffix: string): ActionWindow | undefined {
  const label = `${cal.name.charAt(0)}-${suffix}`;
  const w = cal.weeks.find((x) => x.xProject.includes(label));
  return w ? { start: mondayOf(w.start), end: w.end } : undefined;
}

/** The release week: the schedule's `<l>-final` week, else the week of the release date. */
export function releaseWeek(cal: ActionsCalendar): ActionWindow | undefined {
  const w = weekOf(cal, 'final');
  if (w) return w;
  if (!cal.releaseDate) return undefined;
  const monday = mondayOf(cal.releaseDate);
  return { start: monday, end: addDays(monday, 4) };
}

/** The day after a window ends. */
function after(w: ActionWindow): IsoDate {
  return addDays(w.end, 1);
}

/**
 * The actions of one deliverable. Nothing for untagged and independent
 * deliverables (no release is required of them in a series) nor when the
 * schedule lacks the weeks a window needs.
 */
export function actionSpecs(
  cal: ActionsCalendar,
  d: ActionDeliverable,
  conv: DeliverableConventions,
): ActionSpec[] {
  const out: ActionSpec[] = [];
  const add = (
    kind: ActionKind,
    milestone: number | null,
    window: ActionWindow | undefined,
    accepts: readonly ChangeClass[],
    planned = true,
    basis = '',
    completes: readonly ChangeClass[] = accepts,
  ) => {
    if (!window || compareDates(window.start, window.end) > 0) return;
    const id = `${d.name}:${kind}${milestone === null ? '' : `:${milestone}`}`;
    out.push({
      id,
      deliverable: d.name,
      kind,
      milestone,
      window,
      planned,
      basis,
      accepts,
      completes,
    });
  };
  const rel = releaseWeek(cal);
  const rc1 = weekOf(cal, 'rc1');
  const finalRc = weekOf(cal, 'finalrc');
  // a stable branch is planned the same way on every model; only its window differs
  const stableBranch = (window: ActionWindow | undefined) => {
    add('stable-branch', null, window, ['branch'], branchesPlanned(d, conv), conv.basis);
  };
  const model = d.model;
  if (model === null || model === 'untagged' || model === 'independent' || model === 'abandoned')
    return out;

  if (isTrailing(d)) {
    // from the release week to the deadline the next series' schedule sets
    const end = cal.trailingDeadline?.end ?? (rel ? addDays(rel.end, 13 * 7) : undefined);
    const basis = cal.trailingDeadline ? '' : 'deadline estimated: no next-series schedule yet';
    const rcModel = usesRcModel(d);
    add(
      'trailing',
      null,
      rel && end ? { start: rel.start, end } : undefined,
      ['beta', 'rc1', 'rc', 'final', 'release'],
      true,
      basis,
      rcModel ? ['final', 'release'] : ['beta', 'rc1', 'rc', 'final', 'release'],
    );
    return out;
  }

  if (usesRcModel(d)) {
    for (const m of MILESTONES) {
      const planned = conv.milestones.includes(m);
      add('milestone', m, weekOf(cal, String(m)), ['beta'], planned, conv.basis);
    }
    add('rc', null, rc1, ['rc1']);
    stableBranch(rc1 && finalRc ? { start: rc1.start, end: finalRc.end } : undefined);
    add('final-rc', null, rc1 && finalRc ? { start: after(rc1), end: finalRc.end } : undefined, [
      'rc',
    ]);
    add('final', null, rel, ['final']);
    if (d.type === 'service') highlights(add, cal, conv);
    return out;
  }

  if (model !== 'cycle-with-intermediary') return out;
  if (d.type !== null && LIBRARY_TYPES.has(d.type)) {
    const freeze =
      weekOf(cal, d.type === 'library' ? 'final-lib' : 'final-clientlib') ?? weekOf(cal, '3');
    const finalWindow = freeze ? { start: addDays(freeze.start, -14), end: freeze.end } : undefined;
    let from = cal.start;
    for (const m of MILESTONES) {
      const week = weekOf(cal, String(m));
      if (!week) continue;
      // milestones from the library freeze on are the final-library action
      if (finalWindow && compareDates(week.end, finalWindow.start) >= 0) break;
      add(
        'library',
        m,
        { start: from, end: week.end },
        ['release'],
        conv.milestones.includes(m),
        conv.basis,
      );
      from = after(week);
    }
    add('final-library', null, finalWindow, ['release']);
    stableBranch(freeze && rc1 ? { start: freeze.start, end: rc1.end } : undefined);
    return out;
  }
  // other deliverables on the intermediary model: one release in the series
  add('intermediary', null, finalRc ? { start: cal.start, end: finalRc.end } : undefined, [
    'release',
  ]);
  if (d.type !== 'tempest-plugin' && d.stableBranchType !== 'none')
    stableBranch(rc1 && finalRc ? { start: rc1.start, end: finalRc.end } : undefined);
  if (d.type === 'service') highlights(add, cal, conv);
  return out;
}

type Add = (
  kind: ActionKind,
  milestone: number | null,
  window: ActionWindow | undefined,
  accepts: readonly ChangeClass[],
  planned?: boolean,
  basis?: string,
) => void;

function highlights(add: Add, cal: ActionsCalendar, conv: DeliverableConventions): void {
  const ff = weekOf(cal, 'ff') ?? weekOf(cal, '3');
  const due = weekOf(cal, 'cycle-highlights');
  add(
    'cycle-highlights',
    null,
    ff && due ? { start: ff.start, end: due.end } : undefined,
    ['highlights'],
    conv.highlights,
    conv.basis,
  );
}

function branchesPlanned(d: ActionDeliverable, conv: DeliverableConventions): boolean {
  if (d.type === 'tempest-plugin' || d.stableBranchType === 'none') return false;
  return conv.stableBranch;
}

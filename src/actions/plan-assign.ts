import { addDays, compareDates, type IsoDate } from '../core/dates.js';
import type {
  ActionsCalendar,
  ActionState,
  ActionWindow,
  PlanActionsInput,
  SeriesFileHistory,
} from './plan-types.js';
import type { ActionSpec, ChangeClass } from './plan-windows.js';

/**
 * Which release satisfies which action (pure). A release satisfies an
 * action when its class is one the action accepts and its request was
 * proposed inside the window, or merged from the window's start to the
 * end of the week after it (the release team merges unanswered proposals
 * on the Friday; a -1 waits a week).
 */

/** One change of a deliverable file that can satisfy an action. */
export interface FileChange {
  readonly cls: ChangeClass;
  /** Version; branch location for a branch; `cycle-highlights` for highlights. */
  readonly label: string;
  readonly proposed: IsoDate | null;
  readonly merged: IsoDate | null;
  /** Position in the file (request order), to keep assignments stable. */
  readonly order: number;
}

const LIFECYCLE = /-(eol|eom|em|last)$/;
const PRE_RELEASE = /\.0(a|b|rc)(\d+)$/;

/** The beta number of `X.Y.Z.0bN`, or null. */
export function betaNumber(version: string): number | null {
  const m = PRE_RELEASE.exec(version);
  return m && m[1] !== 'rc' ? Number(m[2]) : null;
}

/**
 * The changes of a file, classified. Lifecycle tags are left out, and so
 * is a re-tag — a release of the same family (beta, rc, final, release)
 * whose hashes an earlier one of the file already released: it satisfies
 * nothing new and raises nothing.
 */
export function fileChanges(
  file: SeriesFileHistory,
  rcModel: boolean,
  stableBranch: string,
): FileChange[] {
  const out: FileChange[] = [];
  const released: { family: string; hashes: string }[] = [];
  let finalSeen = false;
  file.releases.forEach((r, order) => {
    if (LIFECYCLE.test(r.version)) return;
    let cls: ChangeClass = 'release';
    if (rcModel) {
      const m = PRE_RELEASE.exec(r.version);
      if (m) cls = m[1] === 'rc' ? (m[2] === '1' ? 'rc1' : 'rc') : 'beta';
      else {
        cls = finalSeen ? 'stable' : 'final';
        finalSeen = true;
      }
    }
    const family = cls === 'rc1' ? 'rc' : cls;
    if (r.hashes !== null) {
      const hashes = r.hashes;
      if (released.some((x) => x.family === family && x.hashes === hashes)) return;
      released.push({ family, hashes });
    }
    out.push({ cls, label: r.version, proposed: r.proposed, merged: r.merged, order });
  });
  const n = file.releases.length;
  file.branches.forEach((b, i) => {
    if (b.name !== stableBranch) return;
    out.push({
      cls: 'branch',
      label: b.location ?? b.name,
      proposed: b.proposed,
      merged: b.merged,
      order: n + i,
    });
  });
  if (file.highlights)
    out.push({
      cls: 'highlights',
      label: 'cycle-highlights',
      proposed: file.highlights.proposed,
      merged: file.highlights.merged,
      order: n + file.branches.length,
    });
  return out;
}

function within(day: IsoDate, from: IsoDate, to: IsoDate): boolean {
  return compareDates(day, from) >= 0 && compareDates(day, to) <= 0;
}

/**
 * The last day a merge satisfies an action: the end of the week after its
 * window (the release team merges unanswered proposals on the Friday; a -1
 * waits a week).
 */
export function mergeDeadline(w: ActionWindow): IsoDate {
  return addDays(w.end, 7);
}

/** Verdicts that later data cannot change: a release merged stays merged; a window not yet open. */
const SETTLED_BY_DATA: readonly ActionState[] = ['done', 'not-planned', 'upcoming'];

/**
 * The data's day when it cannot settle the verdict at `today`: the data is
 * older than `today` and than the end of the action's satisfaction period,
 * so a request merged in between may have satisfied it. Undefined when the
 * data can tell (or its day is unknown).
 */
export function staleAsOf(
  input: Pick<PlanActionsInput, 'dataAsOf' | 'today'>,
  window: ActionWindow,
  state: ActionState,
): IsoDate | undefined {
  const asOf = input.dataAsOf;
  if (!asOf || SETTLED_BY_DATA.includes(state)) return undefined;
  if (compareDates(asOf, input.today) >= 0) return undefined;
  if (compareDates(asOf, mergeDeadline(window)) >= 0) return undefined;
  return asOf;
}

/** The satisfaction rule; an undated change (no history) satisfies by its class alone. */
export function satisfies(c: Pick<FileChange, 'proposed' | 'merged'>, w: ActionWindow): boolean {
  if (c.proposed === null && c.merged === null) return true;
  if (c.proposed !== null && within(c.proposed, w.start, w.end)) return true;
  return c.merged !== null && within(c.merged, w.start, mergeDeadline(w));
}

export interface Attached {
  readonly change: FileChange;
  /** Proposed after the window closed and merged later than the week after: done, but late. */
  readonly late: boolean;
}

export interface Assignment {
  readonly attached: ReadonlyMap<string, readonly Attached[]>;
  /** Changes no action accepts or could take (e.g. stable releases after the final). */
  readonly unattached: readonly FileChange[];
}

export function isComplete(spec: ActionSpec, attached: readonly Attached[] | undefined): boolean {
  return (attached ?? []).some((a) => spec.completes.includes(a.change.cls));
}

/**
 * Gives each change to one action: the first (by window) it satisfies that
 * is not complete yet — so a library release in the week after milestone 1
 * counts for milestone 1, not also for milestone 2. A change that satisfies
 * only complete actions joins the one whose window it was proposed in. A
 * change too late for any window completes the nearest earlier open action
 * of its class, marked late.
 */
export function assignChanges(
  specs: readonly ActionSpec[],
  changes: readonly FileChange[],
): Assignment {
  const attached = new Map<string, Attached[]>();
  const unattached: FileChange[] = [];
  const attach = (spec: ActionSpec, change: FileChange, late: boolean) => {
    const list = attached.get(spec.id) ?? [];
    list.push({ change, late });
    attached.set(spec.id, list);
  };
  for (const change of [...changes].sort((a, b) => a.order - b.order)) {
    const target = pickAction(specs, change, (s) => isComplete(s, attached.get(s.id)));
    if (target) attach(target.spec, change, target.late);
    else unattached.push(change);
  }
  return { attached, unattached };
}

/** The action a change (released or pending) belongs to, by the rules above. */
export function pickAction(
  specs: readonly ActionSpec[],
  change: Pick<FileChange, 'cls' | 'proposed' | 'merged'>,
  complete: (s: ActionSpec) => boolean,
): { spec: ActionSpec; late: boolean } | undefined {
  const candidates = specs.filter((s) => s.accepts.includes(change.cls));
  if (candidates.length === 0) return undefined;
  const sat = candidates.filter((s) => satisfies(change, s.window));
  const open = sat.find((s) => !complete(s));
  if (open) return { spec: open, late: false };
  if (sat.length > 0) {
    const day = change.proposed;
    const home = day ? sat.find((s) => within(day, s.window.start, s.window.end)) : undefined;
    const last = sat[sat.length - 1];
    return last ? { spec: home ?? last, late: false } : undefined;
  }
  const day = change.proposed ?? change.merged;
  if (day === null) return undefined;
  const earlier = candidates.filter((s) => compareDates(s.window.end, day) < 0);
  const nearest = earlier[earlier.length - 1];
  return nearest && !complete(nearest) ? { spec: nearest, late: true } : undefined;
}

/** `stable/<release-id>` (or the name for series without one). */
export function stableBranchOf(cal: Pick<ActionsCalendar, 'name' | 'releaseId'>): string {
  return `stable/${cal.releaseId ?? cal.name}`;
}

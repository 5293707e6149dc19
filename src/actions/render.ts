import { humanDate } from '../core/dates.js';
import type { ActionState, ReleaseAction } from './plan.js';
import { URGENT_STATES } from './plan-types.js';

/**
 * Words for the release actions, shared by the brief, the Overview page
 * and the meeting text (the view model carries only data).
 */

/** "RC1", "milestone 2 beta", "stable/2026.2 branch"... */
export function actionTitle(a: ReleaseAction): string {
  switch (a.kind) {
    case 'milestone':
      return `milestone ${a.milestone ?? ''} beta`;
    case 'rc':
      return 'RC1';
    case 'stable-branch':
      return 'stable branch';
    case 'final-rc':
      return 'final RC';
    case 'final':
      return 'final release (release team; check and +1)';
    case 'cycle-highlights':
      return 'cycle highlights';
    case 'library':
      return `release for milestone ${a.milestone ?? ''}`;
    case 'final-library':
      return 'final library release';
    case 'intermediary':
      return 'release in the series';
    case 'trailing':
      return 'trailing release';
  }
}

/** When, relative to the state: "by Fri 11 Sep 2026", "closed Fri 4 Sep 2026", "from ...". */
export function actionWhen(a: ReleaseAction): string {
  switch (a.state) {
    case 'upcoming':
      return `from ${humanDate(a.window.start)} to ${humanDate(a.window.end)}`;
    case 'open':
    case 'due':
    case 'proposed':
      return `by ${humanDate(a.window.end)}`;
    case 'overdue':
    case 'missed':
      return `window closed ${humanDate(a.window.end)}`;
    case 'done':
    case 'not-planned':
      return `${a.window.start} to ${a.window.end}`;
  }
}

/**
 * The state as said: "overdue", or "overdue as of 2026-08-21" when the data
 * is too old to confirm it (`asOf`): never a stale verdict said as current.
 */
export function actionStateText(a: { readonly state: string; readonly asOf?: string }): string {
  return a.asOf ? `${a.state} as of ${a.asOf}` : a.state;
}

/** One sentence, for a meeting line or a notification: "glance: RC1 due by ... — no rc1 in ...". */
export function actionSentence(a: ReleaseAction): string {
  return `${a.deliverable}: ${actionTitle(a)} ${actionStateText(a)} ${actionWhen(a)} — ${a.evidence}`;
}

/** The states that ask the liaison to act now (the planner's list, under the name renderers use). */
export const URGENT: readonly ActionState[] = URGENT_STATES;
export const SETTLED: readonly ActionState[] = ['done', 'missed', 'not-planned'];

/** Counts of the settled actions: "4 done, 1 missed, 3 not planned". */
export function settledSummary(actions: readonly ReleaseAction[]): string {
  const parts = SETTLED.map((s) => {
    const n = actions.filter((a) => a.state === s).length;
    return n ? `${n} ${s.replace('-', ' ')}` : '';
  }).filter((x) => x !== '');
  return parts.join(', ');
}

/**
 * How loud a state is said: `bad` for a confirmed miss, `warn` for what is
 * due now (an overdue the data cannot confirm, `asOf`, is only due-loud),
 * `muted` for the rest. The terminal maps it to colours, pages to badges.
 */
export type ActionTone = 'bad' | 'warn' | 'muted';

export function actionTone(a: { readonly state: string; readonly asOf?: string }): ActionTone {
  if (a.state === 'overdue' && !a.asOf) return 'bad';
  return a.state === 'due' || a.state === 'overdue' ? 'warn' : 'muted';
}

/** The words of one action line, for the brief in the terminal and on its page. */
export interface ActionWords {
  /** The state as said (`actionStateText`) and how loud (`actionTone`). */
  readonly state: string;
  readonly tone: ActionTone;
  /** "glance: RC1"; names come from data files, so the renderer makes them inert. */
  readonly headline: string;
  readonly when: string;
}

export function actionWords(a: ReleaseAction): ActionWords {
  return {
    state: actionStateText(a),
    tone: actionTone(a),
    headline: `${a.deliverable}: ${actionTitle(a)}`,
    when: actionWhen(a),
  };
}

/** One block of the brief's release actions; `commands` when the liaison should run something now. */
export interface ActionBlock {
  readonly title: string;
  readonly actions: readonly ReleaseAction[];
  readonly commands: boolean;
}

/** The brief's blocks, in the order said (empty ones included): act now, open, coming. */
export function actionBlocks(actions: readonly ReleaseAction[]): ActionBlock[] {
  return [
    { title: 'Act now', actions: actions.filter((a) => URGENT.includes(a.state)), commands: true },
    { title: 'Open', actions: actions.filter((a) => a.state === 'open'), commands: true },
    { title: 'Coming', actions: actions.filter((a) => a.state === 'upcoming'), commands: false },
  ];
}

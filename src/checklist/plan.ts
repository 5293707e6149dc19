import type { Deps } from '../core/deps.js';
import type { ExternalCheckKind } from './plan-checks.js';
import { compareDates, type IsoDate } from '../core/dates.js';
import { type Phase, PHASES } from '../config/schema-workflow.js';

export type ItemState = 'done' | 'open' | 'overdue' | 'auto-done';

/** What an automatic check found. `unavailable`: the data or capability it needs is missing. */
export interface CheckResult {
  readonly status: 'pass' | 'fail' | 'unavailable';
  readonly evidence: string;
}

/** A checklist item with its due date resolved in one series. */
export interface ChecklistItem {
  readonly id: string;
  readonly phase: Phase;
  readonly title: string;
  readonly due: IsoDate;
  readonly dueExpr: string;
  readonly week: string | null;
  readonly owner: string;
  readonly link: string | null;
  readonly description: string | null;
  readonly check: {
    readonly kind: string;
    readonly deliverable?: string;
    readonly version?: string;
    readonly task?: string;
  } | null;
}

export interface ManualTick {
  readonly doneBy: string;
  readonly doneOn: IsoDate;
}

export interface ChecklistItemView {
  readonly id: string;
  readonly phase: Phase;
  readonly title: string;
  readonly due: IsoDate;
  readonly week: string | null;
  readonly owner: string;
  /** The people behind the owner role (from governance and the config). */
  readonly ownerPeople: readonly string[];
  readonly link: string | null;
  readonly state: ItemState;
  /** Why the state is what it is: who ticked it, or what the check found. */
  readonly evidence: string | null;
  readonly check: { readonly kind: string; readonly status: CheckResult['status'] } | null;
}

export interface ChecklistView {
  readonly team: string;
  readonly series: string;
  readonly releaseId: string | null;
  readonly date: IsoDate;
  readonly phase: Phase | null;
  readonly items: readonly ChecklistItemView[];
  readonly counts: Readonly<Record<ItemState, number>>;
}

export interface ChecklistInput {
  readonly team: string;
  readonly series: string;
  readonly releaseId: string | null;
  readonly today: IsoDate;
  readonly phase: Phase | null;
  readonly items: readonly ChecklistItem[];
  readonly ticks: ReadonlyMap<string, ManualTick>;
  readonly checks: ReadonlyMap<string, CheckResult>;
  readonly ownerPeople: (owner: string) => readonly string[];
}

/**
 * Item state: a manual tick wins (`done`), then a passing check
 * (`auto-done`), then the due date (`overdue` once it has passed, else
 * `open`). Items come out in phase order, by due date within a phase.
 */
export function itemState(
  item: ChecklistItem,
  tick: ManualTick | undefined,
  check: CheckResult | undefined,
  today: IsoDate,
): {
  state: ItemState;
  evidence: string | null;
} {
  if (tick) return { state: 'done', evidence: `ticked by ${tick.doneBy} on ${tick.doneOn}` };
  if (check?.status === 'pass') return { state: 'auto-done', evidence: check.evidence };
  const evidence = check
    ? check.status === 'unavailable'
      ? `check not available: ${check.evidence}`
      : check.evidence
    : null;
  return { state: compareDates(item.due, today) < 0 ? 'overdue' : 'open', evidence };
}

export function planChecklist(input: ChecklistInput): ChecklistView {
  const counts: Record<ItemState, number> = { done: 0, 'auto-done': 0, open: 0, overdue: 0 };
  const items = input.items
    .filter((i) => input.phase === null || i.phase === input.phase)
    .map((item, order) => ({ item, order }))
    .sort(
      (a, b) =>
        PHASES.indexOf(a.item.phase) - PHASES.indexOf(b.item.phase) ||
        compareDates(a.item.due, b.item.due) ||
        a.order - b.order,
    )
    .map(({ item }): ChecklistItemView => {
      const check = input.checks.get(item.id);
      const { state, evidence } = itemState(item, input.ticks.get(item.id), check, input.today);
      counts[state]++;
      return {
        id: item.id,
        phase: item.phase,
        title: item.title,
        due: item.due,
        week: item.week,
        owner: item.owner,
        ownerPeople: input.ownerPeople(item.owner),
        link: item.link,
        state,
        evidence,
        check: item.check && check ? { kind: item.check.kind, status: check.status } : null,
      };
    });
  return {
    team: input.team,
    series: input.series,
    releaseId: input.releaseId,
    date: input.today,
    phase: input.phase,
    items,
    counts,
  };
}

export interface ChecklistOptions {
  /** Series name or id; default: the series at --date. */
  readonly series?: string;
  /** Only this phase. */
  readonly phase?: string;
}

declare module '../core/deps.js' {
  interface Views {
    /** `liaison checklist`: the phase checklist with due dates, owners, ticks and checks. */
    checklist(ctx: Deps, opts?: ChecklistOptions): Promise<ChecklistView>;
    /** One automatic check another capability answers (release status, notes, goals). */
    checklistCheck(
      ctx: Deps,
      kind: ExternalCheckKind,
      item: { readonly deliverable?: string; readonly due: string },
    ): Promise<CheckResult>;
  }
}

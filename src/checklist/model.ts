import type { IsoDate } from '../core/dates.js';
import type { Phase } from '../config/schema-workflow.js';

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

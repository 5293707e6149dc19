import { compareDates, type IsoDate } from '../core/dates.js';
import { PHASES, type Phase } from '../config/schema-workflow.js';
import type {
  ChecklistItem,
  ChecklistItemView,
  ChecklistView,
  CheckResult,
  ItemState,
  ManualTick,
} from './model.js';

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

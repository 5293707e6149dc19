import type { CycleEvent } from '../calendar/model.js';
import { addDays, compareDates, daysBetween, type IsoDate } from '../core/dates.js';
import { ConfigError } from '../core/errors.js';
import type { ChecklistItemView } from '../checklist/plan.js';
import type { ReminderRule } from './plan-rules.js';
import type { LedgerState } from './store.js';
import type { DeliverSummary } from './apply-deliver.js';

/** One reminder a rule produces for one event (or checklist item) and lead time. */
export interface ReminderOccurrence {
  /** Stable across runs: rule, event, event date, lead. The ledger key with the recipient. */
  readonly id: string;
  readonly rule: string;
  readonly kind: ReminderRule['kind'];
  /** The day it is due; it stays due until `expires` (catch-up after missed runs). */
  readonly due: IsoDate;
  readonly expires: IsoDate;
  readonly lead: string;
  readonly event: {
    readonly id: string;
    readonly title: string;
    readonly date: IsoDate;
    readonly week: string | null;
    readonly series: string;
    readonly url: string | null;
    readonly description: string | null;
  };
  /** Roles, or for checklist items the owner. */
  readonly to: readonly string[];
  readonly item?: ChecklistItemView;
}

export type DeliveryState = 'pending' | LedgerState;

export interface Delivery {
  readonly recipient: string;
  readonly name: string;
  readonly messageId: string;
  state: DeliveryState;
  detail: string | null;
}

export interface ReminderView {
  readonly id: string;
  readonly rule: string;
  readonly subject: string;
  readonly due: IsoDate;
  readonly eventDate: IsoDate;
  readonly expires: IsoDate;
  readonly recipients: readonly string[];
  /** True when every recipient's copy is recorded as sent in the ledger. */
  sent: boolean;
  readonly deliveries: Delivery[];
  readonly body: string;
}

export interface RemindView {
  readonly team: string;
  readonly date: IsoDate;
  readonly series: string;
  mode: 'dry-run' | 'send';
  channel: string | null;
  readonly from: string | null;
  readonly reminders: ReminderView[];
  /** Recipients that could not be addressed (no e-mail in governance or config). */
  readonly notes: string[];
}

export interface RemindOptions {
  readonly since?: IsoDate;
}

/** Does rule event `label` name event `e`? Labels follow the series letter; ids and @team match as such. */
export function matchesEvent(label: string, e: CycleEvent): boolean {
  if (label === '@team') return e.scope === 'team';
  if (label === e.id) return /^[a-z]-/.test(label) ? label.charAt(0) === e.series.charAt(0) : true;
  return /^[a-z]-/.test(label) && e.id === e.series.charAt(0) + label.slice(1);
}

/** A rule event no known event matches is a config error (a typo would otherwise send nothing, silently). */
export function checkRuleEvents(
  rules: readonly ReminderRule[],
  events: readonly CycleEvent[],
  teamDeadlineIds: readonly string[],
): void {
  for (const rule of rules) {
    rule.events.forEach((label, i) => {
      if (
        label === '@team' ||
        teamDeadlineIds.includes(label) ||
        events.some((e) => matchesEvent(label, e))
      )
        return;
      throw new ConfigError(
        `event "${label}" is in no schedule of the current or next series and is no team deadline`,
        rule.file,
        `${rule.field}.events[${i}]`,
      );
    });
  }
}

export interface DueOptions {
  readonly today: IsoDate;
  /** Reminders due more than this many days ago are not caught up on. */
  readonly catchUpDays?: number;
  /** Series of the checklist the overdue items come from. */
  readonly checklistSeries?: string;
}

/**
 * Reminders due at `today`: due on or before today and not yet expired
 * (an event reminder expires when its event has passed, a checklist
 * reminder two weeks after it was due). Pure: the ledger decides later
 * which of them have gone out already.
 */
export function dueReminders(
  rules: readonly ReminderRule[],
  events: readonly CycleEvent[],
  overdueItems: readonly ChecklistItemView[],
  opts: DueOptions,
): ReminderOccurrence[] {
  const out: ReminderOccurrence[] = [];
  const seen = new Set<string>();
  const inWindow = (due: IsoDate, expires: IsoDate) =>
    compareDates(due, opts.today) <= 0 &&
    compareDates(opts.today, expires) <= 0 &&
    (opts.catchUpDays === undefined || daysBetween(due, opts.today) <= opts.catchUpDays);
  for (const rule of rules) {
    if (rule.kind === 'checklist-overdue') {
      for (const item of overdueItems) {
        const due = addDays(item.due, 1);
        const expires = addDays(due, 14);
        const id = `${rule.id}/${item.id}@${item.due}`;
        if (!inWindow(due, expires) || seen.has(id)) continue;
        seen.add(id);
        out.push({
          id,
          rule: rule.id,
          kind: rule.kind,
          due,
          expires,
          lead: '',
          event: {
            id: item.id,
            title: item.title,
            date: item.due,
            week: item.week,
            series: opts.checklistSeries ?? '',
            url: item.link,
            description: item.evidence,
          },
          // items of the whole team go to the liaison who follows them, not to the public list
          to: rule.to.flatMap((r) =>
            r === 'owner' ? [item.owner === 'team' ? 'liaison' : item.owner] : [r],
          ),
          item,
        });
      }
      continue;
    }
    for (const e of events) {
      if (!rule.events.some((label) => matchesEvent(label, e))) continue;
      for (const lead of rule.leadDays) {
        const due = addDays(e.date, -lead.days);
        const id = `${rule.id}/${e.id}@${e.date}/${lead.text}`;
        if (!inWindow(due, e.date) || seen.has(id)) continue;
        seen.add(id);
        out.push({
          id,
          rule: rule.id,
          kind: rule.kind,
          due,
          expires: e.date,
          lead: lead.text,
          event: {
            id: e.id,
            title: e.title,
            date: e.date,
            week: e.week ?? null,
            series: e.series,
            url: e.url ?? null,
            description: e.description ?? null,
          },
          to: rule.to,
        });
      }
    }
  }
  return supersede(out).sort((a, b) => compareDates(a.due, b.due) || a.id.localeCompare(b.id));
}

/**
 * When a run catches up on several leads of one rule and event (the
 * one-week and the on-the-day reminder of a deadline), only the latest
 * goes out: the earlier one has nothing to add any more.
 */
function supersede(list: readonly ReminderOccurrence[]): ReminderOccurrence[] {
  const latest = new Map<string, IsoDate>();
  const key = (r: ReminderOccurrence) => `${r.rule}\n${r.event.id}@${r.event.date}`;
  for (const r of list) {
    const k = key(r);
    const seen = latest.get(k);
    if (!seen || compareDates(r.due, seen) > 0) latest.set(k, r.due);
  }
  return list.filter((r) => latest.get(key(r)) === r.due);
}

/** What `liaison remind` did: the reminders and, when it delivered, the delivery summary. */
export interface RemindRun extends RemindView {
  readonly summary: DeliverSummary | null;
}

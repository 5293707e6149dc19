import { daysBetween, humanDate, type IsoDate } from '../core/dates.js';
import { seriesTitle } from '../data/releases/series.js';
import type { ReminderOccurrence } from './plan.js';
import type { ReminderRule } from './plan-rules.js';

/** A reminder rendered as an e-mail, before it is addressed to each recipient. */
export interface ReminderMail {
  readonly subject: string;
  readonly body: string;
}

/** "today", "tomorrow", "in 1 week", "in 9 days", "2 days ago". */
export function relativeDays(from: IsoDate, to: IsoDate): string {
  const n = daysBetween(from, to);
  if (n === 0) return 'today';
  if (n === 1) return 'tomorrow';
  if (n < 0) return `${-n} day${n === -1 ? '' : 's'} ago`;
  if (n % 7 === 0) return `in ${n / 7} week${n === 7 ? '' : 's'}`;
  return `in ${n} days`;
}

/**
 * Fills the rule's templates for one occurrence. Unknown placeholders are
 * left as they are (config validation names them); empty lines left by an
 * empty placeholder are folded.
 */
export function composeMail(
  rule: Pick<ReminderRule, 'subject' | 'body'>,
  r: ReminderOccurrence,
  ctx: { team: string; tag: string; today: IsoDate; libraries?: string; priorities?: string },
): ReminderMail {
  const e = r.event;
  const item = r.item;
  const values: Record<string, string> = {
    id: e.id,
    title: e.title,
    date: e.date,
    day: humanDate(e.date),
    deadline: humanDate(e.date),
    due: humanDate(r.due),
    week: e.week ?? '-',
    in: relativeDays(ctx.today, e.date),
    url: e.url ?? 'https://releases.openstack.org',
    series: e.series,
    Series: seriesTitle(e.series),
    team: ctx.team,
    lead: r.lead,
    description: e.description ?? '',
    libraries: ctx.libraries ?? '',
    priorities: ctx.priorities ?? '',
    items: item
      ? [item.link ? `  ${item.link}` : '', item.evidence ? `  (${item.evidence})` : '']
          .filter(Boolean)
          .join('\n') + '\n'
      : '',
  };
  const fill = (t: string) => t.replace(/\{([A-Za-z_-]+)\}/g, (all, k: string) => values[k] ?? all);
  const body = fill(rule.body)
    .replace(/\n{3,}/g, '\n\n')
    .trimEnd();
  const footer = `-- \nrelease-liaison reminder ${r.id} (rule ${r.rule}), due ${r.due}.`;
  return { subject: `${ctx.tag} ${fill(rule.subject)}`, body: `${body}\n\n${footer}\n` };
}

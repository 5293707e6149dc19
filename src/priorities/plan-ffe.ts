import { addDays, compareDates, mondayOf, type IsoDate } from '../core/dates.js';
import type { CycleEvent } from '../calendar/model.js';
import type { FfeDraft, Priority, PrioritiesView } from './plan.js';

/**
 * Feature-freeze exceptions (pure): from the feature-freeze week until
 * RC1, each unmerged priority gets a draft request for the mailing list,
 * in the form OpenStack teams use: the team tag in the subject, what the
 * feature is, where its changes stand, what is left, and by when it would
 * merge. The parts only the author can say are marked for them to fill.
 */

export function featureFreezeWindow(
  events: readonly CycleEvent[],
  series: string,
  today: IsoDate,
): PrioritiesView['featureFreeze'] & { readonly rc1: IsoDate | null } {
  const l = series.charAt(0);
  const own = (id: string) =>
    events.find((e) => e.id === `${l}-${id}` && e.series === series && e.scope === 'cross-project')
      ?.date ?? null;
  const date = own('ff') ?? own('3');
  const rc1 = own('rc1');
  const weekStart = date ? mondayOf(date) : null;
  const weekEnd = weekStart ? addDays(weekStart, 6) : null;
  const until = rc1 ?? weekEnd;
  const exceptionsOpen =
    weekStart !== null &&
    until !== null &&
    compareDates(today, weekStart) >= 0 &&
    compareDates(today, until) < 0;
  return { date, weekStart, weekEnd, exceptionsOpen, rc1 };
}

export interface FfeContext {
  readonly team: string;
  /** `[glance]`. */
  readonly tag: string;
  readonly to: string | null;
  readonly seriesTitle: string;
  readonly freezeDate: IsoDate | null;
  readonly rc1: IsoDate | null;
  readonly today: IsoDate;
  readonly sender: string | null;
}

/** Priorities that have not merged: they need an exception to land after the freeze. */
export function needsException(p: Priority): boolean {
  return p.state === 'not started' || p.state === 'in review';
}

export function ffeDraft(p: Priority, ctx: FfeContext): FfeDraft {
  const links = [
    p.blueprint ? `Blueprint: ${p.blueprint.url}` : null,
    p.spec?.url ? `Spec: ${p.spec.url}` : p.spec ? `Spec: ${p.spec.path}` : null,
  ].filter((l): l is string => l !== null);
  const open = p.changes.items.filter((c) => c.status === 'open');
  const merged = p.changes.items.filter((c) => c.status === 'merged');
  const mergeBy = ctx.rc1 ? addDays(ctx.rc1, -7) : null;
  const lines = [
    'Hello,',
    '',
    `On behalf of the ${ctx.team} team, I would like to ask for a feature freeze`,
    `exception for "${p.title}", one of our ${ctx.seriesTitle} priorities${p.milestoneNumber !== null ? ` (targeted to milestone ${p.milestoneNumber})` : ''}.`,
    '',
    ...links,
    ...(p.owner ? [`Owner: ${p.owner}`] : []),
    '',
    `Where it stands on ${ctx.today}:`,
    ...(open.length === 0 && merged.length === 0
      ? ['- no change is proposed yet']
      : [
          ...(merged.length
            ? [`- ${merged.length} change${merged.length === 1 ? '' : 's'} merged`]
            : []),
          ...(open.length
            ? [`- ${open.length} change${open.length === 1 ? '' : 's'} still under review:`]
            : []),
          ...open.map(
            (c) =>
              `    ${c.url} ${c.subject} (${c.project}${c.branch === 'master' ? '' : ` ${c.branch}`}${c.updated ? `, updated ${c.updated.slice(0, 10)}` : ''})`,
          ),
        ]),
    '',
    'Why it matters for the release: <what users gain, who asked for it>',
    'Risk: <what it touches; what is left to review; how it is tested>',
    '',
    mergeBy
      ? `We would merge it by ${mergeBy}, a week before RC1 (${ctx.rc1 ?? ''}); otherwise it moves to the next cycle.`
      : 'We would merge it well before RC1; otherwise it moves to the next cycle.',
    ...(ctx.freezeDate ? [`(Feature freeze was ${ctx.freezeDate}.)`] : []),
    '',
    'Thanks,',
    ctx.sender ?? '<your name>',
  ];
  return {
    priority: p.name,
    to: ctx.to,
    // one header line, whatever the title holds
    // eslint-disable-next-line no-control-regex
    subject: `${ctx.tag} Feature freeze exception request: ${p.title.replace(/[\u0000-\u001f\u007f]+/g, ' ')}`,
    body: lines.join('\n') + '\n',
  };
}

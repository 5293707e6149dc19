import { cap } from '../core/text.js';
import { humanDate } from '../core/dates.js';
import { table, type Colors } from '../core/terminal.js';
import { inertLine as t } from '../core/text.js';
import type { ReviewSummary } from '../review/plan-summary.js';
import { plain, reviewSummaryLine } from '../review/render.js';
import { summaryLines } from '../priorities/render.js';
import { adviceLine } from '../gate/render-queue.js';
import type { BriefEvent, BriefView } from './plan.js';
import { actionBlocks, actionWords, settledSummary } from '../actions/render.js';

export function renderBriefText(b: BriefView, c: Colors): string {
  const out: string[] = [];
  const id = b.series.releaseId ? `${b.series.releaseId} ` : '';
  out.push(
    c.bold(`${b.team} — ${id}${cap(b.series.name)}, week ${b.week}`) +
      c.dim(`  (${humanDate(b.date)})`),
  );
  const release = b.series.releaseDate
    ? `coordinated release ${humanDate(b.series.releaseDate)}`
    : '';
  out.push(`Series status: ${b.series.status}${release ? `; ${release}` : ''}`);
  if (b.phase.after || b.phase.before) {
    const parts: string[] = [];
    if (b.phase.after) parts.push(`after ${b.phase.after.title} (${b.phase.after.date})`);
    if (b.phase.before) parts.push(`next: ${b.phase.before.title} on ${b.phase.before.date}`);
    out.push(`Phase: ${parts.join('; ')}`);
  }
  out.push('', ...actionsText(b, c));
  out.push('');
  out.push(c.bold('Due this week'));
  out.push(b.dueThisWeek.length ? eventTable(b.dueThisWeek, c) : '  nothing scheduled this week');
  out.push('');
  out.push(c.bold('Coming up'));
  out.push(b.upcoming.length ? eventTable(b.upcoming, c) : '  nothing in the coming weeks');
  if (b.meetings.length) {
    out.push('');
    out.push(c.bold('Meetings'));
    for (const m of b.meetings)
      out.push(
        `  ${m.project}: ${m.next ? `${humanDate(m.next.date)} ${m.next.time} UTC in #${m.next.irc}` : 'no date (ad hoc)'}${m.agendaUrl ? c.dim(`  agenda ${m.agendaUrl}`) : ''}`,
      );
  }
  if (b.review) {
    const stale = reviewStale(b.review);
    out.push('');
    out.push(c.bold(REVIEW_TITLE) + (stale ? c.yellow(`  (${stale})`) : ''));
    for (const line of reviewLines(b.review)) out.push(`  ${line}`);
  }
  if (b.priorities) {
    const stale = b.priorities.stale.join('; ');
    out.push('', c.bold(PRIORITIES_TITLE) + (stale ? c.yellow(`  (${stale})`) : ''));
    for (const line of summaryLines(b.priorities)) out.push(`  ${line}`);
  }
  if (b.gateAdvice.length) {
    out.push('', c.bold(GATE_ADVICE_TITLE));
    for (const a of b.gateAdvice) out.push(`  ${c.yellow(adviceLine(a))}`);
  }
  out.push('');
  out.push(c.bold('Deliverables'));
  out.push(
    table(
      [
        ['name', 'model', 'type', 'latest'].map((h) => c.dim(h)),
        ...b.deliverables.map((d) => [
          d.name,
          d.model ?? '-',
          d.type ?? '-',
          d.latest
            ? `${d.latest}${d.latestSeries ? c.dim(` (${d.latestSeries})`) : ''}`
            : 'never released',
        ]),
      ],
      '  ',
    ),
  );
  out.push('');
  for (const n of b.notes) out.push(c.yellow(`note: ${n}`));
  out.push(c.dim(`data: ${b.dataSource}`));
  return out.join('\n');
}

/**
 * Said first: what the release process asks of the team now (with the
 * command to run), then the open actions by window end, then what is coming.
 */
function actionsText(b: BriefView, c: Colors): string[] {
  const out = [c.bold(`Release actions (${b.actionsSeries})`)];
  const blocks = actionBlocks(b.actions);
  const color = { bad: c.red, warn: c.yellow, muted: c.cyan };
  for (const { title, actions, commands } of blocks) {
    if (actions.length === 0) continue;
    out.push(`  ${title}`);
    for (const a of actions) {
      const w = actionWords(a);
      // names and versions come from data files: shown inert
      out.push(
        `    ${color[w.tone](w.state)} ${t(w.headline)}, ${w.when}` +
          (a.series !== b.actionsSeries ? c.dim(` [${a.series}]`) : ''),
      );
      out.push(c.dim(`      ${t(a.evidence)}`));
      if (commands && a.command) out.push(`      $ ${t(a.command)}`);
    }
  }
  if (blocks.every((x) => x.actions.length === 0))
    out.push('  nothing to do for the release process now');
  const settled = settledSummary(b.actions);
  if (settled) out.push(c.dim(`  settled: ${settled} (the list: liaison brief --json)`));
  return out;
}

function eventTable(events: readonly BriefEvent[], c: Colors): string {
  return table(
    events.map((e) => [
      e.date + (e.endDate ? `…${e.endDate.slice(5)}` : ''),
      e.week ?? '',
      e.scope === 'cross-project' ? c.dim('x') : c.cyan('team'),
      t(e.title) + (e.owner && e.owner !== 'team' ? c.dim(` [${t(e.owner)}]`) : ''),
    ]),
    '  ',
  );
}

export const REVIEW_TITLE = 'Release requests';
export const PRIORITIES_TITLE = 'Cycle priorities';
export const GATE_ADVICE_TITLE = 'Gate load near deadlines';

/** The review desk's lines in the brief: the summary, each waiting request, what to run. */
export function reviewLines(r: ReviewSummary): string[] {
  const lines = [
    reviewSummaryLine(r.open, r.waiting.length, r.oldestWaitingDays),
    ...r.waiting.map(
      (w) =>
        `#${w.number} ${plain(w.subject)} — ${w.ageDays} day${w.ageDays === 1 ? '' : 's'} old${w.mergeBy ? `, merged by ${humanDate(w.mergeBy)} without an answer` : ''}`,
    ),
  ];
  if (r.waiting.length)
    lines.push(
      'run `liaison review` to see what each ships and `liaison review vote CHANGE +1` to answer',
    );
  return lines;
}

/** Why the review desk's data is old or missing; null when fresh. */
export function reviewStale(r: ReviewSummary): string | null {
  return r.dataState === 'fresh' ? null : r.dataLine;
}

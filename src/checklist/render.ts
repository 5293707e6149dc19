import { table, type Colors } from '../core/terminal.js';
import { inertLine as t } from '../core/text.js';
import type { ChecklistView, ItemState } from './plan.js';

const MARK: Record<ItemState, string> = {
  done: '[x]',
  'auto-done': '[x]',
  open: '[ ]',
  overdue: '[!]',
};

export function renderChecklistText(v: ChecklistView, c: Colors): string {
  const out: string[] = [];
  const id = v.releaseId ? ` (${v.releaseId})` : '';
  out.push(
    c.bold(t(`${v.team} checklist — ${v.series}${id}${v.phase ? `, phase ${v.phase}` : ''}`)) +
      c.dim(`  as of ${v.date}`),
  );
  const k = v.counts;
  out.push(
    `${k.done + k['auto-done']} done (${k['auto-done']} by checks), ${k.open} open, ${k.overdue} overdue`,
  );
  let phase = '';
  const rows: string[][] = [];
  const flush = () => {
    if (rows.length) out.push(table(rows, '  '));
    rows.length = 0;
  };
  for (const item of v.items) {
    if (item.phase !== phase) {
      flush();
      phase = item.phase;
      out.push('');
      out.push(c.bold(phase));
    }
    const colour =
      item.state === 'overdue' ? c.red : item.state === 'open' ? (s: string) => s : c.green;
    const who =
      item.ownerPeople.length && item.ownerPeople[0] !== item.owner
        ? `${item.owner}: ${item.ownerPeople.join(', ')}`
        : item.owner;
    rows.push([
      colour(MARK[item.state]),
      item.due,
      t(item.id),
      `${t(item.title)} ${c.dim(`[${t(who)}]`)}`,
    ]);
    if (item.evidence)
      rows.push([
        '',
        '',
        '',
        c.dim(`  ${item.state === 'auto-done' ? 'auto: ' : ''}${t(item.evidence)}`),
      ]);
  }
  flush();
  out.push('');
  out.push(
    c.dim('tick an item: liaison checklist done ID [--by NAME]; untick: liaison checklist undo ID'),
  );
  return out.join('\n');
}

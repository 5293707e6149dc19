import { table, type Colors } from '../core/terminal.js';
import type { BugsView } from './plan.js';
import type { BugItem } from './plan.js';
import { inertLine } from '../core/text.js';

function section(title: string, bugs: readonly BugItem[], c: Colors): string[] {
  if (bugs.length === 0) return [];
  const rows = bugs.map((b) => [
    `#${b.id}`,
    b.importance === 'Critical' ? c.red(b.importance) : b.importance,
    b.status,
    b.projects.join(','),
    b.milestone ?? '-',
    inertLine(b.title, 90),
  ]);
  const why = bugs.map((b) => `  #${b.id}: ${b.reasons.join('; ')}`);
  return ['', c.bold(`${title} (${bugs.length})`), table(rows, '  '), c.dim(why.join('\n'))];
}

export function renderBugsText(view: BugsView, c: Colors): string {
  const lines = [
    c.bold(`Bugs of ${view.team} for ${view.series}`) + ` (release-critical tag ${view.rcTag})`,
  ];
  lines.push(
    view.freshness.state === 'fresh' ? c.dim(view.freshness.line) : c.yellow(view.freshness.line),
  );
  const next = view.projects.map(
    (p) =>
      `${p.name} ${p.nextMilestone ?? '(no active milestone)'}${p.syncedAt ? '' : ' [no data]'}`,
  );
  if (next.length > 0) lines.push(`Next milestone: ${next.join(' · ')}`);
  if (view.freshness.state === 'never' && view.bugs.length === 0) return lines.join('\n');
  const shown = new Set<number>();
  const take = (pred: (b: BugItem) => boolean) =>
    view.bugs.filter((b) => {
      if (shown.has(b.id) || !pred(b)) return false;
      shown.add(b.id);
      return true;
    });
  lines.push(
    ...section(
      'Release-critical',
      take((b) => b.rcCritical),
      c,
    ),
  );
  lines.push(
    ...section(
      'Targeted to the next milestone',
      take((b) => b.targeted),
      c,
    ),
  );
  lines.push(
    ...section(
      'Fix committed, not released yet',
      take((b) => b.fixCommitted),
      c,
    ),
  );
  if (view.bugs.length === 0)
    lines.push('', 'No release-critical, milestone-targeted or fix-committed bugs.');
  return lines.join('\n');
}

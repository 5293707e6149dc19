import type { Colors } from '../../core/terminal.js';
import type { HighlightsAddView, HighlightsView } from './plan.js';

export function renderHighlightsList(v: HighlightsView, c: Colors): string {
  const out = [c.bold(`Cycle highlights of ${v.deliverable} in ${v.series}`) + ` (${v.file})`];
  if (v.highlights.length === 0)
    out.push('  none yet — add one with liaison release highlights add "..."');
  v.highlights.forEach((h, i) => out.push(`  ${i + 1}. ${h}`));
  for (const n of v.notes) out.push(c.yellow(`note: ${n}`));
  return out.join('\n');
}

export function renderHighlightsAdd(v: HighlightsAddView, c: Colors): string {
  const out = [
    c.bold(`Adding a cycle highlight to ${v.deliverable} in ${v.series}`) + ` (${v.file})`,
  ];
  for (const n of v.notes) out.push(c.yellow(`note: ${n}`));
  out.push('', v.diff, `Commit message: ${v.commitMessage.trim()}`);
  out.push(
    v.written
      ? c.green(`wrote ${v.file}`)
      : 'Dry run: nothing written. Use --write with --releases-repo DIR to apply.',
  );
  return out.join('\n');
}

import { jsonText } from '../core/text.js';
import type { NotesCheckView } from './plan-check.js';
import type { NotesListView, NotesReport } from './plan.js';
import { pyCommit, renderRst } from './render-rst.js';

/** The report in the format asked for (Markdown and HTML renderers load only when asked). */
export async function renderReportAs(
  report: NotesReport,
  format: 'rst' | 'md' | 'html' | 'json',
): Promise<string> {
  switch (format) {
    case 'json':
      return jsonText(report) + '\n';
    case 'md':
      return (await import('./render-md.js')).renderMarkdown(report);
    case 'html':
      return (await import('./render-html.js')).renderHtml(report);
    case 'rst':
      return renderRst(report);
  }
}

/** `reno list`: the version, then a tab, path and `(b'<sha>')` per note. */
export function renderList(view: NotesListView): string {
  const lines: string[] = [];
  for (const v of view.versions) {
    lines.push(v.version);
    for (const n of v.notes) lines.push(`\t${n.path} (${pyCommit(n.commit)})`);
  }
  return lines.join('\n') + (lines.length ? '\n' : '');
}

/** One line per check, its failing details indented under it. */
export function renderCheck(v: NotesCheckView): string {
  return v.checks
    .map(
      (c) =>
        `${c.ok ? 'ok  ' : 'FAIL'} ${c.id}: ${c.summary}${c.ok ? '' : c.details.map((d) => `\n       ${d}`).join('')}`,
    )
    .join('\n');
}

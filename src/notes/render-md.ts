import type { NotesReport, ReportSection } from './plan.js';
import { itemLines } from './plan.js';

/**
 * The same report as Markdown: `#` title, `##` per version, `###`-`#####`
 * per section level. Note text is RST-flavoured prose; it is kept as
 * written, indented under its list item.
 */
export function renderMarkdown(report: NotesReport): string {
  const out: string[] = [];
  if (report.title) out.push(`# ${report.title}`, '');
  for (const v of report.versions) {
    out.push(`## ${v.title}`, '');
    if (v.releaseDate !== null) out.push(`Release date: ${v.releaseDate}`, '');
    if (v.prelude) {
      out.push(`### ${v.prelude.title}`, '');
      for (const e of v.prelude.entries) {
        if (report.showSource) out.push(source(e.path, e.commit));
        out.push(e.text.trimEnd(), '');
      }
    }
    for (const s of v.sections) renderSection(s, report.showSource, out);
  }
  return out.join('\n');
}

function renderSection(s: ReportSection, showSource: boolean, out: string[]): void {
  out.push(`${'#'.repeat(2 + s.level)} ${s.title}`, '');
  for (const e of s.entries) {
    if (showSource) out.push(source(e.path, e.commit));
    const lines = itemLines(e.text);
    out.push(
      `- ${[lines[0] ?? '', ...lines.slice(1).map((l) => (l === '' ? '' : '  ' + l))].join('\n')}`,
    );
  }
  out.push('');
}

function source(path: string, commit: string | null): string {
  return `<!-- ${path} @ ${commit ?? 'working copy'} -->`;
}

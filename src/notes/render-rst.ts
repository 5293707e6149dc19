import type { NotesReport } from './plan.js';
import { itemLines } from './plan.js';

/** The report as reStructuredText, byte for byte what `reno report` prints (without print's final newline). */
export function renderRst(report: NotesReport): string {
  const out: string[] = [];
  const t = report.title;
  if (t) out.push('='.repeat(t.length), t, '='.repeat(t.length), '');
  for (const v of report.versions) {
    out.push(v.anchor, '', v.title, '='.repeat(v.title.length), '');
    if (v.releaseDate !== null) out.push(`Release Date: ${v.releaseDate}`, '');
    if (v.prelude) {
      out.push(v.prelude.anchor, '', v.prelude.title, '-'.repeat(v.prelude.name.length), '');
      for (const e of v.prelude.entries) {
        if (report.showSource) out.push(`.. ${e.path} @ ${pyCommit(e.commit)}\n`);
        out.push(e.text, '');
      }
    }
    for (const s of v.sections) {
      const underline = s.level === 1 ? '-' : s.level === 2 ? '^' : '~';
      out.push(s.anchor, '', s.title, underline.repeat(s.title.length), '');
      for (const e of s.entries) {
        if (report.showSource) out.push(`.. ${e.path} @ ${pyCommit(e.commit)}\n`);
        const lines = itemLines(e.text);
        out.push(`- ${[lines[0] ?? '', ...lines.slice(1).map((l) => '  ' + l)].join('\n')}\n`);
      }
      out.push('');
    }
  }
  return out.join('\n');
}

/** The commit as Python printed reno's bytes: `b'<sha>'`, or `None`. */
export function pyCommit(commit: string | null): string {
  return commit === null ? 'None' : `b'${commit}'`;
}

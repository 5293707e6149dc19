import type { NotesReport, ReportEntry, ReportSection } from './plan.js';

/**
 * The same report as a self-contained HTML fragment (escaped; note text in
 * <pre>-like paragraphs so RST markup stays readable). The dashboard can
 * embed it or render the view model itself.
 */
export function renderHtml(report: NotesReport): string {
  const out: string[] = ['<article class="release-notes">'];
  if (report.title) out.push(`<h1>${esc(report.title)}</h1>`);
  for (const v of report.versions) {
    out.push(`<section class="version" id="${esc(slug(v.anchor))}">`, `<h2>${esc(v.title)}</h2>`);
    if (v.releaseDate !== null)
      out.push(`<p class="release-date">Release date: ${esc(v.releaseDate)}</p>`);
    if (v.prelude) {
      out.push(`<section class="prelude"><h3>${esc(v.prelude.title)}</h3>`);
      for (const e of v.prelude.entries)
        out.push(`<div class="prelude-text"${sourceAttr(report, e)}>${paragraphs(e.text)}</div>`);
      out.push('</section>');
    }
    for (const s of v.sections) out.push(section(report, s));
    out.push('</section>');
  }
  out.push('</article>');
  return out.join('\n') + '\n';
}

function section(report: NotesReport, s: ReportSection): string {
  const h = `h${2 + s.level}`;
  const items = s.entries
    .map((e) => `<li${sourceAttr(report, e)}>${paragraphs(e.text)}</li>`)
    .join('\n');
  return `<section class="notes-section ${esc(s.name)}"><${h}>${esc(s.title)}</${h}>\n<ul>\n${items}\n</ul></section>`;
}

function sourceAttr(report: NotesReport, e: ReportEntry): string {
  return report.showSource
    ? ` data-source="${esc(e.path)}" data-commit="${esc(e.commit ?? 'working-copy')}"`
    : '';
}

function paragraphs(text: string): string {
  return text
    .trim()
    .split(/\n\s*\n/)
    .map((p) => `<p>${esc(p).replace(/``([^`]+)``/g, '<code>$1</code>')}</p>`)
    .join('');
}

function slug(anchor: string): string {
  return anchor.replace(/^\.\. _|:$/g, '').replace(/[^A-Za-z0-9._-]+/g, '-');
}

export function esc(text: string): string {
  return text.replace(
    /[&<>"']/g,
    (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[c] ?? c,
  );
}

import { resolve } from 'node:path';
import type { Context } from '../cli/context.js';
import { writeOutputFile } from '../core/files.js';
import { jsonText } from '../core/text.js';
import { reportOf } from './read.js';
import type { NotesReport } from './plan.js';
import { renderRst } from './render-rst.js';
import { scanRepository } from './scanner/repository.js';
import { notesOptions, printWarnings, queryOf } from './command-options.js';

export async function runReport(ctx: Context, versions: readonly string[] = []): Promise<number> {
  const o = notesOptions(ctx);
  const repo = await scanRepository(queryOf(ctx));
  const report = await reportOf(repo, {
    title: o.title ?? 'Release Notes',
    showSource: o.showSource !== false,
    cliBranch: o.branch ?? null,
    onlyVersions: versions.length ? versions : (o.version ?? []),
  });
  printWarnings(ctx, report.warnings);
  const format = ctx.json ? 'json' : (o.format ?? 'rst');
  const text = await render(report, format);
  if (o.output) {
    // a path that cannot be written is one line naming it (exit 2)
    writeOutputFile(resolve(ctx.io.cwd, o.output), text, '--output');
  } else {
    // like Python's print(): one newline after the text
    ctx.io.stdout(text + (format === 'rst' ? '\n' : ''));
  }
  return 0;
}

async function render(report: NotesReport, format: string): Promise<string> {
  switch (format) {
    case 'json':
      return jsonText(report) + '\n';
    case 'md':
      return (await import('./render-md.js')).renderMarkdown(report);
    case 'html':
      return (await import('./render-html.js')).renderHtml(report);
    default:
      return renderRst(report);
  }
}

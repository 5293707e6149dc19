import type { Context } from '../cli/context.js';
import { emit } from '../cli/output.js';
import { selectVersions } from './plan.js';
import { pyCommit } from './render-rst.js';
import { scanRepository } from './scanner/repository.js';
import { notesOptions, printWarnings, queryOf } from './command-options.js';

export interface NotesListView {
  readonly versions: readonly {
    version: string;
    notes: readonly { path: string; commit: string | null }[];
  }[];
}

export async function runList(ctx: Context, versions: readonly string[] = []): Promise<number> {
  const repo = await scanRepository(queryOf(ctx));
  printWarnings(ctx, repo.warnings);
  const names = selectVersions(
    repo,
    versions.length ? versions : (notesOptions(ctx).version ?? []),
  );
  const byName = new Map(repo.scan.versions.map((v) => [v.version, v.notes]));
  const view: NotesListView = {
    versions: names.map((version) => ({
      version,
      notes: (byName.get(version) ?? []).map((n) => ({ path: n.path, commit: n.commit })),
    })),
  };
  if (ctx.json) emit(ctx, view, renderList);
  else ctx.io.stdout(renderList(view));
  return 0;
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

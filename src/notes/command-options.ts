import { resolve } from 'node:path';
import type { Context } from '../cli/context.js';
import type { NotesQuery } from './scanner/repository.js';
import { sqliteHistoryCache } from './scanner/history-cache.js';

/** The notes options as commander leaves them in `ctx.options`. */
export interface NotesCliOptions {
  repo?: string;
  relNotesDir?: string;
  branch?: string;
  version?: string[];
  earliestVersion?: string;
  collapsePreReleases?: boolean;
  stopAtBranchBase?: boolean;
  title?: string;
  showSource?: boolean;
  output?: string;
  format?: 'rst' | 'md' | 'html' | 'json';
  fromTemplate?: string;
  ignoreCache?: boolean;
}

export function notesOptions(ctx: Context): NotesCliOptions {
  return ctx.options as NotesCliOptions;
}

/** The repository as given (for messages, like reno's `./releasenotes/...`) and resolved. */
export function repoArg(ctx: Context): { shown: string; dir: string } {
  const shown = notesOptions(ctx).repo ?? '.';
  return { shown, dir: resolve(ctx.io.cwd, shown) };
}

/**
 * The query of a notes command, with the SQLite history cache unless
 * --ignore-cache (the store opens while the first git processes run).
 */
export function queryOf(ctx: Context): NotesQuery {
  const o = notesOptions(ctx);
  const cache = o.ignoreCache ? undefined : sqliteHistoryCache(() => ctx.store());
  return {
    ...(cache ? { cache } : {}),
    repoDir: repoArg(ctx).dir,
    relnotesdir: o.relNotesDir ?? 'releasenotes',
    ...(o.branch !== undefined ? { branch: o.branch } : {}),
    ...(o.earliestVersion !== undefined ? { earliestVersion: o.earliestVersion } : {}),
    ...(o.collapsePreReleases !== undefined ? { collapsePreReleases: o.collapsePreReleases } : {}),
    ...(o.stopAtBranchBase !== undefined ? { stopAtBranchBase: o.stopAtBranchBase } : {}),
  };
}

export function printWarnings(ctx: Context, warnings: readonly string[]): void {
  for (const w of warnings) ctx.io.stderr(`${w}\n`);
}

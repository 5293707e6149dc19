import { resolve } from 'node:path';
import type { Context } from '../cli/context.js';
import type { NotesQuery } from './scanner/repository.js';
import { sqliteHistoryCache } from './scanner/history-cache.js';

/** The notes commands' options (each command has a part of them; commander types them). */
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

/** The repository as given (for messages, like reno's `./releasenotes/...`) and resolved. */
export function repoArg(ctx: Context, o: NotesCliOptions): { shown: string; dir: string } {
  const shown = o.repo ?? '.';
  return { shown, dir: resolve(ctx.io.cwd, shown) };
}

/**
 * The query of a notes command, with the SQLite history cache unless
 * --ignore-cache (the store opens while the first git processes run).
 */
export function queryOf(ctx: Context, o: NotesCliOptions): NotesQuery {
  const cache = o.ignoreCache ? undefined : sqliteHistoryCache(() => ctx.store());
  return {
    ...(cache ? { cache } : {}),
    repoDir: repoArg(ctx, o).dir,
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

import { resolve } from 'node:path';
import type { Db } from '../store/db.js';
import type { NotesQuery } from './scanner/repository.js';

/** The notes commands' options (each command has a part of them; commander types them). */
export interface NotesOptions {
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
export function repoArg(cwd: string, o: NotesOptions): { shown: string; dir: string } {
  const shown = o.repo ?? '.';
  return { shown, dir: resolve(cwd, shown) };
}

/**
 * The query of a notes command, with the SQLite history cache unless
 * --ignore-cache (the store opens while the first git processes run).
 */
export async function queryOf(
  cwd: string,
  store: () => Promise<Db>,
  o: NotesOptions,
): Promise<NotesQuery> {
  // the cache's code loads only for a run that uses it
  const cache = o.ignoreCache
    ? undefined
    : (await import('./scanner/history-cache.js')).sqliteHistoryCache(store);
  return {
    ...(cache ? { cache } : {}),
    repoDir: repoArg(cwd, o).dir,
    relnotesdir: o.relNotesDir ?? 'releasenotes',
    ...(o.branch !== undefined ? { branch: o.branch } : {}),
    ...(o.earliestVersion !== undefined ? { earliestVersion: o.earliestVersion } : {}),
    ...(o.collapsePreReleases !== undefined ? { collapsePreReleases: o.collapsePreReleases } : {}),
    ...(o.stopAtBranchBase !== undefined ? { stopAtBranchBase: o.stopAtBranchBase } : {}),
  };
}

import type { HttpClient } from '../http/client.js';
import { gerritPages } from '../http/paging.js';
import { parseChangePage, type GerritChange } from './parse.js';

export const GERRIT_DEFAULT_URL = 'https://review.opendev.org';

/** ChangeInfo options the freeze guard needs: the current commit message (footers) and owners. */
const OPTIONS = ['CURRENT_REVISION', 'CURRENT_COMMIT', 'DETAILED_ACCOUNTS', 'LABELS'];

/** `is:open (project:a OR project:b) (branch:master OR branch:stable/x)`. */
export function openChangesQuery(projects: readonly string[], branches: readonly string[]): string {
  const any = (key: string, values: readonly string[]) =>
    values.length === 1
      ? `${key}:${values[0]}`
      : `(${values.map((v) => `${key}:${v}`).join(' OR ')})`;
  return `is:open ${any('project', projects)} ${any('branch', branches)}`;
}

export function changesUrl(
  baseUrl: string,
  query: string,
  pageSize: number,
  start: number,
): string {
  const q = new URLSearchParams([
    ['q', query],
    ['n', String(pageSize)],
    ...OPTIONS.map((o): [string, string] => ['o', o]),
  ]);
  if (start > 0) q.set('S', String(start));
  return `${baseUrl.replace(/\/+$/, '')}/changes/?${q.toString()}`;
}

export interface GerritSyncInput {
  readonly http: HttpClient;
  readonly baseUrl: string;
  readonly query: string;
  readonly pageSize?: number;
  /** Stop after this many pages (a runaway `_more_changes`). */
  readonly maxPages?: number;
}

/**
 * Fetches every open change of the query (paging with `S` while the last
 * element says `_more_changes`). Nothing is written here: the caller
 * replaces the stored set once every page arrived and parsed.
 */
export async function syncOpenChanges(input: GerritSyncInput): Promise<GerritChange[]> {
  const changes: GerritChange[] = [];
  const seen = new Set<number>();
  const first = changesUrl(input.baseUrl, input.query, input.pageSize ?? 100, 0);
  for await (const page of gerritPages(input.http, first, {
    n: input.pageSize ?? 100,
    maxPages: input.maxPages ?? 20,
  })) {
    const parsed = parseChangePage(page.response.body, 'changes');
    // pages can shift while we read (sorted by update time): keep the first copy
    for (const c of parsed.changes) {
      if (seen.has(c.number)) continue;
      seen.add(c.number);
      changes.push(c);
    }
  }
  return changes;
}

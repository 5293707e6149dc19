import type { HttpClient, HttpResponse } from './client.js';
import { safeUrl } from '../../core/text.js';
import { ResponseFormatError } from './errors.js';

/**
 * Paging as each service does it (service-apis.md §1.3, §2.2, §3.3). Each
 * helper is an async generator: the caller stops iterating as soon as it
 * has what it needs, so no page is fetched for nothing. Only the first
 * page is asked conditionally: its URL is the same from run to run, so a
 * 304 on it means "nothing new".
 */

export interface Page<T> {
  readonly items: readonly T[];
  readonly response: HttpResponse<unknown>;
  /** 0 for the first page. */
  readonly index: number;
}

/**
 * Zuul lists (`/builds`, `/buildsets`): newest `_id` first, no total and no
 * next link. Pages stably by `idx_max` = smallest `_id` seen − 1 (skip-based
 * paging repeats rows while new builds arrive) and ends on a short page.
 */
export async function* zuulPages<T extends { readonly _id: number }>(
  http: HttpClient,
  url: string,
  opts: { readonly limit: number; readonly maxPages?: number },
): AsyncGenerator<Page<T>> {
  let idxMax: number | undefined;
  for (let index = 0; index < (opts.maxPages ?? 100); index++) {
    const u = new URL(url);
    u.searchParams.set('limit', String(opts.limit));
    if (idxMax !== undefined) u.searchParams.set('idx_max', String(idxMax));
    const response = await http.getJson(u.toString(), { conditional: index === 0 });
    if (!Array.isArray(response.body))
      throw new ResponseFormatError(u.toString(), 'expected a JSON array of Zuul records');
    const items = response.body as T[];
    yield { items, response, index };
    if (items.length < opts.limit) return;
    const smallest = Math.min(...items.map((b) => b._id));
    if (!Number.isFinite(smallest))
      throw new ResponseFormatError(u.toString(), 'Zuul records without a numeric _id');
    idxMax = smallest - 1;
  }
}

/**
 * Gerrit `/changes/?q=…`: sorted by `updated`, newest first; when more
 * exist the LAST element carries `_more_changes: true`; next page via
 * `S=<count so far>`. The server may cap `n` below what was asked.
 */
export async function* gerritPages<T extends object>(
  http: HttpClient,
  url: string,
  opts: {
    readonly n: number;
    readonly maxPages?: number;
    readonly auth?: { username: string; password: string };
  },
): AsyncGenerator<Page<T>> {
  let seen = 0;
  for (let index = 0; index < (opts.maxPages ?? 50); index++) {
    const u = new URL(url);
    u.searchParams.set('n', String(opts.n));
    if (seen > 0) u.searchParams.set('S', String(seen));
    const response = await http.getJson(u.toString(), {
      conditional: index === 0,
      ...(opts.auth ? { auth: opts.auth } : {}),
    });
    if (!Array.isArray(response.body))
      throw new ResponseFormatError(u.toString(), 'expected a JSON array of changes');
    const items = response.body as T[];
    yield { items, response, index };
    const last = items[items.length - 1] as { _more_changes?: unknown } | undefined;
    if (!last || last._more_changes !== true) return;
    seen += items.length;
  }
}

/** A Launchpad collection page (devel). */
export interface LaunchpadCollectionPage<T> {
  readonly start?: number;
  readonly entries: T[];
  readonly next_collection_link?: string;
  readonly total_size?: number;
  readonly total_size_link?: string;
}

/**
 * Launchpad collections: follow `next_collection_link` until it is absent
 * (links may carry batching keys such as `memo`; never compute offsets).
 * `rebase` maps the service's absolute links onto the configured base URL
 * (the real API answers with https://api.launchpad.net/… links).
 */
export async function* launchpadPages<T>(
  http: HttpClient,
  url: string,
  opts: { readonly maxPages?: number; readonly rebase?: (link: string) => string } = {},
): AsyncGenerator<Page<T> & { readonly page: LaunchpadCollectionPage<T> }> {
  let next: string | undefined = url;
  for (let index = 0; next && index < (opts.maxPages ?? 50); index++) {
    const response: HttpResponse<unknown> = await http.getJson(next, { conditional: index === 0 });
    const page = response.body as LaunchpadCollectionPage<T>;
    if (typeof page !== 'object' || page === null || !Array.isArray(page.entries)) {
      throw new ResponseFormatError(
        next,
        'expected a Launchpad collection (an object with entries[])',
      );
    }
    yield { items: page.entries, response, index, page };
    next = page.next_collection_link
      ? sameOrigin(url, (opts.rebase ?? ((l: string) => l))(page.next_collection_link))
      : undefined;
  }
}

/**
 * A link a service answered with, followed only on the origin we asked:
 * a hostile or broken body must not send the next request elsewhere.
 */
export function sameOrigin(asked: string, link: unknown): string {
  let ok: boolean;
  try {
    ok = typeof link === 'string' && new URL(link).origin === new URL(asked).origin;
  } catch {
    ok = false;
  }
  if (!ok)
    throw new ResponseFormatError(
      asked,
      `a link in the answer leaves ${new URL(asked).origin} (${JSON.stringify(String(link).slice(0, 80))})`,
    );
  return link as string;
}

/**
 * The size of a Launchpad collection: inline `total_size`, else the body of
 * `total_size_link` — a bare integer, not a JSON object.
 */
export async function launchpadTotalSize(
  http: HttpClient,
  page: LaunchpadCollectionPage<unknown>,
  rebase: (link: string) => string = (l) => l,
): Promise<number> {
  if (typeof page.total_size === 'number') return page.total_size;
  if (!page.total_size_link)
    throw new ResponseFormatError(
      'launchpad',
      'collection has neither total_size nor total_size_link',
    );
  const link = rebase(page.total_size_link);
  if (safeUrl(link) === null)
    throw new ResponseFormatError('launchpad', 'total_size_link is not an http(s) link');
  const r = await http.getText(link, { conditional: false });
  const n = Number(r.body.trim());
  if (!Number.isInteger(n) || n < 0)
    throw new ResponseFormatError(link, `expected a bare integer, got "${r.body.slice(0, 40)}"`);
  return n;
}

/** Maps links of `from` (e.g. https://api.launchpad.net) onto `to` (the configured base). */
export function rebaseLinks(from: string, to: string): (link: string) => string {
  const f = from.replace(/\/+$/, '');
  const t = to.replace(/\/+$/, '');
  return (link) => (f !== t && link.startsWith(f) ? t + link.slice(f.length) : link);
}

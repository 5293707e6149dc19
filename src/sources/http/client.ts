import PQueue from 'p-queue';
import pRetry from 'p-retry';
import type { Db } from '../../store/db.js';
import { parseJsonBody } from './body.js';
import { readCacheEntry, writeCacheEntries, type CacheEntry } from './cache.js';
import {
  HttpNetworkError,
  HttpStatusError,
  HttpTimeoutError,
  ResponseTooLargeError,
} from './errors.js';

/**
 * The one HTTP client of the tool.
 *
 * How to use it (sources, tests):
 *   const http = new HttpClient({ fetch, db, now: () => ctx.now(), source: 'zuul' });
 *   const page = await http.getJson<Build[]>(url);           // conditional GET, cached in `http_cache`
 *   if (page.notModified) …                                   // 304: page.body is the cached body
 *   const text = await http.getText(url, { conditional: false });
 *   await http.send('POST', url, body, { auth: { username, password } });  // Gerrit /a/ writes
 *
 * - `fetch` is injected (the global one by default), so tests pass their own.
 * - A request has one time limit (`timeoutMs`) covering every attempt, its
 *   headers and body, and the waits between retries.
 * - Bodies are read up to `maxBodyBytes` (32 MB): an endless answer is an
 *   error naming the source, not gigabytes of memory.
 * - Only 5xx answers (and 429) and timeouts are retried, with exponential
 *   backoff, while the time limit leaves room.
 * - Requests to one host go through one queue: one at a time, at most one
 *   start per `minIntervalMs` (polite to services that publish no limit).
 * - Conditional GETs send If-None-Match / If-Modified-Since from the cache;
 *   a 304 hands back the cached body. With `deferCacheWrites`, new cache
 *   entries are held until `commitCache(db)` — a sync calls it in the same
 *   transaction as its data, so a sync killed half way never leaves a
 *   validator for data it did not store (the next run would get a 304 and
 *   skip it).
 * - JSON bodies lose Gerrit's `)]}'` line when present; a body that is not
 *   JSON is a `ResponseFormatError`.
 */
export interface HttpClientOptions {
  readonly fetch?: typeof globalThis.fetch;
  /** Store holding `http_cache`; without it, requests are never conditional. */
  readonly db?: Db;
  /** Clock for cache timestamps (the CLI passes `ctx.now`). */
  readonly now?: () => Date;
  /** Source name put on errors (`zuul`, `gerrit`, `launchpad`). */
  readonly source?: string;
  /**
   * Time limit of one request, all its attempts and retry waits included:
   * a silent server costs this once, not once per retry.
   */
  readonly timeoutMs?: number;
  /** Largest body read (bytes, default 32 MB); a longer one is a ResponseTooLargeError. */
  readonly maxBodyBytes?: number;
  /** Retries after the first attempt (5xx/429/timeouts only). */
  readonly retries?: number;
  /** Delay before the first retry; doubles each time. */
  readonly retryDelayMs?: number;
  /** Minimum spacing of request starts to one host. */
  readonly minIntervalMs?: number;
  readonly userAgent?: string;
  readonly deferCacheWrites?: boolean;
  /** Called after every attempt (tests and `--debug` use it). */
  readonly onRequest?: (event: RequestEvent) => void;
}

export interface RequestEvent {
  readonly method: string;
  readonly url: string;
  /** HTTP status, or 0 when no answer came. */
  readonly status: number;
  readonly ms: number;
  readonly attempt: number;
}

export interface RequestOptions {
  /** Use the cache's validators (default: true for GET when a db is given, never with auth). */
  readonly conditional?: boolean;
  readonly headers?: Readonly<Record<string, string>>;
  /** HTTP Basic credentials (Gerrit `/a/` endpoints). */
  readonly auth?: { readonly username: string; readonly password: string };
  /** Statuses that are answers, not errors (e.g. 404 for "no such bug"). */
  readonly okStatuses?: readonly number[];
}

export interface HttpResponse<T> {
  readonly url: string;
  readonly status: number;
  /** True when the server said 304 and `body` came from the cache. */
  readonly notModified: boolean;
  readonly body: T;
  readonly text: string;
  readonly headers: Headers;
}

export interface HttpStats {
  requests: number;
  notModified: number;
  retries: number;
}

export const DEFAULT_USER_AGENT =
  'release-liaison/0.1 (+https://opendev.org; OpenStack release liaison tool)';

export class HttpClient {
  readonly stats: HttpStats = { requests: 0, notModified: 0, retries: 0 };
  private readonly queues = new Map<string, PQueue>();
  private readonly pending = new Map<string, CacheEntry>();
  private readonly fetchFn: typeof globalThis.fetch;

  constructor(private readonly opts: HttpClientOptions = {}) {
    this.fetchFn = opts.fetch ?? globalThis.fetch;
  }

  async getJson<T = unknown>(url: string, options: RequestOptions = {}): Promise<HttpResponse<T>> {
    const r = await this.request('GET', url, undefined, {
      ...options,
      headers: { accept: 'application/json', ...options.headers },
    });
    return { ...r, body: parseJsonBody(r.text, url, this.opts.source) as T };
  }

  async getText(url: string, options: RequestOptions = {}): Promise<HttpResponse<string>> {
    const r = await this.request('GET', url, undefined, options);
    return { ...r, body: r.text };
  }

  /** A write (POST/PUT/DELETE) with a JSON body; the answer is parsed as JSON when it is JSON. */
  async send<T = unknown>(
    method: string,
    url: string,
    body: unknown,
    options: RequestOptions = {},
  ): Promise<HttpResponse<T | string>> {
    const r = await this.request(method, url, JSON.stringify(body), {
      ...options,
      conditional: false,
      headers: {
        'content-type': 'application/json; charset=UTF-8',
        accept: 'application/json',
        ...options.headers,
      },
    });
    const looksJson =
      /json/i.test(r.headers.get('content-type') ?? '') || r.text.startsWith(")]}'");
    return { ...r, body: looksJson ? (parseJsonBody(r.text, url, this.opts.source) as T) : r.text };
  }

  /** Writes the cache entries held back by `deferCacheWrites` (call inside the data's transaction). */
  commitCache(db: Db | undefined = this.opts.db): void {
    if (!db) return;
    writeCacheEntries(db, [...this.pending.values()]);
    this.pending.clear();
  }

  private async request(
    method: string,
    url: string,
    body: string | undefined,
    options: RequestOptions,
  ): Promise<Omit<HttpResponse<unknown>, 'body'>> {
    const db = this.opts.db;
    const conditional =
      method === 'GET' && !options.auth && (options.conditional ?? true) && db !== undefined;
    const cached = conditional ? (this.pending.get(url) ?? readCacheEntry(db, url)) : undefined;
    const headers: Record<string, string> = {
      'user-agent': this.opts.userAgent ?? DEFAULT_USER_AGENT,
      ...options.headers,
    };
    if (cached?.etag) headers['if-none-match'] = cached.etag;
    if (cached?.lastModified) headers['if-modified-since'] = cached.lastModified;
    if (options.auth) {
      headers.authorization = `Basic ${Buffer.from(`${options.auth.username}:${options.auth.password}`).toString('base64')}`;
    }
    const timeoutMs = this.opts.timeoutMs ?? 30_000;
    const deadline = performance.now() + timeoutMs;
    const left = () => deadline - performance.now();
    let attempt = 0;
    const once = async () => {
      attempt++;
      const started = performance.now();
      let status = 0;
      try {
        if (left() <= 0) throw new HttpTimeoutError(url, timeoutMs, this.opts.source);
        const res = await this.fetchFn(url, {
          method,
          headers,
          body,
          signal: AbortSignal.timeout(Math.max(1, Math.ceil(left()))),
          redirect: 'follow',
        });
        status = res.status;
        const text = await readBody(
          res,
          url,
          this.opts.maxBodyBytes ?? MAX_BODY_BYTES,
          this.opts.source,
        );
        if (res.status >= 500 || res.status === 429)
          throw new HttpStatusError(url, res.status, text, this.opts.source);
        return { res, text };
      } catch (e) {
        throw e instanceof HttpStatusError ||
          e instanceof HttpTimeoutError ||
          e instanceof ResponseTooLargeError
          ? e
          : this.translate(e, url, timeoutMs);
      } finally {
        this.stats.requests++;
        this.opts.onRequest?.({ method, url, status, ms: performance.now() - started, attempt });
      }
    };
    const { res, text } = await pRetry(() => this.queueFor(url).add(once), {
      retries: this.opts.retries ?? 3,
      minTimeout: this.opts.retryDelayMs ?? 1000,
      factor: 2,
      // a retry only while the request's time limit leaves room for the wait and an attempt
      shouldRetry: ({ error, attemptNumber }) =>
        retryable(error) &&
        left() > (this.opts.retryDelayMs ?? 1000) * 2 ** Math.max(0, attemptNumber - 1),
      onFailedAttempt: ({ error, retriesLeft }) => {
        if (retriesLeft > 0 && retryable(error)) this.stats.retries++;
      },
    });
    return this.settle(method, url, res, text, cached, options);
  }

  private settle(
    method: string,
    url: string,
    res: Response,
    text: string,
    cached: CacheEntry | undefined,
    options: RequestOptions,
  ): Omit<HttpResponse<unknown>, 'body'> {
    if (res.status === 304 && cached) {
      this.stats.notModified++;
      return { url, status: 304, notModified: true, text: cached.body, headers: res.headers };
    }
    const ok =
      (res.status >= 200 && res.status < 300) || (options.okStatuses ?? []).includes(res.status);
    if (!ok) throw new HttpStatusError(url, res.status, text, this.opts.source);
    const etag = res.headers.get('etag');
    const lastModified = res.headers.get('last-modified');
    if (
      method === 'GET' &&
      res.status === 200 &&
      (etag || lastModified) &&
      this.opts.db &&
      !options.auth
    ) {
      const entry: CacheEntry = {
        url,
        etag,
        lastModified,
        body: text,
        fetchedAt: (this.opts.now?.() ?? new Date(0)).toISOString(),
      };
      if (this.opts.deferCacheWrites) this.pending.set(url, entry);
      else writeCacheEntries(this.opts.db, [entry]);
    }
    return { url, status: res.status, notModified: false, text, headers: res.headers };
  }

  private translate(e: unknown, url: string, timeoutMs: number): Error {
    if (e instanceof Error && (e.name === 'TimeoutError' || e.name === 'AbortError')) {
      return new HttpTimeoutError(url, timeoutMs, this.opts.source);
    }
    const cause = e instanceof Error && e.cause instanceof Error ? e.cause : undefined;
    const code =
      cause && 'code' in cause && typeof cause.code === 'string' ? cause.code : undefined;
    const reason = code ?? cause?.message ?? (e instanceof Error ? e.message : String(e));
    return new HttpNetworkError(url, reason, this.opts.source);
  }

  private queueFor(url: string): PQueue {
    const host = new URL(url).host;
    let q = this.queues.get(host);
    if (!q) {
      const interval = this.opts.minIntervalMs ?? 250;
      q =
        interval > 0
          ? new PQueue({ concurrency: 1, interval, intervalCap: 1 })
          : new PQueue({ concurrency: 1 });
      this.queues.set(host, q);
    }
    return q;
  }
}

/** Default cap of one answer's body: far above any page the services send. */
export const MAX_BODY_BYTES = 32 * 1024 * 1024;

/**
 * The body as text, read chunk by chunk and stopped at `max` bytes (a
 * Content-Length over it is refused before reading).
 */
async function readBody(res: Response, url: string, max: number, source?: string): Promise<string> {
  const declared = Number(res.headers.get('content-length') ?? NaN);
  if (Number.isFinite(declared) && declared > max) {
    await res.body?.cancel().catch(() => undefined);
    throw new ResponseTooLargeError(url, max, source);
  }
  if (!res.body) return '';
  const chunks: Uint8Array[] = [];
  let size = 0;
  // leaving the loop early cancels the stream (the connection is dropped)
  for await (const chunk of res.body as unknown as AsyncIterable<Uint8Array>) {
    size += chunk.byteLength;
    if (size > max) throw new ResponseTooLargeError(url, max, source);
    chunks.push(chunk);
  }
  return new TextDecoder().decode(Buffer.concat(chunks));
}

/** Worth another try: the server was overloaded or failing, or too slow. */
function retryable(error: unknown): boolean {
  if (error instanceof HttpTimeoutError) return true;
  if (error instanceof HttpStatusError) return error.status >= 500 || error.status === 429;
  return false;
}

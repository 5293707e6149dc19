import type { Deps } from '../core/deps.js';
import type { Db } from '../store/db.js';
import type { Endpoints } from './endpoints.js';
import type { HttpClient } from './http/client.js';

/**
 * The remote sources `liaison sync` refreshes. A source module exports a
 * `SyncSource`; add one line to `SYNC_SOURCES` (src/app/sync-sources.ts) to
 * plug it in (modules load lazily so start-up stays fast).
 *
 * Contract of `sync(ctx, deps)`:
 * - fetch through `deps.http` (a client made for this source: conditional
 *   GETs, retries, polite queue; its cache writes are held back);
 * - write everything through ONE `deps.commit(write, detail)` call at the end:
 *   `write` (your inserts/updates), the held-back HTTP cache entries and the
 *   source's "last successful sync" record go into one SQLite transaction,
 *   so a sync killed half way leaves the previous data and cache intact;
 * - if nothing changed (first page answered 304), just return — the runner
 *   records the success;
 * - throw on failure (typed errors of src/sources/http); the runner records
 *   it, reports it and goes on with the other sources.
 */
export interface SyncSource {
  /** Key in `source_sync` (`zuul`, `launchpad`, `gerrit`). */
  readonly name: string;
  /** Human name (`Zuul periodic builds`). */
  readonly title: string;
  sync(ctx: Deps, deps: SyncDeps): Promise<SourceSyncResult>;
}

export interface SyncDeps {
  readonly db: Db;
  readonly http: HttpClient;
  readonly endpoints: Endpoints;
  /** The run's clock (ISO instants for records). */
  readonly now: () => Date;
  /** A progress line; shown on a terminal only. */
  readonly progress: (line: string) => void;
  readonly commit: (write: () => void, detail?: string) => void;
}

export interface SourceSyncResult {
  /** Records received and stored (new or updated). */
  readonly items: number;
  /** True when the service said nothing changed. */
  readonly notModified: boolean;
  /** One line for the report (`12 new builds`). */
  readonly summary: string;
}

export interface SourceEntry {
  readonly name: string;
  readonly load: () => Promise<SyncSource>;
}

import type { Db } from '../../store/db.js';

/** One remembered 200 answer of a GET, with the validators to ask again conditionally. */
export interface CacheEntry {
  readonly url: string;
  readonly etag: string | null;
  readonly lastModified: string | null;
  readonly body: string;
  /** ISO instant the body was received. */
  readonly fetchedAt: string;
}

interface Row {
  url: string;
  etag: string | null;
  last_modified: string | null;
  body: string;
  fetched_at: string;
}

export function readCacheEntry(db: Db, url: string): CacheEntry | undefined {
  const row = db
    .prepare('SELECT url, etag, last_modified, body, fetched_at FROM http_cache WHERE url = ?')
    .get(url) as Row | undefined;
  return (
    row && {
      url: row.url,
      etag: row.etag,
      lastModified: row.last_modified,
      body: row.body,
      fetchedAt: row.fetched_at,
    }
  );
}

export function writeCacheEntries(db: Db, entries: readonly CacheEntry[]): void {
  if (entries.length === 0) return;
  const stmt = db.prepare(
    `INSERT INTO http_cache (url, etag, last_modified, body, fetched_at) VALUES (?, ?, ?, ?, ?)
     ON CONFLICT (url) DO UPDATE SET etag = excluded.etag, last_modified = excluded.last_modified,
       body = excluded.body, fetched_at = excluded.fetched_at`,
  );
  db.transaction(() => {
    for (const e of entries) stmt.run(e.url, e.etag, e.lastModified, e.body, e.fetchedAt);
  })();
}

export function deleteCacheEntry(db: Db, url: string): void {
  db.prepare('DELETE FROM http_cache WHERE url = ?').run(url);
}

/**
 * Rendered pages and views, kept per (page, date, team) for a short time.
 * The data behind a page changes only when a source is synced or a form
 * writes, so a few seconds of reuse costs nothing in freshness and turns a
 * page view into a map lookup. Writes clear everything. Concurrent misses
 * of one key share one build, and an entry that has just expired is still
 * served while one request rebuilds it (so readers never queue behind a
 * rebuild; the page says how old its data is anyway).
 */
interface Entry {
  expires: number;
  value: Promise<unknown>;
  refreshing: boolean;
  /** The value once built, for `peek`. */
  resolved?: unknown;
}

export class ViewCache {
  private readonly entries = new Map<string, Entry>();
  private generation = 0;

  constructor(
    private readonly now: () => number,
    private readonly ttlMs: number,
    private readonly maxEntries = 500,
  ) {}

  /** `ttlMs` overrides the cache's lifetime for this key (Infinity: until cleared). */
  get<T>(key: string, make: () => Promise<T>, ttlMs = this.ttlMs): Promise<T> {
    const t = this.now();
    const hit = this.entries.get(key);
    if (hit && hit.expires > t) return hit.value as Promise<T>;
    if (hit && ttlMs > 0) {
      if (!hit.refreshing) {
        hit.refreshing = true;
        const generation = this.generation;
        make().then(
          (v) => {
            // a write cleared the cache meanwhile: this value was built before it
            if (generation !== this.generation) return;
            this.entries.set(key, {
              expires: this.now() + ttlMs,
              value: Promise.resolve(v),
              refreshing: false,
              resolved: v,
            });
          },
          () => {
            if (generation === this.generation) this.entries.delete(key);
          },
        );
      }
      return hit.value as Promise<T>;
    }
    if (this.entries.size >= this.maxEntries) this.evictExpired(t);
    const value = make();
    const entry: Entry = { expires: t + ttlMs, value, refreshing: false };
    this.entries.set(key, entry);
    value.then(
      (v) => (entry.resolved = v),
      () => {
        if (this.entries.get(key) === entry) this.entries.delete(key);
      },
    );
    return value;
  }

  /** A value that is built and still fresh, without waiting: the server's fast path for page views. */
  peek(key: string): unknown {
    const hit = this.entries.get(key);
    return hit && hit.expires > this.now() ? hit.resolved : undefined;
  }

  clear(): void {
    this.generation++;
    this.entries.clear();
  }

  private evictExpired(t: number): void {
    for (const [k, e] of this.entries) if (e.expires <= t && !e.refreshing) this.entries.delete(k);
    // still full: drop the oldest half (insertion order)
    if (this.entries.size >= this.maxEntries) {
      let n = Math.floor(this.maxEntries / 2);
      for (const k of this.entries.keys()) {
        if (n-- <= 0) break;
        this.entries.delete(k);
      }
    }
  }
}

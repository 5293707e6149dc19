import { createHash } from 'node:crypto';
import { mkdirSync, readFileSync, renameSync, statSync, unlinkSync, writeFileSync } from 'node:fs';
import { homedir } from 'node:os';
import { join, resolve } from 'node:path';
import type { Finding } from './plan-types.js';
import type { LoadedFile } from './plan.js';

/**
 * A persistent cache of the per-file stage of `release validate` (parse and
 * schema check): one JSON file per releases checkout under the
 * user's cache dir. An entry is reused only while the file's size and mtime
 * are unchanged; the data rules (some read other files) still run on every
 * file each time, on the cached parse. A missing, corrupt or foreign cache
 * is simply not used; failing to write it is not an error either.
 *
 * JSON rather than v8.serialize: measured on the 6,026 real files (6.8 MB),
 * JSON.parse took ~100 ms where v8.deserialize took ~200 ms. A parsed value
 * JSON cannot carry exactly (non-finite numbers, -0, a `__proto__` key) is
 * not cached, so a cached parse is always the same value.
 */

/**
 * Bump when the parse or schema-check code changes what it produces: every
 * entry of an older version is then dropped. The schema text is part of the
 * key too (see cacheStamp).
 */
export const FILE_CACHE_VERSION = 2;

/** What the per-file stage produced for one file. */
export interface CachedFile {
  readonly size: number;
  readonly mtimeMs: number;
  readonly parsed: LoadedFile['parsed'];
  /** The YAML/schema findings; undefined when the file is fit for the data rules. */
  readonly shape: Finding[] | undefined;
}

/** On disk: `[size, mtimeMs, parsed ok, value or YAML message, shape findings or 0]`. */
type StoredFile = [number, number, boolean, unknown, Finding[] | 0];

interface CacheBlob {
  readonly stamp: string;
  readonly files: Record<string, StoredFile>;
}

function fromStored(s: unknown): CachedFile | undefined {
  if (!Array.isArray(s) || s.length !== 5) return undefined;
  const [size, mtimeMs, ok, value, shape] = s as unknown[];
  if (typeof size !== 'number' || typeof mtimeMs !== 'number' || typeof ok !== 'boolean')
    return undefined;
  if (shape !== 0 && !Array.isArray(shape)) return undefined;
  if (!ok && typeof value !== 'string') return undefined;
  return {
    size,
    mtimeMs,
    parsed: ok ? { ok: true, value } : { ok: false, message: value as string },
    shape: shape === 0 ? undefined : (shape as Finding[]),
  };
}

function toStored(c: CachedFile): StoredFile {
  return [
    c.size,
    c.mtimeMs,
    c.parsed.ok,
    c.parsed.ok ? c.parsed.value : c.parsed.message,
    c.shape ?? 0,
  ];
}

/** Whether JSON gives back exactly this value (plain data as the YAML readers make it). */
export function jsonExact(v: unknown): boolean {
  if (v === null || typeof v === 'string' || typeof v === 'boolean') return true;
  if (typeof v === 'number') return Number.isFinite(v) && !Object.is(v, -0);
  if (Array.isArray(v)) return v.every((x) => x !== undefined && jsonExact(x));
  if (typeof v !== 'object') return false;
  const proto = Object.getPrototypeOf(v) as unknown;
  if (proto !== Object.prototype && proto !== null) return false;
  for (const k of Object.keys(v)) {
    const x = (v as Record<string, unknown>)[k];
    if (k === '__proto__' || x === undefined || !jsonExact(x)) return false;
  }
  return true;
}

/** The cache file of a releases checkout: `$XDG_CACHE_HOME/release-liaison/validate-<hash>.json`. */
export function cachePath(root: string, env: NodeJS.ProcessEnv): string {
  const base = env.XDG_CACHE_HOME || join(env.HOME || homedir(), '.cache');
  const id = createHash('sha256').update(resolve(root)).digest('hex').slice(0, 16);
  return join(base, 'release-liaison', `validate-${id}.json`);
}

/** What invalidates every entry at once: the code version and the schema text. */
export function cacheStamp(schemaText: string): string {
  const schema = createHash('sha256').update(schemaText).digest('hex').slice(0, 16);
  return `${FILE_CACHE_VERSION}:${schema}`;
}

/** Per-file results of a previous run, and what this run adds or confirms. */
export class FileCache {
  private readonly old: Map<string, CachedFile>;
  private readonly next = new Map<string, CachedFile>();
  private changed = false;

  private constructor(
    private readonly path: string,
    private readonly stamp: string,
    old: Map<string, CachedFile>,
  ) {
    this.old = old;
  }

  /** Reads the cache file in one go; anything unreadable or stale counts as empty. */
  static open(path: string, stamp: string): FileCache {
    const files = new Map<string, CachedFile>();
    try {
      const blob = JSON.parse(readFileSync(path, 'utf8')) as Partial<CacheBlob> | null;
      if (blob && blob.stamp === stamp && typeof blob.files === 'object' && blob.files) {
        for (const [rel, stored] of Object.entries(blob.files)) {
          const c = fromStored(stored);
          if (c) files.set(rel, c);
        }
      }
    } catch {
      // no cache yet, or a corrupt one: start empty
    }
    return new FileCache(path, stamp, files);
  }

  /**
   * The cached stage for a file on disk if its size and mtime still match;
   * else runs `compute` and remembers its result. Every file looked up is
   * kept for the next run; files not looked up are dropped when saving.
   */
  stage(
    rel: string,
    abs: string,
    compute: () => { parsed: LoadedFile['parsed']; shape: Finding[] | undefined },
  ): { parsed: LoadedFile['parsed']; shape: Finding[] | undefined } {
    let st;
    try {
      st = statSync(abs);
    } catch {
      return compute(); // the read in compute names the problem
    }
    const hit = this.old.get(rel);
    if (hit && hit.size === st.size && hit.mtimeMs === st.mtimeMs) {
      this.next.set(rel, hit);
      return hit;
    }
    const fresh = compute();
    if (!fresh.parsed.ok || jsonExact(fresh.parsed.value))
      this.next.set(rel, { size: st.size, mtimeMs: st.mtimeMs, ...fresh });
    this.changed = true;
    return fresh;
  }

  /**
   * Writes the cache when it changed (a temp file renamed over the old one,
   * so a reader never sees half a file). Runs over a subset of the files add
   * to the cache rather than replace it.
   */
  save(keepOthers: boolean): void {
    if (keepOthers) {
      for (const [rel, c] of this.old) if (!this.next.has(rel)) this.next.set(rel, c);
    } else if (this.old.size !== this.next.size) this.changed = true;
    if (!this.changed) return;
    const tmp = `${this.path}.${process.pid}.tmp`;
    try {
      mkdirSync(join(this.path, '..'), { recursive: true });
      const files: Record<string, StoredFile> = {};
      for (const [rel, c] of this.next) files[rel] = toStored(c);
      const blob: CacheBlob = { stamp: this.stamp, files };
      writeFileSync(tmp, JSON.stringify(blob));
      renameSync(tmp, this.path);
    } catch {
      try {
        unlinkSync(tmp);
      } catch {
        // nothing was written
      }
    }
  }
}

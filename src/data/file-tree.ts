import { existsSync, readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { readRegularFile } from '../core/files.js';

/**
 * The largest data file read from a checkout: 1 MB. The biggest of
 * openstack/releases is 140 KB (a deliverable), of governance 80 KB. A
 * hostile 10 MB value costs the YAML reader ~2 s and ~400 MB per parse, and
 * `release propose` parses a deliverable six times (measured: 1.8 GB); at
 * 1 MB a run stays near 200 MB.
 */
export const MAX_DATA_FILE_BYTES = 1024 * 1024;

/**
 * A read-only tree of text files addressed by `/`-separated relative paths.
 * The releases and governance readers work on this, so they run the same
 * over a full checkout on disk and over the embedded snapshot.
 */
export interface FileTree {
  /** Where the files come from, for messages ("releases checkout /x"). */
  readonly label: string;
  /** The text of a file, or undefined when it does not exist. */
  read(path: string): string | undefined;
  /** Names (not paths) of the entries directly under a folder, sorted. */
  list(dir: string): string[];
  /** Absolute path on disk when there is one (for error messages, git). */
  absolute(path: string): string | undefined;
}

export class DiskTree implements FileTree {
  constructor(
    readonly root: string,
    readonly label: string,
  ) {}

  /** Absent is undefined; a directory, FIFO, dangling link or loop is a ConfigError naming the file. */
  read(path: string): string | undefined {
    return readRegularFile(join(this.root, path), { maxBytes: MAX_DATA_FILE_BYTES });
  }

  list(dir: string): string[] {
    const full = join(this.root, dir);
    if (!existsSync(full) || !statSync(full).isDirectory()) return [];
    return readdirSync(full).sort();
  }

  absolute(path: string): string {
    return join(this.root, path);
  }
}

/**
 * A tree held in memory: the embedded snapshot, or files built by a test.
 * Given a function, the files are fetched on first use (the embedded files
 * are parsed only by commands that read them).
 */
export class MemoryTree implements FileTree {
  private filesCache?: Readonly<Record<string, string>>;
  private dirsCache?: Map<string, Set<string>>;

  constructor(
    private readonly source: Readonly<Record<string, string>> | (() => Readonly<Record<string, string>>),
    readonly label: string,
  ) {}

  private get files(): Readonly<Record<string, string>> {
    this.filesCache ??= typeof this.source === 'function' ? this.source() : this.source;
    return this.filesCache;
  }

  private get dirs(): Map<string, Set<string>> {
    if (this.dirsCache) return this.dirsCache;
    const dirs = new Map<string, Set<string>>();
    const add = (dir: string, entry: string) => {
      let entries = dirs.get(dir);
      if (!entries) dirs.set(dir, (entries = new Set()));
      entries.add(entry);
    };
    for (const path of Object.keys(this.files)) {
      const parts = path.split('/');
      for (let i = 0; i < parts.length; i++) add(parts.slice(0, i).join('/'), parts[i] ?? '');
    }
    this.dirsCache = dirs;
    return dirs;
  }

  read(path: string): string | undefined {
    return this.files[path];
  }

  list(dir: string): string[] {
    return [...(this.dirs.get(dir.replace(/\/+$/, '')) ?? [])].sort();
  }

  absolute(): undefined {
    return undefined;
  }
}

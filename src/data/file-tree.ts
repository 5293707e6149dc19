import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';

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

  read(path: string): string | undefined {
    try {
      return readFileSync(join(this.root, path), 'utf8');
    } catch {
      return undefined;
    }
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

/** A tree held in memory: the embedded snapshot, or files built by a test. */
export class MemoryTree implements FileTree {
  private readonly dirs = new Map<string, Set<string>>();

  constructor(
    private readonly files: Readonly<Record<string, string>>,
    readonly label: string,
  ) {
    for (const path of Object.keys(files)) {
      const parts = path.split('/');
      for (let i = 0; i < parts.length - 1; i++) {
        const dir = parts.slice(0, i).join('/');
        let entries = this.dirs.get(dir);
        if (!entries) this.dirs.set(dir, (entries = new Set()));
        entries.add(parts[i] ?? '');
      }
      const dir = parts.slice(0, -1).join('/');
      let entries = this.dirs.get(dir);
      if (!entries) this.dirs.set(dir, (entries = new Set()));
      entries.add(parts[parts.length - 1] ?? '');
    }
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

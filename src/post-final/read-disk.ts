import { existsSync, readdirSync, statSync } from 'node:fs';
import { readRegularFile } from '../core/files.js';
import { join } from 'node:path';
import type { RepoReader } from './plan.js';

/** Reads files of a working tree. */
export function diskRepo(dir: string): RepoReader {
  return {
    dir,
    read: (path) => {
      return readRegularFile(join(dir, path));
    },
    list: (folder) => {
      const out: string[] = [];
      const walk = (rel: string) => {
        const full = join(dir, rel);
        if (!existsSync(full) || !statSync(full).isDirectory()) return;
        for (const name of readdirSync(full).sort()) {
          const child = `${rel}/${name}`;
          if (statSync(join(dir, child)).isDirectory()) walk(child);
          else out.push(child);
        }
      };
      walk(folder.replace(/\/+$/, ''));
      return out;
    },
  };
}

import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { dirname, isAbsolute, join, resolve } from 'node:path';
import type { Context } from '../cli/context.js';
import type { RepoReader } from './post-final/tasks.js';

/**
 * The local clone of a team repository: `deliverables.<name>.clone` in the
 * config, else `<clones-dir>/<repository base name>`. Relative paths are
 * taken from the config file's folder (the working folder for built-in
 * configs). Undefined when nothing is configured or the folder is missing.
 */
export function cloneDir(ctx: Context, name: string): string | undefined {
  const origin = ctx.loadedConfig.origin;
  const base = isAbsolute(origin) ? dirname(origin) : ctx.io.cwd;
  const explicit = ctx.config.deliverables?.[name]?.clone;
  if (explicit) return resolve(base, explicit);
  const dir = ctx.config['clones-dir'];
  if (!dir) return undefined;
  const deliverable = ctx.team.deliverables.find(
    (d) => d.name === name || d.repos.some((r) => r.endsWith(`/${name}`)),
  );
  const repo = deliverable?.repos[0]?.split('/').pop() ?? name;
  const path = resolve(base, dir, repo);
  return existsSync(path) ? path : undefined;
}

/** Reads files of a working tree. */
export function diskRepo(dir: string): RepoReader {
  return {
    dir,
    read: (path) => {
      const full = join(dir, path);
      return existsSync(full) && statSync(full).isFile() ? readFileSync(full, 'utf8') : undefined;
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

import { existsSync } from 'node:fs';
import { dirname, isAbsolute, join, resolve } from 'node:path';
import type { Deps } from '../core/deps.js';
import { isGitRepo } from './run.js';

/**
 * Where local clones of project repositories are: `--clones DIR` (or
 * `--repo`-like options of other commands), else the config's
 * `deliverables.<name>.clone` for a deliverable's first repository, else
 * `<clones-dir>/<repository base name>` (or `<clones-dir>/<deliverable>`). Relative config paths are taken
 * from the config file's folder.
 */
export interface CloneLocator {
  /** The clone of `openstack/glance_store`, or undefined. */
  readonly find: (repo: string, deliverable?: string) => string | undefined;
  /** Where it looked, for "no clone" messages. */
  readonly describe: string;
}

export function cloneLocator(ctx: Deps, clonesFlag?: string): CloneLocator {
  const origin = ctx.loadedConfig.origin;
  const base = isAbsolute(origin) ? dirname(origin) : ctx.cwd;
  const dir =
    clonesFlag !== undefined
      ? resolve(ctx.cwd, clonesFlag)
      : ctx.config['clones-dir']
        ? resolve(base, ctx.config['clones-dir'])
        : undefined;
  const overrides = ctx.config.deliverables ?? {};
  const cache = new Map<string, string | undefined>();
  const find = (repo: string, deliverable?: string): string | undefined => {
    const key = `${repo}|${deliverable ?? ''}`;
    if (cache.has(key)) return cache.get(key);
    const short = repo.split('/').pop() ?? repo;
    const candidates: string[] = [];
    // the deliverable's own clone is the more specific setting, so it wins;
    // it is the clone of its main repository only, not of its other ones
    const explicit = deliverable ? overrides[deliverable]?.clone : undefined;
    if (explicit && isMainRepository(ctx, deliverable ?? '', repo))
      candidates.push(resolve(base, explicit));
    // by repository name (glance_store), by its path (openstack/glance_store), by deliverable (glance-store)
    if (dir) candidates.push(join(dir, short), join(dir, repo));
    if (dir && deliverable && deliverable !== short) candidates.push(join(dir, deliverable));
    const hit = candidates.find((c) => existsSync(c) && isGitRepo(c));
    cache.set(key, hit);
    return hit;
  };
  return {
    find,
    describe: dir ? `under ${dir}` : 'anywhere (set --clones DIR or clones-dir in liaison.yaml)',
  };
}

/**
 * Whether `repo` is the deliverable's main repository: its first one in
 * governance, or any when governance does not list the deliverable.
 */
function isMainRepository(ctx: Deps, deliverable: string, repo: string): boolean {
  const repos = ctx.team.deliverables.find((d) => d.name === deliverable)?.repos ?? [];
  return repos.length === 0 || repos[0] === repo;
}

/** The clone of a team deliverable's first repository (by deliverable or repository base name). */
export function cloneDir(ctx: Deps, name: string): string | undefined {
  const deliverable = ctx.team.deliverables.find(
    (d) => d.name === name || d.repos.some((r) => r.endsWith(`/${name}`)),
  );
  const repo = deliverable?.repos[0] ?? name;
  return cloneLocator(ctx).find(repo, deliverable?.name ?? name);
}

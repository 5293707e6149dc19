import { existsSync } from 'node:fs';
import { dirname, isAbsolute, join, resolve } from 'node:path';
import { checkoutsDir, dataDirOf } from '../data/managed.js';
import type { Deps } from '../core/deps.js';
import { UsageError } from '../core/errors.js';
import { isGitRepo } from './run.js';

/**
 * Where the team's specs repository (glance-specs) is checked out: used by
 * `liaison priorities` and fetched by `liaison sync` like the other
 * checkouts.
 */
export interface SpecsRepo {
  readonly dir: string;
  /** Where the setting came from (`--specs-repo`, `$LIAISON_SPECS_REPO`, config, managed). */
  readonly origin: string;
}

/** The specs repository of the team (`openstack/glance-specs`), from governance. */
export function specsRepoName(ctx: Deps): string | null {
  const repos = ctx.team.deliverables.flatMap((d) => d.repos);
  return repos.find((r) => /-specs$/.test(r)) ?? null;
}

/**
 * `--specs-repo DIR`, `$LIAISON_SPECS_REPO`, config `specs-repo` (relative
 * to the config file), else a managed checkout named after the team's
 * specs repository; null when none exists. A given path that is not a git
 * checkout is the user's error.
 */
export function locateSpecsRepo(ctx: Deps, flag?: string): SpecsRepo | null {
  const given: [string | undefined, string, string][] = [
    [flag, '--specs-repo', ctx.cwd],
    [ctx.env.LIAISON_SPECS_REPO, '$LIAISON_SPECS_REPO', ctx.cwd],
    [ctx.config['specs-repo'], 'specs-repo in the config', configDir(ctx)],
  ];
  for (const [value, origin, base] of given) {
    if (value === undefined || value === '') continue;
    const dir = resolve(base, value);
    if (!existsSync(dir) || !isGitRepo(dir))
      throw new UsageError(`${origin} ${value}: not a git checkout of the team's specs repository`);
    return { dir, origin };
  }
  const name = specsRepoName(ctx);
  if (!name) return null;
  // the checkouts folder of the data directory, the configured one included
  const checkouts = checkoutsDir(dataDirOf(ctx.env, ctx.config['data-dir']));
  const managed = join(checkouts, name.split('/').pop() ?? name);
  return existsSync(managed) && isGitRepo(managed)
    ? { dir: managed, origin: 'managed checkout' }
    : null;
}

function configDir(ctx: Deps): string {
  const origin = ctx.loadedConfig.origin;
  return isAbsolute(origin) ? dirname(origin) : ctx.cwd;
}

/**
 * Whether the team keeps priorities at all (config `priorities:` or a specs
 * repository checkout): a cheap check, so views that show them (the brief)
 * load nothing more for a team that does not.
 */
export function keepsPriorities(ctx: Deps): boolean {
  if (ctx.config.priorities?.length) return true;
  try {
    return locateSpecsRepo(ctx) !== null;
  } catch {
    // a configured path that is no checkout: the priorities' own views report it
    return true;
  }
}

import { existsSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { UsageError } from '../../core/errors.js';
import { git, GitError } from '../../git/run.js';

/**
 * The commit HEAD points to and whether the clone is shallow. Normally one
 * `git rev-parse`; when the scan reads the work-tree status anyway, the
 * head comes from that same `git status --branch` and the shallow flag
 * from the repository's `shallow` file, which saves a process. Any layout
 * where that file is not plainly `<repo>/.git/shallow` (worktrees, GIT_DIR,
 * a subfolder) goes through rev-parse.
 */

export interface Head {
  readonly sha: string;
  readonly shallow: boolean;
}

/** `<repo>/.git/shallow` exists; null when the layout does not allow that shortcut. */
export function shallowFromFiles(
  repoDir: string,
  env: NodeJS.ProcessEnv = process.env,
): boolean | null {
  if (env.GIT_DIR || env.GIT_COMMON_DIR || env.GIT_SHALLOW_FILE) return null;
  const dotGit = join(repoDir, '.git');
  try {
    if (!statSync(dotGit).isDirectory() || existsSync(join(dotGit, 'commondir'))) return null;
  } catch {
    return null;
  }
  return existsSync(join(dotGit, 'shallow'));
}

/** The head from `status --porcelain=v2 --branch -z` output (`# branch.oid <sha>`). */
export function headFromStatus(out: string, repoDir: string, shallow: boolean): Head {
  const header = out.split('\0').find((e) => e.startsWith('# branch.oid '));
  return checked(header?.slice('# branch.oid '.length), repoDir, shallow);
}

export async function headFromRevParse(repoDir: string): Promise<Head> {
  const out = await git(
    repoDir,
    ['rev-parse', '--is-shallow-repository', '--verify', '-q', 'HEAD'],
    {
      okCodes: [1],
    },
  ).catch(usageErrorOfGit(repoDir));
  const [shallow, sha] = out.trim().split('\n');
  return checked(sha, repoDir, shallow === 'true');
}

/** A git failure in the repository given by the user is a usage error naming it. */
export function usageErrorOfGit(repoDir: string): (e: unknown) => never {
  return (e) => {
    if (e instanceof GitError)
      throw new UsageError(
        `${repoDir}: ${e.stderr.split('\n')[0]?.replace(/^fatal: /, '') || 'not a git repository'}`,
      );
    throw e;
  };
}

function checked(sha: string | undefined, repoDir: string, shallow: boolean): Head {
  if (!sha || !/^[0-9a-f]{40,64}$/.test(sha))
    throw new UsageError(`${repoDir}: the repository has no commits`);
  return { sha, shallow };
}

import { gitSync } from '../../git/run.js';

/**
 * The git side of a proposal, read from local clones with the real git
 * binary: branch heads, whether a commit exists, the one-line log of what
 * a release ships.
 */

export interface BranchHead {
  readonly branch: string;
  readonly sha: string;
  /** `refs/heads/stable/2026.2` or `refs/remotes/origin/stable/2026.2`. */
  readonly ref: string;
}

/** Head of the first of `branches` that exists, as a local or remote-tracking branch. */
export function firstBranchHead(
  clone: string,
  branches: readonly string[],
): BranchHead | undefined {
  const patterns = branches.flatMap((b) => [`refs/heads/${b}`, `refs/remotes/*/${b}`]);
  const out = gitSync(clone, ['for-each-ref', '--format=%(refname)%00%(objectname)', ...patterns]);
  const refs = out
    .split('\n')
    .filter(Boolean)
    .map((line) => {
      const [ref = '', sha = ''] = line.split('\0');
      return { ref, sha };
    });
  for (const branch of branches) {
    const hit =
      refs.find((r) => r.ref === `refs/heads/${branch}`) ??
      refs.find(
        (r) =>
          r.ref.startsWith('refs/remotes/') &&
          r.ref.endsWith(`/${branch}`) &&
          r.ref.split('/').length === 3 + branch.split('/').length,
      );
    if (hit) return { branch, sha: hit.sha, ref: hit.ref };
  }
  return undefined;
}

export function commitExists(clone: string, sha: string): boolean {
  const out = gitSync(clone, ['cat-file', '-t', sha], { okCodes: [128, 1] }).trim();
  return out === 'commit';
}

export function isAncestor(clone: string, sha: string, ref: string): boolean {
  // nothing in sha that ref does not have: sha is reachable from ref
  return gitSync(clone, ['rev-list', '-n', '1', sha, `^${ref}`]).trim() === '';
}

/** `git log --oneline --no-merges from..to`, or undefined when `from` is not a tag of the clone. */
export function onelineLog(clone: string, from: string, to: string): string[] | undefined {
  const hasTag = gitSync(
    clone,
    ['rev-parse', '--verify', '--quiet', `refs/tags/${from}^{commit}`],
    { okCodes: [1] },
  ).trim();
  if (!hasTag) return undefined;
  const out = gitSync(clone, [
    'log',
    '--oneline',
    '--no-merges',
    '--no-decorate',
    `${from}..${to}`,
  ]);
  return out.split('\n').filter(Boolean);
}

export interface Identity {
  readonly name: string;
  readonly email: string;
}

/** `user.name` / `user.email` as git sees them in `dir`, for the Signed-off-by line. */
export function gitIdentity(dir: string): Identity | undefined {
  try {
    // one git process for both keys
    const out = gitSync(dir, ['config', '--get-regexp', '^user\\.(name|email)$'], { okCodes: [1] });
    const values = new Map<string, string>();
    for (const line of out.split('\n')) {
      const space = line.indexOf(' ');
      if (space > 0) values.set(line.slice(0, space), line.slice(space + 1).trim());
    }
    const name = values.get('user.name');
    const email = values.get('user.email');
    return name && email ? { name, email } : undefined;
  } catch {
    return undefined;
  }
}

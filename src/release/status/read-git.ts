import type { IsoDate } from '../../core/dates.js';
import { gitSync } from '../../git/run.js';

/**
 * What `release status` and `release coverage` read from git: tags with
 * their dates and unreleased commits in a project clone, and the day each
 * release entry was added in a releases checkout. read.ts turns them into
 * plain data before planning, so the planning code stays pure.
 */

export interface TagFact {
  readonly commit: string;
  /** Tagger date of an annotated tag, else the commit date. */
  readonly date: IsoDate;
}

export interface UnreleasedCommits {
  readonly branch: string;
  /** The newest tag reachable from the branch head, or null when there is none. */
  readonly since: string | null;
  readonly count: number;
  /** One line per commit, newest first (at most `limit`). */
  readonly subjects: readonly string[];
}

/** Facts about one project clone. */
export interface CloneFacts {
  readonly dir: string;
  readonly tags: ReadonlyMap<string, TagFact>;
  /** Local branches, and origin's when they are not local too. */
  readonly branches: ReadonlySet<string>;
  readonly unreleased: (branch: string) => UnreleasedCommits;
  /** Commit days (committer date) of the commits on `branch` not reachable from `since` (all when null). */
  readonly commitDays: (since: string | null, branch: string) => IsoDate[];
}

const SUBJECT_LIMIT = 20;

export function readClone(dir: string): CloneFacts {
  const tags = new Map<string, TagFact>();
  const branches = new Set<string>();
  const out = gitSync(dir, [
    'for-each-ref',
    '--format=%(refname)%00%(objectname)%00%(*objectname)%00%(creatordate:short)',
    'refs/tags',
    'refs/heads',
    'refs/remotes/origin',
  ]);
  const remote = new Set<string>();
  for (const line of out.split('\n')) {
    const [ref = '', obj = '', peeled = '', date = ''] = line.split('\0');
    if (ref.startsWith('refs/tags/')) tags.set(ref.slice(10), { commit: peeled || obj, date });
    else if (ref.startsWith('refs/heads/')) branches.add(ref.slice(11));
    else if (ref.startsWith('refs/remotes/origin/') && ref !== 'refs/remotes/origin/HEAD')
      remote.add(ref.slice(20));
  }
  for (const r of remote) branches.add(r);
  const refOf = (branch: string) =>
    gitOk(dir, ['rev-parse', '--verify', '--quiet', `refs/heads/${branch}`])
      ? branch
      : `origin/${branch}`;
  return {
    dir,
    tags,
    branches,
    unreleased: (branch) => {
      const ref = refOf(branch);
      const since =
        gitSync(dir, ['describe', '--tags', '--abbrev=0', ref], { okCodes: [128] }).trim() || null;
      const log = gitSync(dir, [
        'log',
        '--no-merges',
        '--format=%h %s',
        since ? `${since}..${ref}` : ref,
      ]);
      const lines = log.split('\n').filter((l) => l !== '');
      return { branch, since, count: lines.length, subjects: lines.slice(0, SUBJECT_LIMIT) };
    },
    commitDays: (since, branch) => {
      const ref = refOf(branch);
      const range = since ? `${since}..${ref}` : ref;
      return gitSync(dir, ['log', '--no-merges', '--format=%cs', range])
        .split('\n')
        .filter((d) => d !== '');
    },
  };
}

function gitOk(dir: string, args: string[]): boolean {
  try {
    gitSync(dir, args);
    return true;
  } catch {
    return false;
  }
}

/**
 * The day each version first appeared in a deliverable file of a releases
 * checkout (`git log -p` of that file, oldest first). Empty when the
 * checkout is not a git repository or the file has no history.
 */
export function versionsAddedOn(releasesRoot: string, path: string): Map<string, IsoDate> {
  const added = new Map<string, IsoDate>();
  let log: string;
  try {
    log = gitSync(releasesRoot, [
      'log',
      '--reverse',
      '--format=%x00%cs',
      '-p',
      '--unified=0',
      '--',
      path,
    ]);
  } catch {
    return added;
  }
  let date = '';
  for (const line of log.split('\n')) {
    if (line.startsWith('\0')) date = line.slice(1);
    const m = /^\+\s*-\s+version:\s*['"]?([^'"\s#]+)/.exec(line);
    if (m?.[1] && date && !added.has(m[1])) added.set(m[1], date);
  }
  return added;
}

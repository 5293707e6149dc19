import type { IsoDate } from '../../core/dates.js';
import { gitSync } from '../../git/run.js';

/**
 * What `release status` and `release coverage` read from git: tags with
 * their dates and unreleased commits in a project clone (the release
 * dates come from the releases history: src/data/releases/release-dates.ts).
 * read.ts turns them into plain data before planning, so the planning code
 * stays pure.
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
  /**
   * Unreleased commits counted from what the deliverable files say was
   * released: the newest of `released` (version and the commit it tagged)
   * the branch contains — tags missing in the clone do not matter. Falls
   * back to the newest tag when the clone has none of those commits.
   */
  readonly unreleasedSince: (
    branch: string,
    released: readonly { readonly version: string; readonly hash: string }[],
  ) => UnreleasedCommits;
  /** Of `hashes`, those the clone has no commit of (one `cat-file --batch-check`): a clone behind. */
  readonly lacking: (hashes: readonly string[]) => Set<string>;
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
  const facts: CloneFacts = {
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
    unreleasedSince: (branch, released) => {
      const ref = refOf(branch);
      const byHash = new Map<string, string>();
      for (const r of released) if (/^[0-9a-f]{40}$/.test(r.hash)) byHash.set(r.hash, r.version);
      let since: { version: string; hash: string } | undefined;
      if (byHash.size > 0) {
        // newest first: the first released commit met is the last release on the branch
        const list = gitSync(dir, ['rev-list', ref], { okCodes: [128] });
        for (const h of list.split('\n')) {
          const v = byHash.get(h);
          if (v !== undefined) {
            since = { version: v, hash: h };
            break;
          }
        }
      }
      if (!since) return facts.unreleased(branch);
      const log = gitSync(dir, ['log', '--no-merges', '--format=%h %s', `${since.hash}..${ref}`]);
      const lines = log.split('\n').filter((l) => l !== '');
      return {
        branch,
        since: since.version,
        count: lines.length,
        subjects: lines.slice(0, SUBJECT_LIMIT),
      };
    },
    lacking: (hashes) => {
      const wanted = hashes.filter((h) => /^[0-9a-f]{40}$/.test(h));
      if (wanted.length === 0) return new Set();
      const out = gitSync(dir, ['cat-file', '--batch-check'], {
        input: wanted.map((h) => `${h}^{commit}\n`).join(''),
      });
      // a missing object answers `<name> missing`, in the order asked
      const missing = new Set<string>();
      out
        .split('\n')
        .filter((l) => l !== '')
        .forEach((l, i) => {
          if (l.endsWith(' missing') && wanted[i]) missing.add(wanted[i]);
        });
      return missing;
    },
    commitDays: (since, branch) => {
      const ref = refOf(branch);
      const range = since ? `${since}..${ref}` : ref;
      return gitSync(dir, ['log', '--no-merges', '--format=%cs', range])
        .split('\n')
        .filter((d) => d !== '');
    },
  };
  return facts;
}

function gitOk(dir: string, args: string[]): boolean {
  try {
    gitSync(dir, args);
    return true;
  } catch {
    return false;
  }
}

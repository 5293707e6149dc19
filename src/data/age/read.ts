import { readFileSync, statSync } from 'node:fs';
import { isAbsolute, join } from 'node:path';
import { gitSync } from '../../git/run.js';

/**
 * When a checkout's data was fetched: the newest of its last `git fetch`
 * (FETCH_HEAD naming the checked-out commit) and the reflog entries of the
 * remote-tracking refs that point at it (a clone, a fetch that moved them).
 * Undefined when the checked-out commit is not a fetched tip (an old commit
 * checked out on purpose, a local commit): then the commit date is the
 * honest age, and the caller uses it.
 */
export function checkoutFetchedAt(dir: string, head: string): string | undefined {
  let refs: string[];
  try {
    refs = gitSync(dir, ['for-each-ref', `--points-at=${head}`, '--format=%(refname)', 'refs/remotes'])
      .split('\n')
      .filter((r) => r !== '' && !r.endsWith('/HEAD'));
  } catch {
    return undefined;
  }
  // not the tip of any remote-tracking ref: an old or local commit, as old as its commit date
  if (refs.length === 0) return undefined;
  const common = commonDir(dir);
  const times: number[] = [];
  if (common) {
    try {
      const fetchHead = join(common, 'FETCH_HEAD');
      if (readFileSync(fetchHead, 'utf8').includes(head)) times.push(statSync(fetchHead).mtimeMs);
    } catch {
      // never fetched since the clone
    }
    for (const ref of refs) {
      const t = reflogTime(join(common, 'logs', ref), () => true);
      if (t !== undefined) times.push(t);
    }
    // a fresh clone: its remote-tracking refs are packed without a reflog, HEAD's log says when
    const cloned = reflogTime(join(common, 'logs', 'HEAD'), (e) => e.what.startsWith('clone:') && e.sha === head);
    if (cloned !== undefined) times.push(cloned);
  }
  if (times.length === 0) return undefined;
  return new Date(Math.max(...times)).toISOString();
}

/** The repository's common git directory (the main one for a worktree). */
function commonDir(dir: string): string | undefined {
  const dotGit = join(dir, '.git');
  try {
    if (statSync(dotGit).isDirectory()) return dotGit;
    const out = gitSync(dir, ['rev-parse', '--git-common-dir']).trim();
    return isAbsolute(out) ? out : join(dir, out);
  } catch {
    return undefined;
  }
}

/**
 * Time (ms) of the last entry of a reflog file that `keep` accepts. Lines:
 * `<old> <new> <who> <unix-seconds> <tz>\t<what>`.
 */
function reflogTime(
  path: string,
  keep: (entry: { readonly sha: string; readonly what: string }) => boolean,
): number | undefined {
  let text: string;
  try {
    text = readFileSync(path, 'utf8');
  } catch {
    return undefined;
  }
  for (const line of text.trimEnd().split('\n').reverse()) {
    const m = /^[0-9a-f]+ ([0-9a-f]+) .*> (\d+) [+-]\d{4}\t(.*)$/.exec(line);
    if (m && keep({ sha: m[1] ?? '', what: m[3] ?? '' })) return Number(m[2]) * 1000;
  }
  return undefined;
}

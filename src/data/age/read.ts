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
      const t = lastReflogTime(join(common, 'logs', ref));
      if (t !== undefined) times.push(t);
    }
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

/** Time (ms) of the last entry of a reflog file: `<old> <new> <who> <unix-seconds> <tz>\t<what>`. */
function lastReflogTime(path: string): number | undefined {
  let text: string;
  try {
    text = readFileSync(path, 'utf8');
  } catch {
    return undefined;
  }
  const last = text.trimEnd().split('\n').pop() ?? '';
  const m = /> (\d+) [+-]\d{4}\t/.exec(last);
  return m ? Number(m[1]) * 1000 : undefined;
}

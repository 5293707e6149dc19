import { UsageError } from '../../core/errors.js';
import type { FileTree } from '../../data/file-tree.js';
import { readBlobsSync } from '../../git/blobs.js';
import { gitSync, isGitRepo } from '../../git/run.js';
import { parseDeliverableText, type FileRef } from './load.js';
import { baseFactsOf, type Newness } from './plan-newness.js';

/** `release validate --base REV`: which files changed, and which releases and branches are new. */

/** The releases checkout behind the tree, for --base; a clear error when there is none. */
export function releasesCheckout(tree: FileTree): string {
  const root = tree.absolute('');
  if (!root)
    throw new UsageError(
      '--base needs a releases checkout that is a git repository (--releases-repo DIR)',
    );
  if (!isGitRepo(root)) throw new UsageError(`--base: ${root} is not a git repository`);
  return root;
}

/** Deliverable files changed between REV and the work tree (deleted files left out), plus new untracked ones. */
export function changedDeliverables(root: string, rev: string): FileRef[] {
  const changed = gitSync(root, [
    'diff',
    '--name-only',
    '-z',
    '--diff-filter=d',
    rev,
    '--',
    'deliverables',
  ]).split('\0');
  const untracked = gitSync(root, [
    'ls-files',
    '-z',
    '--others',
    '--exclude-standard',
    '--',
    'deliverables',
  ]).split('\0');
  return [...new Set([...changed, ...untracked])]
    .filter((p) => /^deliverables\/[^/]+\/[^/]+\.yaml$/.test(p))
    .sort()
    .map((p) => ({ display: p, rel: p }));
}

/**
 * What each file looked like at REV, read in one `git cat-file --batch`:
 * a release or branch is new when its version or name is not in that
 * version of the file (the whole file is new when it did not exist).
 */
export function newnessAgainst(
  root: string,
  rev: string,
  rels: readonly string[],
): Map<string, Newness> {
  const out = new Map<string, Newness>();
  if (rels.length === 0) return out;
  gitSync(root, ['rev-parse', '--verify', '--quiet', `${rev}^{commit}`]);
  const texts = readBlobsSync(
    root,
    rels.map((r) => `${rev}:${r}`),
  );
  rels.forEach((rel, i) => {
    const text = texts[i];
    out.set(rel, text === undefined ? { kind: 'all', label: rev } : newnessFrom(rev, text));
  });
  return out;
}

function newnessFrom(rev: string, baseText: string): Newness {
  const parsed = parseDeliverableText(baseText);
  return { kind: 'base', base: baseFactsOf(rev, parsed.ok ? parsed.value : undefined) };
}

import { execFileSync } from 'node:child_process';
import { readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { unifiedDiff } from '../../src/core/unified-diff.js';
import { replaceConstant } from '../../src/post-final/plan-edit.js';
import { addBranch, appendRelease } from '../../src/release/edits/deliverable-edits.js';
import { addCycleHighlights } from '../../src/release/edits/highlights-edit.js';
import { newSeriesFile } from '../../src/release/edits/new-series-file.js';
import { TestRepo } from '../helpers/git-repo.js';
import { hasSharedData, RELEASES_DIR } from '../helpers/shared-data.js';

/**
 * The diffs that `release propose`, `release highlights` and `post-final`
 * print are the ones `git diff` prints for the same edit, byte for byte from
 * the `---` line on (hunk ranges, headings, the no-newline marker), and
 * `git apply` takes them. Checked on real deliverable files of three series
 * and on the shapes of file a post-final task edits.
 */
const SHA = '0123456789abcdef0123456789abcdef01234567';
const SERIES = ['hibiscus', 'gazpacho', '_independent'];
const HIGHLIGHT =
  'Images can be imported from a remote store in one call; the upload is retried when the store answers busy.';

/** Files a post-final task edits (a module constant), in the places it can stand. */
const PY = {
  'glance/db/migration.py':
    "# header\n\nEXPAND_BRANCH = 'expand'\nCONTRACT_BRANCH = 'contract'\nCURRENT_RELEASE = '2026_2'\nALEMBIC_INIT_VERSION = 'liberty'\nLATEST_REVISION = '2024_1_contract01'\n",
  'first.py': "CURRENT_RELEASE = '2026_2'\nA = 1\n",
  'last-no-newline.py': "def f():\n    return 1\n\n\nCURRENT_RELEASE = '2026_2'",
  'deep.py':
    Array.from({ length: 30 }, (_, i) => `def f${i}():\n    x = ${i}\n`).join('') +
    "CURRENT_RELEASE = '2026_2'  # bumped after each final\n" +
    Array.from({ length: 5 }, (_, i) => `    y${i} = ${i}\n`).join(''),
};

const git = (repo: TestRepo, ...args: string[]) =>
  repo.git('-c', 'core.quotePath=false', '-c', 'diff.noprefix=false', ...args);

/** `git diff` of the work tree, per file: the text from its `---` line to the next file. */
function gitDiffs(repo: TestRepo): Map<string, string> {
  const out = execFileSync(
    'git',
    [
      ...['-c', 'diff.noprefix=false', '-c', 'diff.mnemonicPrefix=false', 'diff'],
      ...['--no-color', '--no-ext-diff', '--no-renames', '--diff-algorithm=myers'],
      '--indent-heuristic',
    ],
    { cwd: repo.dir, encoding: 'utf8', maxBuffer: 1 << 28 },
  );
  const byFile = new Map<string, string>();
  for (const part of out.split(/^diff --git /m).slice(1)) {
    const path = /^\+\+\+ b\/(.*)$/m.exec(part)?.[1] ?? '';
    byFile.set(path, part.slice(part.indexOf('\n--- ') + 1));
  }
  return byFile;
}

/** Writes the edits, compares every file's diff with git's, then applies ours to the original tree. */
function checkAgainstGit(repo: TestRepo, edits: Map<string, { before?: string; after: string }>) {
  const ours: string[] = [];
  for (const [path, e] of edits) {
    repo.write(path, e.after);
    if (e.before === undefined) git(repo, 'add', '--intent-to-add', path);
    ours.push(unifiedDiff(e.before, e.after, path));
  }
  const theirs = gitDiffs(repo);
  let compared = 0;
  for (const [i, [path]] of [...edits].entries()) {
    expect(ours[i], path).toBe(theirs.get(path) ?? '');
    compared++;
  }
  expect(theirs.size).toBe(edits.size);
  // back to the committed tree, then our patch must apply and give the edited files
  git(repo, 'reset', '-q', '--hard');
  git(repo, 'clean', '-q', '-fd');
  const patch = join(repo.dir, '..', `${repo.dir.split('/').pop() ?? 'x'}.patch`);
  writeFileSync(patch, ours.join(''));
  git(repo, 'apply', '--check', patch);
  git(repo, 'apply', patch);
  for (const [path, e] of edits)
    expect(readFileSync(join(repo.dir, path), 'utf8'), path).toBe(e.after);
  git(repo, 'reset', '-q', '--hard');
  git(repo, 'clean', '-q', '-fd');
  return compared;
}

describe.runIf(hasSharedData())('diffs are git diffs (needs ../shared/data)', () => {
  const files = SERIES.flatMap((s) =>
    readdirSync(join(RELEASES_DIR, 'deliverables', s))
      .filter((n) => n.endsWith('.yaml'))
      .map((n) => `deliverables/${s}/${n}`),
  );
  const original = (p: string) => readFileSync(join(RELEASES_DIR, p), 'utf8');

  function repoWithFiles(): TestRepo {
    const repo = TestRepo.create();
    const tree: Record<string, string> = { ...PY };
    for (const p of files) tree[p] = original(p);
    repo.commit('the releases data and a project', tree);
    return repo;
  }

  it('release propose: a release and its branch appended to every file', () => {
    const repo = repoWithFiles();
    const edits = new Map<string, { before?: string; after: string }>();
    for (const p of files) {
      const before = original(p);
      const release = appendRelease(before, {
        version: '99.0.0',
        projects: [{ repo: 'openstack/zz', hash: SHA }],
      });
      edits.set(p, {
        before,
        after: addBranch(release, { name: 'stable/9999.1', location: '99.0.0' }),
      });
    }
    expect(checkAgainstGit(repo, edits)).toBeGreaterThan(500);
  });

  it('release propose --branch-only: a branch added to every file', () => {
    const repo = repoWithFiles();
    const edits = new Map<string, { before?: string; after: string }>();
    for (const p of files) {
      const before = original(p);
      edits.set(p, { before, after: addBranch(before, { name: 'stable/9999.1', location: SHA }) });
    }
    expect(checkAgainstGit(repo, edits)).toBeGreaterThan(500);
  });

  it('release highlights: cycle highlights added to every file', () => {
    const repo = repoWithFiles();
    const edits = new Map<string, { before?: string; after: string }>();
    for (const p of files) {
      const before = original(p);
      edits.set(p, { before, after: addCycleHighlights(before, [HIGHLIGHT, 'Short.']) });
    }
    expect(checkAgainstGit(repo, edits)).toBeGreaterThan(500);
  });

  it('release propose in a new series: the new file from the previous one (/dev/null)', () => {
    const repo = repoWithFiles();
    const edits = new Map<string, { before?: string; after: string }>();
    for (const p of files.filter((f) => f.startsWith('deliverables/hibiscus/')).slice(0, 40)) {
      const next = p.replace('/hibiscus/', '/zz-next/');
      const text = appendRelease(newSeriesFile(original(p), 'hibiscus', true), {
        version: '1.0.0',
        projects: [{ repo: 'openstack/zz', hash: SHA }],
      });
      edits.set(next, { after: text });
    }
    expect(checkAgainstGit(repo, edits)).toBe(40);
  });

  it('post-final: the constant bumped wherever it stands, with or without a final newline', () => {
    const repo = repoWithFiles();
    const edits = new Map<string, { before?: string; after: string }>();
    for (const [path, before] of Object.entries(PY)) {
      const e = replaceConstant(before, 'CURRENT_RELEASE', '2027_1');
      expect(e.status, path).toBe('changed');
      if (e.status === 'changed') edits.set(path, { before, after: e.text });
    }
    expect(checkAgainstGit(repo, edits)).toBe(4);
    // the phantom context line of the old writer is gone
    expect(unifiedDiff(PY['first.py'], PY['first.py'].replace('2026_2', '2027_1'), 'first.py'))
      .toBe(`--- a/first.py
+++ b/first.py
@@ -1,2 +1,2 @@
-CURRENT_RELEASE = '2026_2'
+CURRENT_RELEASE = '2027_1'
 A = 1
`);
  });
});

describe('unified diff layout', () => {
  it('writes git hunk ranges and headings', () => {
    expect(unifiedDiff('a\n', 'a\nb\n', 'f')).toBe('--- a/f\n+++ b/f\n@@ -1 +1,2 @@\n a\n+b\n');
    expect(unifiedDiff(undefined, 'a\nb\n', 'new.yaml')).toBe(
      '--- /dev/null\n+++ b/new.yaml\n@@ -0,0 +1,2 @@\n+a\n+b\n',
    );
    expect(unifiedDiff('x', 'x\n', 'f')).toBe(
      '--- a/f\n+++ b/f\n@@ -1 +1 @@\n-x\n\\ No newline at end of file\n+x\n',
    );
    expect(unifiedDiff('same\n', 'same\n', 'f')).toBe('');
    const before = 'releases:\n  - a\n  - b\n  - c\n  - d\n  - e\n';
    expect(unifiedDiff(before, before.replace('  - e', '  - E'), 'f')).toBe(
      '--- a/f\n+++ b/f\n@@ -3,4 +3,4 @@ releases:\n   - b\n   - c\n   - d\n-  - e\n+  - E\n',
    );
  });
});

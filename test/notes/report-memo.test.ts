import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { describe, expect, it } from 'vitest';
import { TestRepo } from '../helpers/git-repo.js';
import { runBuiltCli } from '../helpers/cli.js';
import { tempDir } from '../helpers/tmp.js';
import { fixNote, note, notes, storeFor } from './helpers.js';

const liaison = runBuiltCli;

function memoRows(db: string): number {
  const store = new Database(db, { readonly: true });
  try {
    return (store.prepare('SELECT count(*) AS n FROM notes_reports').get() as { n: number }).n;
  } finally {
    store.close();
  }
}

/** Replaces every memoised output, so that a run printing it is known to be a hit. */
function plantMemo(db: string, text: string): void {
  const store = new Database(db);
  store.prepare('UPDATE notes_reports SET stdout = ?').run(text);
  store.close();
}

describe('notes report: the output memo answered before the CLI loads', () => {
  it('prints a memoised report only for the very same repository state', async () => {
    const repo = TestRepo.create();
    repo.commit('a note', { [note('one-0000000000000001')]: fixNote('one') });
    repo.tag('1.0.0');
    const db = storeFor(repo);
    const report = (...extra: string[]) =>
      liaison(['notes', 'report', '--repo', repo.dir, '--db', db, ...extra], '/');
    const expectFresh = async (what: string) => {
      const inProcess = await notes(repo, 'report');
      expect(report(), what).toEqual({ code: 0, stdout: inProcess.stdout, stderr: '' });
    };

    // first run: computed (the store is made by the command) and kept
    await expectFresh('first run');
    expect(memoRows(db)).toBe(1);
    // the same state: the kept output, whatever it is
    plantMemo(db, 'from the memo\n');
    expect(report()).toEqual({ code: 0, stdout: 'from the memo\n', stderr: '' });

    // a new commit, then a tag: other refs, so computed again
    repo.commit('another', { [note('two-0000000000000002')]: fixNote('two') });
    await expectFresh('after a commit');
    repo.tag('1.1.0');
    await expectFresh('after a tag');
    plantMemo(db, 'from the memo\n');

    // a staged new note in the work tree: its bytes are read from the file, so never memoised
    const rows = memoRows(db);
    repo.write(note('three-0000000000000003'), fixNote('three'));
    repo.git('add', '.');
    await expectFresh('staged note');
    repo.write(note('three-0000000000000003'), fixNote('three, edited'));
    await expectFresh('edited staged note');
    expect(memoRows(db)).toBe(rows);

    // an untracked reno config is read from the work tree: its bytes are part of the key
    repo.git('rm', '-qf', '--cached', note('three-0000000000000003'));
    repo.remove(note('three-0000000000000003'));
    expect(report().stdout).toBe('from the memo\n');
    repo.write('releasenotes/config.yaml', 'sections:\n  - [fixes, Fixed]\n');
    await expectFresh('config written');

    // another option set is another key; usage errors and ignored caches are never kept
    const json = await notes(repo, 'report', ['--format', 'json']);
    expect(report('--format', 'json').stdout).toBe(json.stdout);
    const before = memoRows(db);
    expect(report('--format', 'xml').code).toBe(2);
    expect(report('--ignore-cache').code).toBe(0);
    expect(report('--branch', 'master').code).toBe(0);
    expect(memoRows(db)).toBe(before);
  });

  it('gives a memoised report the warnings and exit code of the computed one', async () => {
    const repo = TestRepo.create();
    repo.commit('a note', { [note('one-0000000000000001')]: '---\nunknown_section:\n  - x\n' });
    repo.tag('1.0.0');
    const db = storeFor(repo);
    const inProcess = await notes(repo, 'report');
    expect(inProcess.stderr).not.toBe('');
    for (let run = 0; run < 3; run++)
      expect(liaison(['notes', 'report', '--db', db], repo.dir)).toEqual({
        code: 0,
        stdout: inProcess.stdout,
        stderr: inProcess.stderr,
      });
    expect(memoRows(db)).toBe(1);
  });

  it('answers from the status of the notes folder and the ref files, with one git process', () => {
    const repo = TestRepo.create();
    repo.commit('a note', { [note('one-0000000000000001')]: fixNote('one') });
    const db = storeFor(repo);
    const trace = join(tempDir('liaison-trace-'), 'git.trace');
    const ran = () => {
      writeFileSync(trace, '');
      const out = liaison(['notes', 'report', '--db', db], repo.dir, { GIT_TRACE: trace });
      expect(out.code).toBe(0);
      return readFileSync(trace, 'utf8')
        .match(/built-in: git [\w-]+/g)
        ?.sort();
    };
    // computed: the scan reads the refs (and here the whole history) from git
    expect(ran()).toContain('built-in: git for-each-ref');
    expect(ran()).toEqual(['built-in: git status']);
    // a ref moved by hand (no commit through git): the ref files differ, so it is computed
    repo.git('update-ref', 'refs/tags/1.0.0', 'HEAD');
    expect(ran()).toContain('built-in: git for-each-ref');
    expect(ran()).toEqual(['built-in: git status']);
  });
});

import { describe, expect, it } from 'vitest';
import { buildNotesPreview, notesForNextVersion, scanRepository } from '../../src/notes/read.js';
import { TestRepo } from '../helpers/git-repo.js';
import { fixNote, note, notes } from './helpers.js';

function cycle() {
  const repo = TestRepo.create();
  repo.commit('one', { [note('one-0000000000000001')]: fixNote('one') });
  repo.tag('1.0.0');
  repo.commit('two', { [note('two-0000000000000002')]: fixNote('two') });
  repo.tag('2.0.0.0rc1');
  repo.branch('stable/two');
  repo.commit('three', { [note('three-0000000000000003')]: fixNote('three') });
  repo.tag('3.0.0.0b1');
  repo.commit('no notes here', { 'src.txt': 'x\n' });
  repo.tag('3.0.0.0b2');
  repo.commit('four', { [note('four-0000000000000004')]: fixNote('four') });
  return repo;
}

describe('notes check', () => {
  it('flags a missing prelude, a release without notes, and a stable-only note', async () => {
    const repo = cycle();
    repo.checkout('stable/two');
    repo.commit('stable only', { [note('stable-only-0000000000000005')]: fixNote('stable only') });
    repo.checkout('master');
    const r = await notes(repo, 'check', [], true);
    expect(r.code).toBe(1);
    expect(r.stdout).toContain(
      'FAIL prelude: no note with a prelude for the coming release (write it before RC1)',
    );
    expect(r.stdout).toContain(
      'FAIL every-release-has-notes: 1 release(s) since the last stable branch without notes: 3.0.0.0b2',
    );
    expect(r.stdout).toContain(
      'FAIL backports-on-master: 1 note(s) on stable branches missing on master',
    );
    expect(r.stdout).toContain(
      'stable/two 2.0.0.0rc1-1: releasenotes/notes/stable-only-0000000000000005.yaml',
    );
  });

  it('passes when the coming release has a prelude, every release has notes and backports are on master', async () => {
    const repo = cycle();
    repo.commit('prelude', {
      [note('prelude-0000000000000006')]: '---\nprelude: The theme of release 3.\n',
    });
    repo.git('tag', '-d', '3.0.0.0b2');
    const r = await notes(repo, 'check', ['--json']);
    const view = JSON.parse(r.stdout) as { checks: { id: string; ok: boolean }[] };
    expect(view.checks).toEqual([
      expect.objectContaining({ id: 'prelude', ok: true }),
      expect.objectContaining({ id: 'every-release-has-notes', ok: true }),
      expect.objectContaining({ id: 'backports-on-master', ok: true }),
    ]);
  });
});

describe('library API', () => {
  it('notesForNextVersion: the notes the next tag will carry, without the CLI', async () => {
    const repo = cycle();
    const scanned = await scanRepository({ repoDir: repo.dir });
    const next = notesForNextVersion(scanned.scan);
    expect(next.version).toBe('3.0.0.0b2-1');
    expect(next.headIsTagged).toBe(false);
    expect(next.notes.map((n) => n.path)).toEqual([
      'releasenotes/notes/four-0000000000000004.yaml',
    ]);
    repo.tag('3.0.0.0rc1');
    const tagged = notesForNextVersion((await scanRepository({ repoDir: repo.dir })).scan);
    expect(tagged).toMatchObject({ version: '3.0.0.0rc1', headIsTagged: true, notes: [] });
  });

  it('buildNotesPreview returns the same view model as `notes report --json`', async () => {
    const repo = cycle();
    const view = await buildNotesPreview(
      { repoDir: repo.dir },
      { title: 'Release Notes', showSource: true, cliBranch: null },
    );
    const cli = JSON.parse((await notes(repo, 'report', ['--json'])).stdout) as unknown;
    expect(JSON.parse(JSON.stringify(view))).toEqual(cli);
    // the stop tag's commit (the base of stable/two) is scanned too, as reno does
    expect(view.versions.map((v) => v.version)).toEqual(['3.0.0.0b2-1', '3.0.0.0b1', '2.0.0.0rc1']);
  });
});

describe('history cache', () => {
  it('gives the same scan from the SQLite cache, cold, warm and after new commits', async () => {
    const { openStore } = await import('../../src/store/db.js');
    const { ALL_MIGRATIONS } = await import('../../src/app/migrations.js');
    const { sqliteHistoryCache } = await import('../../src/notes/scanner/history-cache.js');
    const { tempDir } = await import('../helpers/tmp.js');
    const db = openStore(`${tempDir()}/cache.db`, ALL_MIGRATIONS);
    const cache = sqliteHistoryCache(db);
    const repo = cycle();
    const plain = async () =>
      (await scanRepository({ repoDir: repo.dir, stopAtBranchBase: false })).scan.versions;
    const cached = async () =>
      (await scanRepository({ repoDir: repo.dir, stopAtBranchBase: false, cache })).scan.versions;
    expect(await cached()).toEqual(await plain());
    expect(await cached()).toEqual(await plain());
    repo.branch('topic').checkout('topic');
    repo.commit('topic', { [note('topic-0000000000000007')]: fixNote('topic') });
    repo.checkout('master');
    repo.merge('topic');
    repo.tag('3.0.0.0rc1');
    expect(await cached()).toEqual(await plain());
    expect((await cached()).map((v) => v.version)).toEqual([
      '3.0.0.0rc1',
      '3.0.0.0b1',
      '2.0.0.0rc1',
      '1.0.0',
    ]);
    db.close();
  });
});

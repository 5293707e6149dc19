import { spawnSync } from 'node:child_process';
import { describe, expect, it } from 'vitest';
import { TestRepo } from '../helpers/git-repo.js';
import { fixNote, listed, note, notes } from './helpers.js';

const heads = (out: string) => out.split('\n').filter((l) => l && !l.startsWith('\t'));

describe('merges and null merges', () => {
  it('gives the notes of an untagged merged branch to the next mainline tag', async () => {
    const repo = TestRepo.create();
    repo.commit('base', { [note('base-0000000000000001')]: fixNote('base') });
    repo.tag('1.0.0');
    repo.branch('feature').checkout('feature');
    const f = repo.commit('feature note', { [note('feat-0000000000000002')]: fixNote('feature') });
    repo.checkout('master');
    const m = repo.commit('mainline note', { [note('main-0000000000000003')]: fixNote('main') });
    repo.merge('feature');
    repo.tag('1.1.0');
    const out = await listed(repo, { f, m });
    expect(heads(out)).toEqual(['1.1.0', '1.0.0']);
    expect(out).toContain(
      `1.1.0\n\treleasenotes/notes/feat-0000000000000002.yaml (b'f')\n\treleasenotes/notes/main-0000000000000003.yaml (b'm')\n`,
    );
  });

  it('skips a clean merge of a tagged side branch and everything older (default), unless ignore_null_merges is false', async () => {
    const repo = TestRepo.create();
    repo.commit('base', { [note('base-0000000000000001')]: fixNote('base') });
    repo.tag('1.0.0');
    repo.commit('second', { [note('second-0000000000000002')]: fixNote('second') });
    repo.tag('1.1.0');
    repo.branch('stable').checkout('stable');
    repo.commit('fix', { [note('fix-0000000000000003')]: fixNote('fix') });
    repo.commit('fix two', { [note('fix2-0000000000000007')]: fixNote('fix two') });
    repo.tag('1.1.1');
    repo.checkout('master');
    const between = repo.commit('between', {
      [note('between-0000000000000004')]: fixNote('between'),
    });
    repo.merge('stable');
    const n1 = repo.commit('new one', { [note('new1-0000000000000005')]: fixNote('n1') });
    const n2 = repo.commit('new two', { [note('new2-0000000000000006')]: fixNote('n2') });
    // the fork point (1.1.0) keeps a child that is never emitted: the scan ends there
    expect(await listed(repo, { n1, n2, between })).toBe(
      [
        '1.1.0-4',
        `\treleasenotes/notes/between-0000000000000004.yaml (b'between')`,
        `\treleasenotes/notes/new1-0000000000000005.yaml (b'n1')`,
        `\treleasenotes/notes/new2-0000000000000006.yaml (b'n2')`,
        '',
      ].join('\n'),
    );
    repo.write('reno.yaml', 'ignore_null_merges: false\n');
    const all = await listed(repo, { n1, n2, between });
    expect(heads(all)).toEqual(['1.1.0-4', '1.1.1', '1.1.0', '1.0.0']);
    // the mainline commit made between fork and merge gets the side branch's version
    expect(all).toContain(
      `1.1.1\n\treleasenotes/notes/between-0000000000000004.yaml (b'between')\n\treleasenotes/notes/fix-0000000000000003.yaml`,
    );
  });

  it("skips a tag merged back with git's ours strategy (the merge keeps the mainline's tree)", async () => {
    const repo = TestRepo.create();
    repo.commit('base', { [note('base-0000000000000001')]: fixNote('base') });
    repo.tag('1.0.0');
    repo.branch('stable').checkout('stable');
    repo.commit('fix', { [note('fix-0000000000000002')]: fixNote('fix') });
    repo.tag('1.0.1');
    repo.checkout('master');
    const main = repo.commit('main', { [note('main-0000000000000003')]: fixNote('main') });
    const before = repo.git('rev-parse', 'HEAD^{tree}');
    repo.git('merge', '-q', '-s', 'ours', '-m', 'Merge tag 1.0.1', '1.0.1');
    expect(repo.git('rev-parse', 'HEAD^{tree}')).toBe(before);
    const after = repo.commit('after', { [note('after-0000000000000004')]: fixNote('after') });
    // the stable note is not the mainline's: the null merge and its side are skipped
    const out = await listed(repo, { main, after });
    expect(out).not.toContain('fix-0000000000000002');
    expect(out).toContain(`releasenotes/notes/main-0000000000000003.yaml (b'main')`);
    repo.write('reno.yaml', 'ignore_null_merges: false\n');
    expect(await listed(repo, { main, after })).toContain('fix-0000000000000002');
  });

  it('walks through a merge of a tag that resolves a conflict (not a null merge)', async () => {
    const repo = TestRepo.create();
    repo.commit('base', { [note('base-0000000000000001')]: fixNote('base'), 'x.txt': 'base\n' });
    repo.tag('1.0.0');
    repo.branch('stable').checkout('stable');
    repo.commit('fix', { [note('fix-0000000000000002')]: fixNote('fix'), 'x.txt': 'stable\n' });
    repo.tag('1.0.1');
    repo.checkout('master');
    repo.commit('main', { [note('main-0000000000000003')]: fixNote('main'), 'x.txt': 'master\n' });
    spawnSync('git', ['-C', repo.dir, 'merge', '-q', '1.0.1'], { encoding: 'utf8' });
    repo.write('x.txt', 'both\n');
    repo.git('add', 'x.txt');
    repo.git('commit', '-q', '--no-edit');
    // x.txt differs from both parents: git shows the merge, so reno walks into the tag's side
    expect(repo.git('log', '-1', '-c', '--raw', '--format=')).toContain('x.txt');
    expect(await listed(repo, {})).toContain('fix-0000000000000002');
  });
});

describe('branches', () => {
  function twoSeries() {
    const repo = TestRepo.create();
    repo.commit('one', { [note('one-0000000000000001')]: fixNote('one') });
    repo.tag('1.0.0');
    repo.commit('two', { [note('two-0000000000000002')]: fixNote('two') });
    repo.tag('2.0.0.0rc1');
    repo.branch('stable/two');
    repo.commit('three', { [note('three-0000000000000003')]: fixNote('three') });
    repo.tag('3.0.0.0rc1');
    repo.branch('stable/three');
    const master = repo.commit('four', { [note('four-0000000000000004')]: fixNote('four') });
    repo.checkout('stable/two');
    repo.tag('2.0.0');
    const backport = repo.commit('backport', {
      [note('bp-0000000000000005')]: fixNote('backport'),
    });
    repo.tag('2.0.1');
    repo.checkout('master');
    const onMaster = repo.commit('backport on master', {
      [note('bp-0000000000000005')]: fixNote('backport'),
    });
    return { repo, master, backport, onMaster };
  }

  it('sorts series branches by name (stable/two is the newest) and attributes a backport per branch', async () => {
    const { repo, backport, onMaster } = twoSeries();
    // default scan of master stops at the base of stable/two (the last series branch by
    // name): the commit tagged 2.0.0.0rc1 and 2.0.0, whose own note is still included
    const out = await listed(repo, { backport, onMaster });
    expect(heads(out)).toEqual(['3.0.0.0rc1-2', '3.0.0.0rc1', '2.0.0']);
    expect(out).toContain(`\treleasenotes/notes/bp-0000000000000005.yaml (b'onMaster')`);
    const two = await listed(repo, { backport }, ['--branch', 'stable/two']);
    expect(two).toBe(
      [
        '2.0.1',
        `\treleasenotes/notes/bp-0000000000000005.yaml (b'backport')`,
        '2.0.0',
        '\treleasenotes/notes/two-0000000000000002.yaml (b' +
          `'${repo.git('rev-parse', '2.0.0.0rc1^{commit}')}')`,
        '',
      ].join('\n'),
    );
    // the first series branch reports the whole history
    const three = await notes(repo, 'list', ['--branch', 'stable/three']);
    expect(heads(three.stdout)).toEqual(['3.0.0.0rc1', '2.0.0', '1.0.0']);
  });

  it('treats --branch master differently from no branch, and rejects an unknown branch', async () => {
    const { repo } = twoSeries();
    const r = await notes(repo, 'list', ['--branch', 'nope'], true);
    expect(r.code).toBe(2);
    expect(r.stderr).toContain('unknown reference nope');
    const none = await notes(repo, 'list', ['--no-stop-at-branch-base']);
    expect(heads(none.stdout)).toEqual(['3.0.0.0rc1-2', '3.0.0.0rc1', '2.0.0', '1.0.0']);
    const master = await notes(repo, 'list', ['--branch', 'master']);
    // --branch master: the branch base is master's newest tag, not stable/two's base
    expect(heads(master.stdout)).toEqual(['3.0.0.0rc1-2', '3.0.0.0rc1', '2.0.0']);
  });
});

describe('working copy', () => {
  it('shows a staged note as *working-copy*, an uncommitted edit with the disk text, ignores untracked files', async () => {
    const repo = TestRepo.create();
    const c1 = repo.commit('one', { [note('one-0000000000000001')]: fixNote('one') });
    repo.tag('1.0.0');
    repo.write(note('staged-0000000000000002'), fixNote('staged'));
    repo.git('add', note('staged-0000000000000002'));
    repo.write(note('one-0000000000000001'), fixNote('edited on disk'));
    repo.write(note('untracked-0000000000000003'), fixNote('untracked'));
    expect(await listed(repo, { c1 })).toBe(
      [
        '*working-copy*',
        '\treleasenotes/notes/staged-0000000000000002.yaml (None)',
        '1.0.0',
        '\treleasenotes/notes/one-0000000000000001.yaml (None)',
        '',
      ].join('\n'),
    );
    const report = await notes(repo, 'report', ['--no-show-source']);
    expect(report.stdout).toContain('- edited on disk\n');
    // with --branch the working copy is not looked at
    const branch = await listed(repo, { c1 }, ['--branch', 'master']);
    expect(branch).toBe(`1.0.0\n\treleasenotes/notes/one-0000000000000001.yaml (b'c1')\n`);
  });
});

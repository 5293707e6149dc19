import { execFileSync } from 'node:child_process';
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { TestRepo } from '../helpers/git-repo.js';
import { tempDir } from '../helpers/tmp.js';
import { runCli } from '../helpers/cli.js';
import { fixNote, note, notes, storeFor } from './helpers.js';

function badRepo(): TestRepo {
  const repo = TestRepo.create();
  repo.commit('notes', {
    [note('good-0000000000000001')]: fixNote('good'),
    [note('bad-0000000000000002')]: 'fixes: [unclosed\n',
    [note('list-0000000000000003')]: '- just a list\n',
    [note('types-0000000000000004')]: 'fixes: 3\nfeatures: [1, "ok"]\nothers: x\n',
  });
  repo.tag('1.0.0');
  return repo;
}

describe('bad input', () => {
  it('report keeps going over the good notes and names each bad file once per problem', async () => {
    const repo = badRepo();
    const r = await notes(repo, 'report', ['--no-show-source']);
    expect(r.code).toBe(0);
    expect(r.stdout).toContain('- good\n');
    expect(r.stdout).toContain('- ok\n');
    expect(r.stderr).toContain(
      'releasenotes/notes/bad-0000000000000002.yaml: invalid YAML at line 2',
    );
    expect(r.stderr).toContain(
      'releasenotes/notes/list-0000000000000003.yaml: does not appear to be structured as a YAML mapping. Did you forget a top-level key?',
    );
    expect(r.stderr).toContain(
      'The others section of releasenotes/notes/types-0000000000000004.yaml is not a recognized section.',
    );
    expect(r.stderr).toContain(
      "The item 1 in the features section of releasenotes/notes/types-0000000000000004.yaml parses as a <class 'int'> instead of a string.",
    );
    expect(r.stderr).toContain(
      'The fixes section of releasenotes/notes/types-0000000000000004.yaml does not parse as a string or list of strings.',
    );
    expect(r.stderr).not.toMatch(/at .*\.js:\d+/); // no stack trace
  });

  it('lint reports the same findings as reno and exits 1', async () => {
    const repo = badRepo();
    const r = await runCli(['notes', 'lint', '--db', storeFor(repo)], { cwd: repo.dir });
    expect(r.code).toBe(1);
    const lines = r.stderr.trimEnd().split('\n');
    expect(lines).toContain(
      'unrecognized section name others in ./releasenotes/notes/types-0000000000000004.yaml',
    );
    expect(lines).toContain(
      './releasenotes/notes/list-0000000000000003.yaml: does not appear to be structured as a YAML mapping. Did you forget a top-level key?',
    );
    expect(
      lines.some((l) =>
        l.startsWith('./releasenotes/notes/bad-0000000000000002.yaml: invalid YAML at line 2'),
      ),
    ).toBe(true);
  });

  it('lint finds UID collisions and passes a clean folder', async () => {
    const repo = TestRepo.create();
    repo.commit('notes', {
      [note('one-0000000000000001')]: fixNote('one'),
      [note('two-0000000000000001')]: fixNote('two'),
    });
    const r = await runCli(['notes', 'lint', '--repo', repo.dir, '--db', storeFor(repo)], {
      cwd: repo.dir,
    });
    expect(r.code).toBe(1);
    expect(r.stderr).toContain(
      `UID collision: ['${repo.dir}/releasenotes/notes/one-0000000000000001.yaml', '${repo.dir}/releasenotes/notes/two-0000000000000001.yaml']`,
    );
    repo.commit('fix', { [note('two-0000000000000001')]: null });
    const ok = await runCli(['notes', 'lint', '--repo', repo.dir, '--db', storeFor(repo)], {
      cwd: repo.dir,
    });
    // the work tree is clean now; the history still adds two files with one UID in one
    // commit (reno's scan fails there): we warn and skip that change
    expect(ok.code).toBe(0);
    expect(ok.stderr.trim()).toMatch(
      /^0000000000000001: found several files in one commit \([0-9a-f]{40}\) with the same UID: .*; skipped$/,
    );
  });

  it('an unknown earliest version, a missing notes folder, no git repository: one clear line each', async () => {
    const repo = TestRepo.create();
    repo.commit('code only', { README: 'x\n' });
    repo.tag('1.0.0');
    const empty = await notes(repo, 'report');
    expect(empty.stdout).toBe('=============\nRelease Notes\n=============\n\n');
    expect(empty.stderr).toContain('no release notes folder');
    const early = await notes(repo, 'list', ['--earliest-version', '9.9.9'], true);
    expect(early.code).toBe(2);
    expect(early.stderr.trim()).toBe(
      'liaison: earliest-version set to unknown revision 9.9.9 (it is not a version tag on the current branch)',
    );
    const nogit = await runCli(['notes', 'report', '--repo', tempDir(), '--ignore-cache']);
    expect(nogit.code).toBe(2);
    expect(nogit.stderr).toMatch(/^liaison: .*not a git repository/);
    expect(nogit.stderr.split('\n').length).toBe(2);
  });

  it('a bad reno config is a config error naming the file and field', async () => {
    const repo = TestRepo.create();
    repo.write('releasenotes/config.yaml', 'sections:\n  - [features]\n');
    repo.write('reno.yaml', 'not: used\n'); // config.yaml wins; reno.yaml is never merged
    repo.commit('config');
    const r = await notes(repo, 'list', [], true);
    expect(r.code).toBe(2);
    expect(r.stderr.trim()).toBe(
      `liaison: ${join(repo.dir, 'releasenotes/config.yaml')}: sections[0]: each entry must be a list with 2 or 3 values`,
    );
  });

  it('a shallow clone gives a warning, not a crash', async () => {
    const repo = TestRepo.create();
    for (let i = 1; i <= 4; i++) {
      repo.commit(`c${i}`, { [note(`n${i}-000000000000000${i}`)]: fixNote(`n${i}`) });
      repo.tag(`1.${i}.0`);
    }
    const clone = join(tempDir(), 'shallow');
    execFileSync('git', ['clone', '-q', '--depth', '2', `file://${repo.dir}`, clone]);
    const r = await runCli(['notes', 'list', '--repo', clone, '--db', join(tempDir(), 'db')]);
    expect(r.code).toBe(0);
    expect(r.stderr).toContain('shallow clone');
    expect(r.stdout).toContain('n4-0000000000000004.yaml');
  });
});

describe('notes new', () => {
  it('creates <slug>-<16 hex>.yaml from the template and refuses a duplicate slug', async () => {
    const repo = TestRepo.create();
    repo.commit('init', { README: 'x\n' });
    const r = await runCli(['notes', 'new', 'my fix', '--repo', repo.dir]);
    expect(r.code).toBe(0);
    const files = readdirSync(join(repo.dir, 'releasenotes/notes'));
    expect(files).toHaveLength(1);
    expect(files[0]).toMatch(/^my-fix-[0-9a-f]{16}\.yaml$/);
    expect(r.stdout.trim()).toBe(`Created new notes file in releasenotes/notes/${files[0]!}`);
    const text = readFileSync(join(repo.dir, 'releasenotes/notes', files[0]!), 'utf8');
    expect(text.startsWith('---\nprelude: >\n')).toBe(true);
    for (const s of [
      'features',
      'issues',
      'upgrade',
      'deprecations',
      'critical',
      'security',
      'fixes',
      'other',
    ])
      expect(text).toContain(`\n${s}:\n  - |\n`);
    const again = await runCli(['notes', 'new', 'my-fix', '--repo', repo.dir]);
    expect(again.code).toBe(1);
    expect(again.stderr).toContain('a note with this slug already exists');
    // two notes never share an id (crypto randomness, not the clock)
    await runCli(['notes', 'new', 'other', '--repo', repo.dir]);
    const uids = readdirSync(join(repo.dir, 'releasenotes/notes')).map((f) => f.slice(-21, -5));
    expect(new Set(uids).size).toBe(2);
    const slash = await runCli(['notes', 'new', 'a/b', '--repo', repo.dir]);
    expect(slash.code).toBe(2);
    expect(existsSync(join(repo.dir, 'releasenotes/notes/a'))).toBe(false);
  });
});

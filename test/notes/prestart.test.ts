import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { earlyScanOptionsOf } from '../../src/cli/notes-prestart.js';
import { TestRepo } from '../helpers/git-repo.js';
import { runBuiltCli } from '../helpers/cli.js';
import { tempDir } from '../helpers/tmp.js';
import { fixNote, note, notes, storeFor } from './helpers.js';

const liaison = runBuiltCli;

describe('notes report|list start their git processes before the CLI loads', () => {
  it('reads the scan options of a notes report or list command line', () => {
    expect(earlyScanOptionsOf(['notes', 'report'])).toEqual({});
    expect(
      earlyScanOptionsOf([
        '--date',
        '2026-11-27',
        '--json',
        'notes',
        'list',
        '--repo=/r',
        '-d',
        'rn/',
        '--branch',
        'stable/2025.2',
        '--ignore-cache',
        '--version',
        '1.0.0',
      ]),
    ).toEqual({ repo: '/r', relNotesDir: 'rn/', branch: 'stable/2025.2', ignoreCache: true });
    // the last of a repeated option wins, as in commander
    expect(earlyScanOptionsOf(['notes', 'report', '--repo', 'a', '--repo', 'b'])).toEqual({
      repo: 'b',
    });
  });

  it('starts nothing for any other command line, or one it does not fully know', () => {
    for (const argv of [
      [],
      ['notes'],
      ['notes', 'lint'],
      ['brief', 'notes', 'report'],
      ['notes', '--json', 'report'],
      ['notes', 'report', '--repo'],
      ['notes', 'report', '--help'],
      ['notes', 'report', '--debug'],
      ['notes', 'report', '--bogus'],
      ['notes', 'report', '-dx'],
      ['notes', 'report', '--', 'x'],
      ['notes', 'report', 'extra'],
      ['--debug', 'notes', 'report'],
    ])
      expect(earlyScanOptionsOf(argv), argv.join(' ')).toBeNull();
  });

  it('gives the same report and the same usage errors as the in-process CLI', async () => {
    const repo = TestRepo.create();
    repo.commit('a note', { [note('one-0000000000000001')]: fixNote('one') });
    repo.tag('1.0.0');
    repo.commit('another', { [note('two-0000000000000002')]: fixNote('two') });
    const db = storeFor(repo);
    repo.commit('odd section', {
      [note('odd-0000000000000003')]: '---\nothers:\n  - An unknown section.\n',
    });
    for (const extra of [
      [],
      ['--ignore-cache'],
      ['--branch', 'master', '--ignore-cache'],
      // the plain-line runner (cli/notes-direct.ts) and lines it leaves to commander
      ['--ignore-cache', '--title', '', '--no-show-source', '--no-stop-at-branch-base'],
      ['--ignore-cache', '--earliest-version=1.0.0', '-d', 'releasenotes/'],
      ['--ignore-cache', '--json'],
      ['--ignore-cache', '--format', 'md'],
    ]) {
      const inProcess = await notes(repo, 'report', extra);
      for (let run = 0; run < 2; run++) {
        const built = liaison(['notes', 'report', '--repo', repo.dir, '--db', db, ...extra], '/');
        expect(built, extra.join(' ')).toEqual({
          code: 0,
          stdout: inProcess.stdout,
          stderr: inProcess.stderr,
        });
      }
    }
    // the scan took the early processes over: each git command ran once
    const trace = join(tempDir('liaison-trace-'), 'git.trace');
    liaison(['notes', 'report', '--repo', repo.dir, '--db', db, '--ignore-cache'], '/', {
      GIT_TRACE: trace,
    });
    const ran = readFileSync(trace, 'utf8').match(/built-in: git (for-each-ref|status|log)\b/g);
    // the log of the walked commits, started before the walk and fed it afterwards, included
    expect(ran?.sort()).toEqual([
      'built-in: git for-each-ref',
      'built-in: git log',
      'built-in: git status',
    ]);
    // a plain line that fails is run in full, which says why
    const missing = join(tempDir('liaison-none-'), 'nothing');
    const failed = await notes(repo, 'report', ['--repo', missing, '--ignore-cache'], true);
    expect(failed.code).toBe(2);
    expect(liaison(['notes', 'report', '--repo', missing, '--ignore-cache'], '/')).toEqual({
      code: 2,
      stdout: '',
      stderr: failed.stderr,
    });
    expect(liaison(['notes', 'report', '--repo'], repo.dir)).toEqual({
      code: 2,
      stdout: '',
      stderr: "error: option '--repo <dir>' argument missing\n(run liaison --help for usage)\n",
    });
    // the early processes started, then the full parse refused the line: they are stopped unused
    const refused = liaison(
      ['notes', 'report', '--repo', repo.dir, '--db', db, '--ignore-cache', '--format', 'xml'],
      '/',
    );
    expect(refused.code).toBe(2);
    expect(refused.stdout).toBe('');
    expect(refused.stderr).toContain("option '--format <format>' argument 'xml' is invalid");
  });
});

import { createRequire } from 'node:module';
import { describe, expect, it } from 'vitest';
import { runCli } from '../helpers/cli.js';
import { TestRepo } from '../helpers/git-repo.js';
import { liveWorkspace } from '../helpers/live-workspace.js';
import { fixNote, note } from '../notes/helpers.js';

/** `--debug`: one JSON line per HTTP request, git command and timing, on stderr; nothing without it. */
const pinoLoaded = () =>
  Object.keys(createRequire(import.meta.url).cache).some((k) => k.includes('/node_modules/pino/'));

const lines = (stderr: string) =>
  stderr
    .split('\n')
    .filter((l) => l.startsWith('{'))
    .map((l) => JSON.parse(l) as Record<string, unknown>);

describe('--debug', () => {
  it('is silent and loads no logger without the flag', async () => {
    const repo = TestRepo.create();
    repo.commit('one', { [note('one-0000000000000001')]: fixNote('one') });
    const r = await runCli(['notes', 'report', '--repo', repo.dir, '--ignore-cache']);
    expect(r.code, r.stderr).toBe(0);
    expect(lines(r.stderr)).toEqual([]);
    expect(pinoLoaded()).toBe(false);
  });

  it('logs each git command with its time, and the run', async () => {
    const repo = TestRepo.create();
    repo.commit('one', { [note('one-0000000000000001')]: fixNote('one') });
    repo.tag('1.0.0');
    const r = await runCli(['notes', 'report', '--repo', repo.dir, '--ignore-cache', '--debug']);
    expect(r.code, r.stderr).toBe(0);
    const log = lines(r.stderr);
    const git = log.filter((l) => l.msg === 'git');
    expect(git.length).toBeGreaterThan(0);
    expect(git[0]).toMatchObject({ level: 20, repo: repo.dir, status: 0 });
    expect(git[0]?.args).toBeInstanceOf(Array);
    expect(typeof git[0]?.ms).toBe('number');
    expect(typeof git[0]?.t).toBe('number');
    expect(log[0]).toMatchObject({ msg: 'run' });
    expect(log.at(-1)).toMatchObject({ msg: 'done', exit: 0 });
    // the report itself is untouched on stdout
    expect(r.stdout).toContain('one');
    expect(r.stdout).not.toContain('"msg"');
    expect(pinoLoaded()).toBe(true);
  });

  it('logs each HTTP request and each source of a sync with its time', async () => {
    const w = liveWorkspace('liaison-debug-', { retries: 0, 'min-interval-ms': 0 });
    const run = await w.start();
    try {
      const r = await runCli(
        ['sync', '--only', 'zuul', '--db', run.db, '--config', run.config, '--debug'],
        { env: run.stub.env() },
      );
      expect(r.code, r.stderr).toBe(0);
      const log = lines(r.stderr);
      const http = log.filter((l) => l.msg === 'http');
      expect(http.length).toBe(run.stub.count());
      expect(http[0]).toMatchObject({ source: 'zuul', method: 'GET', status: 200, attempt: 1 });
      expect(String(http[0]?.url)).toContain('/zuul/');
      expect(log.find((l) => l.msg === 'sync source')).toMatchObject({
        source: 'zuul',
        status: 'updated',
      });
    } finally {
      await w.stop();
    }
  });
});

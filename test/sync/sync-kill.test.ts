import { spawn, spawnSync } from 'node:child_process';
import { existsSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { packageRoot } from '../../src/core/package-root.js';
import { openStore } from '../../src/store/db.js';
import { ALL_MIGRATIONS } from '../../src/app/migrations.js';
import { runCli, runJson } from '../helpers/cli.js';
import { nightlyBuilds, startServiceStub, type ServiceStub } from '../helpers/service-stub.js';
import { tempDir } from '../helpers/tmp.js';

/**
 * A sync killed half way (SIGKILL, no clean-up) must leave the previous data
 * usable and must not leave a cache validator for data it never stored. The
 * CLI runs as a real child process from dist/ (`npm test` builds it first).
 */
const BIN = join(packageRoot(), 'dist', 'src', 'cli', 'bin.js');

beforeAll(() => {
  if (!existsSync(join(packageRoot(), 'dist', 'src', 'sync', 'apply.js'))) {
    spawnSync(
      process.execPath,
      [
        join(packageRoot(), 'node_modules', 'typescript', 'bin', 'tsc'),
        '-p',
        'tsconfig.build.json',
      ],
      {
        cwd: packageRoot(),
      },
    );
  }
}, 180_000);

let stub: ServiceStub;
beforeEach(async () => {
  stub = await startServiceStub();
});
afterEach(async () => {
  await stub.close();
});

describe('a sync killed half way', () => {
  it('leaves the previous builds and cache intact; the next sync fetches what was missed', async () => {
    const dir = tempDir('liaison-kill-');
    const db = join(dir, 'store.db');
    const config = join(dir, 'liaison.yaml');
    writeFileSync(
      config,
      'team: glance\nsources:\n  retries: 0\n  min-interval-ms: 0\n  timeout-seconds: 30\ngate:\n  page-size: 10\n',
    );
    const args = ['--db', db, '--config', config, '--date', '2026-09-16'];
    await runCli(['sync', '--only', 'zuul', ...args], { env: stub.env() });
    const cacheBefore = readCache(db);
    expect(countBuilds(db)).toBe(31);

    // a new night of 25 builds: the sync needs 3 pages; page 2 hangs, and the process is killed there
    stub.addBuilds(
      nightlyBuilds({ firstId: 52731600, firstNight: '2026-09-17', nights: 1, jobs: jobNames(25) }),
    );
    stub.fault({ path: /\/builds$/, kind: 'hang', match: (r) => r.query.has('idx_max') });
    const child = spawn(process.execPath, [BIN, 'sync', '--only', 'zuul', '--json', ...args], {
      env: { ...process.env, ...stub.env(), NO_COLOR: '1' },
      stdio: 'ignore',
    });
    const exited = new Promise<NodeJS.Signals | null>((resolve) =>
      child.on('exit', (_code, signal) => {
        resolve(signal);
      }),
    );
    await waitFor(() => stub.requests.some((r) => r.query.has('idx_max')));
    child.kill('SIGKILL');
    expect(await exited).toBe('SIGKILL');

    const store = openStore(db, ALL_MIGRATIONS);
    expect(store.pragma('integrity_check', { simple: true })).toBe('ok');
    expect(store.prepare('SELECT count(*) AS n FROM zuul_builds').get()).toEqual({ n: 31 });
    store.close();
    expect(readCache(db)).toEqual(cacheBefore);
    const gate = await runJson<{ jobs: unknown[]; dataAsOf: string }>(['gate', ...args], {
      env: stub.env(),
    });
    expect(gate.jobs).toHaveLength(12);

    stub.clearFaults();
    const again = await runJson<{ sources: { name: string; summary: string }[] }>(
      ['sync', '--only', 'zuul', ...args],
      { env: stub.env() },
    );
    expect(again.sources[0]).toMatchObject({ name: 'zuul', summary: '25 new builds' });
    expect(countBuilds(db)).toBe(56);
  });
});

function jobNames(n: number): string[] {
  return Array.from({ length: n }, (_, i) => `glance-job-${String(i).padStart(2, '0')}-tips`);
}

function countBuilds(db: string): number {
  const s = openStore(db, ALL_MIGRATIONS);
  try {
    return (s.prepare('SELECT count(*) AS n FROM zuul_builds').get() as { n: number }).n;
  } finally {
    s.close();
  }
}

function readCache(db: string): unknown[] {
  const s = openStore(db, ALL_MIGRATIONS);
  try {
    return s.prepare('SELECT url, etag, last_modified FROM http_cache ORDER BY url').all();
  } finally {
    s.close();
  }
}

async function waitFor(cond: () => boolean, ms = 20_000): Promise<void> {
  const end = Date.now() + ms;
  while (!cond()) {
    if (Date.now() > end) throw new Error('timed out waiting for the child to reach page 2');
    await new Promise((r) => setTimeout(r, 20));
  }
}

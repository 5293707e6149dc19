import { spawn, spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, beforeAll, beforeEach, describe, expect, test } from 'vitest';
import { packageRoot } from '../../src/core/package-root.js';
import { openStore } from '../../src/store/db.js';
import { ALL_MIGRATIONS } from '../../src/app/migrations.js';
import { runCli } from '../helpers/cli.js';
import { startServiceStub, type ServiceStub } from '../helpers/service-stub.js';
import { tempDir } from '../helpers/tmp.js';
import { addLaunchpadRoutes, standInConfig, type LaunchpadStandIn } from './launchpad-stand-in.js';

/**
 * A Launchpad sync killed (SIGKILL) while fetching bugs leaves the previous
 * snapshot and HTTP cache as they were. The CLI runs from dist/ as a real
 * child process (`npm test` builds it first).
 */
const BIN = join(packageRoot(), 'dist', 'src', 'cli', 'bin.js');

beforeAll(() => {
  if (!existsSync(join(packageRoot(), 'dist', 'src', 'bugs', 'read-sync.js'))) {
    spawnSync(
      process.execPath,
      [
        join(packageRoot(), 'node_modules', 'typescript', 'bin', 'tsc'),
        '-p',
        'tsconfig.build.json',
      ],
      { cwd: packageRoot() },
    );
  }
}, 180_000);

let stub: ServiceStub;
let lp: LaunchpadStandIn;
beforeEach(async () => {
  stub = await startServiceStub();
  lp = addLaunchpadRoutes(stub);
});
afterEach(async () => {
  await stub.close();
});

function snapshot(db: string): { tasks: unknown[]; cache: unknown[]; state: unknown } {
  const s = openStore(db, ALL_MIGRATIONS);
  try {
    expect(s.pragma('integrity_check', { simple: true })).toBe('ok');
    return {
      tasks: s.prepare('SELECT * FROM lp_task ORDER BY bug_id').all(),
      cache: s.prepare('SELECT url, etag, last_modified FROM http_cache ORDER BY url').all(),
      state: s.prepare("SELECT last_success_at FROM source_sync WHERE source = 'launchpad'").get(),
    };
  } finally {
    s.close();
  }
}

describe('a Launchpad sync killed half way', () => {
  test('keeps the previous bugs and cache; the next sync completes', async () => {
    const dir = tempDir('liaison-lpkill-');
    const db = join(dir, 'l.db');
    const args = ['--db', db, '--config', standInConfig(dir), '--date', '2026-09-16'];
    expect(
      (
        await runCli(['sync', '--only', 'launchpad', ...args], {
          env: stub.env(),
          now: new Date('2026-09-16T08:00:00Z'),
        })
      ).code,
    ).toBe(0);
    const before = snapshot(db);
    expect(before.tasks.length).toBeGreaterThan(0);

    lp.changedAt = '2026-09-16T23:00:00Z';
    stub.touch();
    stub.fault({ path: /^\/launchpad\/devel\/bugs\/2157602$/, kind: 'hang' });
    const child = spawn(process.execPath, [BIN, 'sync', '--only', 'launchpad', '--json', ...args], {
      env: { ...process.env, ...stub.env(), NO_COLOR: '1' },
      stdio: 'ignore',
    });
    const exited = new Promise<NodeJS.Signals | null>((resolve) =>
      child.on('exit', (_c, signal) => {
        resolve(signal);
      }),
    );
    const end = Date.now() + 20_000;
    while (!stub.requests.some((r) => r.path.endsWith('/bugs/2157602'))) {
      if (Date.now() > end) throw new Error('the child never reached the bug fetch');
      await new Promise((r) => setTimeout(r, 20));
    }
    child.kill('SIGKILL');
    expect(await exited).toBe('SIGKILL');
    expect(snapshot(db)).toEqual(before);

    stub.clearFaults();
    const again = await runCli(['sync', '--only', 'launchpad', '--json', ...args], {
      env: stub.env(),
      now: new Date('2026-09-17T08:00:00Z'),
    });
    expect((JSON.parse(again.stdout) as { sources: { status: string }[] }).sources[0]?.status).toBe(
      'updated',
    );
    const bugs = await runCli(['bugs', '--json', ...args], { env: stub.env() });
    expect((JSON.parse(bugs.stdout) as { bugs: { id: number }[] }).bugs.map((b) => b.id)).toEqual([
      2157602, 2157431, 2157011,
    ]);
  });
});

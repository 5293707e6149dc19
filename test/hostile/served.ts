import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll } from 'vitest';
import { startServer, type RunningServer } from '../../src/web/server.js';
import { testDashboard, type TestDashboard } from '../web/dashboard.js';

export interface Served {
  readonly d: TestDashboard;
  readonly server: RunningServer;
  readonly port: number;
}

/**
 * A dashboard served on a free loopback port for the calling describe block
 * (beforeAll/afterAll), its home a fresh folder named after `prefix` and
 * removed afterwards. Read the fields inside a test: they are set by then.
 */
export function servedDashboard(prefix: string): Served {
  const s = {} as { d: TestDashboard; server: RunningServer; port: number };
  let home = '';
  beforeAll(async () => {
    home = mkdtempSync(join(tmpdir(), prefix));
    s.d = testDashboard({ home });
    s.server = await startServer(s.d, '127.0.0.1', 0);
    s.port = Number(new URL(s.server.url).port);
  });
  afterAll(async () => {
    await s.server?.close();
    s.d?.close();
    if (home) rmSync(home, { recursive: true, force: true });
  });
  return s;
}

import { join } from 'node:path';
import type { GlobalOptions, Io } from '../../src/cli/context.js';
import { createDashboard, type DashboardApp } from '../../src/web/app.js';
import { tempDir } from '../helpers/tmp.js';
import { GOVERNANCE_DIR, RELEASES_DIR } from '../helpers/shared-data.js';

export const REAL_DATA: GlobalOptions = {
  releasesRepo: RELEASES_DIR,
  governanceRepo: GOVERNANCE_DIR,
};

export interface TestDashboard extends DashboardApp {
  readonly logs: string[];
  readonly dbPath: string;
  readonly home: string;
}

/**
 * A dashboard on a fresh store and home folder, the clock pinned to
 * 2026-11-27 (a request without ?date= sees that day).
 */
export function testDashboard(
  opts: {
    options?: GlobalOptions;
    readOnly?: boolean;
    env?: NodeJS.ProcessEnv;
    cacheMs?: number;
    cwd?: string;
    home?: string;
  } = {},
): TestDashboard {
  // outside a test (beforeAll) the caller passes and removes its own folder
  const home = opts.home ?? tempDir('liaison-web-');
  const dbPath = join(home, 'liaison.db');
  const logs: string[] = [];
  const io: Io = {
    stdout: (t) => logs.push(t),
    stderr: (t) => logs.push(t),
    env: { HOME: home, USER: 'tester', NO_COLOR: '1', ...(opts.env ?? {}) },
    cwd: opts.cwd ?? home,
    now: () => new Date('2026-11-27T12:00:00Z'),
    isTTY: false,
  };
  const d = createDashboard({
    options: { db: dbPath, ...(opts.options ?? {}) },
    io,
    readOnly: opts.readOnly === true,
    ...(opts.cacheMs !== undefined ? { cacheMs: opts.cacheMs } : {}),
  });
  return Object.assign(d, { logs, dbPath, home });
}

/** `use(d)` on a fresh test dashboard, closed afterwards whatever `use` does. */
export async function withDashboard<T>(
  opts: Parameters<typeof testDashboard>[0],
  use: (d: TestDashboard) => Promise<T>,
): Promise<T> {
  const d = testDashboard(opts);
  try {
    return await use(d);
  } finally {
    d.close();
  }
}

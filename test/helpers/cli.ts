import { spawnSync } from 'node:child_process';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { main } from '../../src/cli/main.js';
import { packageRoot } from '../../src/core/package-root.js';

/** Per-process data (and cache) home, so a command that opens the default store never writes into the repository or ~. */
let dataHome: string | undefined;
function defaultDataHome(): string {
  dataHome ??= mkdtempSync(join(tmpdir(), 'liaison-home-'));
  return dataHome;
}

export interface CliResult {
  readonly code: number;
  readonly stdout: string;
  readonly stderr: string;
}

/**
 * Runs the CLI in-process with captured output. The clock is pinned so a
 * test can never depend on the day it runs.
 */
export async function runCli(
  argv: readonly string[],
  opts: { env?: NodeJS.ProcessEnv; cwd?: string; now?: Date } = {},
): Promise<CliResult> {
  let stdout = '';
  let stderr = '';
  const code = await main(argv, {
    stdout: (t) => (stdout += t),
    stderr: (t) => (stderr += t),
    env: {
      NO_COLOR: '1',
      XDG_DATA_HOME: defaultDataHome(),
      XDG_CACHE_HOME: join(defaultDataHome(), 'cache'),
      ...(opts.env ?? {}),
    },
    cwd: opts.cwd ?? process.cwd(),
    now: () => opts.now ?? new Date('2026-11-27T12:00:00Z'),
    isTTY: false,
  });
  return { code, stdout, stderr };
}

export async function runJson<T = unknown>(
  argv: readonly string[],
  opts: Parameters<typeof runCli>[1] = {},
): Promise<T> {
  const r = await runCli([...argv, '--json'], opts);
  if (r.code !== 0) throw new Error(`liaison ${argv.join(' ')} exited ${r.code}: ${r.stderr}`);
  return JSON.parse(r.stdout) as T;
}

/**
 * Runs the built CLI (dist/, which `npm test` builds first) as a user does:
 * a process of its own, so what bin.ts does before the CLI loads is tested too.
 */
export function runBuiltCli(
  args: readonly string[],
  cwd: string,
  env: NodeJS.ProcessEnv = {},
): { code: number | null; stdout: string; stderr: string } {
  const r = spawnSync(process.execPath, [join(packageRoot(), 'dist/src/cli/bin.js'), ...args], {
    cwd,
    encoding: 'utf8',
    env: { ...process.env, NO_COLOR: '1', ...env },
  });
  return { code: r.status, stdout: r.stdout, stderr: r.stderr };
}

import { spawn } from 'node:child_process';
import { cpSync, existsSync, mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { connect } from 'node:net';
import { join } from 'node:path';
import { packageRoot } from '../../src/core/package-root.js';
import { RELEASES_DIR, GOVERNANCE_DIR } from '../helpers/shared-data.js';

/**
 * Helpers of the hostile-input suite: raw bytes on a real socket, the built
 * CLI in a child process with a hard time limit (for what could hang), and
 * writable copies of the shared data checkouts.
 */

/** Sends `request` as is to 127.0.0.1:port and resolves with everything the server answered. */
export function rawHttp(port: number, request: string | Buffer, timeoutMs = 5000): Promise<string> {
  return new Promise((resolve, reject) => {
    const socket = connect(port, '127.0.0.1');
    let answer = '';
    socket.setEncoding('latin1');
    socket.on('data', (d: string) => (answer += d));
    socket.on('end', () => {
      resolve(answer);
    });
    socket.on('error', reject);
    socket.setTimeout(timeoutMs, () => {
      socket.destroy();
      resolve(answer);
    });
    socket.write(request);
  });
}

/** `GET <target>` with a Host header (and Connection: close), the status line of the answer. */
export async function statusOf(port: number, target: string, host = `127.0.0.1:${port}`) {
  const answer = await rawHttp(
    port,
    `GET ${target} HTTP/1.1\r\nHost: ${host}\r\nConnection: close\r\n\r\n`,
  );
  return Number(/^HTTP\/1\.1 (\d{3})/.exec(answer)?.[1] ?? 0);
}

export interface SpawnResult {
  readonly code: number | null;
  readonly signal: NodeJS.Signals | null;
  readonly stdout: string;
  readonly stderr: string;
  readonly ms: number;
  /** True when the time limit killed it: the command hung. */
  readonly killed: boolean;
}

export const BIN = join(packageRoot(), 'dist', 'src', 'cli', 'bin.js');
export const hasBuild = existsSync(BIN);

let home: string | undefined;
function spawnHome(): string {
  home ??= mkdtempSync(join(tmpdir(), 'liaison-hostile-home-'));
  return home;
}

/** The built CLI in its own process, killed after `timeoutMs` (a hang is a failure, not a stuck test run). */
export function spawnCli(
  args: readonly string[],
  opts: {
    cwd?: string;
    env?: NodeJS.ProcessEnv;
    timeoutMs?: number;
    /** Resolve early once stdout contains this (the process is then killed). */
    until?: RegExp;
  } = {},
): Promise<SpawnResult> {
  return new Promise((resolve) => {
    const started = performance.now();
    const child = spawn(process.execPath, [BIN, ...args], {
      cwd: opts.cwd ?? process.cwd(),
      // a home of its own: a command that opens the default store never writes into ~ or the repository
      env: { PATH: process.env.PATH ?? '', NO_COLOR: '1', HOME: spawnHome(), ...opts.env },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let stdout = '';
    let stderr = '';
    let killed = false;
    child.stdout.on('data', (d: Buffer) => {
      stdout += d.toString();
      if (opts.until?.test(stdout)) child.kill('SIGTERM');
    });
    child.stderr.on('data', (d: Buffer) => (stderr += d.toString()));
    const timer = setTimeout(() => {
      killed = true;
      child.kill('SIGKILL');
    }, opts.timeoutMs ?? 10_000);
    child.on('close', (code, signal) => {
      clearTimeout(timer);
      resolve({ code, signal, stdout, stderr, ms: performance.now() - started, killed });
    });
  });
}

/** A writable copy of the releases data (26 MB; copy once per file, in beforeAll). */
export function copyReleases(into: string): string {
  const dir = join(into, 'releases');
  cpSync(RELEASES_DIR, dir, { recursive: true });
  return dir;
}

export function copyGovernance(into: string): string {
  const dir = join(into, 'governance');
  cpSync(GOVERNANCE_DIR, dir, { recursive: true });
  return dir;
}

/** Characters that would drive a terminal or reorder text; none may reach stdout raw. */
// eslint-disable-next-line no-control-regex -- control characters are what it finds
export const RAW_CONTROLS = /[\u0000-\u0008\u000b-\u001f\u007f-\u009f\u202a-\u202e\u2066-\u2069]/;

/** A hostile string: OSC 8 hyperlink, clear screen, BEL, NUL, BS, one-byte CSI, bidi override. */
export const ESCAPES =
  '\u001b]8;;http://evil.example\u0007X\u001b[2J\u0000\u0008\u009b31m\u202eRTL';

import { createRequire } from 'node:module';
import { debugLog, debugOn } from '../core/debug-log.js';
import { SourceUnavailableError } from '../core/errors.js';

type ChildProcess = typeof import('node:child_process');
let loaded: ChildProcess | undefined;

/**
 * node:child_process, loaded on the first git call: it costs ~5 ms to load,
 * and most commands on the embedded data (brief, gate) run no git at all.
 */
function childProcess(): ChildProcess {
  loaded ??= createRequire(import.meta.url)('node:child_process') as ChildProcess;
  return loaded;
}

/**
 * The one way we run git: an argv array (never a shell string), output as
 * a string, a typed error naming the repository when git fails. Pass
 * `-z`/`%x00`/`%x1f` in formats and split on them; subjects can hold anything.
 */
export class GitError extends SourceUnavailableError {
  constructor(
    message: string,
    readonly repo: string,
    readonly args: readonly string[],
    readonly stderr: string,
    readonly status: number | null,
  ) {
    super(message, 'git');
  }
}

export interface GitOptions {
  /**
   * Input to send on stdin (e.g. for `cat-file --batch`). A promise keeps
   * stdin open until it resolves: a process started before its input is
   * known has its start-up done by then (scanner/early.ts).
   */
  readonly input?: string | Promise<string>;
  /** Exit codes that are not failures (e.g. 1 for `merge-base --is-ancestor`). */
  readonly okCodes?: readonly number[];
  readonly env?: NodeJS.ProcessEnv;
  /** Each chunk of stderr as it comes (progress of clone and fetch); async `git` only. */
  readonly onStderr?: (chunk: string) => void;
  /** Ends the process (SIGTERM) when aborted; the promise then rejects. Async `git` only. */
  readonly signal?: AbortSignal;
}

const BASE_ENV = { GIT_TERMINAL_PROMPT: '0', LC_ALL: 'C' };

type SyncOptions = Omit<GitOptions, 'input'> & { readonly input?: string };

/** Runs git synchronously in `repo`; for short commands on the command path. */
export function gitSync(repo: string, args: readonly string[], opts: SyncOptions = {}): string {
  return gitSyncBytes(repo, args, opts).toString('utf8');
}

/** `gitSync`'s output as git wrote it (blob contents: sizes count bytes, texts need not be UTF-8). */
export function gitSyncBytes(
  repo: string,
  args: readonly string[],
  opts: SyncOptions = {},
): Buffer {
  const started = debugOn() ? performance.now() : 0;
  const r = childProcess().spawnSync('git', ['-C', repo, ...args], {
    maxBuffer: 1024 * 1024 * 1024,
    input: opts.input,
    env: { ...process.env, ...BASE_ENV, ...opts.env },
  });
  if (started) logGit(repo, args, r.status, started);
  if (r.error) throw new GitError(`git not runnable: ${r.error.message}`, repo, args, '', null);
  if (r.status !== 0 && !(opts.okCodes ?? []).includes(r.status ?? -1)) {
    throw gitFailure(repo, args, r.stderr.toString('utf8'), r.status);
  }
  return r.stdout;
}

/** Runs git asynchronously, collecting stdout; for long outputs and parallel work. */
export async function git(
  repo: string,
  args: readonly string[],
  opts: GitOptions = {},
): Promise<string> {
  return (await gitBytes(repo, args, opts)).toString('utf8');
}

/** `git`'s output as git wrote it (blob contents: sizes count bytes, texts need not be UTF-8). */
export function gitBytes(
  repo: string,
  args: readonly string[],
  opts: GitOptions = {},
): Promise<Buffer> {
  return new Promise((resolve, reject) => {
    const started = debugOn() ? performance.now() : 0;
    const child = childProcess().spawn('git', ['-C', repo, ...args], {
      env: { ...process.env, ...BASE_ENV, ...opts.env },
      // no input: stdin is /dev/null (one pipe less to set up per process)
      stdio: [opts.input === undefined ? 'ignore' : 'pipe', 'pipe', 'pipe'],
      ...(opts.signal ? { signal: opts.signal } : {}),
    });
    const out: Buffer[] = [];
    const err: Buffer[] = [];
    child.stdout?.on('data', (b: Buffer) => {
      out.push(b);
    });
    child.stderr?.on('data', (b: Buffer) => {
      err.push(b);
      opts.onStderr?.(b.toString('utf8'));
    });
    child.on('error', (e) => {
      reject(new GitError(`git not runnable: ${e.message}`, repo, args, '', null));
    });
    child.on('close', (status) => {
      if (started) logGit(repo, args, status, started);
      const stdout = Buffer.concat(out);
      if (status !== 0 && !(opts.okCodes ?? []).includes(status ?? -1)) {
        reject(gitFailure(repo, args, Buffer.concat(err).toString('utf8'), status));
      } else resolve(stdout);
    });
    const stdin = child.stdin;
    if (opts.input !== undefined && stdin) {
      // git may exit before reading all of stdin: ignore EPIPE there
      stdin.on('error', () => undefined);
      if (typeof opts.input === 'string') stdin.end(opts.input);
      else
        opts.input.then(
          (text) => stdin.end(text),
          () => stdin.end(),
        );
    }
  });
}

function logGit(repo: string, args: readonly string[], status: number | null, started: number) {
  debugLog('git', { repo, args, status, ms: Math.round(performance.now() - started) });
}

function gitFailure(
  repo: string,
  args: readonly string[],
  stderr: string,
  status: number | null,
): GitError {
  // progress lines (clone --progress) come before the reason: prefer git's own fatal/error line
  const lines = stderr.split(/[\r\n]/).filter((l) => l.trim() !== '');
  const first = lines.find((l) => /^(fatal|error):/.test(l)) ?? lines[0] ?? `exit ${status}`;
  return new GitError(
    `git ${args[0] ?? ''} failed in ${repo}: ${first.replace(/^fatal: /, '')}`,
    repo,
    args,
    stderr,
    status,
  );
}

/** True when `repo` is a git work tree or bare repository. */
export function isGitRepo(repo: string): boolean {
  const r = childProcess().spawnSync('git', ['-C', repo, 'rev-parse', '--git-dir'], {
    encoding: 'utf8',
  });
  return r.status === 0;
}

import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { Worker } from 'node:worker_threads';
import { UsageError } from '../../core/errors.js';
import type { EnvData } from './env.js';
import type { Finding } from './plan-types.js';

/**
 * Checking thousands of files on several cores: worker threads (worker.ts)
 * and the main thread take chunks of the file list through one shared
 * counter, so a thread that starts late or runs slower simply takes fewer.
 * Each file is read, parsed, schema-checked and run through the data rules
 * by whichever thread took it; only files with findings travel back.
 */

/** What a worker is started with (structured-cloned). */
export interface CheckerInput {
  /** The releases checkout on disk. */
  readonly root: string;
  readonly label: string;
  /** Deliverable files, relative to the root; results refer to them by index. */
  readonly rels: readonly string[];
  readonly schemaText: string;
  /** Int32s: the next index to hand out (NEXT_INDEX), the environment posted (ENV_POSTED). */
  readonly counter: SharedArrayBuffer;
  readonly chunk: number;
}

export type CheckerMessage =
  | { readonly type: 'done'; readonly results: readonly (readonly [number, Finding[]])[] }
  | { readonly type: 'error'; readonly message: string; readonly usage: boolean };

/** Files per claim: small enough to balance two threads, large enough to keep the counter cold. */
export const CHUNK = 64;
export const NEXT_INDEX = 0;
export const ENV_POSTED = 1;

/** Runs `each` on the indexes this thread claims until none are left. */
export function claimChunks(
  counter: Int32Array,
  total: number,
  chunk: number,
  each: (i: number) => void,
): void {
  for (;;) {
    const start = Atomics.add(counter, NEXT_INDEX, chunk);
    if (start >= total) return;
    const end = Math.min(total, start + chunk);
    for (let i = start; i < end; i++) each(i);
  }
}

/** The compiled worker next to this module; none when running from the TypeScript sources (tests). */
export function workerScript(): string | undefined {
  const url = new URL('./worker.js', import.meta.url);
  if (url.protocol !== 'file:' || !import.meta.url.endsWith('.js')) return undefined;
  const path = fileURLToPath(url);
  return existsSync(path) ? path : undefined;
}

export interface CheckerPool {
  /**
   * Hands the rule environment to the workers, checks files in this thread
   * too, and returns the findings of every file in list order.
   */
  run(env: EnvData, checkHere: (index: number) => Finding[]): Promise<Finding[][]>;
  /** Stops the workers (the run failed before handing them the environment). */
  cancel(): Promise<void>;
}

/**
 * Starts `count` workers right away, so they boot while the main thread
 * reads the series, constants and governance they need.
 */
export function startCheckers(
  script: string,
  count: number,
  input: Omit<CheckerInput, 'counter' | 'chunk'>,
): CheckerPool {
  const counter = new SharedArrayBuffer(8);
  const shared = new Int32Array(counter);
  const data: CheckerInput = { ...input, counter, chunk: CHUNK };
  const workers = Array.from({ length: count }, () => new Worker(script, { workerData: data }));
  const outcomes = workers.map((w) => {
    const outcome = new Promise<CheckerMessage>((resolve, reject) => {
      w.once('message', (m: CheckerMessage) => {
        resolve(m);
      });
      w.once('error', reject);
      w.once('exit', (code) => {
        reject(new Error(`release validate: a checker thread stopped (exit ${String(code)})`));
      });
    });
    outcome.catch(() => {}); // a worker that fails while the environment is built is reported by run()
    return outcome;
  });
  return {
    async run(env, checkHere) {
      for (const w of workers) w.postMessage(env);
      Atomics.store(shared, ENV_POSTED, 1);
      Atomics.notify(shared, ENV_POSTED);
      const perFile: Finding[][] = new Array<Finding[]>(input.rels.length);
      let failure: Error | undefined;
      try {
        claimChunks(shared, input.rels.length, CHUNK, (i) => {
          perFile[i] = checkHere(i);
        });
      } catch (e) {
        failure = e instanceof Error ? e : new Error(String(e));
        // let the workers run out of files rather than check them for nothing
        Atomics.store(shared, NEXT_INDEX, input.rels.length);
      }
      const messages = await Promise.all(outcomes);
      if (failure !== undefined) throw failure;
      for (const m of messages) {
        if (m.type === 'error') throw m.usage ? new UsageError(m.message) : new Error(m.message);
        for (const [i, findings] of m.results) perFile[i] = findings;
      }
      // workers send only files with findings
      for (let i = 0; i < perFile.length; i++) perFile[i] ??= [];
      return perFile;
    },
    async cancel() {
      await Promise.all(workers.map((w) => w.terminate()));
    },
  };
}

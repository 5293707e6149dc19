import { parentPort, receiveMessageOnPort, workerData } from 'node:worker_threads';
import { UsageError } from '../../core/errors.js';
import { DiskTree } from '../../data/file-tree.js';
import { envOver, type EnvData } from './env.js';
import { loadFile, readRef } from './load.js';
import type { Finding, RuleEnv } from './plan-types.js';
import { ENV_POSTED, claimChunks, type CheckerInput, type CheckerMessage } from './parallel.js';
import { checkRules, checkShape, type LoadedFile } from './plan.js';
import { SCHEMA_FILE, compileUpstreamSchema } from './schema.js';

/**
 * A checker thread of `release validate` (see parallel.ts). It starts on
 * its files at once: reading, parsing and the schema need nothing from the
 * main thread; files that reach the data rules before the rule environment
 * has arrived wait for it in a list.
 */
const port = parentPort;
if (port) port.postMessage(checkClaimedFiles(workerData as CheckerInput, port));

function checkClaimedFiles(
  input: CheckerInput,
  from: NonNullable<typeof parentPort>,
): CheckerMessage {
  try {
    const tree = new DiskTree(input.root, input.label);
    const schema = compileUpstreamSchema(input.schemaText, SCHEMA_FILE);
    const shared = new Int32Array(input.counter);
    const results: [number, Finding[]][] = [];
    const waiting: [number, LoadedFile][] = [];
    let env: RuleEnv | undefined;
    const record = (i: number, findings: Finding[]) => {
      if (findings.length > 0) results.push([i, findings]);
    };
    const receiveEnv = () => {
      const got = receiveMessageOnPort(from);
      if (!got) return;
      env = envOver(got.message as EnvData, tree);
      for (const [i, f] of waiting) record(i, checkRules(f, env));
      waiting.length = 0;
    };
    claimChunks(shared, input.rels.length, input.chunk, (i) => {
      if (!env && Atomics.load(shared, ENV_POSTED) === 1) receiveEnv();
      const rel = input.rels[i] ?? '';
      const ref = { display: rel, rel };
      const f = loadFile(ref, readRef(ref, tree));
      const shape = checkShape(f, schema);
      if (shape) record(i, shape);
      else if (env) record(i, checkRules(f, env));
      else waiting.push([i, f]);
    });
    if (!env) {
      Atomics.wait(shared, ENV_POSTED, 0); // the main thread posts it before checking files itself
      receiveEnv();
    }
    return { type: 'done', results };
  } catch (e) {
    return {
      type: 'error',
      message: e instanceof Error ? e.message : String(e),
      usage: e instanceof UsageError,
    };
  }
}

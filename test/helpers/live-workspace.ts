import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { startServiceStub, type ServiceStub } from './service-stub.js';
import { tempDir } from './tmp.js';

export interface LiveWorkspaceRun {
  readonly stub: ServiceStub;
  readonly dir: string;
  readonly db: string;
  readonly config: string;
}

/**
 * What a live-source test starts from: the loopback stand-in, a temporary
 * folder with a store path, and a Glance config whose `sources:` settings
 * (retries, timeouts, …) are given here; `writeConfig(extra)` rewrites it
 * with more YAML after them.
 */
export function liveWorkspace(prefix: string, sources: Readonly<Record<string, number>>) {
  let stub: ServiceStub | undefined;
  let dir = '';
  const settings = Object.entries(sources)
    .map(([k, v]) => `  ${k}: ${v}\n`)
    .join('');
  const writeConfig = (extra: string): string => {
    const file = join(dir, 'liaison.yaml');
    writeFileSync(file, `team: glance\nsources:\n${settings}${extra}`);
    return file;
  };
  return {
    writeConfig,
    async start(): Promise<LiveWorkspaceRun> {
      stub = await startServiceStub();
      dir = tempDir(prefix);
      return { stub, dir, db: join(dir, 'store.db'), config: writeConfig('') };
    },
    async stop(): Promise<void> {
      await stub?.close();
    },
  };
}

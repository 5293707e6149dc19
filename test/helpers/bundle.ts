import { mkdirSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { packageRoot } from '../../src/core/package-root.js';

/**
 * Builds the CLI into one folder with rolldown (already a dependency of
 * vitest) so tests can run it as a real child process they can kill. The
 * folder sits inside the package so the bundle finds package.json and data/.
 */
export async function bundleCli(): Promise<{ bin: string; dispose: () => void }> {
  const { build } = await import('rolldown');
  const dir = join(
    packageRoot(),
    'node_modules',
    '.cache',
    `liaison-cli-${process.pid}-${Date.now()}`,
  );
  mkdirSync(dir, { recursive: true });
  await build({
    input: join(packageRoot(), 'src', 'cli', 'bin.ts'),
    platform: 'node',
    logLevel: 'silent',
    external: (id) => !id.startsWith('.') && !id.startsWith('/'),
    output: { dir, format: 'esm', entryFileNames: 'bin.mjs' },
  });
  return {
    bin: join(dir, 'bin.mjs'),
    dispose: () => {
      rmSync(dir, { recursive: true, force: true });
    },
  };
}

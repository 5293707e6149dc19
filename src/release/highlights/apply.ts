import type { Deps } from '../../core/deps.js';
import { UsageError } from '../../core/errors.js';
import { writeFileAtomic } from '../propose/apply.js';

/** Writes a deliverable file of the releases checkout (never the read-only embedded snapshot). */
export function writeReleasesFile(ctx: Deps, file: string, text: string): void {
  if (!ctx.data.releases.tree.absolute('')) {
    throw new UsageError(
      '--write needs a releases checkout: pass --releases-repo DIR (the embedded snapshot is read-only)',
    );
  }
  writeFileAtomic(ctx.data.releases.where(file), text);
}

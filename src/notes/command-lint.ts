import type { Context } from '../cli/context.js';
import { loadRenoConfig } from '../data/reno/config.js';
import { lintNotes } from './read-lint.js';
import { scanRepository } from './scanner/repository.js';
import { notesOptions, printWarnings, queryOf, repoArg } from './command-options.js';

/** Exit 1 when there are findings, as `reno lint`; messages on stderr like reno's. */
export async function runLint(ctx: Context): Promise<number> {
  const { shown, dir } = repoArg(ctx);
  const { config, warnings: configWarnings } = loadRenoConfig(
    dir,
    notesOptions(ctx).relNotesDir ?? 'releasenotes',
  );
  // reno lint also runs a full scan and fails when the scan fails
  const scanned = await scanRepository(queryOf(ctx));
  const view = lintNotes(dir, shown, config);
  const scanWarnings = scanned.warnings.filter((w) => !configWarnings.includes(w));
  if (ctx.json)
    ctx.io.stdout(
      JSON.stringify(
        { ...view, warnings: [...configWarnings, ...scanWarnings, ...view.warnings] },
        null,
        2,
      ) + '\n',
    );
  else {
    printWarnings(ctx, [...configWarnings, ...scanWarnings]);
    // interleaved as reno prints them: loading warnings, then the finding
    printWarnings(ctx, [...view.warnings, ...view.findings]);
  }
  return view.findings.length > 0 ? 1 : 0;
}

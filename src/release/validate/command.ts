import { Option, type Command } from '../../cli/commander.js';
import type { Wrap } from '../../cli/commands.js';
import { emit } from '../../cli/output.js';
import { EXIT } from '../../core/errors.js';

interface ValidateFlags {
  base?: string;
  git?: boolean;
  clones?: string;
  currentSeries?: string;
  cache?: boolean;
}

/** `liaison release validate [FILES...]`: upstream's schema and data rules, offline; exit 1 on errors. */
export function registerValidateCommands(group: Command, wrap: Wrap): void {
  group
    .command('validate')
    .description(
      "check deliverable files like the release team's validator (schema, data rules, governance)",
    )
    .argument('[files...]', 'deliverable files (default: all, or those changed since --base)')
    .addOption(
      new Option(
        '--base <rev>',
        'releases-checkout revision: files changed since it, and what counts as a new release',
      ),
    )
    .addOption(
      new Option('--git', 'also run the checks that need clones of the project repositories'),
    )
    .addOption(
      new Option(
        '--clones <dir>',
        'folder of project clones by repository name (default: config clones-dir)',
      ),
    )
    .addOption(
      new Option(
        '--current-series <name>',
        'series for the "current series only" rules (default: upstream\'s constant, else the series in development)',
      ),
    )
    .addOption(
      new Option(
        '--no-cache',
        "re-read every file instead of reusing unchanged files' parse and schema results from the cache dir",
      ),
    )
    .action(
      wrap(async (ctx, args) => {
        const flags = ctx.options as ValidateFlags;
        const { buildValidation } = await import('./read.js');
        const { renderValidateText } = await import('./render.js');
        let gitChecks;
        if (flags.git) {
          const { gitCheckRunner } = await import('./git-checks.js');
          gitChecks = gitCheckRunner(ctx, flags.clones);
        }
        const view = await buildValidation(ctx, {
          files: args,
          ...(flags.base !== undefined ? { base: flags.base } : {}),
          ...(flags.currentSeries !== undefined ? { currentSeries: flags.currentSeries } : {}),
          ...(gitChecks ? { gitChecks } : {}),
          cache: flags.cache !== false,
        });
        emit(ctx, view, renderValidateText);
        return view.errors > 0 ? EXIT.findings : EXIT.ok;
      }),
    );
}

import { Option, type Command } from '../../cli/commander.js';
import type { Wrap } from '../../cli/commands.js';
import { emit } from '../../cli/output.js';
import { EXIT } from '../../core/errors.js';

/** `liaison release status` and `liaison release coverage`. */
export function registerStatusCommands(group: Command, wrap: Wrap): void {
  const common = (cmd: Command) =>
    cmd
      .addOption(new Option('--series <name>', 'series name or id (default: the cycle at --date)'))
      .addOption(
        new Option(
          '--clones <dir>',
          'folder of project clones by repository name (default: config clones-dir)',
        ),
      );
  common(
    group
      .command('status')
      .description(
        'per deliverable: releases, branches, release dates, unreleased commits, what is due, milestone coverage',
      ),
  ).action(
    wrap(async (ctx, _args, flags) => {
      const { buildReleaseStatus } = await import('./read.js');
      const { renderStatusText } = await import('./render.js');
      emit(
        ctx,
        await buildReleaseStatus(ctx, { ...flags, db: await ctx.store() }),
        renderStatusText,
      );
    }),
  );
  common(
    group
      .command('coverage')
      .description(
        'was each library released in every milestone window? exit 1 when a closed window missed a release with unreleased changes',
      ),
  ).action(
    wrap(async (ctx, _args, flags) => {
      const { buildReleaseStatus } = await import('./read.js');
      const { renderCoverageText } = await import('./render.js');
      // the global --db is a path: the builder takes the opened store (as `release status` passes it)
      const view = (await buildReleaseStatus(ctx, { ...flags, db: await ctx.store() })).coverage;
      emit(ctx, view, renderCoverageText);
      return view.missed > 0 ? EXIT.findings : EXIT.ok;
    }),
  );
}

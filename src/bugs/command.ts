import { Command, Option } from '../cli/commander.js';
import type { Wrap } from '../cli/commands.js';
import { emit } from '../cli/output.js';
import { EXIT } from '../core/errors.js';

export function registerBugs(program: Command, wrap: Wrap): void {
  program
    .command('bugs')
    .description(
      'Launchpad bugs: release-critical, targeted to the next milestone, fixed but not released (from the store; see `liaison sync`)',
    )
    .addOption(
      new Option('--series <name>', 'series whose release is watched (default: the current cycle)'),
    )
    .addOption(new Option('--strict', 'exit 3 when the Launchpad data is missing or stale'))
    .action(
      wrap(async (ctx) => {
        const opts = ctx.options as { series?: string; strict?: boolean };
        const { buildBugsView } = await import('./read.js');
        const { renderBugsText } = await import('./render.js');
        const view = await buildBugsView(ctx, opts.series ? { series: opts.series } : {});
        emit(ctx, view, renderBugsText);
        if (opts.strict && view.freshness.state !== 'fresh') return EXIT.source;
        return EXIT.ok;
      }),
    );
}

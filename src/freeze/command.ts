import { Command, Option } from '../cli/commander.js';
import type { Wrap } from '../cli/commands.js';
import { emit } from '../cli/output.js';
import { EXIT } from '../core/errors.js';

export function registerFreeze(program: Command, wrap: Wrap): void {
  program
    .command('freeze')
    .description(
      'RC-period freeze guard: classify open changes on master and the new stable branch, draft (and with --apply post) Code-Review -2, RC discipline',
    )
    .addOption(new Option('--series <name>', 'series being released (default: the current cycle)'))
    .addOption(
      new Option(
        '--apply',
        'post the drafted Code-Review -2 votes through Gerrit (once per change)',
      ),
    )
    .addOption(
      new Option('--strict', 'exit 3 when the Gerrit or Launchpad data is missing or stale'),
    )
    .action(
      wrap(async (ctx) => {
        const opts = ctx.options as { series?: string; apply?: boolean; strict?: boolean };
        const { buildFreezeView } = await import('./read.js');
        const { renderFreezeText } = await import('./render.js');
        const view = await buildFreezeView(ctx, opts.series ? { series: opts.series } : {});
        let votes = null;
        if (opts.apply) {
          const { applyVotes } = await import('./apply.js');
          votes = await applyVotes(ctx, view);
        }
        // the ledger may have changed: show each change's vote as it now stands
        const after = votes
          ? await buildFreezeView(ctx, opts.series ? { series: opts.series } : {})
          : view;
        emit(ctx, { ...after, votes }, renderFreezeText);
        if (votes?.some((v) => v.outcome === 'failed')) return EXIT.findings;
        const stale = [after.sources.gerrit, after.sources.launchpad].some(
          (s) => s.state !== 'fresh',
        );
        if (opts.strict && after.active && stale) return EXIT.source;
        return EXIT.ok;
      }),
    );
}

import { Option } from '../cli/commander.js';
import type { Program, Wrap } from '../cli/commands.js';
import { emit } from '../cli/output.js';

export function registerPriorities(program: Program, wrap: Wrap): void {
  program
    .command('priorities')
    .description(
      "the cycle's priorities (config priorities:, else every approved spec): target milestone, state, implementing changes, risks; feature-freeze exception drafts in the freeze week",
    )
    .addOption(new Option('--series <name>', 'series name or id (default: the cycle at --date)'))
    .addOption(
      new Option(
        '--specs-repo <dir>',
        "checkout of the team's specs repository (default: $LIAISON_SPECS_REPO, config specs-repo, or the managed checkout)",
      ),
    )
    .action(
      wrap(async (ctx, _args, o) => {
        const { buildPrioritiesView } = await import('./read.js');
        const { renderPrioritiesText } = await import('./render.js');
        const view = await buildPrioritiesView(ctx, {
          ...(o.series ? { series: o.series } : {}),
          ...(o.specsRepo ? { specsRepo: o.specsRepo } : {}),
        });
        emit(ctx, view, renderPrioritiesText);
      }),
    );
}

import { Option, type Command } from '../../cli/commander.js';
import type { Wrap } from '../../cli/commands.js';
import { emit } from '../../cli/output.js';
import type { HighlightsOptions } from './read.js';

export function registerHighlightsCommands(group: Command, wrap: Wrap): void {
  const highlights = group
    .command('highlights')
    .description("the series' cycle highlights of the team's service deliverable");
  const common = (cmd: Command) =>
    cmd
      .addOption(
        new Option(
          '--series <name>',
          'series name or id (default: the series in development at --date)',
        ),
      )
      .addOption(
        new Option('--deliverable <name>', "deliverable (default: the team's service deliverable)"),
      );
  common(highlights.command('list').description('list the cycle highlights')).action(
    wrap(async (ctx) => {
      const { readHighlights } = await import('./read.js');
      const { planHighlightsList } = await import('./plan.js');
      const { renderHighlightsList } = await import('./render.js');
      const target = readHighlights(ctx, ctx.options as HighlightsOptions);
      emit(ctx, planHighlightsList(target), renderHighlightsList);
    }),
  );
  common(highlights.command('add').description('add a highlight (dry-run diff unless --write)'))
    .argument('<text...>', 'the highlight, one sentence (minimal RST allowed)')
    .addOption(new Option('--write', 'edit the file in the releases checkout (--releases-repo)'))
    .action(
      wrap(async (ctx, args) => {
        const opts = ctx.options as HighlightsOptions;
        const { readHighlights } = await import('./read.js');
        const { highlightItem, planHighlightAdd } = await import('./plan.js');
        const { writeReleasesFile } = await import('./apply.js');
        const { renderHighlightsAdd } = await import('./render.js');
        const item = highlightItem(args.join(' '));
        const { after, view } = planHighlightAdd(readHighlights(ctx, opts), item);
        if (opts.write) writeReleasesFile(ctx, view.file, after);
        emit(ctx, { ...view, written: opts.write === true }, renderHighlightsAdd);
      }),
    );
}

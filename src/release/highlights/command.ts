import { Option, type Command } from '../../cli/commander.js';
import type { Wrap } from '../../cli/commands.js';

export interface HighlightsOptions {
  series?: string;
  deliverable?: string;
  write?: boolean;
}

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
      const { runHighlightsList } = await import('./read.js');
      runHighlightsList(ctx, ctx.options as HighlightsOptions);
    }),
  );
  common(highlights.command('add').description('add a highlight (dry-run diff unless --write)'))
    .argument('<text...>', 'the highlight, one sentence (minimal RST allowed)')
    .addOption(new Option('--write', 'edit the file in the releases checkout (--releases-repo)'))
    .action(
      wrap(async (ctx, args) => {
        const { runHighlightsAdd } = await import('./read.js');
        runHighlightsAdd(ctx, args.join(' '), ctx.options as HighlightsOptions);
      }),
    );
}

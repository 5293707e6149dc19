import { Option } from '../cli/commander.js';
import type { Program, Wrap } from '../cli/commands.js';
import { emit } from '../cli/output.js';
import { UsageError } from '../core/errors.js';

export function registerBrief(program: Program, wrap: Wrap): void {
  program
    .command('brief')
    .description("this week's brief: series, week, deadlines ahead, deliverables, what is due")
    .addOption(new Option('--weeks <n>', 'how many weeks ahead to list').default('8'))
    .addOption(
      new Option(
        '--series <name>',
        'the release actions of this series (name or id) at --date (default: the series at --date)',
      ),
    )
    .action(
      wrap(async (ctx, _args, opts) => {
        const weeks = Number(opts.weeks);
        if (!Number.isInteger(weeks) || weeks < 0 || weeks > 60)
          throw new UsageError('--weeks: expected a whole number from 0 to 60');
        const { buildBrief } = await import('./read.js');
        const { renderBriefText } = await import('./render.js');
        const series = opts.series;
        emit(
          ctx,
          await buildBrief(ctx, {
            horizonWeeks: weeks,
            ...(series !== undefined ? { series } : {}),
          }),
          renderBriefText,
        );
      }),
    );
}

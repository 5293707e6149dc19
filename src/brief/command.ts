import { Command, Option } from '../cli/commander.js';
import type { Wrap } from '../cli/commands.js';
import { emit } from '../cli/output.js';
import { UsageError } from '../core/errors.js';

export function registerBrief(program: Command, wrap: Wrap): void {
  program
    .command('brief')
    .description("this week's brief: series, week, deadlines ahead, deliverables, what is due")
    .addOption(new Option('--weeks <n>', 'how many weeks ahead to list').default('8'))
    .action(
      wrap(async (ctx) => {
        const weeks = Number((ctx.options as { weeks?: string }).weeks ?? '8');
        if (!Number.isInteger(weeks) || weeks < 0 || weeks > 60)
          throw new UsageError('--weeks: expected a whole number from 0 to 60');
        const { buildBrief } = await import('./read.js');
        const { renderBriefText } = await import('./render.js');
        emit(ctx, await buildBrief(ctx, { horizonWeeks: weeks }), renderBriefText);
      }),
    );
}

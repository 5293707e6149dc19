import { Option } from '../cli/commander.js';
import type { Program, Wrap } from '../cli/commands.js';
import { emit, emitFormatted } from '../cli/output.js';
import { EXIT, UsageError } from '../core/errors.js';

export function registerGate(program: Program, wrap: Wrap): void {
  program
    .command('gate')
    .description(
      "periodic jobs of the team's repositories: latest result, pass rate, streaks, flaky jobs, meeting paragraph",
    )
    .addOption(new Option('--days <n>', 'window in days (default: config gate.days, else 14)'))
    .addOption(
      new Option(
        '--format <format>',
        'print only the meeting paragraph, for IRC or Markdown',
      ).choices(['irc', 'md']),
    )
    .addOption(
      new Option('--strict', 'exit 3 when the Zuul data is missing or its last sync failed'),
    )
    .addOption(
      new Option(
        '--queue',
        "the team's shared gate queue instead: length, oldest item, the team's changes, history near milestones",
      ),
    )
    .action(
      wrap(async (ctx, _args, o) => {
        if (o.queue) {
          if (o.format) throw new UsageError('--format: not with --queue');
          const { buildGateQueueView } = await import('./read-queue.js');
          const { renderQueueText } = await import('./render-queue.js');
          const view = await buildGateQueueView(ctx);
          emit(ctx, view, renderQueueText);
          const state = view.sources.queue.state;
          return o.strict && (state === 'never' || state === 'failing') ? EXIT.source : EXIT.ok;
        }
        const days = o.days === undefined ? undefined : Number(o.days);
        if (days !== undefined && (!Number.isInteger(days) || days < 1 || days > 365)) {
          throw new UsageError('--days: expected a whole number from 1 to 365');
        }
        const { buildGateView } = await import('./read.js');
        const { renderGateText, renderGate } = await import('./render.js');
        const view = await buildGateView(ctx, days === undefined ? {} : { days });
        if (o.format && !ctx.json) emitFormatted(ctx, renderGate(view, o.format));
        else emit(ctx, view, renderGateText);
        const unusable = view.source.state === 'never' || view.source.state === 'failing';
        return o.strict && unusable ? EXIT.source : EXIT.ok;
      }),
    );
}

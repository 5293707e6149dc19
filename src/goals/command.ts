import { Option } from '../cli/commander.js';
import type { Program, Wrap } from '../cli/commands.js';
import { emit, emitFormatted } from '../cli/output.js';
import { UsageError } from '../core/errors.js';

export function registerGoals(program: Program, wrap: Wrap): void {
  const goals = program
    .command('goals')
    .description(
      "the series' community goals and the team's status on each; a report for the TC (--format md)",
    )
    .addOption(new Option('--series <name>', 'series (default: the current cycle)'))
    .addOption(
      new Option('--format <format>', 'text or md (the TC report)')
        .choices(['text', 'md'])
        .default('text'),
    )
    .action(
      wrap(async (ctx, _args, opts) => {
        const { buildGoalsView } = await import('./read.js');
        const { renderGoalsMarkdown, renderGoalsText } = await import('./render.js');
        const view = await buildGoalsView(ctx, opts.series ? { series: opts.series } : {});
        if (opts.format === 'md' && !ctx.json) emitFormatted(ctx, renderGoalsMarkdown(view));
        else emit(ctx, view, renderGoalsText);
      }),
    );

  goals
    .command('set <goal> <status>')
    .description("record the team's state on a goal: done, in-progress or not-started")
    .addOption(new Option('--owner <name>', 'who drives it in the team (kept when left out)'))
    .addOption(new Option('--series <name>', 'series (default: the current cycle)'))
    .action(
      wrap(async (ctx, args, opts) => {
        const [goal = '', status = ''] = args;
        const { setGoalStatus } = await import('./apply.js');
        const { inertLine } = await import('../core/text.js');
        if (opts.owner !== undefined && opts.owner.trim() === '')
          throw new UsageError('--owner: give a name');
        const result = await setGoalStatus(ctx, goal, status, {
          ...(opts.series ? { series: opts.series } : {}),
          ...(opts.owner !== undefined ? { owner: opts.owner.trim() } : {}),
        });
        emit(
          ctx,
          result,
          (r) =>
            `Recorded ${r.goal} for ${r.team} (${r.series}): ${r.status}${r.owner ? `, owner ${inertLine(r.owner, 80)}` : ''}`,
        );
      }),
    );
}

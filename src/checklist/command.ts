import { Command, Option } from '../cli/commander.js';
import type { Wrap } from '../cli/commands.js';
import { emit } from '../cli/output.js';

/** `liaison checklist` and its `done`/`undo` ticks. Modules load inside the actions (start-up time). */
export function registerChecklist(program: Command, wrap: Wrap): void {
  const checklist = program
    .command('checklist')
    .description(
      'the phase checklist of the series: due dates, owners, state (manual ticks and automatic checks)',
    )
    .addOption(
      new Option('--phase <phase>', 'only this phase (before-ptg, ptg-to-m1, m1, ..., post-final)'),
    )
    .addOption(new Option('--series <name>', 'series name or id (default: the series at --date)'))
    .action(
      wrap(async (ctx) => {
        const opts = ctx.options as { phase?: string; series?: string };
        const { buildChecklist } = await import('./read.js');
        const { renderChecklistText } = await import('./render.js');
        emit(ctx, await buildChecklist(ctx, opts), renderChecklistText);
      }),
    );
  for (const verb of ['done', 'undo'] as const) {
    checklist
      .command(`${verb} <id>`)
      .description(
        verb === 'done'
          ? 'tick an item (recorded in the store with who and --date)'
          : 'remove the tick of an item',
      )
      .addOption(new Option('--by <name>', 'who did it (default: $USER)'))
      .action(
        wrap(async (ctx, args) => {
          const opts = ctx.options as { series?: string; by?: string };
          const { tickItem } = await import('./apply.js');
          const result = await tickItem(ctx, verb, args[0] ?? '', opts);
          emit(ctx, result, (r) => r.message);
        }),
      );
  }
}

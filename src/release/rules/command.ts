import type { Command } from '../../cli/commander.js';
import type { Wrap } from '../../cli/commands.js';
import { emit } from '../../cli/output.js';

/** `liaison release rules`: the table of validate rules and propose refusals. */
export function registerRulesCommand(group: Command, wrap: Wrap): void {
  group
    .command('rules')
    .description(
      'list the rules of release validate and the refusals of release propose (ids, where upstream stands)',
    )
    .action(
      wrap(async (ctx) => {
        const { planRules } = await import('./plan.js');
        const { renderRulesText } = await import('./render.js');
        emit(ctx, planRules(), renderRulesText);
        return 0;
      }),
    );
}

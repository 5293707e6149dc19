import { Command, Option } from '../cli/commander.js';
import type { Wrap } from '../cli/commands.js';
import { emit } from '../cli/output.js';

/** `liaison post-final`: the team's tasks after the final release. */
export function registerPostFinal(program: Command, wrap: Wrap): void {
  program
    .command('post-final')
    .description(
      "the team's post-final tasks (Glance: CURRENT_RELEASE bump); a dry run unless --write or --commit",
    )
    .addOption(new Option('--task <id>', 'only this task'))
    .addOption(new Option('--repo <dir>', 'clone for the task (the first task unless --task)'))
    .addOption(
      new Option(
        '--series <name>',
        'the series just released (default: the last released by --date)',
      ),
    )
    .addOption(new Option('--write', 'change the files in the clone'))
    .addOption(
      new Option(
        '--commit',
        'change the files and commit them with the team message and Signed-off-by',
      ),
    )
    .action(
      wrap(async (ctx) => {
        const opts = ctx.options as {
          task?: string;
          repo?: string;
          series?: string;
          write?: boolean;
          commit?: boolean;
        };
        const { runPostFinal } = await import('./apply.js');
        const { renderPostFinalText } = await import('./render.js');
        emit(ctx, runPostFinal(ctx, opts), renderPostFinalText);
      }),
    );
}

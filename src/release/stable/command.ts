import { Option, type Command } from '../../cli/commander.js';
import type { Wrap } from '../../cli/commands.js';
import { emit } from '../../cli/output.js';

/** `liaison release stable`: the stable branches of the team's deliverables (also in `release status`). */
export function registerStableCommand(group: Command, wrap: Wrap): void {
  group
    .command('stable')
    .description(
      'stable and unmaintained branches: phase, merged changes since the last release with their bugs, open backports, what to release',
    )
    .addOption(
      new Option(
        '--clones <dir>',
        'folder of project clones by repository name (default: config clones-dir)',
      ),
    )
    .action(
      wrap(async (ctx, _args, flags) => {
        const { buildStableView } = await import('./read.js');
        const { renderStableText } = await import('./render.js');
        emit(
          ctx,
          await buildStableView(ctx, flags.clones !== undefined ? { clones: flags.clones } : {}),
          renderStableText,
        );
      }),
    );
}

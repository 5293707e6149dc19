import { Option } from '../cli/commander.js';
import type { Program, Wrap } from '../cli/commands.js';
import { emit } from '../cli/output.js';
import type { Deps } from '../core/deps.js';
import type { TeamContexts } from '../web/team-context.js';
import type { ReleaseAction } from '../actions/plan.js';
import type { OpenStackFilters, OpenStackView } from './plan.js';

/** `liaison openstack`: every team's release actions at --date, the release team's view. */
export function registerOpenStack(program: Program, wrap: Wrap): void {
  program
    .command('openstack')
    .description(
      'every team with deliverables in the series: its release actions by state, the overdue ones, its release liaisons',
    )
    .addOption(new Option('--state <states>', 'only actions in these states (comma-separated)'))
    .addOption(
      new Option(
        '--kind <kinds>',
        'only actions of these kinds (comma-separated; library:2 for one milestone)',
      ),
    )
    .addOption(new Option('--team <teams>', 'only these teams (comma-separated)'))
    // where the hook below puts the filter (typed like the other options; --teams works too)
    .addOption(new Option('--teams <teams>').hideHelp())
    // here --team is a filter, not the run's team: move it aside before the run's context is made
    .hook('preAction', (cmd) => {
      // the program's own --team may have taken the value: it is this command's filter either way
      for (const c of [cmd, cmd.parent]) {
        const v = c?.getOptionValue('team') as string | undefined;
        if (v === undefined) continue;
        cmd.setOptionValue('teams', v);
        c?.setOptionValue('team', undefined);
      }
    })
    .action(
      wrap(async (ctx, _args, o) => {
        const { parseFilters } = await import('./read.js');
        const { ACTION_KINDS } = await import('../actions/plan-types.js');
        const filters = parseFilters(
          {
            ...(o.state ? { state: o.state } : {}),
            ...(o.kind ? { kind: o.kind } : {}),
            ...(o.teams ? { team: o.teams } : {}),
          },
          ACTION_KINDS,
        );
        const view = await buildOpenStack(ctx, filters);
        const { renderOpenStackText } = await import('./render.js');
        emit(ctx, view, renderOpenStackText);
      }),
    );
}

/** Reads every team's actions as its own brief does, then plans the OpenStack-wide view. */
export async function buildOpenStack(
  ctx: Deps,
  filters: OpenStackFilters,
  shared?: TeamContexts,
): Promise<OpenStackView<ReleaseAction>> {
  const [{ TeamContexts }, { readOpenStack, briefActions }] = await Promise.all([
    import('../web/team-context.js'),
    import('./read.js'),
  ]);
  const contexts = shared ?? new TeamContexts(ctx);
  try {
    return await readOpenStack(ctx, {
      forTeam: (name) => contexts.forTeam(name),
      actionsOf: briefActions,
      filters,
    });
  } finally {
    if (!shared) contexts.close();
  }
}

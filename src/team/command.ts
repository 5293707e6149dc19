import { Command, Option } from '../cli/commander.js';
import type { Wrap } from '../cli/commands.js';
import { emit, print, printJson } from '../cli/output.js';

export function registerTeam(program: Command, wrap: Wrap): void {
  program
    .command('team')
    .description("the team's deliverables, repositories, release models and people")
    .action(
      wrap(async (ctx) => {
        const { buildTeamView } = await import('./read.js');
        const { renderTeamText } = await import('./render.js');
        emit(ctx, buildTeamView(ctx), renderTeamText);
      }),
    );

  program
    .command('init')
    .description('write the team config (liaison.yaml) for editing')
    .addOption(new Option('--output <file>', 'where to write').default('liaison.yaml'))
    .addOption(new Option('--force', 'overwrite an existing file'))
    .action(
      wrap(async (ctx) => {
        const opts = ctx.options as { output: string; force?: boolean };
        const { writeTeamConfig } = await import('./apply.js');
        const { file, team } = writeTeamConfig(ctx, ctx.options.team ?? 'glance', opts);
        if (ctx.json) printJson(ctx, { file, team });
        else print(ctx, `wrote ${file} for team ${team}; edit it, then run liaison brief`);
      }),
    );
}

import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { Command, Option } from '../cli/commander.js';
import type { Wrap } from '../cli/commands.js';
import { emit } from '../cli/output.js';
import { RefusedError } from '../core/errors.js';

export function registerTeam(program: Command, wrap: Wrap): void {
  program
    .command('team')
    .description("the team's deliverables, repositories, release models and people")
    .action(
      wrap(async (ctx) => {
        const { positionAt } = await import('../calendar/cycle.js');
        const { teamDeliverables, teamView } = await import('./plan.js');
        const { renderTeamText } = await import('./render.js');
        const series = positionAt(ctx.calendarInput, ctx.today).series.name;
        const team = ctx.team;
        const deliverables = teamDeliverables(
          team,
          ctx.calendarInput.series,
          series,
          ctx.data.releases,
          ctx.config,
        );
        emit(
          ctx,
          {
            ...teamView(team, deliverables, ctx.config),
            series,
            dataAsOf: ctx.data.dataAsOf ?? null,
          },
          renderTeamText,
        );
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
        const { builtinConfigPath, parseConfig } = await import('../config/load.js');
        const { starterConfig } = await import('../config/starter.js');
        const file = resolve(ctx.io.cwd, opts.output);
        if (existsSync(file) && !opts.force)
          throw new RefusedError(`${file} exists; use --force to overwrite it`);
        const teamName = ctx.options.team ?? 'glance';
        const team = ctx.data.governance.team(teamName);
        const builtin = builtinConfigPath(team.name);
        const text = existsSync(builtin) ? readFileSync(builtin, 'utf8') : starterConfig(team.name);
        parseConfig(text, builtin); // never write a config we would refuse to read
        writeFileSync(file, text);
        if (ctx.json) ctx.io.stdout(JSON.stringify({ file, team: team.name }, null, 2) + '\n');
        else
          ctx.io.stdout(`wrote ${file} for team ${team.name}; edit it, then run liaison brief\n`);
      }),
    );
}

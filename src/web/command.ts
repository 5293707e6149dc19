import { Option } from '../cli/commander.js';
import { printJson } from '../cli/output.js';
import type { Program, Wrap } from '../cli/commands.js';
import { UsageError } from '../core/errors.js';
import { hostNameOf } from './request-guard.js';

/** `liaison serve` and `liaison site build DIR`. */
export function registerWeb(program: Program, wrap: Wrap): void {
  program
    .command('serve')
    .description('serve the dashboard on this machine (127.0.0.1 by default) and print its URL')
    .addOption(new Option('--host <address>', 'address to bind').default('127.0.0.1'))
    .addOption(
      new Option(
        '--allow-host <name>',
        'also answer requests for this host name (a reverse proxy, a DNS name); repeatable',
      )
        .argParser((v: string, prev: string[] | undefined) => [...(prev ?? []), v])
        .default(undefined),
    )
    .addOption(new Option('--port <n>', 'port (0 picks a free one)').default('8484'))
    .addOption(new Option('--read-only', 'disable the write forms (checklist ticks, goal status)'))
    .addOption(
      new Option(
        '--no-reminders',
        'do not send the daily reminders at mail.daily-at while serving',
      ),
    )
    .action(
      wrap(async (ctx, _args, o) => {
        const port = Number(o.port ?? '8484');
        if (!/^\d{1,5}$/.test(o.port ?? '8484') || port > 65535)
          throw new UsageError('--port: expected a number from 0 to 65535');
        const host = o.host ?? '127.0.0.1';
        // an empty address would bind every interface without saying so
        if (!host.trim())
          throw new UsageError('--host: expected an address (127.0.0.1, ::1, 0.0.0.0…)');
        const allowHosts = o.allowHost ?? [];
        for (const h of allowHosts)
          if (!hostNameOf(h))
            throw new UsageError(`--allow-host ${h}: expected a host name or address`);
        const { serveDashboard } = await import('./serve-command.js');
        await serveDashboard(ctx, {
          host,
          allowHosts,
          port,
          readOnly: o.readOnly === true,
          reminders: o.reminders,
        });
      }),
    );
  program
    .command('site')
    .description('the dashboard as a static site')
    .command('build')
    .description(
      'write every dashboard page, its JSON and the calendar into DIR (relative links, no server needed)',
    )
    .argument('<dir>', 'output folder (created if missing)')
    .addOption(
      new Option(
        '--all-teams',
        'the OpenStack page on top and every team with deliverables in the series in a folder of its own',
      ),
    )
    .action(
      wrap(async (ctx, args, o) => {
        const dir = args[0];
        if (!dir) throw new UsageError('site build: expected an output folder');
        const { buildSite } = await import('./site.js');
        const allTeams = o.allTeams === true;
        const result = await buildSite(ctx, dir, { allTeams });
        if (ctx.json) printJson(ctx, result);
        else {
          ctx.io.stdout(
            `wrote ${result.files.length} files into ${dir} (open ${dir}/index.html or publish the folder)\n`,
          );
          if (result.teams) ctx.io.stdout(`${result.teams.length} teams, each in its own folder\n`);
          // per team, the same missing source repeats: say each page's notice once, with how many teams
          const seen = new Map<string, number>();
          for (const n of result.notices)
            seen.set(`${n.page} (${n.status})`, (seen.get(`${n.page} (${n.status})`) ?? 0) + 1);
          for (const [page, count] of seen)
            ctx.io.stdout(
              `note: the ${page} page shows a notice${result.teams ? ` for ${count} team${count === 1 ? '' : 's'}` : ''}\n`,
            );
        }
      }),
    );
}

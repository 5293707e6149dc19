import { Command, Option } from '../cli/commander.js';
import { printJson } from '../cli/output.js';
import type { Wrap } from '../cli/commands.js';
import { UsageError } from '../core/errors.js';
import { hostNameOf } from './request-guard.js';

/** `liaison serve` and `liaison site build DIR`. */
export function registerWeb(program: Command, wrap: Wrap): void {
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
      wrap(async (ctx) => {
        const o = ctx.options as {
          host?: string;
          allowHost?: string[];
          port?: string;
          readOnly?: boolean;
          reminders?: boolean;
        };
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
          reminders: o.reminders !== false,
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
    .action(
      wrap(async (ctx, args) => {
        const dir = args[0];
        if (!dir) throw new UsageError('site build: expected an output folder');
        const { buildSite } = await import('./site.js');
        const result = await buildSite(ctx, dir);
        if (ctx.json) printJson(ctx, result);
        else {
          ctx.io.stdout(
            `wrote ${result.files.length} files into ${dir} (open ${dir}/index.html or publish the folder)\n`,
          );
          for (const n of result.notices)
            ctx.io.stdout(`note: the ${n.page} page shows a notice (${n.status})\n`);
        }
      }),
    );
}

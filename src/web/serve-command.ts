import type { Context } from '../cli/context.js';
import { createDashboard } from './app.js';
import { scheduleDailyReminders } from './daily.js';
import { startServer } from './server.js';
import { isLoopback } from './request-guard.js';

/**
 * Runs the dashboard until the process is told to stop (Ctrl-C, SIGTERM).
 * The data is loaded before listening, so a bad checkout or config fails
 * at start with its usual message rather than on the first page view.
 */
export async function serveDashboard(
  ctx: Context,
  opts: {
    host: string;
    allowHosts: readonly string[];
    port: number;
    readOnly: boolean;
    reminders: boolean;
  },
): Promise<void> {
  ctx.data.releases.series();
  const team = ctx.team.name;
  const options = { ...ctx.options, json: false };
  const dashboard = createDashboard({ options, io: ctx.io, readOnly: opts.readOnly });
  const server = await startServer(dashboard, opts.host, opts.port, {
    allowHosts: opts.allowHosts,
  });
  if (!isLoopback(opts.host))
    ctx.io.stderr(
      `liaison serve: warning: listening on ${opts.host}, reachable from other machines; ` +
        'the dashboard has no login (prefer the default 127.0.0.1, or publish `liaison site build`)\n',
    );
  dashboard.setOrigin(server.url);
  const log = (line: string) => {
    ctx.io.stdout(`${line}\n`);
  };
  const daily = opts.reminders
    ? await scheduleDailyReminders(ctx, { options, io: ctx.io, shared: dashboard.shared, log })
    : { at: null, stop: () => undefined };
  ctx.io.stdout(
    `Dashboard for ${team}: ${server.url}/${opts.readOnly ? ' (read-only)' : ''}\n` +
      (daily.at ? `Daily reminders at ${daily.at} (mail.daily-at).\n` : '') +
      'Press Ctrl-C to stop.\n',
  );
  await new Promise<void>((resolve) => {
    const stop = () => {
      process.off('SIGINT', stop);
      process.off('SIGTERM', stop);
      resolve();
    };
    process.on('SIGINT', stop);
    process.on('SIGTERM', stop);
  });
  daily.stop();
  await server.close();
  dashboard.close();
}

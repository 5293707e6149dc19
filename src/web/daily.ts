import type { Context, GlobalOptions, Io } from '../cli/context.js';
import { LiaisonError } from '../core/errors.js';
import { RequestContext, type SharedState } from './request-context.js';

/**
 * While `liaison serve` runs, the team's daily reminders go out at
 * `mail.daily-at` (the planner's `runDailyReminders`, whose ledger sends
 * each reminder once even if cron runs `liaison remind` too). Each run gets
 * a fresh Context, so "today" is the day it runs.
 */
export async function scheduleDailyReminders(
  ctx: Context,
  opts: { options: GlobalOptions; io: Io; shared: SharedState; log: (line: string) => void },
): Promise<{ at: string | null; stop: () => void }> {
  const { dailyAt, msUntilDaily, runDailyReminders } = await import('../remind/apply-daily.js');
  const at = dailyAt(ctx);
  if (!at) return { at: null, stop: () => undefined };
  let timer: NodeJS.Timeout | undefined;
  const arm = () => {
    timer = setTimeout(() => void fire(), msUntilDaily(at, opts.io.now()));
  };
  const fire = async () => {
    const run = new RequestContext({ ...opts.options, date: undefined }, opts.io, opts.shared);
    try {
      const r = await runDailyReminders(run);
      const s = r.summary;
      opts.log(
        s
          ? `daily reminders ${run.today}: ${s.sent} sent, ${s.skipped} already sent, ${s.failed} failed${s.firstError ? ` (${s.firstError})` : ''}`
          : `daily reminders ${run.today}: ${r.reminders.length} due (no SMTP configured: nothing sent)`,
      );
    } catch (e) {
      opts.log(
        `daily reminders ${run.today}: ${e instanceof LiaisonError ? e.message : 'internal error'}`,
      );
    } finally {
      arm();
    }
  };
  arm();
  return {
    at,
    stop: () => {
      clearTimeout(timer);
    },
  };
}

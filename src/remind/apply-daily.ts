import type { Deps } from '../core/deps.js';
import { runRemind } from './apply.js';
import { type RemindRun } from './plan.js';

/**
 * What `liaison serve` calls once a day at `mail.daily-at`: the same run as
 * `liaison remind`, delivering by SMTP when `mail.smtp-url` (or
 * $LIAISON_SMTP_URL) is set and printing nothing otherwise. The ledger
 * makes a second call on the same day (a restart, a cron job as well) send
 * nothing twice.
 */
export async function runDailyReminders(ctx: Deps): Promise<RemindRun> {
  const url = ctx.env.LIAISON_SMTP_URL ?? ctx.config.mail?.['smtp-url'];
  return runRemind(ctx, url ? { send: true, smtpUrl: url } : {});
}

/** The configured hour, `HH:MM`, or null when the team has not set one. */
export function dailyAt(ctx: Deps): string | null {
  return ctx.config.mail?.['daily-at'] ?? null;
}

/** Milliseconds from `now` to the next `HH:MM` (local time of the server). */
export function msUntilDaily(at: string, now: Date): number {
  const [h, m] = at.split(':').map(Number);
  const next = new Date(now);
  next.setHours(h ?? 0, m ?? 0, 0, 0);
  if (next.getTime() <= now.getTime()) next.setDate(next.getDate() + 1);
  return next.getTime() - now.getTime();
}

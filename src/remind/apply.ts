import { randomUUID } from 'node:crypto';
import { resolve } from 'node:path';
import type { Deps } from '../core/deps.js';
import { isIsoDate } from '../core/dates.js';
import { UsageError } from '../core/errors.js';
import { buildReminders } from './read.js';
import type { RemindRun } from './plan.js';
import { deliver, type DeliverOptions } from './apply-deliver.js';
import { allowResend, ledgerStates, runOwner } from './store.js';
import { outboxChannel } from './apply-outbox.js';
import { mailbox } from './apply-message.js';
import { parseSmtpUrl, smtpChannel, type Channel } from './apply-smtp.js';

export interface RemindRunOptions {
  readonly send?: boolean;
  readonly smtpUrl?: string;
  readonly outbox?: string;
  readonly since?: string;
  readonly resend?: string;
  readonly isAlive?: DeliverOptions['isAlive'];
}

/**
 * `liaison remind`: the due reminders, printed (dry run), or delivered
 * through SMTP (--send) or into an outbox folder (--outbox), each
 * (reminder, recipient) once according to the ledger.
 */
export async function runRemind(ctx: Deps, opts: RemindRunOptions): Promise<RemindRun> {
  if (opts.since !== undefined && !isIsoDate(opts.since))
    throw new UsageError(`--since ${opts.since}: expected YYYY-MM-DD`);
  if (opts.send && opts.outbox)
    throw new UsageError(
      '--send and --outbox exclude each other: --send delivers by SMTP, --outbox writes .eml files',
    );
  const channel = openChannel(ctx, opts);
  const db = await ctx.store();
  if (opts.resend && allowResend(db, opts.resend) === 0) {
    // a mistyped id must not look like "done": say what the ledger knows
    const states = ledgerStates(db, opts.resend);
    if (states.length === 0)
      throw new UsageError(
        `--resend ${opts.resend}: no delivery of this reminder in the ledger (ids: liaison remind --json)`,
      );
    if (!states.includes('failed'))
      throw new UsageError(
        `--resend ${opts.resend}: nothing to send again (its deliveries are ${states.join(', ')})`,
      );
  }
  const view = await buildReminders(ctx, {
    ...(opts.since ? { since: opts.since } : {}),
  });
  if (!channel) return { ...view, summary: null };
  const from = view.from;
  if (!from)
    throw new UsageError(
      'no sender address: set mail.from in liaison.yaml (or a release liaison with an e-mail in governance)',
    );
  mailbox(from); // a malformed mail.from is one line before anything is claimed
  view.mode = 'send';
  view.channel = channel.name;
  const replyTo = ctx.config.mail?.['reply-to'];
  const summary = await deliver(db, view, ctx.team.name, {
    channel,
    owner: runOwner(randomUUID()),
    from,
    ...(replyTo ? { replyTo } : {}),
    now: ctx.now,
    today: ctx.today,
    ...(opts.isAlive ? { isAlive: opts.isAlive } : {}),
  });
  return { ...view, summary };
}

function openChannel(ctx: Deps, opts: RemindRunOptions): Channel | undefined {
  if (opts.outbox) return outboxChannel(resolve(ctx.cwd, opts.outbox));
  if (!opts.send) return undefined;
  const url = opts.smtpUrl ?? ctx.env.LIAISON_SMTP_URL ?? ctx.config.mail?.['smtp-url'];
  if (!url)
    throw new UsageError(
      '--send needs an SMTP server: --smtp-url smtp://[user@]host[:port], $LIAISON_SMTP_URL or mail.smtp-url',
    );
  return smtpChannel(
    parseSmtpUrl(url, ctx.env, {
      allowPlainAuth: ctx.config.mail?.['allow-plain-auth'] === true,
    }),
  );
}

/** Exit code of a run: 0, or 3 when a message could not be delivered (or its fate is unknown). */
export function remindExitCode(run: RemindRun): number {
  const s = run.summary;
  return s && (s.failed > 0 || s.unknown > 0) ? 3 : 0;
}

import type { Db } from '../store/db.js';
import { claim, setState } from './store.js';
import { rawMessage } from './apply-message.js';
import type { Channel } from './apply-smtp.js';
import type { RemindView } from './plan.js';

export interface DeliverOptions {
  readonly channel: Channel;
  readonly owner: string;
  readonly from: string;
  readonly replyTo?: string;
  readonly now: () => Date;
  readonly today: string;
  /** Whether the process holding a claim still runs (default: by pid on this host). */
  readonly isAlive?: (owner: string) => boolean;
}

export interface DeliverSummary {
  readonly sent: number;
  readonly skipped: number;
  readonly failed: number;
  readonly unknown: number;
  /** The first failure, for the error message. */
  readonly firstError: string | null;
}

/**
 * Sends what the ledger has not seen go out, one message per recipient:
 * claim (transaction) → send → record. After a refusal the run goes on
 * with the next message; after a failure to reach the server it stops,
 * leaving the rest unclaimed for the next run.
 */
export async function deliver(
  db: Db,
  view: RemindView,
  team: string,
  o: DeliverOptions,
): Promise<DeliverSummary> {
  let sent = 0;
  let skipped = 0;
  let failed = 0;
  let unknown = 0;
  let firstError: string | null = null;
  let reachable = true;
  for (const r of view.reminders) {
    for (const d of r.deliveries) {
      if (!reachable) break;
      const c = claim(db, {
        reminder: r.id,
        recipient: d.recipient,
        team,
        messageId: d.messageId,
        channel: o.channel.name,
        owner: o.owner,
        today: o.today,
        resolveStale: (row) => o.channel.resolveStale(row.messageId, row.recipient),
        ...(o.isAlive ? { isAlive: o.isAlive } : {}),
      });
      if (c.kind !== 'claimed') {
        d.state = c.kind === 'busy' ? c.row.state : c.kind;
        d.detail = c.kind === 'busy' ? `being sent by ${c.row.claimedBy}` : c.row.response;
        skipped++;
        continue;
      }
      const raw = await rawMessage(
        {
          reminder: r.id,
          from: o.from,
          ...(o.replyTo ? { replyTo: o.replyTo } : {}),
          to: d.recipient,
          toName: d.name,
          subject: r.subject,
          text: r.body,
          messageId: d.messageId,
        },
        o.now(),
      );
      const outcome = await o.channel.send(d.recipient, addressOf(o.from), raw, d.messageId, () => {
        setState(db, r.id, d.recipient, 'sending', null);
      });
      if (outcome.accepted) {
        setState(db, r.id, d.recipient, 'sent', outcome.response);
        d.state = 'sent';
        d.detail = outcome.response;
        sent++;
        continue;
      }
      firstError ??= `${d.recipient}: ${outcome.error}`;
      if (outcome.definite) {
        setState(db, r.id, d.recipient, 'failed', outcome.error);
        d.state = 'failed';
        failed++;
        // nothing reached the server at all: do not hammer it with the rest
        if (
          /ECONNREFUSED|ENOTFOUND|ETIMEDOUT|EAI_AGAIN|Greeting never received|Connection timeout/i.test(
            outcome.error,
          )
        )
          reachable = false;
      } else {
        setState(
          db,
          r.id,
          d.recipient,
          'unknown',
          `${outcome.error}; the server may have accepted it: not resent (liaison remind --resend ${r.id})`,
        );
        d.state = 'unknown';
        unknown++;
      }
      d.detail = outcome.error;
    }
    r.sent = r.deliveries.length > 0 && r.deliveries.every((x) => x.state === 'sent');
  }
  o.channel.close();
  return { sent, skipped, failed, unknown, firstError };
}

/** The bare address of `Name <addr>`. */
export function addressOf(from: string): string {
  const m = /<([^>]+)>/.exec(from);
  return (m?.[1] ?? from).trim();
}

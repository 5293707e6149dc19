import { hostname } from 'node:os';
import type { Db } from '../store/db.js';

/**
 * The reminder ledger: one row per (reminder occurrence, recipient).
 *
 *   (none) --claim--> claimed --body starts--> sending --250 OK--> sent
 *                        |                       |--refused--> failed --claim--> claimed ...
 *                        '--refused / no server--'--connection lost after the body--> unknown
 *
 * A claim is an IMMEDIATE transaction, so of two overlapping runs exactly
 * one gets the row; the other sees it claimed by a live process and skips
 * it. The row turns 'sending' (a synchronous write) only when the SMTP
 * server has said "go ahead" to DATA and the body starts to flow: before
 * that point nothing can have been delivered.
 *
 * A row left by a dead process (crash, kill) is settled by the next run:
 * 'claimed' → failed, sent again at once; 'sending' → the channel decides:
 * the outbox looks for its file (exact), SMTP cannot know whether the
 * server kept the message, so the row becomes 'unknown' and is never sent
 * again automatically (at most once). `--resend ID` lets it go again, with
 * the same Message-ID.
 */
export type LedgerState = 'claimed' | 'sending' | 'sent' | 'failed' | 'unknown';

export interface LedgerRow {
  readonly reminder: string;
  readonly recipient: string;
  readonly messageId: string;
  readonly channel: string;
  readonly state: LedgerState;
  readonly claimedBy: string;
  readonly claimedOn: string;
  readonly attempts: number;
  readonly response: string | null;
}

interface RawRow {
  reminder: string;
  recipient: string;
  message_id: string;
  channel: string;
  state: LedgerState;
  claimed_by: string;
  claimed_on: string;
  attempts: number;
  response: string | null;
}

const toRow = (r: RawRow): LedgerRow => ({
  reminder: r.reminder,
  recipient: r.recipient,
  messageId: r.message_id,
  channel: r.channel,
  state: r.state,
  claimedBy: r.claimed_by,
  claimedOn: r.claimed_on,
  attempts: r.attempts,
  response: r.response,
});

/** Who holds a claim: host, process id and a token of the run. */
export function runOwner(token: string): string {
  return `${hostname()}:${process.pid}:${token}`;
}

/** A claim's process is alive when it is on this host and its pid still runs. */
export function ownerAlive(owner: string): boolean {
  const [host, pid] = owner.split(':');
  if (host !== hostname()) return true; // cannot tell for another host: treat as live
  const n = Number(pid);
  if (!Number.isInteger(n) || n <= 0) return false;
  try {
    process.kill(n, 0);
    return true;
  } catch (e) {
    return (e as NodeJS.ErrnoException).code === 'EPERM';
  }
}

export function ledgerRows(db: Db, reminders: readonly string[]): Map<string, LedgerRow> {
  const out = new Map<string, LedgerRow>();
  const stmt = db.prepare('SELECT * FROM plan_reminder_ledger WHERE reminder = ?');
  for (const id of new Set(reminders)) {
    for (const r of stmt.all(id) as RawRow[]) out.set(ledgerKey(r.reminder, r.recipient), toRow(r));
  }
  return out;
}

export function ledgerKey(reminder: string, recipient: string): string {
  return `${reminder}\n${recipient.toLowerCase()}`;
}

export type ClaimResult =
  | { readonly kind: 'claimed'; readonly attempts: number }
  | { readonly kind: 'sent' | 'unknown' | 'busy'; readonly row: LedgerRow };

export interface ClaimRequest {
  readonly reminder: string;
  readonly recipient: string;
  readonly team: string;
  readonly messageId: string;
  readonly channel: string;
  readonly owner: string;
  readonly today: string;
  /** How the channel settles a claim left by a dead process. */
  readonly resolveStale: (row: LedgerRow) => 'sent' | 'failed' | 'unknown';
  readonly isAlive?: (owner: string) => boolean;
}

/** Takes the right to send one message, or says why not. */
export function claim(db: Db, req: ClaimRequest): ClaimResult {
  const alive = req.isAlive ?? ownerAlive;
  const recipient = req.recipient.toLowerCase();
  return db
    .transaction((): ClaimResult => {
      const raw = db
        .prepare('SELECT * FROM plan_reminder_ledger WHERE reminder = ? AND recipient = ?')
        .get(req.reminder, recipient) as RawRow | undefined;
      if (!raw) {
        db.prepare(
          `INSERT INTO plan_reminder_ledger (reminder, recipient, team, message_id, channel, state, claimed_by, claimed_on, attempts)
           VALUES (?, ?, ?, ?, ?, 'claimed', ?, ?, 1)`,
        ).run(req.reminder, recipient, req.team, req.messageId, req.channel, req.owner, req.today);
        return { kind: 'claimed', attempts: 1 };
      }
      let row = toRow(raw);
      if (row.state === 'claimed' || row.state === 'sending') {
        if (alive(row.claimedBy)) return { kind: 'busy', row };
        // claimed but not sending: the body never left, so sending again cannot duplicate
        const settled = row.state === 'claimed' ? 'failed' : req.resolveStale(row);
        setState(
          db,
          row.reminder,
          row.recipient,
          settled,
          `${row.response ?? ''}${row.response ? '; ' : ''}sender ${row.claimedBy} died while sending`,
        );
        row = { ...row, state: settled };
      }
      if (row.state === 'sent' || row.state === 'unknown') return { kind: row.state, row };
      db.prepare(
        `UPDATE plan_reminder_ledger SET state = 'claimed', claimed_by = ?, claimed_on = ?, attempts = attempts + 1, channel = ?, message_id = ?
         WHERE reminder = ? AND recipient = ?`,
      ).run(req.owner, req.today, req.channel, req.messageId, req.reminder, recipient);
      return { kind: 'claimed', attempts: row.attempts + 1 };
    })
    .immediate();
}

export function setState(
  db: Db,
  reminder: string,
  recipient: string,
  state: LedgerState,
  response: string | null,
): void {
  db.prepare(
    'UPDATE plan_reminder_ledger SET state = ?, response = ? WHERE reminder = ? AND recipient = ?',
  ).run(state, response, reminder, recipient.toLowerCase());
}

/** `--resend ID`: unknown or failed rows of a reminder may go out again. Returns how many. */
export function allowResend(db: Db, reminder: string): number {
  return db
    .prepare(
      `UPDATE plan_reminder_ledger SET state = 'failed' WHERE reminder = ? AND state = 'unknown'`,
    )
    .run(reminder).changes;
}

/** The delivery states the ledger holds for a reminder (empty: the id was never delivered here). */
export function ledgerStates(db: Db, reminder: string): string[] {
  return (
    db
      .prepare('SELECT DISTINCT state FROM plan_reminder_ledger WHERE reminder = ?')
      .all(reminder) as { state: string }[]
  ).map((r) => r.state);
}

import { createHash } from 'node:crypto';
import MailComposer from 'nodemailer/lib/mail-composer';
import { ConfigError } from '../core/errors.js';
import { inertLine } from '../core/text.js';

/** One e-mail to one recipient, ready for a channel. */
export interface OutgoingMessage {
  readonly reminder: string;
  readonly from: string;
  readonly replyTo?: string;
  readonly to: string;
  readonly toName: string;
  readonly subject: string;
  readonly text: string;
  /** Stable for (reminder, recipient): a resent copy carries the same id, so lists and mail clients can drop it. */
  readonly messageId: string;
}

export function stableMessageId(reminder: string, recipient: string, team: string): string {
  const h = createHash('sha256')
    .update(`${reminder}\n${recipient.toLowerCase()}`)
    .digest('hex')
    .slice(0, 32);
  return `<${h}.${team.toLowerCase().replace(/[^a-z0-9-]/g, '-')}@release-liaison.invalid>`;
}

/**
 * A mailbox address fit for a header: no spaces, controls, quotes or
 * brackets (a CR/LF from governance data must never reach From/To).
 */
const ADDRESS =
  /^[^\s\p{Cc}@<>()",;:\\[\]]+@[A-Za-z0-9](?:[A-Za-z0-9-]*[A-Za-z0-9])?(?:\.[A-Za-z0-9](?:[A-Za-z0-9-]*[A-Za-z0-9])?)+$/u;

export function isMailAddress(value: string): boolean {
  return value.length <= 254 && ADDRESS.test(value);
}

/** A display name fit for a header: one line (CR/LF become a space), inert, bounded; nodemailer quotes it. */
export function displayName(value: string): string {
  return inertLine(value.replace(/[\r\n\t]+/g, ' ').replace(/ {2,}/g, ' '), 100);
}

/** `Name <addr>` or `addr` (config `mail.from`, the liaison) as a structured mailbox. */
export function mailbox(text: string): { name: string; address: string } {
  const m = /^(.*)<([^<>]*)>\s*$/s.exec(text);
  const address = (m?.[2] ?? text).trim();
  if (!isMailAddress(address))
    throw new ConfigError(
      `not an e-mail address: ${JSON.stringify(address.slice(0, 80))}`,
      undefined,
      'mail.from',
    );
  return { name: displayName((m?.[1] ?? '').replace(/^\s*"|"\s*$/g, '')), address };
}

/** RFC 5322 text of the message (plain text, UTF-8). */
export async function rawMessage(m: OutgoingMessage, date: Date): Promise<Buffer> {
  if (!isMailAddress(m.to))
    throw new ConfigError(
      `not an e-mail address: ${JSON.stringify(m.to.slice(0, 80))}`,
      undefined,
      'to',
    );
  const composer = new MailComposer({
    // structured mailboxes: nodemailer quotes and encodes the names
    from: mailbox(m.from),
    to: { name: displayName(m.toName), address: m.to },
    ...(m.replyTo ? { replyTo: m.replyTo } : {}),
    subject: m.subject,
    text: m.text,
    messageId: m.messageId,
    date,
    headers: { 'X-Liaison-Reminder': m.reminder, 'Auto-Submitted': 'auto-generated' },
  });
  return composer.compile().build();
}

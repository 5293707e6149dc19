import { createHash } from 'node:crypto';
import MailComposer from 'nodemailer/lib/mail-composer';

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

/** RFC 5322 text of the message (plain text, UTF-8). */
export async function rawMessage(m: OutgoingMessage, date: Date): Promise<Buffer> {
  const composer = new MailComposer({
    from: m.from,
    to: { name: m.toName, address: m.to },
    ...(m.replyTo ? { replyTo: m.replyTo } : {}),
    subject: m.subject,
    text: m.text,
    messageId: m.messageId,
    date,
    headers: { 'X-Liaison-Reminder': m.reminder, 'Auto-Submitted': 'auto-generated' },
  });
  return composer.compile().build();
}

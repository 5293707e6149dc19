import type { Colors } from '../core/terminal.js';
import type { RemindRun } from './plan.js';

export function renderRemindText(v: RemindRun, c: Colors): string {
  const out: string[] = [];
  const how =
    v.mode === 'send'
      ? `delivering through ${v.channel ?? '?'}`
      : 'dry run (--send delivers by SMTP, --outbox DIR writes .eml files)';
  out.push(c.bold(`${v.team} reminders due on ${v.date} (${v.series})`) + c.dim(`  ${how}`));
  if (v.reminders.length === 0) out.push('  nothing due');
  for (const r of v.reminders) {
    out.push('');
    const state = r.sent
      ? c.green('sent')
      : r.deliveries.some((d) => d.state === 'unknown' || d.state === 'failed')
        ? c.red('not delivered')
        : c.yellow('not sent');
    out.push(`${c.bold(r.id)}  [${state}]  due ${r.due}`);
    if (v.mode === 'dry-run' && !r.sent) {
      out.push(`  From: ${v.from ?? '(set mail.from)'}`);
      out.push(`  To: ${r.recipients.join(', ') || '(nobody)'}`);
      out.push(`  Subject: ${r.subject}`);
      out.push('');
      out.push(
        ...r.body
          .trimEnd()
          .split('\n')
          .map((l) => `  ${l}`),
      );
    } else {
      out.push(`  ${r.subject}`);
      for (const d of r.deliveries)
        out.push(c.dim(`  ${d.recipient}: ${d.state}${d.detail ? ` — ${d.detail}` : ''}`));
    }
  }
  if (v.summary) {
    const s = v.summary;
    out.push('');
    out.push(
      `${s.sent} sent, ${s.skipped} already handled, ${s.failed} failed, ${s.unknown} unknown`,
    );
    if (s.firstError) out.push(c.red(`first error: ${s.firstError}`));
  }
  for (const n of v.notes) out.push(c.yellow(`note: ${n}`));
  return out.join('\n');
}

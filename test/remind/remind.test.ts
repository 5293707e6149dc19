import { existsSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { packageRoot } from '../../src/core/package-root.js';
import { runCli, runJson } from '../helpers/cli.js';
import { RELEASES_DIR, GOVERNANCE_DIR } from '../helpers/shared-data.js';
import { TestSmtpServer } from '../helpers/smtp.js';
import { tempDir } from '../helpers/tmp.js';

interface Reminder {
  id: string;
  rule: string;
  subject: string;
  due: string;
  recipients: string[];
  sent: boolean;
  deliveries: { recipient: string; state: string }[];
}
interface RemindJson {
  reminders: Reminder[];
  summary: { sent: number; skipped: number; failed: number; unknown: number } | null;
}

const real = ['--releases-repo', RELEASES_DIR, '--governance-repo', GOVERNANCE_DIR];
/** `liaison remind --send` through this SMTP URL for a date, with its own store. */
const sendArgs = (url: string, date: string, db: string, ...more: string[]) => [
  'remind',
  '--send',
  '--smtp-url',
  url,
  '--date',
  date,
  '--db',
  db,
  ...more,
];
const I2 = 'milestone-announce/i-2@2027-01-14/4w';

function ledger(db: string): { reminder: string; recipient: string; state: string }[] {
  const d = new Database(db, { readonly: true });
  try {
    return d
      .prepare(
        'SELECT reminder, recipient, state FROM plan_reminder_ledger ORDER BY reminder, recipient',
      )
      .all() as never;
  } finally {
    d.close();
  }
}

describe('liaison remind (dry run)', () => {
  it('lists the Indri-2 announcement as due four weeks ahead, on 2026-12-17, with id, date and recipients', async () => {
    const db = join(tempDir(), 'l.db');
    const v = await runJson<RemindJson>(['remind', '--date', '2026-12-17', '--db', db, ...real]);
    const r = v.reminders.find((x) => x.id === I2);
    expect(r).toBeDefined();
    expect(r).toMatchObject({
      rule: 'milestone-announce',
      due: '2026-12-17',
      recipients: ['openstack-discuss@lists.openstack.org'],
      sent: false,
    });
    expect(r!.subject).toBe('[glance] Indri-2 milestone on Thu 14 Jan 2027 (in 4 weeks)');
    expect(v.summary).toBeNull();
    expect(ledger(db)).toEqual([]); // a dry run records nothing
  });

  it('does not list it yet on 2026-11-27, and keeps the same id when caught up later', async () => {
    const db = join(tempDir(), 'l.db');
    const early = await runJson<RemindJson>([
      'remind',
      '--date',
      '2026-11-27',
      '--db',
      db,
      ...real,
    ]);
    expect(early.reminders.map((r) => r.id)).not.toContain(I2);
    const late = await runJson<RemindJson>(['remind', '--date', '2026-12-21', '--db', db]);
    expect(late.reminders.find((r) => r.id === I2)?.due).toBe('2026-12-17');
    const after = await runJson<RemindJson>(['remind', '--date', '2027-01-15', '--db', db]);
    expect(after.reminders.map((r) => r.id)).not.toContain(I2); // the milestone has passed
    const limited = await runJson<RemindJson>([
      'remind',
      '--date',
      '2026-12-21',
      '--since',
      '2026-12-20',
      '--db',
      db,
    ]);
    expect(limited.reminders.map((r) => r.id)).not.toContain(I2);
  });

  it('sends the final-RC request to the PTL and the liaison a week before the release', async () => {
    const v = await runJson<RemindJson>([
      'remind',
      '--date',
      '2027-03-17',
      '--db',
      join(tempDir(), 'l.db'),
      ...real,
    ]);
    const r = v.reminders.find((x) => x.id === 'final-rc-request/i-final@2027-03-24/1w');
    expect(r?.recipients).toEqual(['cyril@redhat.com', 'pdeore@redhat.com']);
  });

  it('prints the e-mail in the dry run', async () => {
    const r = await runCli(['remind', '--date', '2026-12-17', '--db', join(tempDir(), 'l.db')]);
    expect(r.code).toBe(0);
    expect(r.stdout).toContain('To: openstack-discuss@lists.openstack.org');
    expect(r.stdout).toContain('Schedule: https://releases.openstack.org/indri/schedule.html#i-2');
    expect(r.stdout).toContain('dry run');
  });
});

describe('liaison remind --send over a real SMTP server on loopback', () => {
  let smtp: TestSmtpServer;
  beforeAll(async () => {
    smtp = await TestSmtpServer.start();
  });
  afterAll(async () => {
    await smtp.close();
  });

  it('delivers each reminder once when run twice for the same date', async () => {
    smtp.mode = 'accept';
    smtp.received.length = 0;
    const db = join(tempDir(), 'l.db');
    const args = sendArgs(smtp.url, '2026-12-17', db, ...real);
    const first = await runJson<RemindJson>(args);
    expect(first.summary?.sent).toBeGreaterThanOrEqual(1);
    expect(first.reminders.every((r) => r.sent)).toBe(true);
    const count = smtp.received.length;
    expect(count).toBe(first.summary?.sent);
    const second = await runJson<RemindJson>(args);
    expect(second.summary).toMatchObject({ sent: 0, failed: 0, unknown: 0 });
    expect(second.reminders.every((r) => r.sent)).toBe(true);
    expect(smtp.received.length).toBe(count);
    expect([...smtp.countsByMessageId().values()].every((n) => n === 1)).toBe(true);

    const mail = smtp.received.find((m) => m.parsed.subject?.includes('Indri-2'));
    expect(mail).toBeDefined();
    expect(mail!.envelopeTo).toEqual(['openstack-discuss@lists.openstack.org']);
    expect(mail!.envelopeFrom).toBe('pdeore@redhat.com');
    expect(mail!.parsed.subject).toBe('[glance] Indri-2 milestone on Thu 14 Jan 2027 (in 4 weeks)');
    expect(mail!.parsed.headers.get('x-liaison-reminder')).toBe(I2);
    expect(mail!.parsed.messageId).toMatch(/^<[0-9a-f]{32}\.glance@release-liaison\.invalid>$/);
    expect(mail!.parsed.text).toContain('Thu 14 Jan 2027 (week R-10)');
    expect(mail!.parsed.text).toContain('https://releases.openstack.org/indri/schedule.html#i-2');
    expect(ledger(db).every((r) => r.state === 'sent')).toBe(true);
  });

  it('refused by the server: exit 3, recorded as failed (not sent), delivered once when the server accepts again', async () => {
    smtp.received.length = 0;
    const db = join(tempDir(), 'l.db');
    const args = sendArgs(smtp.url, '2026-12-17', db, ...real);
    for (const mode of ['refuse-rcpt', 'refuse-data'] as const) {
      smtp.mode = mode;
      const r = await runCli(args);
      expect(r.code).toBe(3);
      expect(r.stderr).toMatch(/not delivered: .*(550|554)/);
      expect(ledger(db).some((x) => x.state === 'sent')).toBe(false);
      expect(smtp.received).toHaveLength(0);
    }
    smtp.mode = 'accept';
    expect((await runCli(args)).code).toBe(0);
    const n = smtp.received.length;
    expect(n).toBeGreaterThan(0);
    await runCli(args);
    expect(smtp.received.length).toBe(n);
  });

  it('a dropped connection during DATA is recorded as unknown and never sent twice', async () => {
    smtp.received.length = 0;
    const db = join(tempDir(), 'l.db');
    const args = sendArgs(smtp.url, '2026-12-17', db, ...real);
    smtp.mode = 'drop-at-data';
    const r = await runCli(args);
    expect(r.code).toBe(3);
    expect(ledger(db).some((x) => x.state === 'sent')).toBe(false);
    smtp.mode = 'accept';
    const again = await runJson<RemindJson>(args); // unknown rows are reported, not resent
    const i2 = again.reminders.find((x) => x.id === I2)!;
    expect(i2.sent).toBe(false);
    expect(i2.deliveries[0]!.state).toBe('unknown');
    expect(again.summary?.sent).toBe(0);
    expect(
      smtp.received.filter((m) => m.parsed.headers.get('x-liaison-reminder') === I2).length,
    ).toBeLessThanOrEqual(1);
    const unknown = ledger(db)
      .filter((x) => x.state === 'unknown')
      .map((x) => x.reminder);
    expect(unknown.length).toBeGreaterThan(0);
    // on request, an unknown delivery goes out again (same Message-ID)
    const resent = await runCli([...args, '--resend', unknown[0]!]);
    expect(resent.code).toBe(0);
    expect(ledger(db).find((x) => x.reminder === unknown[0])?.state).toBe('sent');
  });

  it('a server that closes on connect or is not there: exit 3, nothing recorded as sent', async () => {
    const db = join(tempDir(), 'l.db');
    smtp.mode = 'drop-on-connect';
    const r = await runCli(sendArgs(smtp.url, '2026-12-17', db, ...real));
    expect(r.code).toBe(3);
    expect(r.stderr).toMatch(/421|closed/i);
    smtp.mode = 'accept';
    const gone = await runCli(sendArgs('smtp://127.0.0.1:1', '2026-12-17', db));
    expect(gone.code).toBe(3);
    expect(gone.stderr).toMatch(/ECONNREFUSED/);
    expect(ledger(db).every((x) => x.state === 'failed')).toBe(true);
  });

  it('two overlapping runs deliver each reminder once', async () => {
    smtp.mode = 'accept';
    smtp.received.length = 0;
    const db = join(tempDir(), 'l.db');
    const args = sendArgs(smtp.url, '2027-02-04', db, ...real);
    const [a, b] = await Promise.all([runJson<RemindJson>(args), runJson<RemindJson>(args)]);
    const total = a.reminders.reduce((n, r) => n + r.deliveries.length, 0);
    expect(total).toBeGreaterThan(3);
    expect((a.summary?.sent ?? 0) + (b.summary?.sent ?? 0)).toBe(total);
    expect(smtp.received.length).toBe(total);
    expect([...smtp.countsByMessageId().values()].every((n) => n === 1)).toBe(true);
  });

  it('logs in with the password from LIAISON_SMTP_PASSWORD (plain AUTH allowed by the config)', async () => {
    const auth = await TestSmtpServer.start({ auth: { user: 'liaison', pass: 's3cret' } });
    try {
      const dir = tempDir();
      const db = join(dir, 'l.db');
      // the loopback stand-in offers AUTH without STARTTLS: allowed only by this key
      const config = join(dir, 'liaison.yaml');
      writeFileSync(
        config,
        readFileSync(join(packageRoot(), 'data', 'teams', 'glance.yaml'), 'utf8') +
          '\nmail:\n  allow-plain-auth: true\n',
      );
      const url = `smtp://liaison@127.0.0.1:${auth.port}`;
      const args = sendArgs(url, '2026-12-17', db, '--config', config);
      const wrong = await runCli(args, { env: { LIAISON_SMTP_PASSWORD: 'nope' } });
      expect(wrong.code).toBe(3);
      expect(auth.received).toHaveLength(0);
      const ok = await runCli(args, { env: { LIAISON_SMTP_PASSWORD: 's3cret' } });
      expect(ok.code).toBe(0);
      expect(auth.received.length).toBeGreaterThan(0);
    } finally {
      await auth.close();
    }
  });
});

describe('liaison remind: bad input', () => {
  it('rejects a bad SMTP URL with exit 2 and records nothing', async () => {
    const db = join(tempDir(), 'l.db');
    for (const url of ['http://mail.example.org', 'not a url', 'smtp://u:pw@host:25']) {
      const r = await runCli(sendArgs(url, '2026-12-17', db));
      expect(r.code).toBe(2);
      expect(r.stderr).toMatch(/--smtp-url/);
      expect(r.stderr).not.toMatch(/\n\s+at /);
    }
    const nopass = await runCli(sendArgs('smtp://me@127.0.0.1:2525', '2026-12-17', db));
    expect(nopass.code).toBe(2);
    expect(nopass.stderr).toContain('LIAISON_SMTP_PASSWORD');
    expect(existsSync(db) ? ledger(db) : []).toEqual([]);
  });

  it('names the file and field of an unknown recipient role', async () => {
    const dir = tempDir();
    writeFileSync(
      join(dir, 'liaison.yaml'),
      'team: glance\nreminders:\n  rules:\n    - id: milestone-announce\n      to: [list, treasurer]\n',
    );
    const r = await runCli(['remind', '--date', '2026-12-17', '--db', join(dir, 'l.db')], {
      cwd: dir,
    });
    expect(r.code).toBe(2);
    expect(r.stderr).toContain(
      `${join(dir, 'liaison.yaml')}: reminders.rules[0].to[1]: unknown recipient "treasurer"`,
    );
  });

  it('names the field of a rule that refers to a missing event', async () => {
    const dir = tempDir();
    writeFileSync(
      join(dir, 'liaison.yaml'),
      'team: glance\nreminders:\n  rules:\n    - id: summit\n      events: [i-summit]\n      lead: [2w]\n      to: [list]\n      subject: x\n      body: y\n',
    );
    const r = await runCli(['remind', '--date', '2026-12-17', '--db', join(dir, 'l.db')], {
      cwd: dir,
    });
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(
      /reminders\.rules\[0\]\.events\[0\]: event "i-summit" is in no schedule/,
    );
  });

  it('silences a built-in rule and adds a team rule from the config', async () => {
    const dir = tempDir();
    writeFileSync(
      join(dir, 'liaison.yaml'),
      [
        'team: glance',
        'people:',
        '  mailing-list: openstack-discuss@lists.openstack.org',
        'reminders:',
        '  silence: [milestone-announce]',
        '  rules:',
        '    - id: trail-deadline',
        '      events: [i-cycle-trail]',
        '      lead: [2w]',
        '      to: [ptl, ops@example.org]',
        "      subject: 'Trailing deadline {day}'",
        "      body: '{title} is {in}.'",
        '',
      ].join('\n'),
    );
    const v = await runJson<RemindJson>(
      ['remind', '--date', '2026-11-19', '--db', join(dir, 'l.db')],
      { cwd: dir },
    );
    const ids = v.reminders.map((r) => r.id);
    expect(ids).toContain('trail-deadline/i-cycle-trail@2026-12-03/2w');
    expect(v.reminders.find((r) => r.rule === 'trail-deadline')?.recipients).toEqual([
      'cyril@redhat.com',
      'ops@example.org',
    ]);
    const later = await runJson<RemindJson>(
      ['remind', '--date', '2026-12-17', '--db', join(dir, 'l.db')],
      { cwd: dir },
    );
    expect(later.reminders.map((r) => r.rule)).not.toContain('milestone-announce');
  });
});

describe('liaison remind --outbox', () => {
  it('writes one .eml per message, once', async () => {
    const dir = tempDir();
    const db = join(dir, 'l.db');
    const out = join(dir, 'outbox');
    const first = await runJson<RemindJson>([
      'remind',
      '--outbox',
      out,
      '--date',
      '2026-12-17',
      '--db',
      db,
    ]);
    const files = readdirSync(out).filter((f) => f.endsWith('.eml'));
    expect(files.length).toBe(first.summary?.sent);
    const text = readFileSync(join(out, files[0]!), 'utf8');
    expect(text).toMatch(/^Subject: \[glance\] /m);
    await runJson<RemindJson>(['remind', '--outbox', out, '--date', '2026-12-17', '--db', db]);
    expect(readdirSync(out).filter((f) => f.endsWith('.eml'))).toEqual(files);
  });
});

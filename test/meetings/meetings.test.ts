import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import ICAL from 'ical.js';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runCli, runJson } from '../helpers/cli.js';
import { TestSmtpServer } from '../helpers/smtp.js';
import { tempDir } from '../helpers/tmp.js';

/** A team config with the team's weekly meeting and a biweekly release team meeting. */
const CONFIG = `team: glance
people:
  mailing-list: glance-list@example.org
  subject-tag: glance
meetings:
  - project: Glance Team Meeting
    agenda_url: https://etherpad.example.org/p/glance-meeting
    schedule:
      - time: '1400'
        day: Thursday
        irc: openstack-meeting
        frequency: weekly
  - project: Release Team Meeting
    kind: release-team
    remind: 1d
    schedule:
      - time: 1500
        day: friday
        irc: openstack-release
        frequency: biweekly-odd
        start_date: 20261001
        skip_dates:
          - skip_date: 20261120
            reason: summit
`;

function workspace(config = CONFIG): string {
  const dir = tempDir();
  writeFileSync(join(dir, 'liaison.yaml'), config);
  return dir;
}

/** ISO week number, written independently of the code under test (Thursday rule). */
function isoWeekOf(d: Date): number {
  const t = new Date(Date.UTC(d.getUTCFullYear(), d.getUTCMonth(), d.getUTCDate()));
  const day = t.getUTCDay() || 7;
  t.setUTCDate(t.getUTCDate() + 4 - day);
  const yearStart = Date.UTC(t.getUTCFullYear(), 0, 1);
  return Math.ceil((t.getTime() - yearStart) / 86_400_000 / 7 + 1 / 7);
}

/** Every day from..to (UTC) whose weekday is `dow` (0 = Sunday). */
function days(from: string, to: string, dow: number): Date[] {
  const out: Date[] = [];
  for (
    let t = Date.parse(`${from}T00:00:00Z`);
    t <= Date.parse(`${to}T00:00:00Z`);
    t += 86_400_000
  ) {
    const d = new Date(t);
    if (d.getUTCDay() === dow) out.push(d);
  }
  return out;
}

/** Expands every recurring VEVENT of a calendar with ical.js: summary → UTC start instants. */
function expandMeetings(text: string): Map<string, string[]> {
  const comp = new ICAL.Component(ICAL.parse(text) as unknown[]);
  const out = new Map<string, string[]>();
  for (const v of comp.getAllSubcomponents('vevent')) {
    if (!v.hasProperty('rrule')) continue;
    const e = new ICAL.Event(v);
    const it = e.iterator();
    const list = out.get(e.summary) ?? [];
    for (let next = it.next(); next; next = it.next()) {
      if (list.length > 500) throw new Error('runaway recurrence');
      list.push(next.toJSDate().toISOString());
    }
    out.set(e.summary, list);
  }
  for (const list of out.values()) list.sort();
  return out;
}

describe('meetings in the schedule and its calendar', () => {
  it('exports the meetings as recurring events that ical.js expands to the right UTC times', async () => {
    const cwd = workspace();
    const r = await runCli(
      ['schedule', '--series', 'indri', '--date', '2026-11-02', '--ics', '-'],
      {
        cwd,
      },
    );
    expect(r.code, r.stderr).toBe(0);
    expect(r.stdout).toMatch(/RRULE:FREQ=WEEKLY;COUNT=\d+;BYDAY=TH/);
    expect(r.stdout).toMatch(/RRULE:FREQ=WEEKLY;COUNT=\d+;INTERVAL=2;BYDAY=FR/);
    const got = expandMeetings(r.stdout);

    // indri's calendar runs from its first listed week (2026-09-28) to the end of its release week
    const team = days('2026-09-28', '2027-03-28', 4).map(
      (d) => `${d.toISOString().slice(0, 10)}T14:00:00.000Z`,
    );
    expect(got.get('Glance Team Meeting (#openstack-meeting)')).toEqual(team);

    const release = days('2026-10-01', '2027-03-28', 5)
      .filter((d) => isoWeekOf(d) % 2 === 1)
      .map((d) => d.toISOString().slice(0, 10))
      .filter((d) => d !== '2026-11-20')
      .map((d) => `${d}T15:00:00.000Z`);
    const shown = got.get('Release Team Meeting (#openstack-release)');
    expect(shown).toEqual(release);
    // 2026 has 53 ISO weeks: weeks 53 and 1 are both odd, so the meeting is held two Fridays running
    expect(shown).toContain('2027-01-01T15:00:00.000Z');
    expect(shown).toContain('2027-01-08T15:00:00.000Z');
    expect(shown).not.toContain('2026-11-20T15:00:00.000Z');
  });

  it('shows the next meeting of each in schedule --json', async () => {
    const cwd = workspace();
    const v = await runJson<{
      meetings: { project: string; kind: string; next: { start: string; irc: string } | null }[];
    }>(['schedule', '--date', '2026-09-11'], { cwd });
    expect(v.meetings.map((m) => [m.project, m.kind, m.next?.start])).toEqual([
      ['Glance Team Meeting', 'team', '2026-09-17T14:00:00Z'],
      ['Release Team Meeting', 'release-team', '2026-10-09T15:00:00Z'],
    ]);
  });

  it('names the next meeting of each in the brief', async () => {
    const cwd = workspace();
    const text = await runCli(['brief', '--date', '2026-09-11'], { cwd });
    expect(text.stdout).toMatch(/^Meetings$/m);
    expect(text.stdout).toMatch(
      /^ {2}Glance Team Meeting: Thu 17 Sep 2026 14:00 UTC in #openstack-meeting/m,
    );
    expect(text.stdout).toMatch(
      /^ {2}Release Team Meeting: Fri 9 Oct 2026 15:00 UTC in #openstack-release/m,
    );
    const v = await runJson<{ meetings: { project: string; next: { start: string } | null }[] }>(
      ['brief', '--date', '2026-09-11'],
      { cwd },
    );
    expect(v.meetings.map((m) => m.next?.start)).toEqual([
      '2026-09-17T14:00:00Z',
      '2026-10-09T15:00:00Z',
    ]);
  });

  it('refuses a meeting time that is not HHMM, naming the file and field', async () => {
    const cwd = workspace(CONFIG.replace("time: '1400'", "time: '14:00'"));
    const r = await runCli(['schedule', '--date', '2026-09-11'], { cwd });
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/liaison\.yaml.*meetings.*0.*schedule.*0.*time.*HHMM/);
    expect(r.stderr).not.toMatch(/\n\s+at /);
  });

  it('liaison init writes a commented meetings example that stays a valid config', async () => {
    const cwd = tempDir();
    const r = await runCli(['init', '--team', 'nova', '--output', 'liaison.yaml'], { cwd });
    expect(r.code, r.stderr).toBe(0);
    const text = readFileSync(join(cwd, 'liaison.yaml'), 'utf8');
    expect(text).toMatch(/^# meetings:$/m);
    expect(text).toMatch(/^#\s+frequency: weekly$/m);
    // no value is given as a fact: the time and channel are placeholders to replace
    expect(text).toMatch(/time: 'HHMM'/);
    const again = await runCli(['schedule', '--date', '2026-09-11'], { cwd });
    expect(again.code, again.stderr).toBe(0);
  });
});

describe('meeting agendas by e-mail', () => {
  let smtp: TestSmtpServer;
  beforeAll(async () => {
    smtp = await TestSmtpServer.start();
  });
  afterAll(async () => {
    await smtp.close();
  });

  it("sends the team meeting's agenda on the meeting day, exactly once", async () => {
    const cwd = workspace();
    const db = join(cwd, 'l.db');
    const send = (date: string) =>
      runJson<{
        reminders: { id: string; rule: string; sent: boolean }[];
        summary: { sent: number };
      }>(['remind', '--send', '--smtp-url', smtp.url, '--date', date, '--db', db], { cwd });
    const before = smtp.received.length;
    const eve = await send('2026-09-09');
    expect(eve.reminders.filter((r) => r.rule === 'meeting')).toEqual([]);
    const day = await send('2026-09-10');
    const agenda = day.reminders.find((r) => r.rule === 'meeting');
    expect(agenda?.id).toBe('meeting/glance-team-meeting@2026-09-10T14:00:00Z');
    const mails = smtp.received
      .slice(before)
      .filter((m) => /Glance Team Meeting/.test(m.parsed.subject ?? ''));
    expect(mails).toHaveLength(1);
    const mail = mails[0]!;
    expect(mail.envelopeTo).toEqual(['glance-list@example.org']);
    expect(mail.parsed.subject).toBe(
      '[glance] Glance Team Meeting agenda, 2026-09-10 14:00 UTC (#openstack-meeting)',
    );
    expect(mail.parsed.text).toMatch(/Release status — glance, hibiscus R-3/);
    expect(mail.parsed.text).toMatch(
      /Agenda page: https:\/\/etherpad\.example\.org\/p\/glance-meeting/,
    );
    // again the same day: the ledger knows it went out
    const count = smtp.received.length;
    const again = await send('2026-09-10');
    expect(again.reminders.find((r) => r.rule === 'meeting')?.sent).toBe(true);
    expect(smtp.received.length).toBe(count);
  });

  it("sends the release team meeting's agenda the day before (remind: 1d) to the liaison", async () => {
    const cwd = workspace();
    const db = join(cwd, 'l.db');
    const before = smtp.received.length;
    const r = await runJson<{ reminders: { id: string; rule: string; recipients: string[] }[] }>(
      ['remind', '--send', '--smtp-url', smtp.url, '--date', '2026-10-08', '--db', db],
      { cwd },
    );
    const agendas = r.reminders.filter((x) => x.rule === 'meeting').map((x) => x.id);
    // Thursday 2026-10-08 is also the team meeting's day: both agendas go out
    expect(agendas).toEqual([
      'meeting/glance-team-meeting@2026-10-08T14:00:00Z',
      'meeting/release-team-meeting@2026-10-09T15:00:00Z',
    ]);
    const mails = smtp.received
      .slice(before)
      .filter((m) => /Release Team Meeting/.test(m.parsed.subject ?? ''));
    expect(mails).toHaveLength(1);
    expect(mails[0]!.envelopeTo).toEqual(['pdeore@redhat.com']);
    expect(mails[0]!.parsed.text).toMatch(/Release actions of glance/);
    expect(mails[0]!.parsed.text).toMatch(/Open questions:/);
  });

  it("lists the team's due release actions in the release team meeting's agenda", async () => {
    const cwd = workspace(`team: glance
meetings:
  - project: Release Team Meeting
    kind: release-team
    schedule:
      - time: '1400'
        day: Friday
        irc: openstack-release
        frequency: weekly
`);
    const r = await runJson<{ reminders: { rule: string; body: string }[] }>(
      ['remind', '--date', '2026-09-11', '--db', join(cwd, 'l.db')],
      { cwd },
    );
    const agenda = r.reminders.find((x) => x.rule === 'meeting');
    expect(agenda?.body).toMatch(
      /^ {2}- glance:rc: (due|overdue) \(window 2026-09-07 to 2026-09-11\)$/m,
    );
    expect(agenda?.body).toMatch(/liaison release propose glance rc/);
    const brief = await runJson<{ actions: { id: string; state: string }[] }>(
      ['brief', '--date', '2026-09-11'],
      { cwd },
    );
    const urgent = brief.actions.filter((a) => ['due', 'overdue', 'proposed'].includes(a.state));
    for (const a of urgent) expect(agenda?.body).toContain(`- ${a.id}: ${a.state} `);
  });
});

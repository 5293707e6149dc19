import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import ICAL from 'ical.js';
import { describe, expect, it } from 'vitest';
import { runCli, runJson } from '../helpers/cli.js';
import { GOVERNANCE_DIR, RELEASES_DIR } from '../helpers/shared-data.js';
import { tempDir } from '../helpers/tmp.js';

const real = ['--releases-repo', RELEASES_DIR, '--governance-repo', GOVERNANCE_DIR];

function parseIcs(text: string) {
  const comp = new ICAL.Component(ICAL.parse(text) as unknown[]);
  return comp.getAllSubcomponents('vevent').map((v) => {
    const e = new ICAL.Event(v);
    return {
      uid: e.uid,
      summary: e.summary,
      start: e.startDate,
      end: e.endDate,
      url: String(v.getFirstPropertyValue('url') ?? ''),
      categories: String(v.getFirstPropertyValue('categories') ?? ''),
    };
  });
}

describe('liaison schedule', () => {
  it('lists every week of the indri cycle with the team deadlines', async () => {
    const v = await runJson<{
      series: { name: string };
      weeks: {
        name: string | null;
        current: boolean;
        events: { id: string; scope: string; date: string }[];
      }[];
    }>(['schedule', '--date', '2026-11-27', ...real]);
    expect(v.series.name).toBe('indri');
    expect(v.weeks.filter((w) => w.name).map((w) => w.name)[0]).toBe('R-24');
    expect(v.weeks.find((w) => w.current)?.name).toBe('R-17');
    const all = v.weeks.flatMap((w) => w.events);
    expect(all.find((e) => e.id === 'glance-spec-freeze')?.scope).toBe('team');
    expect(all.find((e) => e.id === 'i-rc1')?.date).toBe('2027-03-04');
  });

  it('accepts a release id for --series and refuses an unknown series', async () => {
    const v = await runJson<{ series: { name: string } }>([
      'schedule',
      '--series',
      '2026.2',
      '--date',
      '2026-11-27',
    ]);
    expect(v.series.name).toBe('hibiscus');
    const bad = await runCli(['schedule', '--series', 'zzz']);
    expect(bad.code).toBe(2);
    expect(bad.stderr).toMatch(/unknown series "zzz"; known: indri, hibiscus/);
  });

  it('writes an iCalendar file a real parser reads: all-day events, stable unique UIDs, links', async () => {
    const dir = tempDir();
    const file = join(dir, 'indri.ics');
    const r = await runCli(['schedule', '--date', '2026-11-27', '--ics', file, ...real]);
    expect(r.code).toBe(0);
    const events = parseIcs(readFileSync(file, 'utf8'));
    expect(events.length).toBeGreaterThan(20);
    expect(new Set(events.map((e) => e.uid)).size).toBe(events.length);
    for (const e of events) {
      expect(e.start.isDate, e.summary).toBe(true);
      expect(e.end.compare(e.start), e.summary).toBe(1);
      expect(e.url).toMatch(/^https:\/\/releases\.openstack\.org\//);
    }
    const m2 = events.find((e) => e.summary.includes('Indri-2 milestone'))!;
    expect(m2.start.toString()).toBe('2027-01-14');
    expect(m2.end.toString()).toBe('2027-01-15');
    expect(m2.summary).toBe('Indri R-10: Indri-2 milestone');
    const ptg = events.find((e) => e.summary.includes('PTG'))!;
    expect([ptg.start.toString(), ptg.end.toString()]).toEqual(['2026-10-12', '2026-10-17']);
    const team = events.filter((e) => e.categories === 'team');
    expect(team.map((e) => e.uid)).toContain('indri-glance-glance-spec-freeze@release-liaison');
    // a second export on another day keeps the UIDs, so calendars update in place
    const file2 = join(dir, 'again.ics');
    await runCli([
      'schedule',
      '--date',
      '2027-01-20',
      '--series',
      'indri',
      '--ics',
      file2,
      ...real,
    ]);
    expect(parseIcs(readFileSync(file2, 'utf8')).map((e) => e.uid)).toEqual(
      events.map((e) => e.uid),
    );
  });

  it('writes the same dates whatever the machine time zone', async () => {
    const dir = tempDir();
    const file = join(dir, 'tz.ics');
    const tz = process.env.TZ;
    process.env.TZ = 'Pacific/Kiritimati';
    try {
      await runCli(['schedule', '--date', '2026-11-27', '--ics', file]);
    } finally {
      if (tz === undefined) delete process.env.TZ;
      else process.env.TZ = tz;
    }
    const m2 = parseIcs(readFileSync(file, 'utf8')).find((e) =>
      e.summary.includes('Indri-2 milestone'),
    )!;
    expect(m2.start.toString()).toBe('2027-01-14');
  });
});

describe('liaison team', () => {
  it('lists glance deliverables, repositories, models and people', async () => {
    const t = await runJson<{
      people: { role: string; name: string; email: string }[];
      deliverables: {
        name: string;
        repos: string[];
        model: string | null;
        type: string | null;
        releaseManagement: string | null;
      }[];
    }>(['team', '--date', '2026-11-27', ...real]);
    expect(t.people.find((p) => p.role === 'ptl')).toMatchObject({
      name: 'Cyril Roelandt',
      email: 'cyril@redhat.com',
    });
    expect(t.people.find((p) => p.role === 'release-liaison')).toMatchObject({
      email: 'pdeore@redhat.com',
    });
    const store = t.deliverables.find((d) => d.name === 'glance-store')!;
    expect(store).toMatchObject({
      repos: ['openstack/glance_store'],
      model: 'cycle-with-intermediary',
      type: 'library',
    });
    expect(t.deliverables.find((d) => d.name === 'glance-specs')?.releaseManagement).toBe('none');
  });

  it('works for nova', async () => {
    const t = await runJson<{
      team: string;
      deliverables: { name: string; model: string | null }[];
    }>(['team', '--team', 'nova', '--date', '2026-11-27', ...real]);
    expect(t.team).toBe('nova');
    expect(t.deliverables.find((d) => d.name === 'nova')?.model).toBe('cycle-with-rc');
  });
});

import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { addDays, mondayOf, weekday } from '../../src/core/dates.js';
import { DiskTree } from '../../src/data/file-tree.js';
import { ReleasesData } from '../../src/data/releases/releases-data.js';
import { calendarInput } from '../../src/calendar/input.js';
import { positionAt } from '../../src/calendar/cycle.js';
import { scheduleEvents } from '../../src/calendar/events.js';
import { datesInText } from '../../src/calendar/explicit-dates.js';
import { RELEASES_DIR } from '../helpers/shared-data.js';

const data = new ReleasesData(new DiskTree(RELEASES_DIR, 'releases'), {
  repo: 'openstack/releases',
});
const input = calendarInput(data);
const RECENT = [
  'antelope',
  'bobcat',
  'caracal',
  'dalmatian',
  'epoxy',
  'flamingo',
  'gazpacho',
  'hibiscus',
  'indri',
];

describe('calendar engine on the real schedules', () => {
  it('has a schedule for every series from antelope to indri', () => {
    for (const s of RECENT) expect(input.schedules.get(s), s).toBeDefined();
  });

  it('puts the release week on the Monday of the coordinated release date', () => {
    for (const name of RECENT) {
      const series = input.series.find((s) => s.name === name)!;
      expect(mondayOf(series.initialRelease!), name).toBe(input.schedules.get(name)!.releaseWeek);
    }
  });

  it('dates every cross-project event by the Thursday rule, or by what its description states', () => {
    let checked = 0;
    let explicit = 0;
    for (const name of RECENT) {
      for (const e of scheduleEvents(input, name).filter((x) => x.scope === 'cross-project')) {
        checked++;
        const thursday = addDays(e.weekStart, 3);
        if (/^[a-z]-final$/.test(e.id)) {
          // the coordinated release is on the Wednesday of R+0 (series_status initial-release)
          expect(weekday(e.date), `${name} ${e.id}`).toBe(3);
          const owner = input.series.find((s) => s.name === input.labels.get(e.id)!.definedIn)!;
          expect(e.date).toBe(owner.initialRelease);
          continue;
        }
        if (e.date !== thursday) {
          explicit++;
          // only a date written in the event's own description may move it, within its week
          const stated = datesInText(input.labels.get(e.id)!.description);
          expect(stated, `${name} ${e.id} ${e.date}`).toContain(e.date);
          expect(e.date >= e.weekStart && e.date <= addDays(e.weekStart, 6)).toBe(true);
        }
      }
    }
    expect(checked).toBeGreaterThan(150);
    expect(explicit).toBeLessThan(checked / 5);
  });

  it('finds the series and week of any date', () => {
    const at = (d: string) => {
      const p = positionAt(input, d);
      return `${p.series.name} ${p.week}`;
    };
    expect(at('2026-11-27')).toBe('indri R-17');
    expect(at('2026-09-16')).toBe('hibiscus R-2');
    expect(at('2026-09-30')).toBe('hibiscus R+0');
    expect(at('2026-10-04')).toBe('hibiscus R+0'); // Sunday of the release week
    expect(at('2026-10-05')).toBe('indri R-24');
    expect(at('2027-03-24')).toBe('indri R+0');
    expect(at('2027-04-01')).toBe('indri R+1'); // after the newest known cycle
    expect(at('2023-03-22')).toBe('antelope R+0');
    expect(at('2025-08-28')).toBe('flamingo R-5');
    // every Monday from antelope's start to indri's release maps into a schedule week
    let day = input.schedules.get('antelope')!.startWeek;
    while (day <= '2027-03-22') {
      const p = positionAt(input, day);
      const week = input.schedules.get(p.series.name)!.weeks.find((w) => w.start === day);
      expect(week?.name ?? p.week, day).toBe(p.week);
      day = addDays(day, 7);
    }
  });

  it('resolves labels of another series (indri lists h-final on its release day)', () => {
    const hFinal = scheduleEvents(input, 'indri').find((e) => e.id === 'h-final');
    expect(hFinal).toMatchObject({ date: '2026-09-30', title: '2026.2 Hibiscus release' });
    expect(hFinal?.week).toBeUndefined();
  });

  it('reads explicit dates and ranges from descriptions', () => {
    expect(datesInText('From 12 to 16 October, 2026 we will meet')).toEqual([
      '2026-10-12',
      '2026-10-16',
    ]);
    expect(datesInText('by this date (August 19th, 2026 at 00:00 UTC)')).toEqual(['2026-08-19']);
    expect(datesInText('19 November, 2026 is the Indri-1 milestone')).toEqual(['2026-11-19']);
    expect(datesInText('The week of 1 March, 2027 is the target')).toEqual([]);
    expect(datesInText('no date here, 31 February, 2026 is not one')).toEqual([]);
  });

  it('gives the indri events the reference lists', () => {
    const byId = new Map(scheduleEvents(input, 'indri').map((e) => [e.id, e]));
    expect(byId.get('i-vptg')).toMatchObject({
      date: '2026-10-12',
      endDate: '2026-10-16',
      week: 'R-23',
    });
    expect(byId.get('i-1')).toMatchObject({ date: '2026-11-19', week: 'R-18' });
    expect(byId.get('i-cycle-trail')).toMatchObject({ date: '2026-12-03', week: 'R-16' });
    expect(byId.get('i-2')).toMatchObject({ date: '2027-01-14', week: 'R-10' });
    expect(byId.get('i-final-lib')).toMatchObject({ date: '2027-02-11', week: 'R-6' });
    expect(byId.get('i-rc1')).toMatchObject({ date: '2027-03-04', week: 'R-3' });
    expect(byId.get('i-final')).toMatchObject({ date: '2027-03-24', week: 'R+0' });
  });

  it('merges a label repeated over consecutive weeks into one spanning event', () => {
    const voting = scheduleEvents(input, 'hibiscus').filter((e) => e.id === 'i-election-voting');
    expect(voting).toHaveLength(1);
    expect(voting[0]).toMatchObject({ date: '2026-09-03', endDate: '2026-09-17', week: 'R-4' });
  });

  it('takes the team of a project-specific event from the RST section', () => {
    const events = scheduleEvents(input, 'hibiscus').filter((e) => e.scope === 'project-specific');
    expect(events.find((e) => e.id === 'h-openstackclient-freeze')?.team).toBe('OpenStackSDK');
    expect(events.find((e) => e.id === 'h-manila-bugsquash')?.team).toBe('Manila');
  });
});

describe('schedule labels', () => {
  it('match the extracted label map for antelope..indri', () => {
    const derived = parse(
      readFileSync(join(RELEASES_DIR, 'derived/schedule-labels.yaml'), 'utf8'),
    ) as Record<string, { label: string; title: string; section: string; group?: string }[]>;
    let n = 0;
    for (const [series, labels] of Object.entries(derived)) {
      for (const l of labels) {
        const mine = data.labels().get(l.label);
        expect(mine, `${series} ${l.label}`).toBeDefined();
        if (mine!.definedIn !== series) continue; // a later series redefined the label
        expect(
          { title: mine!.title, section: mine!.section, group: mine!.group },
          `${series} ${l.label}`,
        ).toEqual({
          title: l.title,
          section: l.section,
          group: l.group,
        });
        n++;
      }
    }
    expect(n).toBeGreaterThan(200);
  });
});

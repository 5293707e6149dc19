import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { runCli, runJson } from '../helpers/cli.js';
import { tempDir } from '../helpers/tmp.js';

interface ScheduleJson {
  weeks: {
    name: string | null;
    start: string;
    events: { id: string; date: string; endDate: string | null; scope: string }[];
  }[];
}
interface CountdownJson {
  week: string;
  weekStart: string;
  weekEnd: string;
  template: string;
  series: { name: string; releaseDate: string };
  deadlines: {
    label: string;
    date: string;
    endDate: string | null;
    week: string | null;
    thisWeek: boolean;
  }[];
  omitted: { section: string; placeholder: string }[];
}

const HEADINGS = ['Development Focus', 'General Information', 'Upcoming Deadlines & Dates'];

/** Every date of the cross-project events in the schedules of a series and the next. */
async function scheduleDates(series: string[], date: string): Promise<Set<string>> {
  const out = new Set<string>();
  for (const s of series) {
    const v = await runJson<ScheduleJson>(['schedule', '--series', s, '--date', date]);
    for (const w of v.weeks)
      for (const e of w.events) {
        if (e.scope !== 'cross-project') continue;
        out.add(e.date);
        if (e.endDate) out.add(e.endDate);
      }
  }
  return out;
}

/** The headings of a plain-text countdown: a line underlined with dashes. */
function headings(text: string): string[] {
  const lines = text.split('\n');
  return lines.filter(
    (l, i) => l !== '' && /^-+$/.test(lines[i + 1] ?? '') && lines[i + 1]!.length === l.length,
  );
}

describe('liaison countdown', () => {
  it('writes the R-6 e-mail of hibiscus with the three sections and its real dates', async () => {
    const r = await runCli(['countdown', '--date', '2026-08-20']);
    expect(r.code, r.stderr).toBe(0);
    const text = r.stdout;
    expect(text).toMatch(
      /^Subject: \[release\] Release countdown for week R-6, 2026-08-17 to 2026-08-21$/m,
    );
    for (const h of HEADINGS) expect(headings(text)).toContain(h);
    expect(headings(text).slice(0, 3)).toEqual(HEADINGS);
    // no placeholder left unfilled
    expect(text).not.toMatch(/\{[A-Za-z-]+(:[^}]*)?\}/);
    // a long line is wrapped with a two-space indent: read it as one
    const flat = text.replace(/\n {2}(?=\S)/g, ' ');
    expect(flat).toMatch(
      /^Final release for non-client libraries: Thursday 2026-08-20 \(R-6 week\) - this week$/m,
    );
    expect(flat).toMatch(/^Final release for client libraries: Thursday 2026-08-27 \(R-5 week\)$/m);
    expect(flat).toMatch(/^Hibiscus-3 milestone: Thursday 2026-08-27 \(R-5 week\)$/m);
    expect(flat).toMatch(/^RC1 target week: Thursday 2026-09-10 \(R-3 week\)$/m);
    expect(flat).toMatch(/^2026\.2 Hibiscus release: Wednesday 2026-09-30 \(R\+0 week\)$/m);
    expect(text).toMatch(/non-client library\s+freeze/);

    // every date the e-mail names is a date of the schedule (or the week's own Monday and Friday)
    const known = await scheduleDates(['hibiscus', 'indri'], '2026-08-20');
    known.add('2026-08-17');
    known.add('2026-08-21');
    // (the teams' section names the windows of their actions, checked below against the actions)
    const sections = text.slice(0, text.indexOf('Teams with release actions due'));
    const named = [...sections.matchAll(/\b(\d{4}-\d{2}-\d{2})\b/g)].map((m) => m[1]!);
    expect(named.length).toBeGreaterThan(10);
    for (const d of named) expect(known, `${d} is not a schedule date`).toContain(d);
  });

  it('lists the teams with due or overdue release actions, as the OpenStack view has them', async () => {
    const v = await runJson<{
      teams: { name: string; due: { id: string }[]; overdue: { id: string }[] }[];
    }>(['countdown', '--date', '2026-08-20']);
    const os = await runJson<{
      teams: { name: string; actions: { id: string; state: string }[] }[];
    }>(['openstack', '--date', '2026-08-20', '--state', 'due,overdue']);
    expect(v.teams.map((t) => t.name)).toEqual(os.teams.map((t) => t.name));
    expect(v.teams.length).toBeGreaterThan(5);
    for (const t of v.teams) {
      const actions = os.teams.find((x) => x.name === t.name)!.actions;
      expect(t.due.map((a) => a.id).sort()).toEqual(
        actions
          .filter((a) => a.state === 'due')
          .map((a) => a.id)
          .sort(),
      );
      expect(t.overdue.map((a) => a.id).sort()).toEqual(
        actions
          .filter((a) => a.state === 'overdue')
          .map((a) => a.id)
          .sort(),
      );
    }
    // glance-store's final release is due in the non-client library freeze week
    expect(v.teams.find((t) => t.name === 'glance')?.due.map((a) => a.id)).toContain(
      'glance-store:final-library',
    );
    const text = await runCli(['countdown', '--date', '2026-08-20']);
    expect(text.stdout).toMatch(
      /^\* glance: .*due: glance-store:final-library \(2026-08-03 to\s+2026-08-21\)/ms,
    );
    for (const line of text.stdout.split('\n').slice(1))
      expect(line.length, line).toBeLessThanOrEqual(72);
  });

  it('checks the deadlines of the JSON view against the schedule', async () => {
    const v = await runJson<CountdownJson>(['countdown', '--date', '2026-08-20']);
    expect(v).toMatchObject({ week: 'R-6', template: 'final-lib', series: { name: 'hibiscus' } });
    const s = await runJson<ScheduleJson>([
      'schedule',
      '--series',
      'hibiscus',
      '--date',
      '2026-08-20',
    ]);
    const byLabel = new Map(
      s.weeks.flatMap((w) => w.events.map((e) => [e.id, { date: e.date, week: w.name }] as const)),
    );
    for (const d of v.deadlines.filter((x) => x.label.startsWith('h-'))) {
      expect(byLabel.get(d.label)?.date, d.label).toBe(d.date);
      expect(byLabel.get(d.label)?.week, d.label).toBe(d.week);
    }
    expect(v.deadlines.map((d) => d.label)).toEqual(
      expect.arrayContaining([
        'h-final-lib',
        'h-final-clientlib',
        'h-3',
        'h-ff',
        'h-rc1',
        'h-finalrc',
        'h-final',
      ]),
    );
    expect(v.deadlines.filter((d) => d.thisWeek).map((d) => d.label)).toContain('h-final-lib');
    expect(v.omitted).toEqual([]);
  });

  it('has the three sections and no raw placeholder in every week of hibiscus and indri', async () => {
    const seen = new Set<string>();
    for (
      let t = Date.parse('2026-04-06T00:00:00Z');
      t <= Date.parse('2027-03-22T00:00:00Z');
      t += 7 * 86_400_000
    ) {
      const date = new Date(t).toISOString().slice(0, 10);
      const r = await runCli(['countdown', '--date', date]);
      expect(r.code, `${date}: ${r.stderr}`).toBe(0);
      expect(
        headings(r.stdout)
          .filter((h) => h !== 'Actions')
          .slice(0, 3),
        date,
      ).toEqual(HEADINGS);
      expect(r.stdout, date).not.toMatch(/\{[A-Za-z-]+(:[^}]*)?\}/);
      const v = await runJson<CountdownJson>(['countdown', '--date', date]);
      seen.add(v.template);
    }
    // every week kind of the process has its own e-mail
    for (const id of [
      'cycle-start',
      'before-milestone-1',
      'milestone-1',
      'milestone-1-to-2',
      'before-milestone-2',
      'milestone-2',
      'milestone-2-to-freezes',
      'countdown-start',
      'extra-ac',
      'final-lib',
      'milestone-3',
      'cycle-highlights',
      'rc1',
      'after-rc1',
      'final-rc',
      'release-week',
    ])
      expect(seen, id).toContain(id);
  });

  it('leaves out a paragraph whose placeholder the schedule cannot fill, and says which', async () => {
    // indri is the newest series: its R-1 e-mail cannot name the next series or its PTG
    const v = await runJson<CountdownJson & { general: string[] }>([
      'countdown',
      '--date',
      '2027-03-17',
    ]);
    expect(v.template).toBe('final-rc');
    expect(v.omitted.map((o) => o.placeholder)).toEqual(
      expect.arrayContaining(['{next-Series}', '{title:next:x-vptg|x-ptg}']),
    );
    expect(v.general.join('\n')).not.toMatch(/\{/);
    // hibiscus' R-1 e-mail can: indri's virtual PTG
    const h = await runJson<CountdownJson & { general: string[] }>([
      'countdown',
      '--date',
      '2026-09-22',
    ]);
    expect(h.omitted).toEqual([]);
    expect(h.general.join('\n')).toMatch(/Indri cycle/);
  });

  it('renders Markdown with the same sections', async () => {
    const r = await runCli(['countdown', '--date', '2026-08-20', '--format', 'md']);
    expect(r.code).toBe(0);
    for (const h of HEADINGS) expect(r.stdout).toContain(`## ${h}`);
    expect(r.stdout).toMatch(/^- Final release for non-client libraries: Thursday 2026-08-20/m);
  });

  it('refuses a template with an unknown placeholder, naming the file and field', async () => {
    const dir = tempDir();
    const file = join(dir, 't.yaml');
    writeFileSync(file, 'templates:\n  - id: x\n    focus: "Hello {serie}"\n    general: "ok"\n');
    const r = await runCli(['countdown', '--date', '2026-08-20', '--templates', file]);
    expect(r.code).toBe(2);
    expect(r.stderr).toContain(`${file}: templates[0].focus: unknown placeholder {serie}`);
    const bad = await runCli(['countdown', '--date', '2026-08-20', '--format', 'html']);
    expect(bad.code).toBe(2);
    expect(bad.stderr).toMatch(/--format html: expected text or md/);
  });
});

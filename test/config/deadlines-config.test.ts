import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { parseDeadlineExpr, resolveDeadline } from '../../src/calendar/deadline-expr.js';
import { calendarInput } from '../../src/calendar/input.js';
import { teamCycleEvents } from '../../src/calendar/team-events.js';
import { builtinConfigPath, parseConfig } from '../../src/config/load.js';
import { ConfigError } from '../../src/core/errors.js';
import { DiskTree } from '../../src/data/file-tree.js';
import { ReleasesData } from '../../src/data/releases/releases-data.js';
import { runCli, runJson } from '../helpers/cli.js';
import { RELEASES_DIR } from '../helpers/shared-data.js';
import { tempDir } from '../helpers/tmp.js';

const input = calendarInput(
  new ReleasesData(new DiskTree(RELEASES_DIR, 'releases'), { repo: 'openstack/releases' }),
);

function resolve(text: string, series = 'indri'): string {
  const p = parseDeadlineExpr(text);
  if (!p.ok) throw new Error(p.error);
  const r = resolveDeadline(input, p.expr, series);
  if (!r.ok) throw new Error(r.error);
  return `${r.date} ${r.week ?? ''}`.trim();
}

describe('team deadline expressions', () => {
  it('resolves weeks, events, offsets and dates', () => {
    expect(resolve('R-16')).toBe('2026-12-03 R-16');
    expect(resolve('i-2')).toBe('2027-01-14 R-10');
    expect(resolve('i-2 -1w')).toBe('2027-01-07 R-11');
    expect(resolve('R-5 +2d')).toBe('2027-02-20 R-5');
    expect(resolve('i-final')).toBe('2027-03-24 R+0');
    expect(resolve('2027-01-07')).toBe('2027-01-07 R-11');
    expect(resolve('R+2')).toBe('2027-04-08 R+2');
  });

  it('follows the series letter, so one config serves every cycle', () => {
    expect(resolve('i-2', 'hibiscus')).toBe('2026-07-02 R-13');
    expect(resolve('h-final', 'indri')).toBe('2026-09-30 R-25');
  });

  it('rejects malformed expressions with a reason', () => {
    for (const bad of ['R16', 'next week', 'i-2 -1x', '2027-02-30', 'i-2 - 1w', '']) {
      const p = parseDeadlineExpr(bad);
      expect(p.ok, bad).toBe(false);
    }
  });

  it('skips a fixed date outside the cycle and refuses an unknown event', () => {
    const p = parseDeadlineExpr('2026-06-01');
    expect(p.ok && resolveDeadline(input, p.expr, 'indri')).toMatchObject({
      ok: false,
      reason: 'not-in-series',
    });
    const q = parseDeadlineExpr('i-nosuch');
    expect(q.ok && resolveDeadline(input, q.expr, 'indri')).toMatchObject({
      ok: false,
      reason: 'unknown-event',
    });
    expect(() =>
      teamCycleEvents(
        input,
        'indri',
        'glance',
        [{ id: 'x', title: 'X', when: 'i-nosuch' }],
        'my.yaml',
      ),
    ).toThrow(/my.yaml: deadlines\[0\]\.when: event "i-nosuch" is not in the indri schedule/);
  });
});

describe('team config', () => {
  it('names file, line and field for a bad deadline', () => {
    const text =
      'team: glance\ndeadlines:\n  - id: a\n    title: A\n    when: R-3\n  - id: b\n    title: B\n    when: tomorrow\n';
    try {
      parseConfig(text, 'liaison.yaml');
      expect.unreachable();
    } catch (e) {
      expect(e).toBeInstanceOf(ConfigError);
      expect((e as Error).message).toMatch(
        /^liaison\.yaml:8: deadlines\[1\]\.when: "tomorrow" is not a deadline/,
      );
    }
  });

  it('refuses an unknown key, naming it and its line', () => {
    expect(() => parseConfig('team: glance\ndeadline: []\n', 'c.yaml')).toThrow(
      /^c\.yaml:2: \(top level\): unknown key "deadline"/,
    );
  });

  it('reports malformed YAML with its line', () => {
    expect(() => parseConfig('team: glance\ndeadlines: [\n  - x: y\n', 'c.yaml')).toThrow(
      /^c\.yaml(:\d+)?: invalid YAML/,
    );
  });

  it('validates the built-in Glance config and applies defaults', () => {
    const file = builtinConfigPath('glance');
    const config = parseConfig(readFileSync(file, 'utf8'), file);
    expect(config.team).toBe('glance');
    expect(config.deadlines.map((d) => d.id)).toContain('glance-spec-freeze');
    expect(config.deadlines.every((d) => d.owner !== undefined)).toBe(true);
    // every built-in deadline resolves in the current and the next cycle
    for (const series of ['hibiscus', 'indri']) {
      expect(
        teamCycleEvents(input, series, 'glance', config.deadlines).filter(
          (e) => e.scope === 'team',
        ),
      ).toHaveLength(config.deadlines.length);
    }
  });

  it('uses a config file from the working directory and its deadlines in the brief', async () => {
    const dir = tempDir();
    writeFileSync(
      join(dir, 'liaison.yaml'),
      'team: glance\ndeadlines:\n  - id: glance-cake\n    title: Cake day\n    when: i-2 -1w\n    owner: Jane Doe\n',
    );
    const b = await runJson<{
      upcoming: { id: string; date: string; owner: string; scope: string }[];
    }>(['brief', '--date', '2026-11-27', '--weeks', '10'], { cwd: dir });
    expect(b.upcoming.find((e) => e.id === 'glance-cake')).toMatchObject({
      date: '2027-01-07',
      owner: 'Jane Doe',
      scope: 'team',
    });
    expect(b.upcoming.find((e) => e.id === 'glance-spec-freeze')).toBeUndefined();
  });

  it('exits 2 with one line naming the file for a broken config', async () => {
    const dir = tempDir();
    writeFileSync(
      join(dir, 'liaison.yaml'),
      'team: glance\ndeadlines:\n  - id: x\n    title: X\n    when: R-99x\n',
    );
    const r = await runCli(['brief', '--date', '2026-11-27'], { cwd: dir });
    expect(r.code).toBe(2);
    expect(r.stderr.trim().split('\n')).toHaveLength(1);
    expect(r.stderr).toContain(`${join(dir, 'liaison.yaml')}:5: deadlines[0].when`);
  });
});

describe('liaison init', () => {
  it('writes the Glance config, refuses to overwrite, and a starter for another team', async () => {
    const dir = tempDir();
    const file = join(dir, 'liaison.yaml');
    expect((await runCli(['init'], { cwd: dir })).code).toBe(0);
    const again = await runCli(['init'], { cwd: dir });
    expect(again.code).toBe(1);
    expect(again.stderr).toContain('exists; use --force');
    const nova = await runCli(['init', '--team', 'nova', '--output', 'nova.yaml'], { cwd: dir });
    expect(nova.code).toBe(0);
    const b = await runJson<{ team: string }>([
      'brief',
      '--config',
      join(dir, 'nova.yaml'),
      '--date',
      '2026-11-27',
    ]);
    expect(b.team).toBe('nova');
    expect(file).toBeTruthy();
  });
});

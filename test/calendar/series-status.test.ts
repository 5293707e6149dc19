import { describe, expect, it } from 'vitest';
import { DiskTree } from '../../src/data/file-tree.js';
import { ReleasesData } from '../../src/data/releases/releases-data.js';
import type { Series } from '../../src/data/releases/series.js';
import { developmentStart, seriesStatusAt } from '../../src/calendar/series-status.js';
import { runJson } from '../helpers/cli.js';
import { RELEASES_DIR } from '../helpers/shared-data.js';

const data = new ReleasesData(new DiskTree(RELEASES_DIR, 'releases'), {
  repo: 'openstack/releases',
});
const list = data.series();
const DATA_DATE = '2026-08-21';
const at = (name: string, date: string) =>
  seriesStatusAt(
    list,
    list.find((s) => s.name === name)!,
    date,
    DATA_DATE,
  );

describe('series status at a date follows the schedule, not the stored status', () => {
  it('gazpacho was in development before its 2026-04-01 release (stored: maintained)', () => {
    expect(at('gazpacho', '2026-03-10')).toBe('development');
    expect(at('gazpacho', '2026-03-31')).toBe('development');
    expect(at('gazpacho', '2026-04-01')).toBe('maintained');
  });

  it('indri is future until 2026-10-01, development until 2027-03-24, then maintained', () => {
    expect(at('indri', '2026-09-30')).toBe('future');
    expect(at('indri', '2026-10-01')).toBe('development');
    expect(at('indri', '2027-03-23')).toBe('development');
    expect(at('indri', '2027-03-30')).toBe('maintained');
  });

  it('later phases start on the dates the data gives', () => {
    expect(at('epoxy', '2026-10-01')).toBe('maintained');
    expect(at('epoxy', '2026-10-02')).toBe('unmaintained');
    expect(at('flamingo', '2027-04-28')).toBe('end of life');
    expect(at('dalmatian', '2026-04-28')).toBe('maintained');
    expect(at('dalmatian', '2026-04-29')).toBe('end of life');
  });

  it('an undated later phase (caracal unmaintained) holds from the data date on', () => {
    expect(at('caracal', '2026-09-01')).toBe('unmaintained');
    expect(at('caracal', '2025-01-10')).toBe('maintained');
    expect(at('caracal', '2024-03-01')).toBe('development');
  });

  it('development starts the day after the previous release unless next-phase dates it', () => {
    const s = (n: string) => list.find((x) => x.name === n)!;
    expect(developmentStart(list, s('hibiscus'))).toBe('2026-04-02');
    expect(developmentStart(list, s('indri'))).toBe('2026-10-01');
  });

  it('a series without release date keeps its stored status', () => {
    const old: Series = { name: 'austin', status: 'end of life', slurp: false };
    expect(seriesStatusAt([old], old, '2026-01-01')).toBe('end of life');
  });
});

describe('brief shows the status at --date', () => {
  it('--date 2026-03-10: gazpacho in development', async () => {
    const b = await runJson<{ series: { name: string; status: string } }>([
      'brief',
      '--date',
      '2026-03-10',
    ]);
    expect(b.series).toMatchObject({ name: 'gazpacho', status: 'development' });
  });

  it('--date 2027-03-30: indri maintained after its release', async () => {
    const b = await runJson<{ series: { name: string; status: string } }>([
      'brief',
      '--date',
      '2027-03-30',
    ]);
    expect(b.series).toMatchObject({ name: 'indri', status: 'maintained' });
  });
});

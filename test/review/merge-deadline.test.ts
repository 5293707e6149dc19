import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { weekday } from '../../src/core/dates.js';
import { mergeAfterDate, mergeDeadline } from '../../src/review/plan-deadline.js';
import { packageRoot } from '../../src/core/package-root.js';

/**
 * Issue 13 item 7: the review desk reads every merge-deadline phrasing of
 * the release team's automatic proposals. The fixture holds real paragraphs
 * of their commit messages (one per phrasing and half-year); against the
 * whole openstack/releases history `bench/merge-deadlines.mjs` counts them
 * all (bench/RESULTS.md).
 */
interface Example {
  readonly commit: string;
  readonly date: string;
  readonly expect: string;
  readonly text: string;
}

function examples(): Example[] {
  const text = readFileSync(
    join(packageRoot(), 'test/fixtures/merge-deadlines/messages.txt'),
    'utf8',
  );
  return text
    .split(/^--- /m)
    .slice(1)
    .map((block) => {
      const [head = '', ...lines] = block.split('\n');
      const [commit = '', date = '', , expected = ''] = head.split(' ');
      return { commit, date, expect: expected, text: lines.join('\n') };
    });
}

const WEEKDAYS = ['Monday', 'Tuesday', 'Wednesday', 'Thursday', 'Friday'];

describe('merge deadlines of the release team’s automatic proposals', () => {
  const all = examples();

  it('has real examples of every phrasing', () => {
    expect(all.length).toBeGreaterThanOrEqual(40);
    const forms = [
      /merged\s+on\s+Friday,\s+\w+ \d+/,
      /merged\s+after\s+Thursday/,
      /merged on April 1st/,
      /processed after July/,
      /this will be after\s+Thursday/,
      /merged\s+early next week/,
      /merged by early Friday/,
      /merged by Friday, \d{4}\/\d\d\/\d\d/,
      /merged by Friday, 08/,
      /before\s+Friday/,
      /by afte Thursday/,
    ];
    for (const f of forms)
      expect(
        all.some((e) => f.test(e.text)),
        String(f),
      ).toBe(true);
  });

  it.each(examples().map((e) => [`${e.commit} (${e.date})`, e] as const))('reads %s', (_, e) => {
    const got = mergeDeadline([e.text], e.date);
    expect(got?.date).toBe(e.expect);
    // the weekday the text names is the deadline's
    const named = WEEKDAYS.findIndex((w) =>
      new RegExp(`(?:on|after|afte|by|early|before)\\s+${w}`).test(e.text.replace(/\s+/g, ' ')),
    );
    if (named >= 0) expect(weekday(got!.date)).toBe(named + 1);
  });

  it('says which word the text uses', () => {
    expect(
      mergeDeadline(['…then this will be merged\non Friday, March 13th.'], '2026-03-09'),
    ).toEqual({ date: '2026-03-13', word: 'on' });
    expect(
      mergeDeadline(['…will be merged after Thursday, February 26th.'], '2026-02-23')?.word,
    ).toBe('after');
  });

  it('takes the year from the change date, across the new year', () => {
    expect(mergeDeadline(['…will be merged on Friday, January 8th.'], '2026-12-28')?.date).toBe(
      '2027-01-08',
    );
    expect(mergeDeadline(['…will be merged on December 30th.'], '2027-01-04')?.date).toBe(
      '2026-12-30',
    );
    // a template copied from the year before keeps its old weekday: the date stays near the change
    expect(
      mergeDeadline(
        ['Patches with no response will be merged by Thursday, September 17.'],
        '2021-09-14',
      )?.date,
    ).toBe('2021-09-17');
  });

  it('finds nothing where no date is given, and keeps the older forms', () => {
    expect(mergeDeadline(['This release will be merged on master soon.'], '2026-03-09')).toBe(
      undefined,
    );
    expect(mergeDeadline(['It will be merged after the deadline.'], '2026-03-09')).toBe(undefined);
    expect(mergeAfterDate(['…it will be merged after May 14th, 2026.'])).toBe('2026-05-14');
    expect(mergeAfterDate(['…merged after Thursday, May 14.'], 2026)).toBe('2026-05-14');
  });
});

import { describe, expect, test } from 'vitest';
import { nextMilestone, planBugs } from '../../src/bugs/plan.js';
import { parseBug, parseMilestonePage, parseTaskPage } from '../../src/sources/launchpad/parse.js';
import type { StoredTask } from '../../src/sources/launchpad/store.js';
import { sampleJson } from '../helpers/service-stub.js';

describe('Launchpad bodies (recorded shapes)', () => {
  test('a searchTasks page: bug id from bug_link, the bug title out of the task title, milestone name, paging keys', () => {
    const page = parseTaskPage(sampleJson('launchpad-searchtasks-glance.json'));
    expect(page.entries.map((t) => t.bugId)).toEqual([2157431, 2157602, 2157788, 2157011, 2156320]);
    expect(page.entries[0]).toMatchObject({
      title: 'web-download import leaves image in importing after staging failure',
      target: 'glance',
      status: 'In Progress',
      importance: 'High',
      milestone: 'hibiscus-rc2',
    });
    expect(page.entries[2]?.milestone).toBeUndefined();
    expect(page.next).toMatch(/ws\.start=5/);
    expect(page.totalSize).toBeUndefined();
    expect(page.totalSizeLink).toMatch(/ws\.show=total_size/);
    const last = parseTaskPage(sampleJson('launchpad-searchtasks-glance-page2.json'));
    expect([last.next, last.totalSize]).toEqual([undefined, 7]);
  });

  test('a bug carries the tags (tasks do not); times become UTC instants', () => {
    const bug = parseBug(sampleJson('launchpad-bug-2157431.json'));
    expect(bug).toMatchObject({
      id: 2157431,
      tags: ['hibiscus-rc-potential', 'import'],
      lastUpdated: '2026-09-16T13:05:12.448Z',
    });
  });

  test('a wrong shape is a source error naming the field', () => {
    expect(() => parseTaskPage({ entries: [{ title: 'x' }] })).toThrow(
      /Launchpad: searchTasks: entries\[0\]: field "bug_link" is not a string/,
    );
    expect(() => parseBug({ id: 1, title: 't', tags: 'a,b' })).toThrow(
      /"tags" is not a list of strings/,
    );
    expect(() => parseTaskPage([])).toThrow(/expected a collection object/);
  });
});

describe('bug rules', () => {
  const milestones = parseMilestonePage(sampleJson('launchpad-milestones-glance.json')).entries;

  test('next milestone: the earliest active, unreleased one of the series from today', () => {
    expect(nextMilestone(milestones, 'hibiscus', '2026-09-16')?.name).toBe('hibiscus-rc2');
    expect(nextMilestone(milestones, 'hibiscus', '2026-09-25')?.name).toBe('33.0.0');
    // after the series' last milestone, the next series' one
    expect(nextMilestone(milestones, 'hibiscus', '2026-10-05')?.name).toBe('indri-1');
    expect(nextMilestone(milestones, 'indri', '2026-09-16')?.name).toBe('indri-1');
  });

  const task = (over: Partial<StoredTask>): StoredTask => ({
    project: 'glance',
    bugId: 1,
    title: 't',
    target: 'glance',
    status: 'Confirmed',
    importance: 'Medium',
    tags: [],
    ...over,
  });

  test('one row per bug across projects; rc-critical by tag or Critical importance, never when closed', () => {
    const items = planBugs(
      [
        task({
          project: 'glance-store',
          bugId: 10,
          tags: ['hibiscus-rc-potential'],
          importance: 'Low',
        }),
        task({
          project: 'glance',
          bugId: 10,
          tags: ['hibiscus-rc-potential'],
          importance: 'Low',
          milestone: 'hibiscus-rc2',
        }),
        task({ bugId: 11, importance: 'Critical' }),
        task({ bugId: 12, tags: ['hibiscus-rc-potential'], status: 'Fix Released' }),
        task({ bugId: 13, status: 'Fix Committed' }),
        task({ bugId: 14, milestone: 'hibiscus-rc1' }),
        task({ bugId: 15, tags: ['gazpacho-rc-potential'] }),
      ],
      {
        codename: 'hibiscus',
        nextMilestones: new Map([['glance', 'hibiscus-rc2']]),
        projects: ['glance', 'glance-store'],
      },
    );
    expect(items.map((i) => [i.id, i.rcCritical, i.targeted, i.fixCommitted])).toEqual([
      [11, true, false, false],
      [10, true, true, false],
      [13, false, false, true],
    ]);
    const ten = items.find((i) => i.id === 10);
    expect(ten).toMatchObject({
      project: 'glance',
      projects: ['glance', 'glance-store'],
      milestone: 'hibiscus-rc2',
    });
    expect(ten?.reasons).toEqual(['tagged hibiscus-rc-potential', 'targeted to hibiscus-rc2']);
  });
});

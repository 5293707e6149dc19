import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { runCli, runJson } from '../helpers/cli.js';
import { RELEASES_DIR, GOVERNANCE_DIR } from '../helpers/shared-data.js';
import { tempDir } from '../helpers/tmp.js';

interface Item {
  id: string;
  phase: string;
  title: string;
  due: string;
  owner: string;
  state: string;
  evidence: string | null;
}
interface Checklist {
  series: string;
  items: Item[];
  counts: Record<string, number>;
}
const real = ['--releases-repo', RELEASES_DIR, '--governance-repo', GOVERNANCE_DIR];
/** `liaison checklist` on the shared data at a date, with a store of its own. */
const freshChecklist = (date: string, ...more: string[]) => [
  'checklist',
  ...more,
  '--date',
  date,
  '--db',
  join(tempDir(), 'l.db'),
  ...real,
];

describe('liaison checklist', () => {
  it('resolves every due date from the indri schedule and says what is overdue on 2026-11-27', async () => {
    const v = await runJson<Checklist>(freshChecklist('2026-11-27'));
    expect(v.series).toBe('indri');
    const by = new Map(v.items.map((i) => [i.id, i]));
    expect(by.get('m1-libraries')).toMatchObject({
      phase: 'm1',
      due: '2026-11-19',
      owner: 'liaison',
      state: 'overdue',
    });
    expect(by.get('m2-beta')).toMatchObject({ due: '2027-01-14', state: 'open' });
    expect(by.get('store-changes-landed')?.due).toBe('2027-02-04'); // i-final-lib -1w
    expect(by.get('cycle-highlights')?.due).toBe('2027-02-25');
    expect(by.get('rc1-with-branch')?.due).toBe('2027-03-04');
    expect(by.get('ack-final')?.due).toBe('2027-03-22'); // Wednesday release minus two days
    expect(by.get('team-deadlines')).toMatchObject({ state: 'auto-done' });
    expect(Object.keys(v.items[0]!)).toEqual(
      expect.arrayContaining(['id', 'phase', 'title', 'due', 'owner', 'state', 'evidence']),
    );
    const phases = [...new Set(v.items.map((i) => i.phase))];
    expect(phases).toEqual([
      'before-ptg',
      'ptg-to-m1',
      'm1',
      'm1-to-m2',
      'm2',
      'm2-to-m3',
      'm3',
      'm3-to-rc1',
      'rc1-week',
      'rc1-to-final',
      'final',
      'post-final',
    ]);
  });

  it('ticks items automatically from the hibiscus deliverable files', async () => {
    const v = await runJson<Checklist>(freshChecklist('2026-09-20', '--series', 'hibiscus'));
    const by = new Map(v.items.map((i) => [i.id, i]));
    expect(by.get('m2-beta')).toMatchObject({
      state: 'auto-done',
      evidence: 'glance 33.0.0.0b2 in deliverables/hibiscus/glance.yaml',
    });
    expect(by.get('rc1-with-branch')).toMatchObject({
      state: 'overdue',
      evidence: 'stable/2026.2 not requested in deliverables/hibiscus/glance.yaml',
    });
    const gaz = await runJson<Checklist>(freshChecklist('2026-05-01', '--series', 'gazpacho'));
    const g = new Map(gaz.items.map((i) => [i.id, i]));
    expect(g.get('rc1-with-branch')).toMatchObject({
      state: 'auto-done',
      evidence: 'stable/2026.1 at 32.0.0.0rc1 in deliverables/gazpacho/glance.yaml',
    });
    expect(g.get('ack-final')).toMatchObject({
      state: 'auto-done',
      evidence: 'glance 32.0.0 in deliverables/gazpacho/glance.yaml',
    });
    expect(g.get('cycle-highlights')?.state).toBe('overdue'); // none were submitted for gazpacho
  });

  it('records done with who and --date, and undo, in the store; --phase filters', async () => {
    const db = join(tempDir(), 'l.db');
    const done = await runJson<{ state: string; by: string; on: string }>([
      'checklist',
      'done',
      'm1-libraries',
      '--by',
      'Pranali',
      '--date',
      '2026-11-27',
      '--db',
      db,
    ]);
    expect(done).toMatchObject({ state: 'done', by: 'Pranali', on: '2026-11-27' });
    const v = await runJson<Checklist>([
      'checklist',
      '--phase',
      'm1',
      '--date',
      '2026-11-28',
      '--db',
      db,
    ]);
    expect(v.items.map((i) => i.phase)).toEqual(['m1', 'm1']);
    expect(v.items.find((i) => i.id === 'm1-libraries')).toMatchObject({
      state: 'done',
      evidence: 'ticked by Pranali on 2026-11-27',
    });
    await runJson(['checklist', 'undo', 'm1-libraries', '--date', '2026-11-28', '--db', db]);
    const after = await runJson<Checklist>([
      'checklist',
      '--phase',
      'm1',
      '--date',
      '2026-11-28',
      '--db',
      db,
    ]);
    expect(after.items.find((i) => i.id === 'm1-libraries')?.state).toBe('overdue');
  });

  it('refuses unknown items and phases with exit 2', async () => {
    const db = join(tempDir(), 'l.db');
    const r = await runCli([
      'checklist',
      'done',
      'no-such-item',
      '--date',
      '2026-11-27',
      '--db',
      db,
    ]);
    expect(r.code).toBe(2);
    expect(r.stderr).toContain('no checklist item "no-such-item" in indri');
    const p = await runCli(['checklist', '--phase', 'm4', '--date', '2026-11-27', '--db', db]);
    expect(p.code).toBe(2);
    expect(p.stderr).toContain('--phase m4');
  });

  it('lets a team override, remove and add items in liaison.yaml', async () => {
    const dir = tempDir();
    writeFileSync(
      join(dir, 'liaison.yaml'),
      [
        'team: glance',
        'checklists:',
        '  remove: [ptg-topics]',
        '  items:',
        '    - id: m2-beta',
        '      owner: Abhishek Kekane',
        '    - id: glance-driver-deadline',
        '      phase: m1-to-m2',
        '      title: New store drivers proposed',
        '      due: i-2 -3w',
        '      owner: ptl',
        '',
      ].join('\n'),
    );
    const v = await runJson<Checklist>(
      ['checklist', '--date', '2026-11-27', '--db', join(dir, 'l.db')],
      { cwd: dir },
    );
    const ids = v.items.map((i) => i.id);
    expect(ids).not.toContain('ptg-topics');
    expect(v.items.find((i) => i.id === 'm2-beta')).toMatchObject({
      owner: 'Abhishek Kekane',
      title: 'Propose the glance milestone-2 beta (X.0.0.0b2)',
    });
    expect(v.items.find((i) => i.id === 'glance-driver-deadline')).toMatchObject({
      due: '2026-12-24',
      phase: 'm1-to-m2',
    });
  });

  it('names the field of an item whose due date refers to a missing event', async () => {
    const dir = tempDir();
    writeFileSync(
      join(dir, 'liaison.yaml'),
      'team: glance\nchecklists:\n  items:\n    - id: x\n      phase: m1\n      title: X\n      due: i-summit\n      owner: ptl\n',
    );
    const r = await runCli(['checklist', '--date', '2026-11-27', '--db', join(dir, 'l.db')], {
      cwd: dir,
    });
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(
      /liaison\.yaml: checklists\.items\[0\]\.due: event "i-summit" is not in the indri schedule/,
    );
  });
});

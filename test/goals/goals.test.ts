import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, test } from 'vitest';
import { governanceStatus, parseGoalDoc } from '../../src/goals/plan-goal-doc.js';
import { runCli, runJson } from '../helpers/cli.js';
import { GOVERNANCE_DIR } from '../helpers/shared-data.js';
import { tempDir } from '../helpers/tmp.js';

const goalFile = (path: string) => readFileSync(join(GOVERNANCE_DIR, path), 'utf8');

interface GoalsJson {
  series: string;
  goals: {
    id: string;
    title: string;
    status: string;
    owner: string | null;
    statusSource: string;
    criteria: string[];
  }[];
  dataAsOf: string | null;
  notes: string[];
}

describe('goal documents (real governance files)', () => {
  test('title, champion, Gerrit topic and the criteria naming a series', () => {
    const g = parseGoalDoc(
      goalFile('goals/selected/remove-eventlet.rst'),
      'goals/selected/remove-eventlet.rst',
    );
    expect(g.id).toBe('remove-eventlet');
    expect(g.title).toBe('Remove Eventlet from OpenStack');
    expect(g.champions).toEqual(['Hervé Beraud <hberaud@redhat.com> (hberaud)']);
    expect(g.gerritTopic).toBe('eventlet-removal');
    const for2026_2 = g.criteria.filter((c) => c.series.includes('2026.2'));
    expect(for2026_2).toHaveLength(1);
    expect(for2026_2[0]?.text).toMatch(
      /^Ensure all other OpenStack deliverables relying on Eventlet/,
    );
  });

  test('older goals: the champion sentence after the boilerplate', () => {
    const g = parseGoalDoc(
      goalFile('goals/completed/queens/policy-in-code.rst'),
      'goals/completed/queens/policy-in-code.rst',
    );
    expect(g.champions).toEqual(['Lance Bragstad (lbragstad)']);
    expect(g.gerritTopic).toBe('policy-and-docs-in-code');
  });

  test("a team's inline entry gives its status: done, not completed, not applicable", () => {
    const status = (path: string) => {
      const doc = parseGoalDoc(goalFile(path), path);
      const entry = doc.teamEntries.get('glance');
      expect(entry, path).toBeDefined();
      return governanceStatus(entry ?? '').status;
    };
    expect(status('goals/completed/ocata/remove-incubated-oslo-code.rst')).toBe('done');
    expect(status('goals/completed/pike/python35.rst')).toBe('not-completed');
    expect(status('goals/completed/queens/policy-in-code.rst')).toBe('not-completed');
    expect(status('goals/completed/queens/split-tempest-plugins.rst')).toBe('not-applicable');
  });
});

describe('liaison goals', () => {
  const gov = ['--governance-repo', GOVERNANCE_DIR];

  test('hibiscus: the three selected goals, no status until the liaison records one', async () => {
    const db = join(tempDir(), 'l.db');
    const view = await runJson<GoalsJson>(['goals', '--date', '2026-09-16', '--db', db, ...gov]);
    expect(view.series).toBe('hibiscus');
    expect(view.goals.map((g) => g.id)).toEqual([
      'consistent-and-secure-rbac',
      'migrate-to-privsep',
      'remove-eventlet',
    ]);
    expect(view.goals.every((g) => g.status === 'unknown' && g.owner === null)).toBe(true);
    expect(view.dataAsOf).toBe('2026-08-08');
    expect(view.notes.join(' ')).toMatch(/liaison goals set/);
  });

  test('goals set records status and owner in the store; the owner is kept on a later set', async () => {
    const db = join(tempDir(), 'l.db');
    const base = ['--date', '2026-09-16', '--db', db, ...gov];
    const set = await runCli([
      'goals',
      'set',
      'remove-eventlet',
      'in-progress',
      '--owner',
      'Pranali Deore',
      ...base,
    ]);
    expect(set.code).toBe(0);
    expect(set.stdout).toMatch(/remove-eventlet .*in-progress, owner Pranali Deore/);
    expect(
      (await runCli(['goals', 'set', 'remove-eventlet', 'done', ...base, '--date', '2026-09-20']))
        .code,
    ).toBe(0);
    const view = await runJson<GoalsJson>(['goals', ...base]);
    const g = view.goals.find((x) => x.id === 'remove-eventlet');
    expect(g).toMatchObject({ status: 'done', owner: 'Pranali Deore', statusSource: 'liaison' });
    // the record belongs to hibiscus only
    const indri = await runJson<GoalsJson>(['goals', '--series', 'indri', ...base]);
    expect(indri.goals.find((x) => x.id === 'remove-eventlet')?.status).toBe('unknown');
  });

  test('governance records win over the liaison for old goals (pike)', async () => {
    const db = join(tempDir(), 'l.db');
    const view = await runJson<GoalsJson>([
      'goals',
      '--series',
      'pike',
      '--date',
      '2026-09-16',
      '--db',
      db,
      ...gov,
    ]);
    expect(view.goals.map((g) => [g.id, g.status, g.statusSource])).toEqual([
      ['deploy-api-in-wsgi', 'done', 'governance'],
      ['python35', 'not-completed', 'governance'],
    ]);
  });

  test('a finished series lists only its completed goals', async () => {
    const db = join(tempDir(), 'l.db');
    const view = await runJson<GoalsJson>([
      'goals',
      '--series',
      '2025.2',
      '--date',
      '2026-09-16',
      '--db',
      db,
      ...gov,
    ]);
    expect(view.goals.map((g) => g.id)).toEqual(['migrate-from-wsgi-scripts-to-module-paths']);
  });

  test('bad input: unknown goal, bad status, unknown series → exit 2 with one line', async () => {
    const db = join(tempDir(), 'l.db');
    const base = ['--date', '2026-09-16', '--db', db, ...gov];
    const a = await runCli(['goals', 'set', 'no-such-goal', 'done', ...base]);
    expect(a.code).toBe(2);
    expect(a.stderr).toMatch(
      /goal "no-such-goal" is not a community goal of hibiscus \(goals: consistent-and-secure-rbac/,
    );
    const b = await runCli(['goals', 'set', 'remove-eventlet', 'finished', ...base]);
    expect(b.code).toBe(2);
    expect(b.stderr).toMatch(/status "finished": use one of done, in-progress, not-started/);
    const c = await runCli(['goals', '--series', 'nosuch', ...base]);
    expect(c.code).toBe(2);
    expect(c.stderr).not.toMatch(/at .*\.ts/);
  });

  test('TC report in Markdown; a hostile owner is escaped text, never markup', async () => {
    const db = join(tempDir(), 'l.db');
    const base = ['--date', '2026-09-16', '--db', db, ...gov];
    const owner = '<script>alert(1)</script> | *x*\u001b[31m';
    expect(
      (
        await runCli([
          'goals',
          'set',
          'migrate-to-privsep',
          'not-started',
          '--owner',
          owner,
          ...base,
        ])
      ).code,
    ).toBe(0);
    const md = await runCli(['goals', '--format', 'md', ...base]);
    expect(md.code).toBe(0);
    expect(md.stdout).toMatch(/^# glance: community goals for 2026\.2 Hibiscus/);
    expect(md.stdout).toContain(
      // the escape is shown as the visible text \x1b (core/text.ts), then escaped for Markdown
      '| Migrate from oslo.rootwrap to oslo.privsep | not started | \\<script\\>alert\\(1\\)\\</script\\> \\| \\*x\\*\\\\x1b\\[31m |',
    );
    expect(md.stdout).not.toContain('<script>');
    expect(md.stdout).not.toContain('\u001b');
    expect(md.stdout).toContain('- Expected in 2026.2: Ensure all other OpenStack deliverables');
    // JSON keeps the text exactly as recorded
    const view = await runJson<GoalsJson>(['goals', ...base]);
    expect(view.goals.find((g) => g.id === 'migrate-to-privsep')?.owner).toBe(owner);
  });
});

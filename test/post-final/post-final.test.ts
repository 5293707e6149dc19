import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { runCli, runJson } from '../helpers/cli.js';
import { TestRepo } from '../helpers/git-repo.js';
import { tempDir } from '../helpers/tmp.js';

const MIGRATION = `# Copyright header kept as it is

EXPAND_BRANCH = 'expand'
CONTRACT_BRANCH = 'contract'
CURRENT_RELEASE = '2026_2'
ALEMBIC_INIT_VERSION = 'liberty'
LATEST_REVISION = '2024_1_contract01'
`;

interface Run {
  released: { name: string; id: string };
  next: { name: string | null; id: string; projected: boolean };
  tasks: { id: string; status: string; detail: string; diff: string; message: string | null }[];
  applied: { id: string; commit: string | null }[];
}

function glanceClone(): TestRepo {
  const repo = TestRepo.create();
  repo.commit('Initial', { 'glance/db/migration.py': MIGRATION, 'README.rst': 'glance\n' });
  return repo;
}

describe('liaison post-final (Glance CURRENT_RELEASE)', () => {
  it('dry run: shows the one-line diff to 2027_1 after hibiscus and changes nothing', async () => {
    const repo = glanceClone();
    const v = await runJson<Run>([
      'post-final',
      '--repo',
      repo.dir,
      '--task',
      'glance-current-release',
      '--date',
      '2026-11-27',
      '--db',
      join(tempDir(), 'l.db'),
    ]);
    expect(v.released).toEqual({ name: 'hibiscus', id: '2026.2' });
    expect(v.next).toEqual({ name: 'indri', id: '2027.1', projected: false });
    const t = v.tasks[0]!;
    expect(t.status).toBe('pending');
    expect(t.message).toBe('Change DB migration constant to 2027_1');
    expect(t.diff.split('\n').filter((l) => /^[-+][^-+]/.test(l))).toEqual([
      "-CURRENT_RELEASE = '2026_2'",
      "+CURRENT_RELEASE = '2027_1'",
    ]);
    expect(readFileSync(join(repo.dir, 'glance/db/migration.py'), 'utf8')).toBe(MIGRATION);
    expect(repo.git('status', '--porcelain')).toBe('');
  });

  it('--commit makes the team commit with Signed-off-by, a minimal diff; then refuses as up to date', async () => {
    const repo = glanceClone();
    const db = join(tempDir(), 'l.db');
    const args = [
      'post-final',
      '--repo',
      repo.dir,
      '--task',
      'glance-current-release',
      '--date',
      '2026-11-27',
      '--db',
      db,
    ];
    const v = await runJson<Run>([...args, '--commit']);
    expect(v.applied[0]?.commit).toBe(repo.head());
    expect(repo.git('log', '-1', '--format=%B')).toBe(
      'Change DB migration constant to 2027_1\n\nSigned-off-by: Test Author <author@example.org>',
    );
    expect(repo.git('diff', 'HEAD~1', '--numstat')).toBe('1\t1\tglance/db/migration.py');
    expect(readFileSync(join(repo.dir, 'glance/db/migration.py'), 'utf8')).toBe(
      MIGRATION.replace("'2026_2'", "'2027_1'"),
    );
    const again = await runCli([...args, '--commit']);
    expect(again.code).toBe(1);
    expect(again.stderr).toContain("CURRENT_RELEASE is already '2027_1'");
    expect(repo.git('rev-list', '--count', 'HEAD')).toBe('2');
    // the checklist sees it done
    const list = await runJson<{ items: { id: string; state: string }[] }>(
      ['checklist', '--date', '2026-11-27', '--db', db],
      { cwd: tempDir() },
    );
    expect(list.items.find((i) => i.id === 'current-release-bump')?.state).toBe('overdue'); // no clone configured there
    const cfgDir = tempDir();
    writeFileSync(
      join(cfgDir, 'liaison.yaml'),
      `team: glance\ndeliverables:\n  glance:\n    clone: ${repo.dir}\n`,
    );
    const seen = await runJson<{ items: { id: string; state: string; evidence: string }[] }>(
      ['checklist', '--date', '2026-11-27', '--db', db],
      { cwd: cfgDir },
    );
    expect(seen.items.find((i) => i.id === 'current-release-bump')).toMatchObject({
      state: 'auto-done',
    });
  });

  it('--write changes the file only; a gazpacho-era date asks for 2026_2, already there', async () => {
    const repo = glanceClone();
    const db = join(tempDir(), 'l.db');
    await runJson<Run>([
      'post-final',
      '--repo',
      repo.dir,
      '--task',
      'glance-current-release',
      '--write',
      '--date',
      '2026-11-27',
      '--db',
      db,
    ]);
    expect(repo.git('status', '--porcelain')).toBe('M glance/db/migration.py');
    const fresh = glanceClone();
    const r = await runCli([
      'post-final',
      '--repo',
      fresh.dir,
      '--task',
      'glance-current-release',
      '--write',
      '--date',
      '2026-06-01',
      '--db',
      db,
    ]);
    expect(r.code).toBe(1);
    expect(r.stderr).toContain("already '2026_2'");
  });

  it('moves unimplemented specs to the next cycle folder (generic move-specs task)', async () => {
    const specs = TestRepo.create();
    specs.commit('Specs', {
      'specs/2026.2/approved/index.rst': 'index\n',
      'specs/2026.2/approved/glance/done-feature.rst': 'a\n',
      'specs/2026.2/approved/glance/late-feature.rst': 'b\n',
      'specs/2026.2/approved/glance_store/template.rst': 't\n',
      'specs/2026.2/implemented/glance/done-feature.rst': 'a\n',
    });
    const v = await runJson<Run>([
      'post-final',
      '--repo',
      specs.dir,
      '--task',
      'glance-specs-move',
      '--commit',
      '--date',
      '2026-11-27',
      '--db',
      join(tempDir(), 'l.db'),
    ]);
    expect(v.tasks[0]?.detail).toBe(
      '1 unimplemented spec in specs/2026.2/approved to move to specs/2027.1/approved',
    );
    expect(specs.git('log', '-1', '--format=%s')).toBe('Move unimplemented 2026.2 specs to 2027.1');
    expect(specs.git('show', '--name-status', '--format=', 'HEAD')).toBe(
      'R100\tspecs/2026.2/approved/glance/late-feature.rst\tspecs/2027.1/approved/glance/late-feature.rst',
    );
  });

  it('declares a replace-constant task for another team in config, and rejects a bad placeholder', async () => {
    const repo = TestRepo.create();
    repo.commit('init', { 'nova/version.py': 'RELEASE = "2026.2"\n' });
    const dir = tempDir();
    writeFileSync(
      join(dir, 'liaison.yaml'),
      `team: nova\npost-final:\n  tasks:\n    - id: nova-release\n      kind: replace-constant\n      repo: nova\n      file: nova/version.py\n      constant: RELEASE\n      value: '{next-id}'\n      message: Bump RELEASE to {value}\n`,
    );
    const v = await runJson<Run>(
      ['post-final', '--repo', repo.dir, '--date', '2026-11-27', '--db', join(dir, 'l.db')],
      { cwd: dir },
    );
    expect(v.tasks.map((t) => t.id)).toEqual(['nova-release']);
    expect(v.tasks[0]?.diff).toContain('+RELEASE = "2027.1"');
    writeFileSync(
      join(dir, 'liaison.yaml'),
      `team: nova\npost-final:\n  tasks:\n    - id: x\n      kind: replace-constant\n      repo: nova\n      file: a\n      constant: A\n      value: '{next-release}'\n      message: m\n`,
    );
    const bad = await runCli(
      ['post-final', '--repo', repo.dir, '--date', '2026-11-27', '--db', join(dir, 'l.db')],
      { cwd: dir },
    );
    expect(bad.code).toBe(2);
    expect(bad.stderr).toMatch(
      /post-final\.tasks\[0\]\.value: unknown placeholder \{next-release\}/,
    );
  });
});

describe('post-final beyond the releases data (issue 13 item 8)', () => {
  it('after indri computes the next release id 2027.2 (2027_2) instead of exiting 2', async () => {
    const repo = TestRepo.create();
    repo.commit('Initial', {
      'glance/db/migration.py': MIGRATION.replace("'2026_2'", "'2027_1'"),
    });
    const r = await runCli([
      'post-final',
      '--repo',
      repo.dir,
      '--task',
      'glance-current-release',
      '--date',
      '2027-03-30',
      '--db',
      join(tempDir(), 'l.db'),
      '--json',
    ]);
    expect(r.code, r.stderr).toBe(0);
    const v = JSON.parse(r.stdout) as Run;
    expect(v.released).toEqual({ name: 'indri', id: '2027.1' });
    expect(v.next).toEqual({ name: null, id: '2027.2', projected: true });
    const t = v.tasks[0]!;
    expect(t.status).toBe('pending');
    expect(t.message).toBe('Change DB migration constant to 2027_2');
    expect(t.diff).toContain("+CURRENT_RELEASE = '2027_2'");
    const text = await runCli([
      'post-final',
      '--date',
      '2027-03-30',
      '--db',
      join(tempDir(), 'l.db'),
    ]);
    expect(text.code).toBe(0);
    expect(text.stdout).toContain('preparing 2027.2 (beyond the releases data');
  });

  it('a task that needs the next series name says it is not chosen yet', async () => {
    const dir = tempDir();
    const config = join(dir, 'liaison.yaml');
    writeFileSync(
      config,
      `team: glance\npost-final:\n  builtin: false\n  tasks:\n    - id: named\n      kind: replace-constant\n      repo: glance\n      file: a.py\n      constant: SERIES\n      value: '{next-name}'\n      message: m\n`,
    );
    const repo = TestRepo.create();
    repo.commit('Initial', { 'a.py': "SERIES = 'indri'\n" });
    const v = await runJson<Run>([
      'post-final',
      '--config',
      config,
      '--repo',
      repo.dir,
      '--date',
      '2027-03-30',
      '--db',
      join(dir, 'l.db'),
    ]);
    expect(v.tasks[0]).toMatchObject({ status: 'unavailable' });
    expect(v.tasks[0]?.detail).toMatch(/2027\.2 has no name in series_status\.yaml yet/);
  });
});

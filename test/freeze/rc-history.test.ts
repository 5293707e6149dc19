import { execFileSync } from 'node:child_process';
import { copyFileSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { describe, expect, test } from 'vitest';
import { runCli } from '../helpers/cli.js';
import { TestRepo } from '../helpers/git-repo.js';
import { RELEASES_DIR } from '../helpers/shared-data.js';
import { tempDir } from '../helpers/tmp.js';

/**
 * RC discipline from a real git checkout of the releases data: each RC is
 * dated by the commit that added it to the deliverable file.
 */
const FILES = [
  'data/series_status.yaml',
  'doc/source/hibiscus/schedule.yaml',
  'doc/source/hibiscus/schedule.rst',
  'deliverables/hibiscus/glance.yaml',
];
const GLANCE = 'deliverables/hibiscus/glance.yaml';

function commitOn(repo: TestRepo, date: string, message: string): void {
  const when = `${date}T15:00:00Z`;
  execFileSync('git', ['add', '-A'], { cwd: repo.dir });
  execFileSync('git', ['commit', '-q', '-m', message], {
    cwd: repo.dir,
    env: { ...process.env, GIT_AUTHOR_DATE: when, GIT_COMMITTER_DATE: when },
  });
}

function addRc(text: string, n: number): string {
  return `${text}  - version: 33.0.0.0rc${n}\n    projects:\n      - repo: openstack/glance\n        hash: ${String(n).repeat(40)}\n`;
}

describe('liaison freeze: RC count and dates from the releases history', () => {
  test('four RCs dated by their commits: warns above three, says how long since the last, and that the final-RC deadline passed', async () => {
    const repo = TestRepo.create();
    for (const f of FILES) {
      mkdirSync(dirname(join(repo.dir, f)), { recursive: true });
      copyFileSync(join(RELEASES_DIR, f), join(repo.dir, f));
    }
    commitOn(repo, '2026-08-20', 'snapshot');
    let glance = readFileSync(join(repo.dir, GLANCE), 'utf8');
    const days = ['2026-09-10', '2026-09-15', '2026-09-18', '2026-09-22'];
    for (const [i, day] of days.entries()) {
      glance = addRc(glance, i + 1);
      writeFileSync(join(repo.dir, GLANCE), glance);
      commitOn(repo, day, `Release glance RC${i + 1} for 2026.2 Hibiscus`);
    }
    const dir = tempDir();
    const args = ['--releases-repo', repo.dir, '--db', join(dir, 'l.db'), '--date', '2026-09-25'];
    const r = await runCli(['freeze', '--json', ...args]);
    expect(r.code).toBe(0);
    const v = JSON.parse(r.stdout) as {
      active: boolean;
      rcCount: number;
      lastRc: { version: string; date: string; dateSource: string };
      daysSinceLastRc: number;
      warnings: string[];
      finalRcDeadline: string;
    };
    expect(v.active).toBe(true);
    expect(v.rcCount).toBe(4);
    expect(v.lastRc).toEqual({
      deliverable: 'glance',
      version: '33.0.0.0rc4',
      number: 4,
      date: '2026-09-22',
      dateSource: 'releases git history',
    });
    expect(v.daysSinceLastRc).toBe(3);
    expect(v.finalRcDeadline).toBe('2026-09-24');
    expect(v.warnings).toEqual([
      '4 RCs so far: more than the 3 the team aims for; fold pending fixes into one last RC',
      "the final-RC deadline (2026-09-24) has passed: a further RC needs the release team's agreement",
    ]);
    const text = await runCli(['freeze', ...args]);
    expect(text.stdout).toMatch(
      /4 RCs so far · last glance 33\.0\.0\.0rc4 on 2026-09-22, 3 days ago · final-RC deadline Thu 24 Sep 2026 · final release Wed 30 Sep 2026/,
    );
  });
});

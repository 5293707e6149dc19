import { readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { runCli } from '../helpers/cli.js';
import { buildMiniHistory } from '../helpers/releases-history.js';
import { GOVERNANCE_DIR, hasSharedData } from '../helpers/shared-data.js';

/**
 * `release propose <d> milestone` numbers the beta after the milestone of
 * --date when the deliverable's convention names betas after milestones
 * (Glance: 0b2 at milestone 2), the way the release actions read it.
 */
describe.runIf(hasSharedData())(
  'propose milestone by the convention (needs ../shared/data)',
  () => {
    const repo = buildMiniHistory({ deliverables: ['glance'] });
    afterAll(() => {
      rmSync(repo, { recursive: true, force: true });
    });
    // hibiscus as it was before its beta: the file without releases (an uncommitted edit)
    const file = join(repo, 'deliverables/hibiscus/glance.yaml');
    const text = readFileSync(file, 'utf8');
    writeFileSync(file, text.slice(0, text.indexOf('releases:')));
    const propose = (date: string, ...more: string[]) =>
      runCli([
        'release',
        'propose',
        'glance',
        'milestone',
        '--series',
        'hibiscus',
        '--date',
        date,
        '--releases-repo',
        repo,
        '--governance-repo',
        GOVERNANCE_DIR,
        '--hash',
        'a'.repeat(40),
        ...more,
      ]);

    it('names the beta after the milestone of the date', async () => {
      const r = await propose('2026-07-01');
      expect(r.code).toBe(0);
      expect(r.stdout).toMatch(/^glance 33\.0\.0\.0b2 — milestone in hibiscus/);
      expect(r.stdout).toMatch(
        /beta numbered after milestone 2, the milestone of 2026-07-01 \(convention: betas named after their milestone in gazpacho/,
      );
      const m1 = await propose('2026-05-13');
      expect(m1.stdout).toMatch(/^glance 33\.0\.0\.0b1 /);
      // an explicit --milestone wins
      const m3 = await propose('2026-07-01', '--milestone', '3');
      expect(m3.stdout).toMatch(/^glance 33\.0\.0\.0b3 /);
    });
  },
);

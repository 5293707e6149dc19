import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import type { ValidateView } from '../../src/release/validate/plan.js';
import { runCli, runJson } from '../helpers/cli.js';
import { GOVERNANCE_DIR, RELEASES_DIR, hasSharedData } from '../helpers/shared-data.js';
import { tempDir } from '../helpers/tmp.js';
import { releasesCheckout } from './validate-helpers.js';

/**
 * `liaison release propose DELIVERABLE branch`: stable/<id> at the last
 * release of the series, as two appended lines and the release team's
 * wording (openstack/releases 8d96234d4).
 */

interface BranchProposal {
  type: 'branch';
  branch: { name: string; location: string };
  file: string;
  diff: string;
  commitMessage: string;
  notes: string[];
  written: boolean;
  commit: { branch: string; sha: string } | null;
}

/** `release propose DELIVERABLE branch --series hibiscus [MORE…] --date DATE --json`, from a fresh folder. */
const proposeBranch = (deliverable: string, date: string, ...more: string[]) =>
  runJson<BranchProposal>(
    ['release', 'propose', deliverable, 'branch', '--series', 'hibiscus', ...more, '--date', date],
    { cwd: tempDir() },
  );

describe.runIf(hasSharedData())('release propose … branch (needs ../shared/data)', () => {
  it('glance-store in hibiscus after the library freeze: stable/2026.2 at 5.6.0, two lines', async () => {
    const p = await proposeBranch('glance-store', '2026-08-27');
    expect(p.branch).toEqual({ name: 'stable/2026.2', location: '5.6.0' });
    expect(p.diff).toBe(
      [
        '--- a/deliverables/hibiscus/glance-store.yaml',
        '+++ b/deliverables/hibiscus/glance-store.yaml',
        '@@ -15,3 +15,6 @@ releases:', // git's hunk heading: the nearest top-level key above
        '     projects:',
        '       - repo: openstack/glance_store',
        '         hash: 149c15978b374b837e3ce28a06d7da0f1fb6bf79',
        '+branches:',
        '+  - name: stable/2026.2',
        '+    location: 5.6.0',
        '',
      ].join('\n'),
    );
    const [subject, blank, ...body] = p.commitMessage.split('\n');
    expect(subject).toBe('[glance] Create 2026.2 branch for glance-store');
    expect(blank).toBe('');
    expect(body.join(' ')).toContain(
      'This creates the stable/2026.2 branch of glance-store at 5.6.0, its last release in 2026.2 Hibiscus, now that we are past the non-client library freeze.',
    );
  });

  it('a client before its freeze (python-glanceclient, 2026-08-21): proposed, with a note, without "past the freeze"', async () => {
    const p = await proposeBranch('python-glanceclient', '2026-08-21');
    expect(p.branch).toEqual({ name: 'stable/2026.2', location: '4.12.0' });
    expect(p.notes.join('\n')).toMatch(/the client library freeze is on 2026-08-27/);
    expect(p.commitMessage).not.toMatch(/past the/);
  });

  it('--write --commit: the file gets exactly the branch lines; the result passes release validate --base', async () => {
    const repo = releasesCheckout();
    const path = 'deliverables/hibiscus/glance-store.yaml';
    const before = readFileSync(join(repo.dir, path), 'utf8');
    const r = await runCli(
      [
        'release',
        'propose',
        'glance-store',
        'branch',
        '--series',
        'hibiscus',
        '--releases-repo',
        repo.dir,
        '--governance-repo',
        GOVERNANCE_DIR,
        '--date',
        '2026-08-27',
        '--write',
        '--commit',
        '--json',
      ],
      { cwd: tempDir() },
    );
    expect(r.stderr).toBe('');
    const p = JSON.parse(r.stdout) as BranchProposal;
    expect(p.written).toBe(true);
    expect(readFileSync(join(repo.dir, path), 'utf8')).toBe(
      `${before}branches:\n  - name: stable/2026.2\n    location: 5.6.0\n`,
    );
    expect(repo.git('log', '-1', '--format=%s')).toBe(
      '[glance] Create 2026.2 branch for glance-store',
    );
    expect(repo.git('show', '--stat', '--format=', 'HEAD')).toContain(
      '1 file changed, 3 insertions(+)',
    );
    const v = await runCli([
      'release',
      'validate',
      '--releases-repo',
      repo.dir,
      '--governance-repo',
      GOVERNANCE_DIR,
      '--base',
      'HEAD~1',
      '--date',
      '2026-08-27',
      '--json',
    ]);
    const view = JSON.parse(v.stdout) as ValidateView;
    expect(view.files).toBe(1);
    expect(view.errors).toBe(0);
  });

  it('--hash and --milestone do not apply to a branch request (exit 2)', async () => {
    const r = await runCli([
      'release',
      'propose',
      'glance-store',
      'branch',
      '--hash',
      'a'.repeat(40),
    ]);
    expect(r.code).toBe(2);
    expect(r.stderr).toBe('liaison: --hash does not apply to a branch request\n');
  });

  it('with the real data too: every hibiscus library and client without a branch gets one at its last release', async () => {
    for (const name of ['oslo.rootwrap', 'python-novaclient']) {
      const p = await proposeBranch(
        name,
        '2026-08-28',
        '--releases-repo',
        RELEASES_DIR,
        '--governance-repo',
        GOVERNANCE_DIR,
      );
      const releases =
        readFileSync(join(RELEASES_DIR, p.file), 'utf8').match(/version: (\S+)/g) ?? [];
      expect(p.branch.location).toBe(releases[releases.length - 1]?.replace('version: ', ''));
      expect(p.diff.split('\n').filter((l) => /^[+-][^+-]/.test(l))).toEqual([
        '+branches:',
        '+  - name: stable/2026.2',
        `+    location: ${p.branch.location}`,
      ]);
    }
  });
});

import { copyFileSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { REFUSAL_RULES } from '../../src/release/versions/refusals.js';
import { runCli, runJson } from '../helpers/cli.js';
import { GOVERNANCE_DIR, RELEASES_DIR, hasSharedData } from '../helpers/shared-data.js';
import { tempDir } from '../helpers/tmp.js';

/**
 * `release propose` refusals: each names its rule, says what upstream's
 * new-release would have written (or that it refuses or crashes too),
 * exits 1 in one line, and `--override RULE` writes it anyway where the
 * rule allows it. The reproductions of issue 14 come first.
 */

const SHA = 'c'.repeat(40);
const REAL = ['--releases-repo', RELEASES_DIR, '--governance-repo', GOVERNANCE_DIR];

interface Proposal {
  version: string;
  notes: string[];
  diff: string;
  branchesAdded: { name: string; location: string }[];
}

/** A releases folder with the series list and the given real files, each possibly changed. */
function releasesDir(files: Record<string, (text: string) => string>): string {
  const dir = tempDir();
  for (const [f, change] of Object.entries({
    'data/series_status.yaml': (t: string) => t,
    ...files,
  })) {
    mkdirSync(dirname(join(dir, f)), { recursive: true });
    copyFileSync(join(RELEASES_DIR, f), join(dir, f));
    writeFileSync(join(dir, f), change(readFileSync(join(dir, f), 'utf8')));
  }
  return dir;
}

const SHAPE = (rule: string, overridable: boolean) =>
  new RegExp(
    `^liaison: refused by rule ${rule}: .+; upstream .+; ${
      overridable ? `--override ${rule} writes it anyway` : 'this rule cannot be overridden'
    }\\n$`,
  );

async function refused(args: readonly string[], rule: string) {
  const r = await runCli(['release', 'propose', ...args], { cwd: tempDir() });
  const overridable = REFUSAL_RULES.find((x) => x.id === rule)?.overridable ?? false;
  expect(r.stderr).toMatch(SHAPE(rule, overridable));
  expect(r.code).toBe(1);
  expect(r.stdout).toBe('');
  return r.stderr;
}

describe.runIf(hasSharedData())('release propose: the reproductions of issue 14', () => {
  it('glance rc into gazpacho, already released with 32.0.0: refused (rc-after-final), override writes 33.0.0.0rc1', async () => {
    const args = ['glance', 'rc', '--series', 'gazpacho', '--hash', SHA];
    const why = await refused(args, 'rc-after-final');
    expect(why).toContain('gazpacho already has its final release 32.0.0');
    expect(why).toContain('upstream new-release would write 33.0.0.0rc1');
    await refused(['glance', 'milestone', '--series', 'gazpacho', '--hash', SHA], 'rc-after-final');
    const p = await runJson<Proposal>([
      'release',
      'propose',
      ...args,
      '--override',
      'rc-after-final',
    ]);
    expect(p.version).toBe('33.0.0.0rc1');
    expect(p.notes.join('\n')).toMatch(/written despite rule rc-after-final \(--override\)/);
  });

  it('glance eol at 2026-09-16 (hibiscus in development): refused (lifecycle-too-early)', async () => {
    const why = await refused(['glance', 'eol', '--date', '2026-09-16'], 'lifecycle-too-early');
    expect(why).toContain(
      'hibiscus is development at 2026-09-16 and its next phase is maintained on 2026-09-30, not end of life',
    );
    expect(why).toContain('upstream new-release would write 2026.2-eol');
  });

  it('eol/eom when due: within 4 weeks of the next phase, or once the series is in it', async () => {
    // epoxy becomes unmaintained on 2026-10-02; flamingo end of life on 2027-04-28
    const eom = await runJson<Proposal>(
      ['release', 'propose', 'glance', 'eom', '--series', 'epoxy', '--date', '2026-09-16', ...REAL],
      { cwd: tempDir() },
    );
    expect(eom.version).toBe('2025.1-eom');
    expect(eom.branchesAdded).toEqual([{ name: 'unmaintained/2025.1', location: '2025.1-eom' }]);
    const early = await refused(
      ['glance', 'eom', '--series', 'epoxy', '--date', '2026-08-21', ...REAL],
      'lifecycle-too-early',
    );
    expect(early).toContain('epoxy becomes unmaintained on 2026-10-02, 42 days after 2026-08-21');
    await refused(
      ['glance', 'eol', '--series', 'flamingo', '--date', '2026-09-16', ...REAL],
      'lifecycle-too-early',
    );
    // caracal is unmaintained: its eol may come any time
    const caracal = await runJson<Proposal>(
      [
        'release',
        'propose',
        'glance',
        'eol',
        '--series',
        'caracal',
        '--date',
        '2026-09-16',
        ...REAL,
      ],
      { cwd: tempDir() },
    );
    expect(caracal.version).toBe('2024.1-eol');
  });

  it('xstatic-lodash bugfix with no release yet: refused with upstream words (first-bugfix); override gives 0.1.0', async () => {
    const dir = releasesDir({
      'deliverables/_independent/xstatic-lodash.yaml': (t) => t.replace(/releases:[\s\S]*$/, ''),
    });
    const args = [
      'xstatic-lodash',
      'bugfix',
      '--series',
      '_independent',
      '--hash',
      SHA,
      '--releases-repo',
      dir,
      '--governance-repo',
      GOVERNANCE_DIR,
    ];
    const why = await refused(args, 'first-bugfix');
    expect(why).toContain(
      'The first release for a series must be at least a feature release to allow for stable releases from the previous series.',
    );
    expect(why).toContain('upstream new-release refuses too');
    const p = await runJson<Proposal>([
      'release',
      'propose',
      ...args,
      '--override',
      'first-bugfix',
    ]);
    expect(p.version).toBe('0.1.0');
    const feature = await runJson<Proposal>([
      'release',
      'propose',
      ...args.map((a) => (a === 'bugfix' ? 'feature' : a)),
    ]);
    expect(feature.version).toBe('0.1.0');
  });

  it('a first bugfix of a series (glance-store in indri, no file yet) is refused the same way', async () => {
    await refused(['glance-store', 'bugfix', '--series', 'indri', '--hash', SHA], 'first-bugfix');
  });
});

describe.runIf(hasSharedData())('release propose: every refusal in one shape', () => {
  const cases: [string, string[]][] = [
    [
      'abandoned',
      ['ansible-role-chrony', 'feature', '--series', '_independent', '--hash', SHA, ...REAL],
    ],
    ['untagged', ['devstack', 'feature', '--series', 'hibiscus', '--hash', SHA, ...REAL]],
    ['after-eol', ['glance', 'bugfix', '--series', 'dalmatian', '--hash', SHA, ...REAL]],
    ['after-eom', ['glance', 'bugfix', '--series', 'caracal', '--hash', SHA, ...REAL]],
    ['model-without-rc', ['glance-store', 'rc', '--series', 'hibiscus', '--hash', SHA]],
    ['stable-type-before-final', ['glance', 'feature', '--series', 'hibiscus', '--hash', SHA]],
    ['milestone-number', ['glance', 'milestone', '--series', 'hibiscus', '--milestone', '2']],
    ['version-reused', ['glance-store', 'feature', '--series', 'gazpacho', '--hash', SHA]],
    ['final-without-prerelease', ['glance-store', 'final', '--series', 'hibiscus']],
    ['procedural-without-branch', ['glance-tempest-plugin', 'procedural', '--series', 'hibiscus']],
    ['branch-exists', ['glance-store', 'branch', '--series', 'gazpacho']],
    ['branch-without-release', ['aodh', 'branch', '--series', 'hibiscus', ...REAL]],
    ['branchless', ['glance-tempest-plugin', 'branch', '--series', 'hibiscus']],
    ['branch-at-prerelease', ['glance', 'branch', '--series', 'hibiscus']],
  ];
  for (const [rule, args] of cases) {
    it(`${rule}: exit 1, one line naming the rule and upstream`, async () => {
      await refused(args, rule);
    });
  }

  it('the overridable ones write with --override (abandoned, untagged, version-reused, branch-at-prerelease)', async () => {
    for (const [rule, args] of cases) {
      if (!['abandoned', 'untagged', 'version-reused', 'branch-at-prerelease'].includes(rule))
        continue;
      const r = await runCli(['release', 'propose', ...args, '--override', rule, '--json'], {
        cwd: tempDir(),
      });
      expect(r.stderr).toBe('');
      expect(r.code).toBe(0);
      expect((JSON.parse(r.stdout) as Proposal).notes.join('\n')).toContain(
        `written despite rule ${rule} (--override)`,
      );
    }
  });

  it('branch-after-lifecycle: a series file that ends with its -eol tag', async () => {
    const dir = releasesDir({
      'deliverables/gazpacho/python-glanceclient.yaml': (t) =>
        t.replace(/branches:[\s\S]*$/, '') +
        '  - version: 2026.1-eol\n    projects:\n      - repo: openstack/python-glanceclient\n        hash: ' +
        SHA +
        '\n',
    });
    await refused(
      ['python-glanceclient', 'branch', '--series', 'gazpacho', '--releases-repo', dir],
      'branch-after-lifecycle',
    );
  });

  it('a releasefix of a deliverable never released: no-earlier-release', async () => {
    const dir = releasesDir({
      'deliverables/_independent/xstatic-lodash.yaml': (t) => t.replace(/releases:[\s\S]*$/, ''),
    });
    await refused(
      ['xstatic-lodash', 'releasefix', '--series', '_independent', '--releases-repo', dir],
      'no-earlier-release',
    );
  });

  it('--override of an unknown rule or of one that cannot be lifted: exit 2', async () => {
    const unknown = await runCli(['release', 'propose', 'glance', 'rc', '--override', 'nope']);
    expect(unknown.code).toBe(2);
    expect(unknown.stderr).toMatch(/^liaison: --override nope: no such rule \(one of abandoned, /);
    const fixed = await runCli(['release', 'propose', 'glance', 'rc', '--override', 'after-eol']);
    expect(fixed.code).toBe(2);
    expect(fixed.stderr).toBe('liaison: --override after-eol: this rule cannot be overridden\n');
  });

  it('every rule has an id, a description and where upstream stands', () => {
    const ids = REFUSAL_RULES.map((r) => r.id);
    expect(new Set(ids).size).toBe(ids.length);
    for (const r of REFUSAL_RULES) {
      expect(r.what.length).toBeGreaterThan(10);
      expect(r.upstream.length).toBeGreaterThan(10);
    }
  });
});

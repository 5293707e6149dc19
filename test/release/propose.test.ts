import { execFileSync } from 'node:child_process';
import {
  copyFileSync,
  existsSync,
  mkdirSync,
  readFileSync,
  readdirSync,
  writeFileSync,
} from 'node:fs';
import { dirname, join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { writeFileAtomic } from '../../src/release/propose/apply.js';
import { runCli, runJson } from '../helpers/cli.js';
import { TestRepo } from '../helpers/git-repo.js';
import { GOVERNANCE_DIR, RELEASES_DIR } from '../helpers/shared-data.js';
import { tempDir } from '../helpers/tmp.js';

interface Proposal {
  version: string;
  hash: string | null;
  pendingHash: boolean;
  branchesAdded: { name: string; location: string }[];
  diffStart: string | null;
  file: string;
  newFile: boolean;
  diff: string;
  notes: string[];
  commitMessage: string;
  projects: { repo: string; hash: string; from: string }[];
  written: boolean;
  commit: { branch: string; sha: string } | null;
}

const SHA = '0123456789abcdef0123456789abcdef01234567';
const real = ['--releases-repo', RELEASES_DIR, '--governance-repo', GOVERNANCE_DIR];

/** A releases checkout (a real git repository) with the Glance files of recent series. */
function releasesCheckout(): TestRepo {
  const repo = TestRepo.create();
  const files = ['data/series_status.yaml'];
  for (const series of ['caracal', 'dalmatian', 'epoxy', 'flamingo', 'gazpacho', 'hibiscus']) {
    for (const name of ['glance', 'glance-store', 'python-glanceclient'])
      files.push(`deliverables/${series}/${name}.yaml`);
  }
  for (const f of files) {
    mkdirSync(dirname(join(repo.dir, f)), { recursive: true });
    copyFileSync(join(RELEASES_DIR, f), join(repo.dir, f));
  }
  repo.commit('Import releases data');
  return repo;
}

/** A project repository with the last release tagged and changes after it. */
function projectClone(lastTag: string): { repo: TestRepo; tagged: string; head: string } {
  const repo = TestRepo.create();
  repo.commit('Initial import', { 'README.rst': 'project\n' });
  const tagged = repo.commit('Add feature A', { 'a.py': 'a = 1\n' });
  repo.tag(lastTag);
  repo.commit('Fix bug B', { 'b.py': 'b = 2\n' });
  repo.branch('feature-x');
  repo.checkout('feature-x');
  repo.commit('Side work', { 'c.py': 'c = 3\n' });
  repo.checkout('master');
  repo.merge('feature-x', 'Merge side work');
  const head = repo.head();
  return { repo, tagged, head };
}

describe('liaison release propose: checks that must hold', () => {
  for (const [label, data] of [
    ['embedded snapshot', []],
    ['real data', real],
  ] as const) {
    it(`glance rc --series hibiscus --hash → 33.0.0.0rc1 with stable/2026.2 (${label})`, async () => {
      const p = await runJson<Proposal>([
        'release',
        'propose',
        'glance',
        'rc',
        '--series',
        'hibiscus',
        '--hash',
        SHA,
        ...data,
      ]);
      expect(p.version).toBe('33.0.0.0rc1');
      expect(p.hash).toBe(SHA);
      expect(p.branchesAdded).toEqual([{ name: 'stable/2026.2', location: '33.0.0.0rc1' }]);
      expect(p.diffStart).toBeNull();
      expect(p.file).toBe('deliverables/hibiscus/glance.yaml');
      expect(p.diff).toContain(
        `+  - version: 33.0.0.0rc1\n+    projects:\n+      - repo: openstack/glance\n+        hash: ${SHA}\n+branches:\n+  - name: stable/2026.2\n+    location: 33.0.0.0rc1\n`,
      );
      expect(p.commitMessage.split('\n')[0]).toBe(
        'Release glance 33.0.0.0rc1 for 2026.2 Hibiscus RC1',
      );
      expect(p.written).toBe(false);
    });

    it(`python-glanceclient feature (hibiscus) → 4.13.0; glance-store bugfix (gazpacho) → 5.4.1 (${label})`, async () => {
      const client = await runJson<Proposal>([
        'release',
        'propose',
        'python-glanceclient',
        'feature',
        '--series',
        'hibiscus',
        ...data,
      ]);
      expect(client.version).toBe('4.13.0');
      expect(client.pendingHash).toBe(true);
      expect(client.notes.join('\n')).toMatch(/no clone of openstack\/python-glanceclient/);
      const store = await runJson<Proposal>([
        'release',
        'propose',
        'glance-store',
        'bugfix',
        '--series',
        'gazpacho',
        '--hash',
        SHA,
        ...data,
      ]);
      expect(store.version).toBe('5.4.1');
      expect(store.diff).toContain('+  - version: 5.4.1\n');
    });
  }

  it('prints the diff and the commit message as text', async () => {
    const r = await runCli([
      'release',
      'propose',
      'glance',
      'milestone',
      '--series',
      'hibiscus',
      '--hash',
      SHA,
      '--date',
      '2026-08-27',
    ]);
    expect(r.code).toBe(0);
    expect(r.stdout).toContain('glance 33.0.0.0b3 — milestone in hibiscus (after 33.0.0.0b2)');
    expect(r.stdout).toContain('+  - version: 33.0.0.0b3');
    expect(r.stdout).toContain('Release glance 33.0.0.0b3 for Hibiscus-3 milestone');
    expect(r.stdout).toContain('Dry run: nothing written');
  });

  it('defaults to the series at --date and says so; indri has no files yet and gets one made like init-series', async () => {
    const p = await runJson<Proposal>([
      'release',
      'propose',
      'glance-store',
      'feature',
      '--hash',
      SHA,
      '--date',
      '2026-11-27',
      ...real,
    ]);
    expect(p.version).toBe('5.7.0');
    expect(p.file).toBe('deliverables/indri/glance-store.yaml');
    expect(p.newFile).toBe(true);
    expect(p.notes.join('\n')).toMatch(
      /deliverables\/indri\/ has no files: the release team creates them with init-series/,
    );
    expect(
      p.diff.startsWith('--- /dev/null\n+++ b/deliverables/indri/glance-store.yaml\n@@ -0,0 +1,'),
    ).toBe(true);
    expect(p.diff).toContain(
      '+repository-settings:\n+  openstack/glance_store: {}\n+releases:\n+  - version: 5.7.0\n',
    );
    expect(p.diff).not.toContain('stable/2026.2');
  });
});

describe('liaison release propose with a project clone and a releases checkout', () => {
  it('takes the branch head from --repo, lists the changes, writes and commits on a topic branch', async () => {
    const releases = releasesCheckout();
    const { repo: clone, head } = projectClone('5.6.0');
    const args = [
      'release',
      'propose',
      'glance-store',
      'feature',
      '--series',
      'hibiscus',
      '--repo',
      clone.dir,
      '--releases-repo',
      releases.dir,
      '--date',
      '2026-08-01',
    ];
    const dry = await runJson<Proposal>(args);
    expect(dry.hash).toBe(head);
    expect(dry.projects[0]?.from).toBe(`head of master in ${clone.dir}`);
    const log = dry.commitMessage.split('\n');
    expect(log[0]).toBe('Release glance-store 5.7.0 for Hibiscus');
    expect(log).toContain(`$ git log --oneline --no-merges 5.6.0..${head}`);
    expect(dry.commitMessage).toMatch(/[0-9a-f]{7,} Side work\n[0-9a-f]{7,} Fix bug B\n/);
    expect(dry.commitMessage).not.toContain('Merge side work');
    expect(dry.commitMessage.trimEnd().split('\n').at(-1)).toBe(
      'Signed-off-by: Test Author <author@example.org>',
    );
    const before = readFileSync(
      join(releases.dir, 'deliverables/hibiscus/glance-store.yaml'),
      'utf8',
    );

    const done = await runJson<Proposal>([...args, '--commit']);
    expect(done.written).toBe(true);
    expect(done.commit?.branch).toBe('release-glance-store-5.7.0');
    const after = readFileSync(
      join(releases.dir, 'deliverables/hibiscus/glance-store.yaml'),
      'utf8',
    );
    expect(after).toBe(
      `${before}  - version: 5.7.0\n    projects:\n      - repo: openstack/glance_store\n        hash: ${head}\n`,
    );
    expect(releases.git('rev-parse', '--abbrev-ref', 'HEAD')).toBe('release-glance-store-5.7.0');
    expect(releases.git('log', '-1', '--format=%B')).toBe(done.commitMessage.trimEnd());
    expect(releases.git('show', '--name-only', '--format=', 'HEAD')).toBe(
      'deliverables/hibiscus/glance-store.yaml',
    );
    expect(releases.git('status', '--porcelain')).toBe('');

    // the branch head is now the last release: refuse without --force
    const again = await runCli([...args]);
    expect(again.code).toBe(1);
    expect(again.stderr).toMatch(
      /^liaison: refused by rule already-tagged: nothing to release for glance-store: openstack\/glance_store already tagged at [0-9a-f]{40} as 5\.7\.0 \(--force tags it again\); upstream new-release would write nothing and exit 0; --override already-tagged writes it anyway\n$/,
    );
    const forced = await runJson<Proposal>([...args, '--force']);
    expect(forced.version).toBe('5.8.0');
    const overridden = await runJson<Proposal>([...args, '--override', 'already-tagged']);
    expect(overridden.version).toBe('5.8.0');
  });

  it('rc after rc1 takes the head of the new stable branch and adds no branch', async () => {
    const releases = releasesCheckout();
    const { repo: clone } = projectClone('33.0.0.0b2');
    const base = [
      'release',
      'propose',
      'glance',
      'rc',
      '--series',
      'hibiscus',
      '--repo',
      clone.dir,
      '--releases-repo',
      releases.dir,
    ];
    const rc1 = await runJson<Proposal>([...base, '--write']);
    expect(rc1.version).toBe('33.0.0.0rc1');
    expect(rc1.branchesAdded).toEqual([{ name: 'stable/2026.2', location: '33.0.0.0rc1' }]);
    clone.tag('33.0.0.0rc1');
    clone.branch('stable/2026.2');
    clone.checkout('stable/2026.2');
    const fix = clone.commit('Fix release-critical bug', { 'fix.py': 'ok = True\n' });
    clone.checkout('master');
    clone.commit('Master moves on', { 'next.py': 'n = 1\n' });
    const rc2 = await runJson<Proposal>(base);
    expect(rc2.version).toBe('33.0.0.0rc2');
    expect(rc2.hash).toBe(fix);
    expect(rc2.branchesAdded).toEqual([]);
    expect(rc2.commitMessage).toContain(`$ git log --oneline --no-merges 33.0.0.0rc1..${fix}`);
    const final = await runJson<Proposal>([
      'release',
      'propose',
      'glance',
      'final',
      '--series',
      'hibiscus',
      '--releases-repo',
      releases.dir,
    ]);
    expect(final.version).toBe('33.0.0');
    expect(final.diffStart).toBe('32.0.0.0rc1');
    expect(final.hash).toBe(rc1.hash);
  });

  it('eol needs the stable branch; --hash must exist in the clone', async () => {
    const releases = releasesCheckout();
    const { repo: clone } = projectClone('31.1.0');
    const eolArgs = [
      'release',
      'propose',
      'glance',
      'eol',
      '--series',
      'flamingo',
      '--repo',
      clone.dir,
      '--releases-repo',
      releases.dir,
      // flamingo reaches end of life on 2027-04-28: within 4 weeks
      '--date',
      '2027-04-10',
    ];
    const eol = await runCli(eolArgs);
    expect(eol.code).toBe(1);
    expect(eol.stderr).toBe(
      `liaison: refused by rule branch-missing: stable/2025.2 does not exist in ${clone.dir}: cannot tag its head; upstream new-release would silently write 2025.2-eol at the head of master; --override branch-missing writes it anyway\n`,
    );
    const onMaster = await runJson<Proposal>([...eolArgs, '--override', 'branch-missing']);
    expect(onMaster.projects[0]?.from).toBe(`head of master in ${clone.dir}`);
    expect(onMaster.notes.join('\n')).toMatch(/despite rule branch-missing/);
    clone.branch('stable/2025.2');
    const ok = await runJson<Proposal>(eolArgs);
    expect(ok.version).toBe('2025.2-eol');
    const early = await runCli([...eolArgs.slice(0, -2), '--date', '2026-09-16']);
    expect(early.code).toBe(1);
    expect(early.stderr).toMatch(
      /^liaison: refused by rule lifecycle-too-early: flamingo becomes end of life on 2027-04-28, 224 days after 2026-09-16/,
    );
    const missing = await runCli([
      'release',
      'propose',
      'glance',
      'bugfix',
      '--series',
      'flamingo',
      '--hash',
      SHA,
      '--repo',
      clone.dir,
      '--releases-repo',
      releases.dir,
    ]);
    expect(missing.code).toBe(2);
    expect(missing.stderr).toBe(
      `liaison: --hash ${SHA}: no such commit in ${clone.dir} (fetch it first)\n`,
    );
  });

  it('creates the indri file with --write, from the hibiscus file', async () => {
    const releases = releasesCheckout();
    const p = await runJson<Proposal>([
      'release',
      'propose',
      'glance-store',
      'feature',
      '--series',
      'indri',
      '--hash',
      SHA,
      '--releases-repo',
      releases.dir,
      '--write',
    ]);
    expect(p.written).toBe(true);
    const made = readFileSync(join(releases.dir, 'deliverables/indri/glance-store.yaml'), 'utf8');
    expect(made).toBe(
      `---\ninclude-pypi-link: true\nlaunchpad: glance-store\nrelease-model: cycle-with-intermediary\nteam: glance\ntype: library\nrepository-settings:\n  openstack/glance_store: {}\nreleases:\n  - version: 5.7.0\n    projects:\n      - repo: openstack/glance_store\n        hash: ${SHA}\n`,
    );
    expect(
      readdirSync(join(releases.dir, 'deliverables/indri')).filter((f) => f.includes('tmp')),
    ).toEqual([]);
  });
});

describe('liaison release propose for a multi-repository deliverable', () => {
  it('takes every repository from clones-dir (real git clones)', async () => {
    const clones = tempDir();
    const heads: Record<string, string> = {};
    for (const name of ['kayobe', 'kayobe-config', 'kayobe-config-dev']) {
      const { repo } = projectClone('20.0.0');
      execFileSync('git', ['clone', '-q', repo.dir, join(clones, name)]);
      heads[name] = repo.head();
    }
    const cwd = tempDir();
    writeFileSync(join(cwd, 'liaison.yaml'), `team: glance\nclones-dir: ${clones}\n`);
    const args = ['release', 'propose', 'kayobe', 'milestone', '--series', 'hibiscus', ...real];
    const p = await runJson<Proposal>(args, { cwd });
    expect(p.version).toMatch(/\.0b1$/);
    expect(p.projects.map((x) => [x.repo, x.hash])).toEqual([
      ['openstack/kayobe', heads.kayobe],
      ['openstack/kayobe-config', heads['kayobe-config']],
      ['openstack/kayobe-config-dev', heads['kayobe-config-dev']],
    ]);
    expect(p.projects[0]?.from).toBe(`head of master in ${join(clones, 'kayobe')}`);
    const hash = await runCli([...args, '--hash', SHA], { cwd });
    expect(hash.code).toBe(1);
    expect(hash.stderr).toMatch(
      /^liaison: refused by rule multi-repository-hash: --hash: kayobe has 3 repositories .*; upstream new-release takes no hash: .*; this rule cannot be overridden\n$/,
    );
  });
});

describe('liaison release propose: refusals and bad input', () => {
  const cases: [string, string[], number, RegExp][] = [
    [
      'after EOL',
      ['glance', 'bugfix', '--series', 'dalmatian', '--hash', SHA, ...real],
      1,
      /cannot create a release after EOL tagging: glance dalmatian ends with 2024\.2-eol/,
    ],
    [
      'model forbids rc',
      ['glance-store', 'rc', '--series', 'hibiscus', '--hash', SHA],
      1,
      /cannot compute an RC for cycle-with-intermediary deliverable glance-store/,
    ],
    [
      'feature mid-cycle on cycle-with-rc',
      ['glance', 'feature', '--series', 'hibiscus', '--hash', SHA],
      1,
      /only pre-releases so far/,
    ],
    [
      'collision with a newer series',
      ['glance-store', 'feature', '--series', 'gazpacho', '--hash', SHA],
      1,
      /5\.5\.0 already exists in hibiscus/,
    ],
    [
      'unknown deliverable',
      ['glanse', 'feature', '--series', 'hibiscus'],
      2,
      /unknown deliverable glanse: no deliverables\/hibiscus\/glanse\.yaml/,
    ],
    [
      'malformed deliverable name',
      ['../glance', 'feature'],
      2,
      /"\.\.\/glance": not a deliverable name/,
    ],
    ['unknown series', ['glance', 'rc', '--series', 'zzz'], 2, /unknown series zzz/],
    ['unknown type', ['glance', 'patch', '--series', 'hibiscus'], 2, /patch: unknown release type/],
    [
      'short hash',
      ['glance', 'rc', '--series', 'hibiscus', '--hash', 'abc123'],
      2,
      /--hash abc123: expected a full commit SHA/,
    ],
    [
      '--write on the snapshot',
      ['glance', 'rc', '--series', 'hibiscus', '--hash', SHA, '--write'],
      2,
      /--write needs a releases checkout/,
    ],
    [
      '--write without a commit',
      ['glance-store', 'feature', '--series', 'hibiscus', '--write', ...real],
      2,
      /no commit for glance-store: pass --hash SHA or --repo DIR/,
    ],
    [
      'missing clone folder',
      ['glance', 'rc', '--series', 'hibiscus', '--repo', '/nonexistent/glance'],
      2,
      /--repo \/nonexistent\/glance: not a git repository/,
    ],
    [
      'bad milestone',
      ['glance', 'milestone', '--series', 'hibiscus', '--milestone', 'two'],
      2,
      /--milestone two: expected a milestone number/,
    ],
  ];
  for (const [label, args, code, message] of cases) {
    it(`${label}: exit ${code}, one clear line`, async () => {
      const r = await runCli(['release', 'propose', ...args], { cwd: tempDir() });
      expect(r.stderr).toMatch(message);
      expect(r.stderr.trimEnd().split('\n')).toHaveLength(1);
      expect(r.stderr).not.toMatch(/at .*\.js:\d+/);
      expect(r.code).toBe(code);
      expect(r.stdout).toBe('');
    });
  }

  it('a malformed deliverable file: exit 2 naming the file', async () => {
    const releases = releasesCheckout();
    writeFileSync(
      join(releases.dir, 'deliverables/hibiscus/glance.yaml'),
      '---\nteam: glance\nreleases:\n  - version: [unclosed\n',
    );
    const r = await runCli([
      'release',
      'propose',
      'glance',
      'rc',
      '--series',
      'hibiscus',
      '--hash',
      SHA,
      '--releases-repo',
      releases.dir,
    ]);
    expect(r.code).toBe(2);
    expect(r.stderr).toContain(join(releases.dir, 'deliverables/hibiscus/glance.yaml'));
    expect(r.stderr).toMatch(/invalid YAML/);
  });

  it('writeFileAtomic leaves no temporary file when the rename fails', () => {
    const dir = tempDir();
    const target = join(dir, 'target');
    mkdirSync(join(target, 'sub'), { recursive: true });
    expect(() => {
      writeFileAtomic(target, 'x');
    }).toThrow();
    expect(readdirSync(dir)).toEqual(['target']);
    writeFileAtomic(join(dir, 'ok.yaml'), 'a: 1\n');
    expect(readFileSync(join(dir, 'ok.yaml'), 'utf8')).toBe('a: 1\n');
    expect(existsSync(join(dir, `.${process.pid}.liaison-tmp`))).toBe(false);
  });
});

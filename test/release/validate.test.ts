import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { Context } from '../../src/cli/context.js';
import { ruleEnv } from '../../src/release/validate/read.js';
import { listDeliverableFiles, loadFile, readRef } from '../../src/release/validate/load.js';
import type { Finding } from '../../src/release/validate/plan-types.js';
import {
  validateFile,
  type LoadedFile,
  type ValidateView,
} from '../../src/release/validate/plan.js';
import { BEYOND_RULES } from '../../src/release/validate/plan-rules-beyond.js';
import { compileUpstreamSchema } from '../../src/release/validate/schema.js';
import { runCli } from '../helpers/cli.js';
import { GOVERNANCE_DIR, RELEASES_DIR, hasSharedData } from '../helpers/shared-data.js';
import { releaseEntry, releasesCheckout } from './validate-helpers.js';

const REAL = ['--releases-repo', RELEASES_DIR, '--governance-repo', GOVERNANCE_DIR];
const SHA = 'a'.repeat(40);

async function validate(
  args: string[],
): Promise<{ code: number; view: ValidateView; stderr: string }> {
  const r = await runCli(['release', 'validate', ...args, '--json']);
  return {
    code: r.code,
    view: (r.stdout ? JSON.parse(r.stdout) : undefined) as ValidateView,
    stderr: r.stderr,
  };
}

describe.runIf(hasSharedData())('release validate on the real data', () => {
  it('accepts every file of openstack/releases, as the real tooling did', async () => {
    const { code, view } = await validate(REAL);
    expect(
      view.errors,
      JSON.stringify(view.findings.filter((f) => f.level === 'error').slice(0, 5)),
    ).toBe(0);
    expect(code).toBe(0);
    expect(view.files).toBe(6026);
    expect(view.currentSeries).toBe('hibiscus');
    // warnings exist (retired teams, upstream-type branches) and never fail
    expect(view.warnings).toBeGreaterThan(0);
  });

  /** The four newest series' files of the real data, with the rule environment at the snapshot's date. */
  function newestSeriesFiles() {
    const ctx = new Context(
      { ...{ releasesRepo: RELEASES_DIR, governanceRepo: GOVERNANCE_DIR } },
      {
        stdout: () => {},
        stderr: () => {},
        env: {},
        cwd: process.cwd(),
        now: () => new Date('2026-08-21T12:00:00Z'),
        isTTY: false,
      },
    );
    const env = ruleEnv(ctx);
    const tree = ctx.data.releases.tree;
    const schema = compileUpstreamSchema(
      tree.read('openstack_releases/schema.yaml') ?? '',
      'schema.yaml',
    );
    const series = new Set(['epoxy', 'flamingo', 'gazpacho', 'hibiscus']);
    const files = listDeliverableFiles(tree)
      .filter((r) => series.has(r.display.split('/')[1] ?? ''))
      .map((ref) => ({ ref, text: readRef(ref, tree) }));
    return { env, schema, files };
  }

  /** diff-start values naming a git tag from before the deliverable's files (documented in docs/release-rules.md). */
  const DIFF_START_GIT_TAGS = [
    'deliverables/epoxy/ansible-role-atos-hsm.yaml 9.0.0',
    'deliverables/epoxy/freezer-api.yaml 16.0.0',
    'deliverables/flamingo/ansible-role-atos-hsm.yaml 10.0.0',
    'deliverables/gazpacho/ansible-role-atos-hsm.yaml 11.0.0',
  ];

  it('accepts the last release of every file of the four newest series as if it were the new one', () => {
    const { env, schema, files } = newestSeriesFiles();
    const errors: Finding[] = [];
    let checked = 0;
    for (const { ref, text } of files) {
      const probe = loadFile(ref, text);
      const releases =
        (probe.parsed.ok
          ? (probe.parsed.value as { releases?: { version: string }[] }).releases
          : undefined) ?? [];
      const last = releases[releases.length - 1]?.version;
      if (!last) continue;
      checked++;
      const f = loadFile(ref, text, { kind: 'versions', isNew: (v) => v === last });
      errors.push(...validateFile(f, env, schema).filter((x) => x.level === 'error'));
    }
    expect(checked).toBeGreaterThan(700);
    // upstream's rules: none; ours: only the documented diff-start git tags
    expect(errors.filter((e) => e.rule !== 'diff-start-unknown')).toEqual([]);
    expect(errors.map((e) => `${e.file} ${/release (\S+):/.exec(e.message)?.[1] ?? ''}`)).toEqual(
      DIFF_START_GIT_TAGS,
    );
  });

  it('stable releases of an older line stay legal: gnocchi 2.2.1 after 3.0.0, 3.0.5 and 3.0.7 after 3.1.x', () => {
    const { env, schema } = newestSeriesFiles();
    const ref = {
      display: 'deliverables/_independent/gnocchi.yaml',
      rel: 'deliverables/_independent/gnocchi.yaml',
    };
    const text = readFileSync(join(RELEASES_DIR, ref.rel), 'utf8');
    const stable = new Set(['2.2.1', '3.0.5', '3.0.7']);
    const f = loadFile(ref, text, { kind: 'versions', isNew: (v) => stable.has(v) });
    expect(validateFile(f, env, schema).filter((x) => x.rule === 'version-order')).toEqual([]);
    // while an RC of 3.1.4 after 3.1.4 would not be
    const wrong = loadFile(ref, text.replace(/version: 3\.0\.7$/m, 'version: 3.1.4.0rc1'), {
      kind: 'versions',
      isNew: (v) => v === '3.1.4.0rc1',
    });
    expect(validateFile(wrong, env, schema).map((x) => x.rule)).toContain('version-order');
  });

  it('the rules beyond upstream accept every release of the four newest series, replayed one at a time', () => {
    // each release as the new one, in its file cut right after it (as the file was when it was requested)
    const { env, schema, files } = newestSeriesFiles();
    const beyond = new Set(BEYOND_RULES.map((r) => r.id));
    const found: string[] = [];
    let replayed = 0;
    for (const { ref, text } of files) {
      const whole = loadFile(ref, text);
      if (!whole.parsed.ok) continue;
      const doc = whole.parsed.value as { releases?: { version: string }[] };
      const releases = doc.releases ?? [];
      releases.forEach((r, i) => {
        replayed++;
        const cut: LoadedFile = {
          ...whole,
          parsed: { ok: true, value: { ...doc, releases: releases.slice(0, i + 1) } },
          newness: { kind: 'versions', isNew: (v) => v === r.version },
        };
        for (const f of validateFile(cut, env, schema))
          if (beyond.has(f.rule)) found.push(`${f.file} ${r.version}: ${f.rule}`);
      });
    }
    expect(replayed).toBeGreaterThan(1500);
    expect(found).toEqual(DIFF_START_GIT_TAGS.map((x) => `${x}: diff-start-unknown`));
  });
});

describe('release validate on the embedded snapshot', () => {
  it('finds no error', async () => {
    const { code, view } = await validate([]);
    expect(code).toBe(0);
    expect(view.errors).toBe(0);
    expect(view.files).toBeGreaterThan(500);
  });
});

describe.runIf(hasSharedData())(
  'release validate on broken files (temporary releases checkout, --base HEAD)',
  () => {
    const GOV = ['--governance-repo', GOVERNANCE_DIR];

    function edit(dir: string, path: string, change: (text: string) => string): void {
      const full = join(dir, path);
      writeFileSync(full, change(readFileSync(full, 'utf8')));
    }

    async function findingsAfter(
      path: string,
      change: (text: string) => string,
      extra: string[] = [],
    ): Promise<{ code: number; findings: Finding[] }> {
      const repo = releasesCheckout();
      edit(repo.dir, path, change);
      const { code, view, stderr } = await validate([
        '--releases-repo',
        repo.dir,
        ...GOV,
        '--base',
        'HEAD',
        ...extra,
      ]);
      expect(stderr).toBe('');
      return { code, findings: [...view.findings] };
    }

    const hib = 'deliverables/hibiscus/glance.yaml';
    const store = 'deliverables/hibiscus/glance-store.yaml';

    it('validates only the changed files and passes an untouched checkout', async () => {
      const repo = releasesCheckout();
      const { code, view } = await validate([
        '--releases-repo',
        repo.dir,
        ...GOV,
        '--base',
        'HEAD',
      ]);
      expect(code).toBe(0);
      expect(view.files).toBe(0);
    });

    it('accepts a correct new release (glance 33.0.0.0rc1 with its stable branch)', async () => {
      const { code, findings } = await findingsAfter(
        hib,
        (t) =>
          t +
          releaseEntry('33.0.0.0rc1', 'openstack/glance', SHA) +
          'branches:\n  - name: stable/2026.2\n    location: 33.0.0.0rc1\n',
      );
      expect(findings.filter((f) => f.level === 'error')).toEqual([]);
      expect(code).toBe(0);
    });

    it('reports malformed YAML in one line naming the file', async () => {
      const repo = releasesCheckout();
      edit(repo.dir, hib, (t) => t + '  - version: [unclosed\n');
      const r = await runCli([
        'release',
        'validate',
        '--releases-repo',
        repo.dir,
        ...GOV,
        '--base',
        'HEAD',
      ]);
      expect(r.code).toBe(1);
      const lines = r.stdout.split('\n').filter((l) => l.includes('[error]'));
      expect(lines).toHaveLength(1);
      expect(lines[0]).toMatch(
        /^deliverables\/hibiscus\/glance\.yaml: \[error\] invalid YAML at line \d+/,
      );
    });

    it('rejects an unquoted version that YAML reads as a number', async () => {
      const { code, findings } = await findingsAfter(
        store,
        (t) => t + releaseEntry('5.10', 'openstack/glance_store', SHA),
      );
      expect(code).toBe(1);
      expect(findings).toContainEqual(
        expect.objectContaining({ check: 'schema', field: 'releases[2].version', level: 'error' }),
      );
      expect(findings[0]?.message).toMatch(/must be string, got the number 5\.1/);
    });

    it.each([
      [
        'unknown key (schema)',
        store,
        (t: string) => t.replace('team: glance', 'team: glance\nteem: x'),
        'schema',
        'error',
      ],
      [
        'no bug tracker',
        store,
        (t: string) =>
          t.replace('launchpad: glance-store\n', '') +
          releaseEntry('5.7.0', 'openstack/glance_store', SHA),
        'bug-tracker',
        'error',
      ],
      [
        'unknown team',
        'deliverables/gazpacho/glance-store.yaml',
        (t: string) => t.replace('team: glance', 'team: glancy'),
        'team',
        'warning',
      ],
      [
        'team that does not own the deliverable',
        store,
        (t: string) => t.replace('team: glance', 'team: nova'),
        'governance',
        'error',
      ],
      [
        'release notes for another repo',
        store,
        (t: string) => t + 'release-notes:\n  openstack/nova: https://x\n',
        'release-notes',
        'error',
      ],
      [
        'no release model',
        store,
        (t: string) => t.replace('release-model: cycle-with-intermediary\n', ''),
        'model',
        'error',
      ],
      [
        'short hash',
        store,
        (t: string) => t + releaseEntry('5.7.0', 'openstack/glance_store', 'abc123'),
        'sha-format',
        'error',
      ],
      [
        'non-canonical version',
        store,
        (t: string) => t + releaseEntry("'5.7'", 'openstack/glance_store', SHA),
        'version-numbers',
        'error',
      ],
      [
        'beta of an intermediary library',
        store,
        (t: string) => t + releaseEntry('5.7.0.0b1', 'openstack/glance_store', SHA),
        'version-numbers',
        'error',
      ],
      [
        'new release in the middle',
        store,
        (t: string) =>
          t.replace(
            '  - version: 5.6.0',
            releaseEntry('5.5.1', 'openstack/glance_store', SHA).trimEnd() + '\n  - version: 5.6.0',
          ),
        'new-release-at-end',
        'error',
      ],
      [
        'release in an end-of-life series',
        'deliverables/dalmatian/glance-tempest-plugin.yaml',
        (t: string) => t + releaseEntry('0.17.0', 'openstack/glance-tempest-plugin', SHA),
        'open-series',
        'error',
      ],
      [
        'repo missing from repository-settings',
        store,
        (t: string) => t + releaseEntry('5.7.0', 'openstack/glance', SHA),
        'governance',
        'error',
      ],
      [
        'first release of a series that is a patch',
        'deliverables/hibiscus/python-glanceclient.yaml',
        (t: string) =>
          t.replace(
            /releases:[\s\S]*$/,
            'releases:\n' + releaseEntry('4.11.1', 'openstack/python-glanceclient', SHA),
          ),
        'first-in-series',
        'error',
      ],
      [
        'final with another hash than its RC',
        hib,
        (t: string) =>
          t +
          releaseEntry('33.0.0.0rc1', 'openstack/glance', SHA) +
          releaseEntry('33.0.0', 'openstack/glance', 'b'.repeat(40)),
        'final-after-rc',
        'error',
      ],
      [
        'final release without an RC',
        hib,
        (t: string) => t + releaseEntry('33.0.0', 'openstack/glance', SHA),
        'pre-release-progression',
        'error',
      ],
      [
        'EOL tag missing a repository',
        'deliverables/flamingo/glance-store.yaml',
        (t: string) =>
          t
            .replace('repository-settings:\n', 'repository-settings:\n  openstack/other: {}\n')
            .replace(
              'branches:',
              releaseEntry('2025.2-eol', 'openstack/glance_store', SHA) + 'branches:',
            ),
        'eol',
        'error',
      ],
      [
        'EOL tag with the wrong id',
        'deliverables/flamingo/glance-store.yaml',
        (t: string) =>
          t.replace(
            'branches:',
            releaseEntry('2025.1-eol', 'openstack/glance_store', SHA) + 'branches:',
          ),
        'version-numbers',
        'error',
      ],
      [
        'unknown branch prefix',
        store,
        (t: string) => t + 'branches:\n  - name: driverfixes/x\n    location: 5.6.0\n',
        'branch-prefix',
        'error',
      ],
      [
        'new branch not at the last release',
        store,
        (t: string) => t + 'branches:\n  - name: stable/2026.2\n    location: 5.5.0\n',
        'stable-branches',
        'error',
      ],
      [
        'stable branch of another series',
        store,
        (t: string) => t + 'branches:\n  - name: stable/2026.1\n    location: 5.6.0\n',
        'stable-branches',
        'error',
      ],
      [
        'feature branch at a version',
        store,
        (t: string) => t + 'branches:\n  - name: feature/x\n    location: 5.6.0\n',
        'feature-branches',
        'error',
      ],
      [
        'tempest plugin with a branch',
        'deliverables/hibiscus/glance-tempest-plugin.yaml',
        (t: string) => t + 'branches:\n  - name: stable/2026.2\n    location: 0.16.0\n',
        'stable-branches',
        'error',
      ],
    ])('%s', async (_name, path, change, check, level) => {
      const { code, findings } = await findingsAfter(path, change);
      expect(findings, JSON.stringify(findings)).toContainEqual(
        expect.objectContaining({ check, level }),
      );
      expect(code).toBe(level === 'error' ? 1 : 0);
    });

    it('warns when the previous series was not branched ("is the series open?")', async () => {
      const repo = releasesCheckout();
      edit(repo.dir, 'deliverables/gazpacho/glance-store.yaml', (t) =>
        t.replace(/branches:[\s\S]*$/, ''),
      );
      repo.commit('drop the gazpacho branch');
      edit(repo.dir, store, (t) => t + releaseEntry('5.7.0', 'openstack/glance_store', SHA));
      const { code, view } = await validate([
        '--releases-repo',
        repo.dir,
        ...GOV,
        '--base',
        'HEAD',
      ]);
      expect(view.findings).toContainEqual(
        expect.objectContaining({ check: 'series-open', level: 'warning', file: store }),
      );
      expect(code).toBe(0);
    });

    it('needs a git checkout for --base', async () => {
      const r = await runCli(['release', 'validate', '--base', 'HEAD']);
      expect(r.code).toBe(2);
      expect(r.stderr).toMatch(/--base needs a releases checkout/);
    });

    it('names a missing file', async () => {
      const r = await runCli(['release', 'validate', 'deliverables/hibiscus/nope.yaml']);
      expect(r.code).toBe(2);
      expect(r.stderr).toMatch(/nope\.yaml: no such deliverable file/);
    });
  },
);

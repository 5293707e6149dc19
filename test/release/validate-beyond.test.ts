import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Finding } from '../../src/release/validate/plan-types.js';
import type { ValidateView } from '../../src/release/validate/plan.js';
import { runCli } from '../helpers/cli.js';
import { GOVERNANCE_DIR, hasSharedData } from '../helpers/shared-data.js';
import { fullReleasesCopy, releaseEntry, type FullCopy } from './validate-helpers.js';

/**
 * The rules beyond upstream, each on a git copy of the whole real data with
 * one real file changed and `--base HEAD`: the reproductions of issue 14
 * and the variants a mutated file can take (quoted versions, betas and
 * RCs, several repositories, branches).
 */

const SHA = 'b'.repeat(40);
const SNAPSHOT_DATE = '2026-08-21';

type Edit = readonly [path: string, change: (text: string) => string];

/** Appends a release entry right before the top-level key that follows `releases` (or at the end). */
function appendRelease(entry: string): (text: string) => string {
  return (t) => {
    const after = /^(branches|release-notes|cycle-highlights):/m.exec(
      t.slice(t.indexOf('releases:')),
    );
    if (!after) return t + entry;
    const at = t.indexOf('releases:') + after.index;
    return t.slice(0, at) + entry + t.slice(at);
  };
}

function multiEntry(version: string, projects: readonly [string, string][]): string {
  return (
    `  - version: ${version}\n    projects:\n` +
    projects.map(([repo, hash]) => `      - repo: ${repo}\n        hash: ${hash}\n`).join('')
  );
}

describe.runIf(hasSharedData())(
  'release validate beyond upstream (real files, --base HEAD) (needs ../shared/data)',
  () => {
    let copy: FullCopy;
    beforeAll(() => {
      copy = fullReleasesCopy();
    }, 180_000);
    afterAll(() => {
      copy?.remove();
    });

    async function validateAfter(
      edits: readonly Edit[],
      extra: readonly string[] = [],
    ): Promise<{ code: number; view: ValidateView; stdout: string }> {
      copy.reset();
      for (const [path, change] of edits) copy.edit(path, change);
      const args = [
        'release',
        'validate',
        '--releases-repo',
        copy.dir,
        '--governance-repo',
        GOVERNANCE_DIR,
        '--base',
        'HEAD',
        '--date',
        SNAPSHOT_DATE,
        ...extra,
      ];
      const json = await runCli([...args, '--json']);
      expect(json.stderr).toBe('');
      const text = await runCli(args);
      return {
        code: json.code,
        view: JSON.parse(json.stdout) as ValidateView,
        stdout: text.stdout,
      };
    }

    const errorsOf = (view: ValidateView): Finding[] =>
      view.findings.filter((f) => f.level === 'error');

    it('an untouched copy: no file changed, 0 errors', async () => {
      const { code, view } = await validateAfter([]);
      expect(code).toBe(0);
      expect(view.files).toBe(0);
    });

    interface Case {
      readonly name: string;
      readonly edits: readonly Edit[];
      readonly extra?: readonly string[];
      /** Every error expected (rule, file, and text the message must contain), nothing else. */
      readonly errors: readonly (readonly [rule: string, file: string, text: RegExp])[];
    }

    const cases: Case[] = [
      {
        name: 'issue: release-notes without a scheme (python-designateclient, gazpacho)',
        edits: [
          [
            'deliverables/gazpacho/python-designateclient.yaml',
            (t) => t.replace('https://docs.openstack.org/', 'docs.openstack.org/'),
          ],
        ],
        errors: [
          [
            'link-scheme',
            'deliverables/gazpacho/python-designateclient.yaml',
            /"docs\.openstack\.org\/releasenotes\/python-designateclient\/2026\.1\.html" has no scheme.*upstream validate crashes on this/,
          ],
        ],
      },
      {
        name: 'release-notes mapping with a plain http link',
        edits: [
          [
            'deliverables/hibiscus/glance-store.yaml',
            (t) => t + 'release-notes:\n  openstack/glance_store: http://docs.openstack.org/x\n',
          ],
        ],
        errors: [
          [
            'link-scheme',
            'deliverables/hibiscus/glance-store.yaml',
            /of openstack\/glance_store: "http:\/\/docs\.openstack\.org\/x" is plain http.*upstream validate misses this/,
          ],
        ],
      },
      {
        name: 'issue: zaqar-ui 20.0.0 appended a second time with another hash (gazpacho)',
        edits: [
          [
            'deliverables/gazpacho/zaqar-ui.yaml',
            appendRelease(releaseEntry('20.0.0', 'openstack/zaqar-ui', SHA)),
          ],
        ],
        errors: [
          [
            'duplicate-version',
            'deliverables/gazpacho/zaqar-ui.yaml',
            /release 20\.0\.0 is listed twice \(also releases\[1\]\).*upstream validate catches this only with git/,
          ],
        ],
      },
      {
        name: 'the same duplicate, quoted and with the same hash',
        edits: [
          [
            'deliverables/gazpacho/zaqar-ui.yaml',
            appendRelease(
              releaseEntry(
                "'20.0.0'",
                'openstack/zaqar-ui',
                'a279cb005df6e7f4ec76675f5cbd214f259c3788',
              ),
            ),
          ],
        ],
        errors: [['duplicate-version', 'deliverables/gazpacho/zaqar-ui.yaml', /listed twice/]],
      },
      {
        name: 'issue: oslo.rootwrap 7.9.7 after 7.10.0 (hibiscus)',
        edits: [
          [
            'deliverables/hibiscus/oslo.rootwrap.yaml',
            appendRelease(releaseEntry('7.9.7', 'openstack/oslo.rootwrap', SHA)),
          ],
        ],
        errors: [
          [
            'version-order',
            'deliverables/hibiscus/oslo.rootwrap.yaml',
            /release 7\.9\.7 opens the 7\.9 line in this file but is not greater than 7\.10\.0.*upstream validate misses this/,
          ],
        ],
      },
      {
        name: 'a beta below the last beta of its line (glance 33.0.0.0b1 after 33.0.0.0b2)',
        edits: [
          [
            'deliverables/hibiscus/glance.yaml',
            appendRelease(releaseEntry('33.0.0.0b1', 'openstack/glance', SHA)),
          ],
        ],
        errors: [
          [
            'version-order',
            'deliverables/hibiscus/glance.yaml',
            /33\.0\.0\.0b1 is not greater than 33\.0\.0\.0b2 of its own 33\.0 line/,
          ],
        ],
      },
      {
        name: 'an RC after its final (glance 32.0.0.0rc3 after 32.0.0 in gazpacho)',
        edits: [
          [
            'deliverables/gazpacho/glance.yaml',
            appendRelease(releaseEntry('32.0.0.0rc3', 'openstack/glance', SHA)),
          ],
        ],
        errors: [
          [
            'version-order',
            'deliverables/gazpacho/glance.yaml',
            /32\.0\.0\.0rc3 is not greater than 32\.0\.0 of its own 32\.0 line/,
          ],
        ],
      },
      {
        name: 'issue: a diff-start that is not a version of the deliverable',
        edits: [
          [
            'deliverables/hibiscus/glance-store.yaml',
            (t) =>
              t + releaseEntry('5.7.0', 'openstack/glance_store', SHA) + '    diff-start: 5.4.9\n',
          ],
        ],
        errors: [
          [
            'diff-start-unknown',
            'deliverables/hibiscus/glance-store.yaml',
            /release 5\.7\.0: diff-start "5\.4\.9" is not a version of glance-store in any series.*upstream validate misses this/,
          ],
        ],
      },
      {
        name: 'a version another series already has (glance-store 5.5.0 of hibiscus into gazpacho)',
        edits: [
          [
            'deliverables/gazpacho/glance-store.yaml',
            appendRelease(releaseEntry('5.5.0', 'openstack/glance_store', SHA)),
          ],
        ],
        errors: [
          [
            'version-in-other-series',
            'deliverables/gazpacho/glance-store.yaml',
            /release 5\.5\.0 is already a release of glance-store in hibiscus/,
          ],
        ],
      },
      {
        name: 'a first release below the older series (aodh 21.1.0 in hibiscus, gazpacho has 22.0.1)',
        edits: [
          [
            'deliverables/hibiscus/aodh.yaml',
            (t) => t + 'releases:\n' + releaseEntry('21.1.0.0rc1', 'openstack/aodh', SHA),
          ],
        ],
        errors: [
          [
            'below-older-series',
            'deliverables/hibiscus/aodh.yaml',
            /21\.1\.0\.0rc1 is not greater than 22\.0\.1 of the older series gazpacho/,
          ],
        ],
      },
      {
        name: 'a release in an unmaintained series whose file has an -eom tag (caracal glance)',
        edits: [
          [
            'deliverables/caracal/glance.yaml',
            appendRelease(releaseEntry('28.1.1', 'openstack/glance', SHA)),
          ],
        ],
        errors: [
          [
            'closed-series',
            'deliverables/caracal/glance.yaml',
            /at 2026-08-21 caracal is unmaintained.*upstream validate misses this \(it reads the recorded status "unmaintained" and skips files with lifecycle tags\)/,
          ],
        ],
      },
      {
        name: 'a release in a series that went unmaintained by --date (epoxy glance at 2026-10-05)',
        edits: [
          [
            'deliverables/epoxy/glance.yaml',
            appendRelease(releaseEntry('30.2.1', 'openstack/glance', SHA)),
          ],
        ],
        extra: ['--date', '2026-10-05'],
        errors: [
          [
            'closed-series',
            'deliverables/epoxy/glance.yaml',
            /at 2026-10-05 epoxy is unmaintained \(since 2026-10-02\).*recorded status "maintained"/,
          ],
        ],
      },
      {
        name: 'the status at --date follows the schedule, not the status recorded later (dalmatian glance at 2025-06-02, maintained then)',
        edits: [
          [
            'deliverables/dalmatian/glance.yaml',
            appendRelease(releaseEntry('29.2.2', 'openstack/glance', SHA)),
          ],
        ],
        extra: ['--date', '2025-06-02'],
        errors: [],
      },
      {
        name: 'a phase recorded without a date holds from the data on, not before (caracal glance at 2024-06-03)',
        edits: [
          [
            'deliverables/caracal/glance.yaml',
            appendRelease(releaseEntry('28.2.1', 'openstack/glance', SHA)),
          ],
        ],
        extra: ['--date', '2024-06-03'],
        errors: [],
      },
      {
        name: 'an end-of-life series past its eol-date (dalmatian glance at 2026-05-04)',
        edits: [
          [
            'deliverables/dalmatian/glance.yaml',
            appendRelease(releaseEntry('29.2.2', 'openstack/glance', SHA)),
          ],
        ],
        extra: ['--date', '2026-05-04'],
        errors: [
          [
            'closed-series',
            'deliverables/dalmatian/glance.yaml',
            /at 2026-05-04 dalmatian is end of life, .*skips files with lifecycle tags/,
          ],
        ],
      },
      {
        name: 'lifecycle tags stay legal in a closed series (epoxy glance 2025.1-eom at 2026-10-05)',
        edits: [
          [
            'deliverables/epoxy/glance.yaml',
            (t) =>
              appendRelease(releaseEntry('2025.1-eom', 'openstack/glance', SHA))(t).replace(
                'release-notes:',
                '  - name: unmaintained/2025.1\n    location: 2025.1-eom\nrelease-notes:',
              ),
          ],
        ],
        extra: ['--date', '2026-10-05'],
        errors: [],
      },
      {
        name: 'an edited released entry, several repositories (kayobe 19.0.0 with one hash changed)',
        edits: [
          [
            'deliverables/flamingo/kayobe.yaml',
            (t) => {
              const at = t.indexOf('  - version: 19.0.0\n');
              const hashAt = t.indexOf('hash: ', at) + 'hash: '.length;
              return t.slice(0, hashAt) + SHA + t.slice(hashAt + 40);
            },
          ],
        ],
        errors: [
          [
            'edited-release',
            'deliverables/flamingo/kayobe.yaml',
            /release 19\.0\.0 is already in HEAD with other commits \(openstack\/\S+ [0-9a-f]{40} → b{40}\)/,
          ],
        ],
      },
      {
        name: 'a new release of several repositories that repeats a version (kayobe)',
        edits: [
          [
            'deliverables/flamingo/kayobe.yaml',
            appendRelease(
              multiEntry('19.0.0', [
                ['openstack/kayobe', SHA],
                ['openstack/kayobe-config', SHA],
                ['openstack/kayobe-config-dev', SHA],
              ]),
            ),
          ],
        ],
        errors: [
          ['duplicate-version', 'deliverables/flamingo/kayobe.yaml', /19\.0\.0 is listed twice/],
        ],
      },
      {
        name: 'branches: a branch listed twice and a branch moved',
        edits: [
          [
            'deliverables/gazpacho/glance-store.yaml',
            (t) => t + '  - name: stable/2026.1\n    location: 5.4.0\n',
          ],
          [
            'deliverables/gazpacho/python-glanceclient.yaml',
            (t) => t.replace('location: 4.11.0', "location: '4.10.0'"),
          ],
        ],
        errors: [
          [
            'duplicate-branch',
            'deliverables/gazpacho/glance-store.yaml',
            /branch stable\/2026\.1 is listed twice.*upstream validate misses this/,
          ],
          [
            'edited-branch',
            'deliverables/gazpacho/python-glanceclient.yaml',
            /branch stable\/2026\.1 is already in HEAD at 4\.11\.0, not 4\.10\.0/,
          ],
        ],
      },
      {
        name: 'a correct new release passes every rule (glance-store 5.7.0, diff-start 5.6.0)',
        edits: [
          [
            'deliverables/hibiscus/glance-store.yaml',
            (t) =>
              t + releaseEntry('5.7.0', 'openstack/glance_store', SHA) + '    diff-start: 5.6.0\n',
          ],
        ],
        errors: [],
      },
    ];

    for (const c of cases) {
      it(c.name, async () => {
        const { code, view, stdout } = await validateAfter(c.edits, c.extra);
        const got = errorsOf(view).map((f) => [f.rule, f.file, f.message] as const);
        expect(got.map(([rule, file]) => [rule, file])).toEqual(
          c.errors.map(([rule, file]) => [rule, file]),
        );
        c.errors.forEach(([rule, , text], i) => {
          expect(got[i]?.[2]).toMatch(text);
          // the text output names the rule on the same line
          expect(stdout).toMatch(new RegExp(`\\[error\\] .*\\(${rule}\\)`));
        });
        expect(code).toBe(c.errors.length > 0 ? 1 : 0);
      });
    }

    it('a removed release is a warning naming the base', async () => {
      const { code, view } = await validateAfter([
        [
          'deliverables/hibiscus/glance-store.yaml',
          (t) => t.replace(/ {2}- version: 5\.5\.0\n(?: {4}.*\n| {6}.*\n)*/, ''),
        ],
      ]);
      expect(errorsOf(view)).toEqual([]);
      expect(view.findings).toContainEqual(
        expect.objectContaining({
          rule: 'removed-release',
          level: 'warning',
          message: expect.stringMatching(/release 5\.5\.0 of HEAD is no longer listed/) as string,
        }),
      );
      expect(code).toBe(0);
    });
  },
);

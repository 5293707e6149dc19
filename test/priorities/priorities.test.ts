import { execFileSync } from 'node:child_process';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import {
  implementedBlueprints,
  milestoneNumber,
  type PrioritiesView,
} from '../../src/priorities/plan.js';
import { parseSpec, seriesSpecFiles } from '../../src/priorities/read-spec.js';
import type { SyncView } from '../../src/sync/apply.js';
import { runCli, runJson } from '../helpers/cli.js';
import { liveWorkspace } from '../helpers/live-workspace.js';
import { addReadinessRoutes, specsRepository } from '../helpers/readiness-stand-in.js';
import type { ServiceStub } from '../helpers/service-stub.js';
import type { TestRepo } from '../helpers/git-repo.js';

describe('spec files', () => {
  it('lists the specs of a series folder, never its templates or indexes', () => {
    const files = seriesSpecFiles(
      [
        'specs/2026.1/index.rst',
        'specs/2026.1/approved/index.rst',
        'specs/2026.1/approved/glance/template.rst',
        'specs/2026.1/approved/glance/spec-lite-template.rst',
        'specs/2026.1/approved/glance/foo.rst',
        'specs/2026.1/approved/glance_store/bar.rst',
        'specs/2026.1/implemented/glance/baz.rst',
        'specs/2026.1/implemented/index.rst',
        'specs/2026.2/approved/glance/other.rst',
        'specs/2026.1/approved/glance/notes.txt',
      ],
      '2026.1',
    );
    expect(files.map((f) => [f.status, f.project, f.stem])).toEqual([
      ['approved', 'glance', 'foo'],
      ['approved', 'glance_store', 'bar'],
      ['implemented', 'glance', 'baz'],
    ]);
  });

  it('reads the title, blueprint and assignee of a full spec and of a spec lite', () => {
    const file = {
      path: 'specs/2026.1/approved/glance/x.rst',
      status: 'approved' as const,
      project: 'glance',
      stem: 'x',
    };
    const full = parseSpec(
      file,
      '..\n This work is licensed\n\n=====\nTitle\n=====\n\nInclude the URL of your launchpad blueprint:\n\nhttps://blueprints.launchpad.net/glance-store/+spec/my-bp\n\nPrimary assignee:\n  jdoe\n',
    );
    expect(full).toMatchObject({
      title: 'Title',
      blueprint: { project: 'glance-store', name: 'my-bp' },
      assignee: 'jdoe',
      link: null,
    });
    const lite = parseSpec(
      file,
      '=======================\nSpec Lite: Do a thing\n=======================\n\n:project: glance_store\n\n:link: https://review.opendev.org/c/openstack/glance_store/+/1\n\n:assignee: asmith\n',
    );
    expect(lite).toMatchObject({
      title: 'Spec Lite: Do a thing',
      blueprint: null,
      assignee: 'asmith',
      link: 'https://review.opendev.org/c/openstack/glance_store/+/1',
    });
  });

  it('finds the blueprints a change implements in its footers and topic', () => {
    expect(
      implementedBlueprints({
        message:
          'Subject\n\nImplements: blueprint foo-bar\nPartially-Implements: bp baz, blueprint qux\n',
        topic: 'bp/other',
      }),
    ).toEqual([
      { name: 'foo-bar', partial: false },
      { name: 'baz', partial: true },
      { name: 'qux', partial: true },
      { name: 'other', partial: true },
    ]);
    // prose that names a blueprint is no footer
    expect(
      implementedBlueprints({ message: 'see the blueprint foo-bar work\n', topic: null }),
    ).toEqual([]);
    expect(milestoneNumber('gazpacho-2', 'gazpacho')).toBe(2);
    expect(milestoneNumber('hibiscus-2', 'gazpacho')).toBeNull();
    expect(milestoneNumber('M3', 'gazpacho')).toBe(3);
  });
});

const live = liveWorkspace('liaison-priorities-', {
  retries: 1,
  'retry-delay-ms': 10,
  'min-interval-ms': 0,
  'timeout-seconds': 5,
});
let stub: ServiceStub;
let db: string;
let dir: string;
let repo: TestRepo;
let config: string;

const MAIL = `people:\n  mailing-list: openstack-discuss@lists.openstack.org\n  subject-tag: glance\n  liaisons:\n    - name: Ada Liaison\n      email: ada@example.org\n`;

beforeEach(async () => {
  ({ stub, db, dir } = await live.start());
  addReadinessRoutes(stub);
  repo = specsRepository();
  config = live.writeConfig(`specs-repo: ${repo.dir}\n${MAIL}`);
});
afterEach(() => live.stop());

const run = (date: string, ...more: string[]) =>
  runCli([...more, '--date', date, '--db', db, '--config', config], {
    env: stub.env(),
    now: new Date(`${date}T08:00:00Z`),
  });
const view = async (date: string, ...more: string[]) => {
  const r = await run(date, 'priorities', '--json', ...more);
  expect(r.stderr).toBe('');
  expect(r.code).toBe(0);
  return JSON.parse(r.stdout) as PrioritiesView;
};
const sync = async (date: string) => {
  const r = await run(date, 'sync', '--only', 'blueprints,bp-changes', '--json');
  expect(r.code, r.stderr).toBe(0);
  return JSON.parse(r.stdout) as SyncView;
};

describe('liaison priorities on a specs repository and the stand-in services', () => {
  it('without service data: every spec of the series, templates left out, none started', async () => {
    const v = await view('2026-01-15', '--series', 'gazpacho', '--specs-repo', repo.dir);
    expect(v.source).toBe('specs');
    expect(v.priorities.map((p) => p.name)).toEqual([
      'download-from-specific-store',
      'filesystem-timeout-protection',
      'rbd-erasure-coded-pools',
      's3-boto3-checksum-improvements',
      'spec-lite-cinder-application-credential-support',
      'spec-lite-swift-application-credential-support',
      'cache-prefetch-policy',
    ]);
    expect(v.priorities.filter((p) => p.spec?.path.includes('template'))).toEqual([]);
    expect(v.priorities.find((p) => p.name === 'cache-prefetch-policy')?.state).toBe('implemented');
    expect(v.priorities.find((p) => p.name === 'rbd-erasure-coded-pools')).toMatchObject({
      title: 'RBD Erasure-Coded Pools Support',
      project: 'glance_store',
      owner: 'cyril-roelandt',
      blueprint: { project: 'glance', name: 'rbd-erasure-coded-pools' },
      state: 'not started',
      milestone: 'gazpacho-3',
      milestoneSource: 'default',
      milestoneDate: '2026-02-26',
    });
    expect(v.sources.launchpad.state).toBe('never');
    expect(v.specsRepo?.seriesDir).toBe('2026.1');
  });

  it('after a sync: states, implementing changes, risks and the milestone summary', async () => {
    const s = await sync('2026-01-15');
    expect(s.sources.map((x) => [x.name, x.status])).toEqual([
      ['blueprints', 'updated'],
      ['bp-changes', 'updated'],
    ]);
    const v = await view('2026-01-15');
    const by = (name: string) => v.priorities.find((p) => p.name === name)!;
    expect(by('download-from-specific-store')).toMatchObject({
      milestone: 'gazpacho-2',
      milestoneSource: 'launchpad',
      milestoneDate: '2026-01-08',
      state: 'in review',
      changes: {
        open: 1,
        merged: 1,
        links: [
          'http://127.0.0.1:' + new URL(stub.url).port + '/gerrit/c/openstack/glance/+/1000101',
          'http://127.0.0.1:' + new URL(stub.url).port + '/gerrit/c/openstack/glance/+/1000102',
        ],
      },
      lastActivity: '2026-01-12T16:45:10.000Z',
      atRisk: true,
      risks: [
        {
          kind: 'negative-vote',
          change: 1000101,
          label: 'Code-Review',
          vote: 'disliked',
          by: 'rcosta',
        },
      ],
      blueprint: {
        implementationStatus: 'Needs Code Review',
        priority: 'High',
        assignee: 'abhishek-kekane',
      },
    });
    expect(by('filesystem-timeout-protection')).toMatchObject({
      state: 'in review',
      atRisk: true,
      risks: [{ kind: 'no-activity', change: 1000201, days: 26 }],
    });
    expect(by('rbd-erasure-coded-pools')).toMatchObject({
      state: 'merged',
      milestone: 'gazpacho-3',
      changes: { open: 0, merged: 1 },
      atRisk: false,
    });
    expect(by('s3-boto3-checksum-improvements')).toMatchObject({
      state: 'deferred',
      milestone: 'hibiscus-1',
    });
    expect(by('spec-lite-swift-application-credential-support').state).toBe('not started');
    // the specs repository's own change, an abandoned one, one created later and prose are no implementation
    const numbers = v.priorities.flatMap((p) => p.changes.items.map((c) => c.number));
    for (const n of [1000401, 1000103, 1000104, 1000501]) expect(numbers).not.toContain(n);
    expect(v.otherBlueprints.map((b) => b.name)).toEqual(['image-cache-metrics']);
    expect(v.milestones.map((m) => [m.name, m.total, m.done, m.names.atRisk.length])).toEqual([
      ['gazpacho-2', 2, 0, 2],
      ['gazpacho-3', 4, 2, 0],
      ['hibiscus-1', 1, 0, 0],
    ]);
    expect(v.current?.name).toBe('gazpacho-3');
    expect(v.ffeDrafts).toEqual([]);
    const text = (await run('2026-01-15', 'priorities')).stdout;
    expect(text).toContain(
      'Priorities for milestone 2 (2026-01-08): 0 of 2 merged; at risk: download-from-specific-store (Code-Review -1 on 1000101 (by rcosta)), filesystem-timeout-protection (no activity for 26 days on 1000201)',
    );
    expect(text).toContain(
      'Priorities for milestone 3 (2026-02-26): 2 of 4 merged; at risk: none; not started: spec-lite-cinder-application-credential-support, spec-lite-swift-application-credential-support; overdue: download-from-specific-store (milestone 2), filesystem-timeout-protection (milestone 2)',
    );
  });

  it('syncs incrementally: nothing changed costs one conditional request per collection and query', async () => {
    await sync('2026-01-15');
    const before = stub.requests.length;
    const again = await sync('2026-01-15');
    const seen = stub.requests.slice(before);
    expect(again.sources.map((x) => [x.name, x.status, x.requests])).toEqual([
      ['blueprints', 'unchanged', 3],
      ['bp-changes', 'unchanged', 1],
    ]);
    expect(seen.every((r) => r.status === 304)).toBe(true);
    // a blueprint Launchpad does not have (the implemented spec's) is not asked again the same day
    expect(seen.filter((r) => r.path.includes('+spec/'))).toEqual([]);
  });

  it('in the feature-freeze week: a draft exception request per unmerged priority', async () => {
    await sync('2026-02-25');
    const v = await view('2026-02-25');
    expect(v.featureFreeze).toEqual({
      date: '2026-02-26',
      weekStart: '2026-02-23',
      weekEnd: '2026-03-01',
      exceptionsOpen: true,
    });
    const unmerged = v.priorities
      .filter((p) => p.state === 'in review' || p.state === 'not started')
      .map((p) => p.name);
    expect(unmerged).toHaveLength(4);
    expect(v.ffeDrafts.map((d) => d.priority)).toEqual(unmerged);
    const d = v.ffeDrafts[0]!;
    expect(d.to).toBe('openstack-discuss@lists.openstack.org');
    expect(d.subject).toBe(
      '[glance] Feature freeze exception request: Download Image from Suggested Stores',
    );
    expect(d.body).toContain(
      'https://blueprints.launchpad.net/glance/+spec/download-from-specific-store',
    );
    expect(d.body).toMatch(
      /2 changes still under review:\n {4}http:\/\/127\.0\.0\.1:\d+\/gerrit\/c\/openstack\/glance\/\+\/1000101/,
    );
    expect(d.body).toContain('We would merge it by 2026-03-05, a week before RC1 (2026-03-12)');
    expect(d.body).toMatch(/Thanks,\nAda Liaison\n$/);
    // the week before the freeze: none yet
    expect((await view('2026-02-20')).ffeDrafts).toEqual([]);
  });

  it('config priorities: blueprints or specs with owner, milestone and topic; a wrong spec is a note', async () => {
    config = live.writeConfig(
      `specs-repo: ${repo.dir}\n${MAIL}priorities:\n` +
        `  - blueprint: download-from-specific-store\n    owner: akekane\n    milestone: 3\n` +
        `  - spec: glance_store/spec-lite-cinder-application-credential-support.rst\n    owner: abhishekk\n    milestone: 2\n    topic: cinder-app-creds\n` +
        `  - spec: glance/no-such-spec.rst\n    owner: nobody\n`,
    );
    await sync('2026-01-15');
    const v = await view('2026-01-15');
    expect(v.source).toBe('config');
    expect(
      v.priorities.map((p) => [p.name, p.owner, p.milestone, p.milestoneSource, p.state]),
    ).toEqual([
      ['download-from-specific-store', 'akekane', 'gazpacho-3', 'config', 'in review'],
      [
        'spec-lite-cinder-application-credential-support',
        'abhishekk',
        'gazpacho-2',
        'config',
        'in review',
      ],
      ['glance/no-such-spec.rst', 'nobody', 'gazpacho-3', 'default', 'not started'],
    ]);
    expect(v.priorities[1]?.changes.items.map((c) => c.number)).toEqual([1000301]);
    expect(v.notes.join('\n')).toMatch(
      /priorities\[2\]\.spec glance\/no-such-spec\.rst: no such spec/,
    );
  });

  it('the brief, the meeting and the 4-week milestone reminder carry the priorities line', async () => {
    await sync('2026-01-15');
    const brief = JSON.parse((await run('2026-01-15', 'brief', '--json')).stdout) as {
      priorities: {
        milestone: { name: string; done: number; total: number } | null;
        overdue: { name: string }[];
      };
    };
    expect(brief.priorities?.milestone).toMatchObject({ name: 'gazpacho-3', done: 2, total: 4 });
    expect(brief.priorities?.overdue.map((o) => o.name)).toEqual([
      'download-from-specific-store',
      'filesystem-timeout-protection',
    ]);
    const line =
      'Priorities for milestone 3 (2026-02-26): 2 of 4 merged; at risk: none; not started: spec-lite-cinder-application-credential-support, spec-lite-swift-application-credential-support; overdue: download-from-specific-store (milestone 2), filesystem-timeout-protection (milestone 2)';
    expect((await run('2026-01-15', 'brief')).stdout).toContain(`Cycle priorities\n  ${line}`);
    const meeting = JSON.parse((await run('2026-01-15', 'meeting', '--json')).stdout) as {
      sections: { id: string; available: boolean; summary?: { milestone: { name: string } } }[];
    };
    expect(meeting.sections.find((x) => x.id === 'priorities')).toMatchObject({
      available: true,
      summary: { milestone: { name: 'gazpacho-3' } },
    });
    const irc = (await run('2026-01-15', 'meeting')).stdout;
    expect(irc).toContain(`#info ${line.slice(0, 80)}`);
    // milestone 3 is on 2026-02-26: its announcement goes out four weeks before
    const remind = JSON.parse((await run('2026-01-29', 'remind', '--json')).stdout) as {
      reminders: { rule: string; body: string }[];
    };
    const announce = remind.reminders.find((x) => x.rule === 'milestone-announce');
    expect(announce?.body).toContain('Priorities for milestone 3 (2026-02-26): 2 of 4 merged');
    expect(announce?.body).toContain(
      '  - RBD Erasure-Coded Pools Support (rbd-erasure-coded-pools): merged, 0 open / 1 merged change, cyril-roelandt',
    );
  });

  it('sync fetches the specs checkout; the view reads the fetched head, the work tree stays as it was', async () => {
    const checkout = join(dir, 'glance-specs');
    execFileSync('git', ['clone', '-q', repo.dir, checkout]);
    config = live.writeConfig(`specs-repo: ${checkout}\n${MAIL}`);
    repo.commit('Add a spec approved later', {
      'specs/2026.1/approved/glance/late-spec.rst': '=========\nLate Spec\n=========\n',
    });
    expect((await view('2026-01-15')).priorities).toHaveLength(7);
    const r = await run('2026-01-15', 'sync', '--only', 'git', '--json');
    expect(r.code, r.stderr).toBe(0);
    expect((JSON.parse(r.stdout) as SyncView).sources.map((x) => [x.name, x.status])).toEqual([
      ['git:specs', 'updated'],
    ]);
    const after = await view('2026-01-15');
    expect(after.priorities.map((p) => p.name)).toContain('late-spec');
    expect(
      execFileSync('git', ['-C', checkout, 'status', '--porcelain'], { encoding: 'utf8' }),
    ).toBe('');
    expect(
      execFileSync(
        'git',
        ['-C', checkout, 'ls-files', 'specs/2026.1/approved/glance/late-spec.rst'],
        {
          encoding: 'utf8',
        },
      ),
    ).toBe('');
  });

  it('finds the managed checkout in the data directory the config names', async () => {
    const dataDir = join(dir, 'data-dir');
    execFileSync('git', ['clone', '-q', repo.dir, join(dataDir, 'checkouts', 'glance-specs')]);
    config = live.writeConfig(`data-dir: ${dataDir}\n${MAIL}`);
    const v = await view('2026-01-15');
    expect(v.specsRepo?.origin).toBe('managed checkout');
    expect(v.specsRepo?.dir).toBe(join(dataDir, 'checkouts', 'glance-specs'));
  });

  it('a priority with neither blueprint nor spec is one line naming the file and field, exit 2', async () => {
    config = live.writeConfig('priorities:\n  - owner: someone\n    milestone: 2\n');
    const r = await run('2026-01-15', 'priorities');
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/liaison\.yaml:\d+: priorities\[0\]: give a blueprint or a spec\n$/);
  });

  it('a --specs-repo that is not a checkout is one clear line and exit 2', async () => {
    const r = await run('2026-01-15', 'priorities', '--specs-repo', '/nonexistent/specs');
    expect(r.code).toBe(2);
    expect(r.stderr).toBe(
      "liaison: --specs-repo /nonexistent/specs: not a git checkout of the team's specs repository\n",
    );
  });

  it('/api/priorities is `liaison priorities --json`', async () => {
    await sync('2026-01-15');
    const { withDashboard } = await import('../web/dashboard.js');
    await withDashboard({ options: { db, config }, env: stub.env() }, async (d) => {
      const api = await (await d.app.request('/api/priorities?date=2026-01-15')).json();
      expect(api).toEqual(
        await runJson(['priorities', '--date', '2026-01-15', '--db', db, '--config', config], {
          env: stub.env(),
        }),
      );
      const html = await (await d.app.request('/priorities?date=2026-01-15')).text();
      expect(html).toContain('Download Image from Suggested Stores');
      expect(html).toMatch(
        /href="http:\/\/127\.0\.0\.1:\d+\/gerrit\/c\/openstack\/glance\/\+\/1000101"/,
      );
      expect(html).toContain('in review, at risk');
    });
  });
});

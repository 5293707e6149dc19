import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runCli } from '../helpers/cli.js';
import type { ServiceStub } from '../helpers/service-stub.js';
import {
  cliEnv,
  commonArgs,
  startScenario,
  stopScenario,
  type RunningScenario,
  type Scenario,
} from './scenario.js';

interface JsonDeliverable {
  name: string;
  oldVersion: string | null;
  newVersion: string | null;
  hash: string | null;
  commits: number | null;
  warnings: string[];
  jump: string | null;
  repos: {
    closesBugs: number[];
    notes: { path: string; sections: string[] }[];
    onExpectedBranch: boolean | null;
    expectedBranch: string | null;
  }[];
}
interface JsonRequest {
  number: number;
  subject: string;
  topic: string | null;
  owner: string;
  proposer: string;
  ageDays: number;
  deliverables: JsonDeliverable[];
  acknowledged: boolean;
  held: boolean;
  mergeBy: string | null;
  mergeBySource: string | null;
  problems: string[];
  votes: { name: string; role: string; value: number }[];
}
interface JsonView {
  requests: JsonRequest[];
  waiting: number;
  oldestWaitingDays: number | null;
  dataAsOf: string | null;
  dataState: string;
}

let stub: ServiceStub;
let s: Scenario;
let view: JsonView;
let running: RunningScenario | undefined;

// one sync, many readings: the scenario is read-only for these tests
beforeAll(async () => {
  running = await startScenario('liaison-review-');
  ({ stub, s } = running);
  view = await syncAndReview();
}, 60_000);
afterAll(() => stopScenario(running));

const run = (args: string[], extraEnv: Record<string, string> = {}) =>
  runCli([...args, ...commonArgs(s)], {
    env: { ...cliEnv(stub, s), ...extraEnv },
    now: new Date('2026-08-25T08:00:00Z'),
  });

async function syncAndReview(): Promise<JsonView> {
  const sync = await run(['sync', '--only', 'review', '--json']);
  expect(sync.code, sync.stderr).toBe(0);
  const r = await run(['review', '--json', '--clones', s.clones]);
  expect(r.code, r.stderr).toBe(0);
  return JSON.parse(r.stdout) as JsonView;
}

const byNumber = (v: JsonView, n: number): JsonRequest => {
  const r = v.requests.find((x) => x.number === n);
  if (!r) throw new Error(`no request ${n}`);
  return r;
};

describe('liaison review over the loopback Gerrit stand-in and real clones', () => {
  it('syncs the team query and lists every request newest first, with its data age', () => {
    const v = view;
    const q = stub.requests.find(
      (r) =>
        r.path === '/gerrit/changes/' && (r.query.get('q') ?? '').includes('openstack/releases'),
    );
    expect(q?.query.get('q')).toContain('file:^deliverables/[^/]+/glance-store[.]yaml');
    expect(q?.query.getAll('o')).toEqual(
      expect.arrayContaining([
        'CURRENT_REVISION',
        'CURRENT_COMMIT',
        'LABELS',
        'DETAILED_ACCOUNTS',
        'MESSAGES',
      ]),
    );
    expect(v.requests.map((r) => r.number)).toEqual([
      960004, 960003, 960005, 960002, 960001, 960006, 960007,
    ]);
    expect(v.dataAsOf).toBe('2026-08-25T08:00:00.000Z');
    expect(v.dataState).toBe('fresh');
  });

  it('reads versions, proposer, votes, age and merge deadline of a release-team request acknowledged by the liaison', () => {
    const r = byNumber(view, 960001);
    expect(r).toMatchObject({
      topic: 'hibiscus-milestone-3',
      owner: 'Elod Illes',
      proposer: 'release-team',
      ageDays: 4,
      acknowledged: true,
      held: false,
    });
    expect(r.mergeBy).toBe('2026-08-28'); // Friday of the h-3 week (R-5, 24–28 Aug)
    expect(r.mergeBySource).toBe('schedule');
    expect(r.votes).toEqual([
      { name: 'Pranali Deore', email: 'pdeore@redhat.com', role: 'liaison', value: 1 },
    ]);
    const d = r.deliverables[0]!;
    expect(d).toMatchObject({
      name: 'python-glanceclient',
      oldVersion: '4.12.0',
      newVersion: '4.13.0',
      hash: s.hashes.c1,
      jump: 'minor',
      commits: 3,
    });
    expect(d.warnings).toEqual([]);
    expect(d.repos[0]?.closesBugs).toEqual([2100001]);
    expect(d.repos[0]?.notes.map((n) => n.sections)).toEqual(
      expect.arrayContaining([['fixes'], ['features']]),
    );
    expect(d.repos[0]?.onExpectedBranch).toBe(true);
  });

  it('warns when a patch release ships a feature, and when a feature commit has no release note; takes the date the body states', () => {
    const r = byNumber(view, 960002);
    expect(r).toMatchObject({
      acknowledged: false,
      mergeBy: '2026-08-27',
      mergeBySource: 'body',
      ageDays: 4,
    });
    const d = r.deliverables[0]!;
    expect(d).toMatchObject({
      oldVersion: '5.6.0',
      newVersion: '5.6.1',
      jump: 'patch',
      commits: 2,
    });
    expect(
      d.warnings.some((w) =>
        /feature commit [0-9a-f]{12} "Add s3 multipart upload" \(Sem-Ver: feature\) has no release note/.test(
          w,
        ),
      ),
    ).toBe(true);
    expect(
      d.warnings.some((w) =>
        /5\.6\.1 is a bugfix \(patch\) release but the range has new features.*asks for 5\.7\.0/.test(
          w,
        ),
      ),
    ).toBe(true);
  });

  it('says "no changes", "not in the clone", "not on the branch" and keeps the other requests', () => {
    const v = view;
    const plugin = byNumber(v, 960003);
    expect(plugin.deliverables[0]?.warnings).toContain(
      'openstack/glance-tempest-plugin: no changes since 0.16.0',
    );
    expect(plugin.acknowledged).toBe(false); // a +1 from someone who is neither PTL nor liaison
    const glance = byNumber(v, 960004);
    expect(glance).toMatchObject({ proposer: 'ptl', acknowledged: true });
    expect(glance.deliverables[0]?.commits).toBeNull();
    expect(glance.deliverables[0]?.warnings.join('\n')).toMatch(
      /deadbeefdead is not in the local clone .*run `liaison sync`/,
    );
    const stable = byNumber(v, 960007);
    expect(stable.deliverables.map((d) => d.name)).toEqual(['glance-store']);
    expect(stable.deliverables[0]?.warnings.join('\n')).toMatch(/is not on stable\/2026\.1/);
    expect(stable.problems.join('\n')).toMatch(
      /other teams' deliverable files: deliverables\/gazpacho\/nova\.yaml \(nova\)/,
    );
    expect(v.waiting).toBe(4); // 960002, 960003, 960005, 960006: neither owned nor +1'd by the PTL or a liaison
  });

  it('gives one clear line for YAML that does not parse and for a deleted file', async () => {
    const v = view;
    expect(byNumber(v, 960005).problems).toEqual([
      expect.stringMatching(/^deliverables\/hibiscus\/glance\.yaml at patch set 1: does not parse/),
    ]);
    expect(byNumber(v, 960006).problems).toEqual([
      'deliverables/hibiscus/glance-store.yaml: the change deletes this deliverable file',
    ]);
    const text = await run(['review', '--clones', s.clones]);
    expect(text.code).toBe(0);
    expect(text.stdout).toContain('does not parse');
    expect(text.stdout).toContain('#960001');
    expect(text.stdout).toMatch(/python-glanceclient 4\.12\.0 → 4\.13\.0 \(minor\)/);
  });
});

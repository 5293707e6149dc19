import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createDashboard } from '../../src/web/app.js';
import { RELEASES_DIR } from '../helpers/shared-data.js';
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

let stub: ServiceStub;
let s: Scenario;
let running: RunningScenario | undefined;

beforeAll(async () => {
  running = await startScenario('liaison-review-sync-');
  ({ stub, s } = running);
}, 60_000);
afterAll(() => stopScenario(running));

function run(args: string[], now = '2026-08-25T08:00:00Z') {
  return runCli([...args, ...commonArgs(s, now.slice(0, 10))], {
    env: cliEnv(stub, s),
    now: new Date(now),
  });
}

const releasesQueries = () =>
  stub.requests.filter(
    (r) => r.path === '/gerrit/changes/' && (r.query.get('q') ?? '').includes('openstack/releases'),
  );
const fileRequests = () => stub.requests.filter((r) => r.path.includes('/revisions/'));

interface Brief {
  review: {
    open: number;
    waiting: { number: number; subject: string; ageDays: number; mergeBy: string | null }[];
    oldestWaitingDays: number | null;
    dataState: string;
    dataLine: string;
  } | null;
}

describe('review sync: offline first, incremental, a down source makes the view stale', () => {
  it('tells nothing in the brief before the first sync, then the waiting requests after it', async () => {
    const before = await run(['brief', '--json']);
    expect((JSON.parse(before.stdout) as Brief).review).toBeNull();
    const first = await run(['sync', '--only', 'review', '--json']);
    expect(first.code, first.stderr).toBe(0);
    expect(fileRequests().length).toBe(7 + 15); // 7 file lists; both sides of 8 deliverable files but the deleted file's new side
    // structured data in the view (--json and /api/brief), worded by the renderers
    const brief = JSON.parse((await run(['brief', '--json'])).stdout) as Brief;
    expect(brief.review?.waiting.length).toBe(4);
    expect(brief.review?.oldestWaitingDays).toBe(5);
    expect(brief.review?.waiting.find((w) => w.number === 960002)).toMatchObject({
      subject: 'Release glance-store for Hibiscus-3 milestone',
      ageDays: 4,
      mergeBy: '2026-08-27',
    });
    expect(brief.review?.dataState).toBe('fresh');
    // the dashboard's JSON twin is the same view (it once lacked the review desk)
    const d = createDashboard({
      options: { config: s.configFile, releasesRepo: RELEASES_DIR },
      io: {
        stdout: () => undefined,
        stderr: () => undefined,
        env: cliEnv(stub, s),
        cwd: process.cwd(),
        now: () => new Date('2026-08-25T08:00:00Z'),
        isTTY: false,
      },
      readOnly: true,
    });
    try {
      const api = (await (await d.app.request('/api/brief?date=2026-08-25')).json()) as Brief;
      expect(api).toEqual(brief);
    } finally {
      d.close();
    }
    const text = (await run(['brief'])).stdout;
    expect(text).toContain('4 release requests wait for your +1, oldest 5 days');
    expect(text).toContain(
      '#960002 Release glance-store for Hibiscus-3 milestone — 4 days old, merged by Thu 27 Aug 2026',
    );
  });

  it('asks once (304) when nothing changed, and fetches only the files of a new patch set', async () => {
    const q = releasesQueries().length;
    const f = fileRequests().length;
    const again = await run(['sync', '--only', 'review', '--json'], '2026-08-25T09:00:00Z');
    expect(again.code).toBe(0);
    expect(releasesQueries().length).toBe(q + 1);
    expect(releasesQueries().at(-1)?.status).toBe(304);
    expect(fileRequests().length).toBe(f);
    const c = s.changes.find((x) => x._number === 960001)!;
    const oldRev = c.current_revision;
    c.current_revision = 'e'.repeat(40);
    c.revisions = { [c.current_revision]: (c.revisions as Record<string, unknown>)[oldRev] };
    s.files[c.current_revision] = s.files[oldRev]!;
    for (const side of ['old', 'new'])
      s.contents.set(
        `${c.current_revision}|deliverables/hibiscus/python-glanceclient.yaml|${side}`,
        s.contents.get(`${oldRev}|deliverables/hibiscus/python-glanceclient.yaml|${side}`)!,
      );
    stub.touch();
    const third = await run(['sync', '--only', 'review', '--json'], '2026-08-25T10:00:00Z');
    expect(third.code, third.stderr).toBe(0);
    expect(fileRequests().length).toBe(f + 3); // one file list, the file at the revision and at its parent
    const v = JSON.parse((await run(['review', '--json', '--clones', s.clones])).stdout) as {
      requests: { number: number; revision: string }[];
    };
    expect(v.requests.find((r) => r.number === 960001)?.revision).toBe('e'.repeat(40));
  });

  it('keeps the data when Gerrit fails and says since when it is stale (exit 3 only with --strict)', async () => {
    stub.fault({ path: /^\/gerrit\/changes\/$/, kind: 'status', status: 500 });
    const failed = await run(['sync', '--only', 'review', '--json'], '2026-08-28T08:00:00Z');
    expect(failed.code).toBe(0);
    expect((JSON.parse(failed.stdout) as { failed: number }).failed).toBe(1);
    stub.clearFaults();
    const r = await run(['review', '--clones', s.clones], '2026-08-28T09:00:00Z');
    expect(r.code).toBe(0);
    expect(r.stdout).toMatch(
      /Release requests: stale since 2026-08-25 10:00 UTC — last sync 2026-08-28 08:00 UTC failed/,
    );
    expect(r.stdout).toContain('#960001');
    const strict = await run(['review', '--strict', '--clones', s.clones], '2026-08-28T09:00:00Z');
    expect(strict.code).toBe(3);
    const brief = JSON.parse(
      (await run(['brief', '--json'], '2026-08-28T09:00:00Z')).stdout,
    ) as Brief;
    expect(brief.review?.dataState).not.toBe('fresh');
    expect(brief.review?.dataLine).toMatch(/stale since 2026-08-25/);
  });
});

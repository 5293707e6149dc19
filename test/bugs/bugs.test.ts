import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, test } from 'vitest';
import { openStore } from '../../src/store/db.js';
import { ALL_MIGRATIONS } from '../../src/app/migrations.js';
import { runCli } from '../helpers/cli.js';
import { startServiceStub, type FaultKind, type ServiceStub } from '../helpers/service-stub.js';
import { tempDir } from '../helpers/tmp.js';
import { addLaunchpadRoutes, standInConfig, type LaunchpadStandIn } from './launchpad-stand-in.js';

interface BugsJson {
  bugs: {
    id: number;
    title: string;
    project: string;
    status: string;
    importance: string;
    tags: string[];
    milestone: string | null;
    rcCritical: boolean;
  }[];
  dataAsOf: string | null;
  freshness: { state: string; line: string };
}

let stub: ServiceStub;
let lp: LaunchpadStandIn;
let dir: string;
let args: string[];
const NOW = new Date('2026-09-16T08:00:00Z');

beforeEach(async () => {
  stub = await startServiceStub();
  lp = addLaunchpadRoutes(stub);
  dir = tempDir('liaison-bugs-');
  args = ['--db', join(dir, 'l.db'), '--config', standInConfig(dir)];
});
afterEach(async () => {
  await stub.close();
});

/** Runs the CLI on the day of `now` (--date follows the clock, as it would in real use). */
const run = (argv: string[], now = NOW) =>
  runCli([...argv, ...args, '--date', now.toISOString().slice(0, 10)], { env: stub.env(), now });
async function bugsJson(now = NOW, extra: string[] = []): Promise<BugsJson & { code: number }> {
  const r = await run(['bugs', '--json', ...extra], now);
  return { ...(JSON.parse(r.stdout) as BugsJson), code: r.code };
}
async function syncLaunchpad(now = NOW) {
  const r = await run(['sync', '--only', 'launchpad', '--json'], now);
  return JSON.parse(r.stdout) as {
    sources: {
      name: string;
      status: string;
      summary: string;
      requests: number;
      error: string | null;
    }[];
  };
}

describe('liaison bugs over the loopback Launchpad', () => {
  test('never synced: a "no data" line, exit 0; --strict exits 3', async () => {
    const r = await run(['bugs']);
    expect(r.code).toBe(0);
    expect(r.stdout).toMatch(/Launchpad: no data — never synced; run `liaison sync`/);
    expect((await run(['bugs', '--strict'])).code).toBe(3);
    expect((await bugsJson()).bugs).toEqual([]);
  });

  test('after a sync: release-critical, milestone-targeted and fix-committed bugs, one row each, tags from the bug', async () => {
    const s = await syncLaunchpad();
    expect(s.sources[0]).toMatchObject({ name: 'launchpad', status: 'updated', error: null });
    const view = await bugsJson();
    expect(view.code).toBe(0);
    expect(view.dataAsOf).toBe('2026-09-16T08:00:00.000Z');
    expect(view.bugs.map((b) => b.id)).toEqual([2157602, 2157431, 2157011]);
    expect(view.bugs[1]).toEqual(
      expect.objectContaining({
        id: 2157431,
        title: 'web-download import leaves image in importing after staging failure',
        project: 'glance',
        status: 'In Progress',
        importance: 'High',
        tags: ['hibiscus-rc-potential', 'import'],
        milestone: 'hibiscus-rc2',
        rcCritical: true,
      }),
    );
    expect(view.bugs[0]).toMatchObject({ importance: 'Critical', rcCritical: true });
    expect(view.bugs[2]).toMatchObject({
      status: 'Fix Committed',
      rcCritical: false,
      milestone: 'hibiscus-rc1',
    });
    // the searches asked Launchpad for what it hides by default, and the milestone by its API link
    // (pages after the first follow Launchpad's own next links)
    const searches = stub.requests.filter(
      (q) => q.query.get('ws.op') === 'searchTasks' && !q.query.has('memo'),
    );
    expect(
      searches.some(
        (q) =>
          q.query.getAll('tags').includes('hibiscus-rc-potential') &&
          q.query.get('tags_combinator') === 'Any',
      ),
    ).toBe(true);
    expect(
      searches.some((q) =>
        q.query.get('milestone')?.endsWith('/devel/glance/+milestone/hibiscus-rc2'),
      ),
    ).toBe(true);
    expect(
      searches.every(
        (q) => q.query.getAll('status').length > 0 && q.query.get('omit_targeted') === 'false',
      ),
    ).toBe(true);
    const text = await run(['bugs']);
    expect(text.stdout).toMatch(/Launchpad data as of 2026-09-16 08:00 UTC/);
    expect(text.stdout).toMatch(
      /Release-critical \(2\)[\s\S]*#2157602 +Critical[\s\S]*Fix committed, not released yet \(1\)/,
    );
  });

  test('a second sync with nothing new makes one request; a change since brings a full refresh', async () => {
    await syncLaunchpad();
    const before = stub.requests.length;
    const second = await syncLaunchpad(new Date('2026-09-16T20:00:00Z'));
    expect(second.sources[0]).toMatchObject({ status: 'unchanged', requests: 1 });
    expect(stub.requests.length - before).toBe(1);
    expect(stub.requests[stub.requests.length - 1]?.query.get('modified_since')).toBe(
      '2026-09-16T08:00:00.000Z',
    );
    expect((await bugsJson()).dataAsOf).toBe('2026-09-16T20:00:00.000Z');
    lp.changedAt = '2026-09-17T01:00:00Z';
    const third = await syncLaunchpad(new Date('2026-09-17T08:00:00Z'));
    expect(third.sources[0]?.status).toBe('updated');
    expect(third.sources[0]?.requests).toBeGreaterThan(5);
  });

  const faults: [FaultKind, RegExp][] = [
    ['status', /answered HTTP 500/],
    ['hang', /did not answer within 1 s/],
    ['truncate', /malformed or truncated JSON|terminated|unreachable/],
    ['html', /expected JSON, got an HTML page/],
  ];
  test.each(faults)(
    'fault %s: sync reports Launchpad failed, the stored bugs stay and are shown as stale',
    async (kind, message) => {
      await syncLaunchpad();
      const good = await bugsJson();
      lp.changedAt = '2026-09-17T01:00:00Z';
      stub.fault({ path: /^\/launchpad\/devel\/bugs\//, kind });
      const r = await run(
        ['sync', '--only', 'launchpad', '--json'],
        new Date('2026-09-17T08:00:00Z'),
      );
      expect(r.code).toBe(0);
      const report = (JSON.parse(r.stdout) as Awaited<ReturnType<typeof syncLaunchpad>>).sources[0];
      expect(report).toMatchObject({
        name: 'launchpad',
        status: 'failed',
        summary: 'kept the data of 2026-09-16 08:00 UTC',
      });
      expect(report?.error).toMatch(message);
      const after = await bugsJson(new Date('2026-09-17T08:00:00Z'));
      expect(after.bugs).toEqual(good.bugs);
      expect(after.dataAsOf).toBe(good.dataAsOf);
      expect(after.freshness.state).toBe('failing');
      const text = await run(['bugs'], new Date('2026-09-17T08:00:00Z'));
      expect(text.code).toBe(0);
      expect(text.stdout).toMatch(
        /Launchpad: stale since 2026-09-16 08:00 UTC — last sync 2026-09-17 08:00 UTC failed: /,
      );
      expect((await run(['bugs', '--strict'], new Date('2026-09-17T08:00:00Z'))).code).toBe(3);
      const db = openStore(join(dir, 'l.db'), ALL_MIGRATIONS);
      expect(db.pragma('integrity_check', { simple: true })).toBe('ok');
      db.close();
    },
  );

  test('hostile text (markup, control characters, a 1 MB title) is stored as is and shown as plain text', async () => {
    const hostile = `<img src=x onerror=alert(1)> \u001b[2J\u0007 ${'A'.repeat(1024 * 1024)}`;
    lp.edit = (page) => ({
      ...page,
      entries: page.entries.map((t) =>
        String(t.bug_link).endsWith('/2157011')
          ? { ...t, title: `Bug #2157011 in Glance: "${hostile}"` }
          : t,
      ),
    });
    expect((await syncLaunchpad()).sources[0]?.status).toBe('updated');
    const view = await bugsJson();
    expect(view.bugs.find((b) => b.id === 2157011)?.title).toBe(hostile);
    const text = await run(['bugs']);
    expect(text.stdout).not.toContain('\u001b[2J');
    expect(text.stdout).not.toContain('\u0007');
    expect(text.stdout).toContain('<img src=x onerror=alert(1)>');
    expect(text.stdout.length).toBeLessThan(5000);
  });
});

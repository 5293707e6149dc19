import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { openStore } from '../../src/store/db.js';
import { ALL_MIGRATIONS } from '../../src/app/migrations.js';
import { startServer } from '../../src/web/server.js';
import { recentWrites } from '../../src/web/write-log.js';
import { runCli, runJson } from '../helpers/cli.js';
import { ARTIFACTS, browserTests, launchChromium, watchConsole } from './browser.js';
import type { TestDashboard } from './dashboard.js';
import { standInSite, type StandInSite } from './stand-in-site.js';

/**
 * The live-source pages on data synced from the loopback stand-in of
 * Zuul, Gerrit and Launchpad (the recorded shapes), on 2026-09-16 (hibiscus
 * R-2, inside the RC period).
 */
const DATE = '2026-09-16';
const NOW = new Date('2026-09-16T08:00:00Z');
let w: StandInSite;
let d: TestDashboard;

beforeEach(async () => {
  w = await standInSite('liaison-web-live-');
  const sync = await runCli(
    ['sync', '--only', 'services', '--date', DATE, '--db', w.db, '--config', w.config],
    {
      env: w.stub.env(),
      now: NOW,
    },
  );
  expect(sync.code, sync.stderr).toBe(0);
  d = w.dashboard();
});
afterEach(async () => {
  d.close();
  await w.stub.close();
});

const cli = <T>(cmd: string) =>
  runJson<T>([cmd, '--date', DATE, '--db', w.db, '--config', w.config], {
    env: w.stub.env(),
    now: NOW,
  });
const api = async (name: string) => (await d.app.request(`/api/${name}?date=${DATE}`)).json();
const page = async (path: string) => (await d.app.request(`${path}?date=${DATE}`)).text();

describe('live-source pages show the commands’ views of synced data', () => {
  it('JSON twins equal gate, bugs, freeze and goals --json', async () => {
    for (const name of ['gate', 'bugs', 'freeze', 'goals']) {
      expect(await api(name), name).toEqual(await cli(name));
    }
  });

  it('gate: heatmap with one cell per counted build, streaks, flaky jobs and log links', async () => {
    const view = (await api('gate')) as {
      jobs: { name: string; history: string[]; lastLog: string | null }[];
      counts: { failing: number };
    };
    expect(view.jobs.length).toBeGreaterThan(5);
    const html = await page('/gate');
    expect(html).toContain('Zuul data as of 2026-09-16 08:00 UTC');
    const svg =
      /<svg[^>]*aria-label="Periodic jobs of glance[^"]*"[\s\S]*?<\/svg>/.exec(html)?.[0] ?? '';
    const cells = (svg.match(/<rect /g) ?? []).length;
    expect(cells).toBe(view.jobs.reduce((n, j) => n + j.history.length, 0));
    expect(svg).toContain('#b3261e'); // failures are red
    const withLog = view.jobs.find((j) => j.lastLog)!;
    expect(html).toContain(`href="${withLog.lastLog!}"`);
    expect(html).toContain('yes (');
  });

  it('bugs: release-critical and milestone-targeted bugs with their Launchpad links', async () => {
    const html = await page('/bugs');
    expect(html).toContain('web-download import leaves image in importing after staging failure');
    expect(html).toMatch(/href="https:\/\/bugs\.launchpad\.net\/[^"]*2157431"/);
    expect(html).toMatch(/Release-critical \(\d+\)/);
  });

  it('freeze: open changes classified, each "other" change with its drafted -2', async () => {
    const view = (await api('freeze')) as {
      active: boolean;
      changes: { number: number; class: string; draft: string | null; subject: string }[];
    };
    expect(view.active).toBe(true);
    expect(view.changes.length).toBeGreaterThan(0);
    const html = await page('/freeze');
    for (const c of view.changes) expect(html).toContain(`>${c.number}</a>`);
    const other = view.changes.find((c) => c.class === 'other');
    if (other) expect(html).toContain('Drafted -2 message');
  });

  it('goals: a status set through the form is the one `liaison goals --json` reports, and the write is logged', async () => {
    const goals = (await api('goals')) as { goals: { id: string; statusSource: string }[] };
    const goal = goals.goals.find((g) => g.statusSource !== 'governance')!;
    expect(goal).toBeDefined();
    const res = await d.app.request(`/goals/set?date=${DATE}`, {
      method: 'POST',
      headers: { 'content-type': 'application/x-www-form-urlencoded', host: 'localhost' },
      body: new URLSearchParams({
        csrf: d.csrfToken,
        goal: goal.id,
        status: 'in-progress',
        owner: 'Grace',
        by: 'Ada',
      }).toString(),
    });
    expect(res.status).toBe(303);
    const after = await cli<{
      goals: { id: string; status: string; owner: string | null; recordedOn: string | null }[];
    }>('goals');
    expect(after.goals.find((g) => g.id === goal.id)).toMatchObject({
      status: 'in-progress',
      owner: 'Grace',
      recordedOn: DATE,
    });
    const bad = await d.app.request(`/goals/set?date=${DATE}`, {
      method: 'POST',
      headers: { 'content-type': 'application/x-www-form-urlencoded', host: 'localhost' },
      body: new URLSearchParams({
        csrf: d.csrfToken,
        goal: goal.id,
        status: 'finished',
      }).toString(),
    });
    expect(bad.status).toBe(400);
    const store = openStore(w.db, ALL_MIGRATIONS);
    try {
      const log = recentWrites(store, 'glance');
      expect(log).toHaveLength(1);
      expect(log[0]).toMatchObject({
        who: 'Ada',
        action: '/goals/set',
        day: DATE,
        at: '2026-11-27T12:00:00.000Z',
        target: `hibiscus/${goal.id}`,
      });
    } finally {
      store.close();
    }
  });

  it('a source that went down keeps its data and says it is stale', async () => {
    w.stub.fault({ path: /\/zuul\//, kind: 'status', status: 503 });
    const r = await runCli(
      ['sync', '--only', 'zuul', '--date', '2026-09-17', '--db', w.db, '--config', w.config],
      {
        env: w.stub.env(),
        now: new Date('2026-09-17T08:00:00Z'),
      },
    );
    expect(r.stdout + r.stderr).toMatch(/zuul/i);
    const res = await d.app.request('/gate?date=2026-09-17');
    expect(res.status).toBe(200);
    const html = await res.text();
    expect(html).toMatch(/class="notice warn"[^>]*>Zuul: stale since 2026-09-16 08:00 UTC/);
    expect(html).toContain('<rect ');
  });

  it.runIf(browserTests)(
    'renders the gate heatmap in Chromium (needs /usr/bin/chromium)',
    async () => {
      const server = await startServer(d, '127.0.0.1', 0);
      const { browser, close } = await launchChromium();
      try {
        const p = await browser.newPage();
        const seen = watchConsole(p);
        for (const path of ['/gate', '/bugs', '/freeze', '/goals']) {
          await p.goto(`${server.url}${path}?date=${DATE}`);
          await p.screenshot({
            path: join(ARTIFACTS, `live${path.replace('/', '-')}.png`),
            fullPage: true,
          });
        }
        await p.goto(`${server.url}/gate?date=${DATE}`);
        expect(await p.locator('figure svg rect').count()).toBeGreaterThan(10);
        expect(seen).toEqual([]);
      } finally {
        await close();
        await server.close();
      }
    },
  );
});

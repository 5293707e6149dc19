import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { startServer, type RunningServer } from '../../src/web/server.js';
import { runCli } from '../helpers/cli.js';
import {
  addReadinessRoutes,
  gateBuildsets,
  glanceClone,
  specsRepository,
  statusWithQueue,
} from '../helpers/readiness-stand-in.js';
import { sampleJson, startServiceStub, type ServiceStub } from '../helpers/service-stub.js';
import { ARTIFACTS, hasChromium, launchChromium, watchConsole } from './browser.js';
import { testDashboard, type TestDashboard } from './dashboard.js';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';

/**
 * The readiness pages (Priorities, Stable, Gate queue, and the queue's
 * panel on the Gate page) on data synced from the stand-in, in Chromium:
 * what a liaison sees, without console errors, readable at phone width.
 */
describe.skipIf(!hasChromium)('readiness pages in Chromium', () => {
  let stub: ServiceStub;
  let home: string;
  let d: TestDashboard;
  let server: RunningServer;
  let browser: Awaited<ReturnType<typeof launchChromium>>;

  // the stand-in data is built by test helpers that clean up after the test: set up in the first test
  const setUp = async () => {
    home = mkdtempSync(join(tmpdir(), 'liaison-readiness-web-'));
    stub = await startServiceStub();
    const state = addReadinessRoutes(stub);
    const specs = specsRepository();
    const clones = glanceClone();
    const config = join(home, 'liaison.yaml');
    writeFileSync(
      config,
      `team: glance\nsources:\n  retries: 0\n  min-interval-ms: 0\nspecs-repo: ${specs.dir}\nclones-dir: ${clones}\n`,
    );
    const db = join(home, 'l.db');
    const sync = async (day: string, only: string) => {
      const r = await runCli(
        ['sync', '--only', only, '--date', day, '--db', db, '--config', config],
        {
          env: stub.env(),
          now: new Date(`${day}T14:00:00Z`),
        },
      );
      expect(r.code, r.stderr).toBe(0);
    };
    await sync('2026-01-15', 'blueprints,bp-changes');
    state.gateBuildsets = gateBuildsets({
      from: '2026-06-01',
      to: '2026-09-16',
      perDay: 1,
      minutes: (day) => (day >= '2026-08-13' && day < '2026-08-27' ? 300 : 100),
    });
    for (const [day, n] of [
      ['2026-08-20', 14],
      ['2026-08-26', 31],
      ['2026-09-02', 9],
    ] as const) {
      state.status = statusWithQueue(n);
      await sync(day, 'gate-queue');
    }
    state.status = sampleJson('zuul-status.json');
    await sync('2026-09-16', 'gate-queue,gate-buildsets,stable');
    d = testDashboard({ options: { db, config }, env: stub.env(), home, cacheMs: 0 });
    server = await startServer(d, '127.0.0.1', 0);
    browser = await launchChromium();
  };
  afterAll(async () => {
    await browser?.close();
    await server?.close();
    d?.close();
    await stub?.close();
    rmSync(home, { recursive: true, force: true });
  });

  /** Priorities: one row per spec with its state, risks and change links */
  const check1 = async () => {
    const page = await browser.browser.newPage();
    const seen = watchConsole(page);
    await page.goto(`${server.url}/priorities?date=2026-01-15`);
    await expect(page.locator('h1').textContent()).resolves.toBe('Priorities');
    expect(await page.locator('tbody tr').count()).toBe(7);
    const row = page.locator('#p-download-from-specific-store');
    await expect(row.getAttribute('data-state')).resolves.toBe('in review');
    await expect(row.textContent()).resolves.toContain('in review, at risk');
    expect(await row.locator('a[href$="/gerrit/c/openstack/glance/+/1000101"]').count()).toBe(1);
    await expect(page.locator('main').textContent()).resolves.toContain(
      'Priorities for milestone 2 (2026-01-08): 0 of 2 merged',
    );
    await page.screenshot({ path: join(ARTIFACTS, 'priorities.png'), fullPage: true });
    expect(seen).toEqual([]);
    await page.close();
  };

  /** Stable: the branch to release with its fixes and bug links; unmaintained ones said as such */
  const check2 = async () => {
    const page = await browser.browser.newPage();
    const seen = watchConsole(page);
    await page.goto(`${server.url}/stable?date=2026-09-16`);
    const suggested = page.locator('tr[data-suggest="yes"]');
    expect(await suggested.count()).toBe(1);
    await expect(suggested.textContent()).resolves.toContain('stable/2026.1');
    expect(await page.locator('a[href="https://bugs.launchpad.net/bugs/2157431"]').count()).toBe(1);
    await expect(page.locator('main').textContent()).resolves.toContain(
      'unmaintained: never released from',
    );
    await page.screenshot({ path: join(ARTIFACTS, 'stable.png'), fullPage: true });
    expect(seen).toEqual([]);
    await page.close();
  };

  /** Gate queue: the queue now, a chart of its length beside the deadlines, slow milestones; the Gate page shows the panel */
  const check3 = async () => {
    const page = await browser.browser.newPage();
    const seen = watchConsole(page);
    await page.goto(`${server.url}/gate-queue?date=2026-09-16`);
    const svg = page.locator('figure svg').first();
    await expect(svg.getAttribute('aria-label')).resolves.toBe(
      'Length of the integrated queue since 2026-07-23',
    );
    // one dot per sample, milestones as dashed rules
    expect(await svg.locator('circle').count()).toBe(4);
    expect(await svg.locator('[stroke-dasharray]').count()).toBeGreaterThan(0);
    await expect(page.locator('main').textContent()).resolves.toMatch(/h-3 2026-08-27 .* slow/);
    await page.screenshot({ path: join(ARTIFACTS, 'gate-queue.png'), fullPage: true });
    await page.goto(`${server.url}/gate?date=2026-09-16`);
    await expect(page.locator('#queue-now').textContent()).resolves.toBe('The integrated queue');
    expect(await page.locator('a[href$="/gate-queue?date=2026-09-16"]').count()).toBeGreaterThan(0);
    expect(seen).toEqual([]);
    await page.close();
  };

  /** reads at phone width without sideways scrolling */
  const check4 = async () => {
    const page = await browser.browser.newPage();
    await page.setViewportSize({ width: 375, height: 740 });
    for (const path of [
      '/priorities?date=2026-01-15',
      '/stable?date=2026-09-16',
      '/gate-queue?date=2026-09-16',
    ]) {
      await page.goto(`${server.url}${path}`);
      const overflow = await page.evaluate<number>(
        'document.documentElement.scrollWidth - document.documentElement.clientWidth',
      );
      expect(overflow, path).toBeLessThanOrEqual(1);
    }
    await page.close();
  };

  // one test: the synced data lives in folders the test helpers remove when it ends
  it('the readiness pages on synced data: Priorities, Stable, Gate queue and the Gate panel, at phone width too', async () => {
    await setUp();
    await check1();
    await check2();
    await check3();
    await check4();
  }, 120_000);
});

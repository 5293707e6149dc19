import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { PAGES } from '../../src/web/registry.js';
import { startServer } from '../../src/web/server.js';
import { addLaunchpadRoutes, standInConfig } from '../bugs/launchpad-stand-in.js';
import { runCli } from '../helpers/cli.js';
import { startServiceStub, type ServiceStub } from '../helpers/service-stub.js';
import { tempDir } from '../helpers/tmp.js';
import { browserTests, launchChromium, watchConsole } from './browser.js';
import { testDashboard, type TestDashboard } from './dashboard.js';
import { DOM_FINDINGS, P } from './payloads.js';

/**
 * Hostile strings from the remote sources: Zuul job names and log links,
 * Gerrit change subjects and owners, Launchpad bug titles. They go through
 * a real sync into the store, then onto every page.
 */
const DATE = '2026-09-16';
const NOW = new Date('2026-09-16T08:00:00Z');
let stub: ServiceStub;
let d: TestDashboard;

beforeEach(async () => {
  stub = await startServiceStub();
  const lp = addLaunchpadRoutes(stub);
  lp.edit = (page) => ({
    ...page,
    entries: page.entries.map((e) => ({
      ...e,
      title: String(e.title).replace(/: "/, `: "${P.svg} ${P.script} `),
    })),
  });
  const build = stub.zuul.builds[0]!;
  build.job_name = `glance-tox-${P.img}`;
  build.log_url = P.js;
  for (const c of stub.gerrit.changes) {
    c.subject = `Fix ${P.script}${P.attr}`;
    c.owner = { _account_id: 1, name: P.img, username: `user${P.svg}` };
  }
  const dir = tempDir('liaison-web-hostile-');
  const db = join(dir, 'l.db');
  const config = standInConfig(dir);
  const sync = await runCli(
    ['sync', '--only', 'services', '--date', DATE, '--db', db, '--config', config],
    {
      env: stub.env(),
      now: NOW,
    },
  );
  expect(sync.code, sync.stderr).toBe(0);
  d = testDashboard({ options: { db, config }, env: stub.env(), home: dir, cacheMs: 0 });
});
afterEach(async () => {
  d.close();
  await stub.close();
});

describe('hostile data from Zuul, Gerrit and Launchpad', () => {
  it('reaches the pages as escaped text only', async () => {
    const all: string[] = [];
    for (const p of PAGES) {
      const res = await d.app.request(`${p.path}?date=${DATE}`);
      expect(res.status, p.path).toBe(200);
      const html = await res.text();
      expect(html).not.toContain('<script>window.__xss');
      expect(html).not.toMatch(/<img|<svg onload/i);
      expect(html).not.toMatch(/href="\s*javascript:/i);
      all.push(html);
    }
    const joined = all.join('\n');
    expect(joined).toContain('glance-tox-&quot;&gt;&lt;img'); // the job name (gate table)
    expect(joined).toContain('Fix &lt;script&gt;window.__xss=1'); // change subjects (freeze)
    expect(joined).toContain(
      '&lt;svg onload=&quot;window.__xss=5&quot;&gt;&lt;/svg&gt; &lt;script&gt;',
    ); // bug titles (bugs)
  });

  it.runIf(browserTests)(
    'runs no script in Chromium on any page (needs /usr/bin/chromium)',
    async () => {
      const server = await startServer(d, '127.0.0.1', 0);
      const { browser, close } = await launchChromium();
      try {
        const page = await browser.newPage();
        const seen = watchConsole(page);
        for (const p of PAGES) {
          await page.goto(`${server.url}${p.path}?date=${DATE}`);
          expect(await page.evaluate<string[]>(DOM_FINDINGS), p.path).toEqual([]);
        }
        // open every drafted -2 and hover the chart cells: still nothing runs
        await page.goto(`${server.url}/freeze?date=${DATE}`);
        for (const s of await page.locator('summary').all()) await s.click();
        await page.goto(`${server.url}/gate?date=${DATE}`);
        await page.locator('figure svg rect').first().hover();
        expect(await page.evaluate<string[]>(DOM_FINDINGS)).toEqual([]);
        expect(seen).toEqual([]);
      } finally {
        await close();
        await server.close();
      }
    },
  );
});

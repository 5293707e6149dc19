import { mkdtempSync, readFileSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { BrowserContext } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { PAGES } from '../../src/web/registry.js';
import { startServer, type RunningServer } from '../../src/web/server.js';
import { runCli } from '../helpers/cli.js';
import { browserTests, launchChromium, watchConsole } from './browser.js';
import { testDashboard, type TestDashboard } from './dashboard.js';
import { DOM_FINDINGS, P, SECRET, hostileConfig } from './payloads.js';

/**
 * Every page, fed hostile strings through every source it shows, must show
 * them as text: no script runs, no element or attribute is injected, and
 * no secret reaches a page, a JSON twin or the log.
 */
describe('hostile data is shown as text', () => {
  let home: string;
  let d: TestDashboard;
  let server: RunningServer;
  let browser: BrowserContext | undefined;
  let closeBrowser: (() => Promise<void>) | undefined;
  const env = { LIAISON_SMTP_PASSWORD: SECRET, LIAISON_USER: 'tester' };

  beforeAll(async () => {
    home = mkdtempSync(join(tmpdir(), 'liaison-xss-'));
    writeFileSync(join(home, 'liaison.yaml'), hostileConfig());
    d = testDashboard({ home, cwd: home, env, cacheMs: 0 });
    server = await startServer(d, '127.0.0.1', 0);
    d.setOrigin(server.url);
    if (browserTests) ({ browser, close: closeBrowser } = await launchChromium());
  });
  afterAll(async () => {
    await closeBrowser?.();
    await server?.close();
    d?.close();
    rmSync(home, { recursive: true, force: true });
  });

  it('escapes the payloads in the HTML of every page (the data does reach the pages)', async () => {
    const all: string[] = [];
    for (const p of PAGES) {
      const res = await d.app.request(`${p.path}?date=2026-11-27`);
      expect(res.status, p.path).toBe(200);
      const html = await res.text();
      all.push(html);
      expect(html).not.toContain('<script>window.__xss');
      // an unescaped '<' is what would make markup; attributes are checked in the DOM below
      expect(html).not.toMatch(/<img|<svg onload/i);
      expect(html).not.toMatch(/href="\s*javascript:/i);
    }
    const joined = all.join('\n');
    // the payloads are there, as text
    expect(joined).toContain('Deadline one &lt;script&gt;window.__xss=1;alert(1)&lt;/script&gt;');
    expect(joined).toContain('Item &lt;svg onload=&quot;window.__xss=5&quot;&gt;&lt;/svg&gt;');
  });

  it.runIf(browserTests)(
    'runs no script in Chromium on any page (console, dialogs and DOM checked) (needs /usr/bin/chromium)',
    async () => {
      const page = await browser!.newPage();
      const consoleLog = watchConsole(page);
      let seenPayloadText = 0;
      for (const p of PAGES) {
        await page.goto(`${server.url}${p.path}?date=2026-11-27`);
        const findings = await page.evaluate<string[]>(DOM_FINDINGS);
        expect(findings, p.path).toEqual([]);
        const text = await page.evaluate<string>('document.body.innerText');
        if (text.includes(P.script) || text.includes(P.svg)) seenPayloadText++;
        // clicking the would-be links must not run anything either
        for (const a of await page.locator('main a').all()) {
          const href = await a.getAttribute('href');
          expect(href ?? '').not.toMatch(/^\s*javascript:/i);
        }
      }
      expect(seenPayloadText).toBeGreaterThanOrEqual(3);
      expect(consoleLog).toEqual([]);
      await page.close();
    },
  );

  it('never shows a secret in a page, a JSON twin or the log', async () => {
    for (const p of PAGES) {
      const html = await (await d.app.request(`${p.path}?date=2026-11-27`)).text();
      expect(html).not.toContain(SECRET);
      const json = await (await d.app.request(`/api/${p.api}?date=2026-11-27`)).text();
      expect(json).not.toContain(SECRET);
    }
    expect(d.logs.join('')).not.toContain(SECRET);
  });

  it.runIf(browserTests)(
    'the static site built from the same data runs no script either (needs /usr/bin/chromium)',
    async () => {
      const out = join(home, 'site');
      const r = await runCli(
        ['site', 'build', out, '--date', '2026-11-27', '--db', join(home, 'site.db')],
        { cwd: home, env },
      );
      expect(r.code).toBe(0);
      expect(r.stdout + r.stderr).not.toContain(SECRET);
      for (const f of readdirSync(out)) {
        if (f.endsWith('.html')) expect(readFileSync(join(out, f), 'utf8')).not.toContain(SECRET);
      }
      const page = await browser!.newPage();
      const consoleLog = watchConsole(page);
      for (const p of PAGES) {
        await page.goto(`file://${join(out, p.file)}`);
        expect(await page.evaluate<string[]>(DOM_FINDINGS), p.file).toEqual([]);
      }
      // the static pages link to each other: click through them from file://
      await page.goto(`file://${join(out, 'index.html')}`);
      await page
        .getByRole('navigation')
        .getByRole('link', { name: 'Schedule', exact: true })
        .click();
      await page.waitForURL(/schedule\.html$/);
      expect(await page.locator('h1').textContent()).toBe('Schedule');
      expect(consoleLog).toEqual([]);
      await page.close();
    },
  );
});

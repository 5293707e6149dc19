import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startServer, type RunningServer } from '../../src/web/server.js';
import { PAGES } from '../../src/web/registry.js';
import { ARTIFACTS, browserTests, launchChromium, watchConsole } from './browser.js';
import { testDashboard, type TestDashboard } from './dashboard.js';
import type { BrowserContext } from 'playwright-core';

describe.runIf(browserTests)('the dashboard in Chromium (needs /usr/bin/chromium)', () => {
  let d: TestDashboard;
  let server: RunningServer;
  let browser: BrowserContext;
  let closeBrowser: () => Promise<void>;
  let home: string;

  beforeAll(async () => {
    home = mkdtempSync(join(tmpdir(), 'liaison-web-'));
    d = testDashboard({ cacheMs: 0, home });
    server = await startServer(d, '127.0.0.1', 0);
    d.setOrigin(server.url);
    ({ browser, close: closeBrowser } = await launchChromium());
  });
  afterAll(async () => {
    await closeBrowser?.();
    await server?.close();
    d?.close();
    rmSync(home, { recursive: true, force: true });
  });

  it('loads every page without a console error, and saves a screenshot of each', async () => {
    const page = await browser.newPage();
    const consoleLog = watchConsole(page);
    for (const p of PAGES) {
      const res = await page.goto(`${server.url}${p.path}?date=2026-11-27`);
      expect(res?.status(), p.path).toBe(200);
      await expect(page.locator('h1').textContent()).resolves.toBe(p.title);
      // one main heading, a language, and every control with an accessible name
      const unnamed = await page.evaluate<string[]>(`(() => {
        const out = [];
        if (document.querySelectorAll('h1').length !== 1) out.push('h1 count');
        if (!document.documentElement.lang) out.push('no lang');
        for (const el of document.querySelectorAll('input:not([type=hidden]), select, textarea, button, a[href]')) {
          const named = el.getAttribute('aria-label') || (el.labels && el.labels.length) || (el.textContent || '').trim();
          if (!named) out.push(el.outerHTML.slice(0, 80));
        }
        return out;
      })()`);
      expect(unnamed, p.path).toEqual([]);
      await page.screenshot({ path: join(ARTIFACTS, `${p.id}.png`), fullPage: true });
    }
    expect(consoleLog).toEqual([]);
    await page.close();
  });

  it('clicks through the navigation with the mouse and the keyboard', async () => {
    const page = await browser.newPage();
    await page.goto(`${server.url}/?date=2026-11-27`);
    for (const p of PAGES) {
      await page.getByRole('navigation').getByRole('link', { name: p.title, exact: true }).click();
      await page.waitForURL(`${server.url}${p.path}?date=2026-11-27`);
      await expect(page.locator('h1').textContent()).resolves.toBe(p.title);
      await expect(page.locator('nav a[aria-current="page"]').textContent()).resolves.toBe(p.title);
    }
    // keyboard: the first Tab reaches the skip link, Enter moves focus to the content
    await page.goto(`${server.url}/?date=2026-11-27`);
    await page.keyboard.press('Tab');
    await expect(page.evaluate('document.activeElement?.textContent?.trim()')).resolves.toBe(
      'Skip to content',
    );
    await page.keyboard.press('Tab');
    await expect(page.evaluate('document.activeElement?.textContent?.trim()')).resolves.toBe(
      'Overview',
    );
    await page.keyboard.press('Tab');
    await page.keyboard.press('Enter');
    await page.waitForURL(/\/schedule\?date=2026-11-27$/);
    await page.close();
  });

  it('renders the charts as SVG with their marks', async () => {
    const page = await browser.newPage();
    await page.goto(`${server.url}/?date=2026-11-27`);
    const svg = page.locator('figure svg').first();
    await expect(svg.getAttribute('aria-label')).resolves.toBe('Timeline of the indri cycle');
    expect(await svg.locator('circle').count()).toBeGreaterThan(15);
    const box = await svg.boundingBox();
    expect(box?.width).toBeGreaterThan(500);
    // the today marker: a red rule
    expect(await svg.locator('[stroke="#b3261e"]').count()).toBeGreaterThan(0);
    await page.close();
  });

  it('ticks a checklist item and the tick persists across reloads and in the JSON', async () => {
    const page = await browser.newPage();
    const consoleLog = watchConsole(page);
    await page.goto(`${server.url}/checklist?date=2026-11-27`);
    const row = page.locator('tr[data-state="open"], tr[data-state="overdue"]').first();
    const rowId = await row.getAttribute('id');
    expect(rowId).toMatch(/^item-/);
    await row.locator('input[name="by"]').fill('Ada Lovelace');
    await row.getByRole('button', { name: /Mark done/ }).click();
    await page.waitForURL(`${server.url}/checklist?date=2026-11-27`);
    const ticked = page.locator(`#${rowId!}`);
    await expect(ticked.getAttribute('data-state')).resolves.toBe('done');
    await expect(ticked.textContent()).resolves.toContain('Ada Lovelace');
    await page.reload();
    await expect(page.locator(`#${rowId!}`).getAttribute('data-state')).resolves.toBe('done');
    const api = (await (await fetch(`${server.url}/api/checklist?date=2026-11-27`)).json()) as {
      items: { id: string; state: string }[];
    };
    expect(api.items.find((i) => `item-${i.id}` === rowId)?.state).toBe('done');
    await page.screenshot({ path: join(ARTIFACTS, 'checklist-ticked.png'), fullPage: true });
    // and back
    await page.locator(`#${rowId!}`).getByRole('button', { name: /Undo/ }).click();
    await page.waitForURL(`${server.url}/checklist?date=2026-11-27`);
    await expect(page.locator(`#${rowId!}`).getAttribute('data-state')).resolves.not.toBe('done');
    expect(consoleLog).toEqual([]);
    await page.close();
  });

  it('reads at phone width without sideways scrolling of the page', async () => {
    const page = await browser.newPage();
    await page.setViewportSize({ width: 375, height: 740 });
    for (const p of PAGES) {
      await page.goto(`${server.url}${p.path}?date=2026-11-27`);
      const overflow = await page.evaluate<number>(
        'document.documentElement.scrollWidth - document.documentElement.clientWidth',
      );
      expect(overflow, p.path).toBeLessThanOrEqual(1);
    }
    await page.goto(`${server.url}/?date=2026-11-27`);
    await page.screenshot({ path: join(ARTIFACTS, 'overview-phone.png'), fullPage: true });
    await page.close();
  });

  it('works without JavaScript', async () => {
    const page = await browser.newPage();
    await page.route('**/assets/app.js', (r) => r.abort());
    await page.goto(`${server.url}/schedule?date=2026-11-27`);
    await expect(page.locator('h1').textContent()).resolves.toBe('Schedule');
    expect(await page.locator('tr.current').count()).toBe(1);
    await page.close();
  });
});

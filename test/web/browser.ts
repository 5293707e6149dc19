import { existsSync, mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { chromium, type BrowserContext, type Page } from 'playwright-core';
import { packageRoot } from '../../src/core/package-root.js';

export const CHROMIUM = '/usr/bin/chromium';
export const hasChromium = existsSync(CHROMIUM);
/**
 * Whether the browser tests run: where Chromium is installed, and always
 * in CI (`.ci/run` sets LIAISON_REQUIRE_BROWSER=1 after installing it), so
 * a missing browser there fails the tests instead of skipping them.
 */
export const browserTests = hasChromium || process.env.LIAISON_REQUIRE_BROWSER === '1';
export const ARTIFACTS = join(packageRoot(), 'test-artifacts', 'web');

/** Debian's Chromium, headless, with a fresh profile folder; never a downloaded browser. */
export async function launchChromium(): Promise<{
  browser: BrowserContext;
  close: () => Promise<void>;
}> {
  const profile = mkdtempSync(join(tmpdir(), 'liaison-chromium-'));
  mkdirSync(ARTIFACTS, { recursive: true });
  const browser = await chromium.launchPersistentContext(profile, {
    executablePath: CHROMIUM,
    headless: true,
    viewport: { width: 1200, height: 900 },
    args: [
      '--headless',
      '--no-sandbox',
      '--disable-gpu',
      '--disable-quic',
      '--no-first-run',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
    ],
  });
  return {
    browser,
    close: async () => {
      await browser.close();
      rmSync(profile, { recursive: true, force: true });
    },
  };
}

/** Console messages and page errors of a page, to assert that none happened. */
export function watchConsole(page: Page): string[] {
  const seen: string[] = [];
  page.on('console', (m) => seen.push(`${m.type()}: ${m.text()}`));
  page.on('pageerror', (e) => seen.push(`pageerror: ${e.message}`));
  page.on('dialog', (d) => {
    seen.push(`dialog: ${d.message()}`);
    void d.dismiss();
  });
  return seen;
}

import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { PAGES } from '../../src/web/registry.js';
import { runCli } from '../helpers/cli.js';
import type { TestDashboard } from './dashboard.js';
import { standInSite, type StandInSite } from './stand-in-site.js';

/**
 * A `liaison sync` run beside a running server (another process, another
 * store connection) changes what the pages built from the store show: the
 * server's cache must not keep serving the views built before it.
 */
const DATE = '2026-09-16';
const NOW = new Date('2026-09-16T08:00:00Z');
let w: StandInSite;
let d: TestDashboard;

beforeEach(async () => {
  w = await standInSite('liaison-web-sync-');
  // the default cache (10 s) and a pinned clock: nothing expires by itself
  d = w.dashboard();
});
afterEach(async () => {
  d.close();
  await w.stub.close();
});

const sync = async (now = NOW) => {
  const r = await runCli(
    ['sync', '--only', 'services', '--date', DATE, '--db', w.db, '--config', w.config],
    { env: w.stub.env(), now },
  );
  expect(r.code, r.stderr).toBe(0);
};

describe('the server after a sync', () => {
  it('shows the synced review desk and gate advice on the Overview at once', async () => {
    const before = (await (await d.app.request(`/api/brief?date=${DATE}`)).json()) as {
      review: unknown;
      gateAdvice: unknown;
    };
    const pageBefore = await (await d.app.request(`/?date=${DATE}`)).text();
    await sync();
    const after = (await (await d.app.request(`/api/brief?date=${DATE}`)).json()) as {
      review: unknown;
      gateAdvice: unknown;
    };
    expect(after.review).not.toEqual(before.review);
    expect(await (await d.app.request(`/?date=${DATE}`)).text()).not.toBe(pageBefore);
  });

  it('shows what a second sync changed on a page already built from the store', async () => {
    await sync();
    const title = (v: unknown) =>
      (v as { bugs: { id: number; title: string }[] }).bugs.find((b) => b.id === 2157011)?.title;
    const bugs = async () => (await d.app.request(`/api/bugs?date=${DATE}`)).json();
    expect(title(await bugs())).not.toBe('renamed upstream');
    expect(await (await d.app.request(`/bugs?date=${DATE}`)).text()).not.toContain(
      'renamed upstream',
    );
    w.lp.changedAt = '2026-09-16T09:00:00Z';
    w.lp.edit = (page) => ({
      ...page,
      entries: page.entries.map((t) =>
        String(t.bug_link).endsWith('/2157011')
          ? { ...t, title: 'Bug #2157011 in Glance: "renamed upstream"' }
          : t,
      ),
    });
    await sync(new Date('2026-09-16T10:00:00Z'));
    expect(title(await bugs())).toBe('renamed upstream');
    expect(await (await d.app.request(`/bugs?date=${DATE}`)).text()).toContain('renamed upstream');
  });
});

describe('static pages', () => {
  it('never open the store: they are built once per date and team, and a sync would not show', async () => {
    await sync(); // a store with data: a page reading it would open it
    const fresh = w.dashboard();
    try {
      const statics = PAGES.filter((p) => p.static);
      expect(statics.length).toBeGreaterThan(0);
      for (const p of statics) {
        expect((await fresh.app.request(`${p.path}?date=${DATE}`)).status, p.id).toBe(200);
        expect(fresh.shared.db, `${p.id} opened the store`).toBeUndefined();
      }
    } finally {
      fresh.close();
    }
  });
});

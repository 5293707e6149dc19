import { describe, expect, it } from 'vitest';
import { startServer } from '../../src/web/server.js';
import { testDashboard } from './dashboard.js';

describe('the server on loopback with its page cache', () => {
  it('answers cached views with the same page and headers, and a write is seen at once', async () => {
    const d = testDashboard(); // default cache: 10 s
    const server = await startServer(d, '127.0.0.1', 0);
    try {
      expect(server.url).toMatch(/^http:\/\/127\.0\.0\.1:\d+$/);
      d.setOrigin(server.url);
      const schedule = await (await fetch(`${server.url}/schedule?date=2026-11-27`)).text();
      expect(schedule).toContain(
        `href="${server.url.replace('http:', 'webcal:')}/schedule.ics?date=2026-11-27"`,
      );
      const ics = await fetch(`${server.url}/schedule.ics?date=2026-11-27`);
      expect(ics.headers.get('content-type')).toContain('text/calendar');
      const url = `${server.url}/checklist?date=2026-11-27`;
      const first = await fetch(url);
      const body = await first.text();
      const second = await fetch(url); // from the cache, without routing
      expect(await second.text()).toBe(body);
      for (const h of [
        'content-security-policy',
        'x-content-type-options',
        'x-frame-options',
        'content-type',
      ]) {
        expect(second.headers.get(h), h).toBe(first.headers.get(h));
      }
      const id = /<tr id="item-([^"]+)" data-state="(?:open|overdue)"/.exec(body)?.[1];
      expect(id).toBeDefined();
      const post = await fetch(`${server.url}/checklist/done?date=2026-11-27`, {
        method: 'POST',
        redirect: 'manual',
        headers: { 'content-type': 'application/x-www-form-urlencoded' },
        body: new URLSearchParams({ csrf: d.csrfToken, id: id!, by: 'Ada' }).toString(),
      });
      expect(post.status).toBe(303);
      const after = await (await fetch(url)).text();
      expect(after).toContain(`<tr id="item-${id!}" data-state="done"`);
    } finally {
      await server.close();
      d.close();
    }
  });

  it('refuses a port that is taken with a usage error', async () => {
    const d = testDashboard();
    const server = await startServer(d, '127.0.0.1', 0);
    try {
      const port = Number(new URL(server.url).port);
      await expect(startServer(d, '127.0.0.1', port)).rejects.toThrow(
        /already in use; choose another --port/,
      );
    } finally {
      await server.close();
      d.close();
    }
  });
});

import Database from 'better-sqlite3';
import { describe, expect, it } from 'vitest';
import { allowedHosts, hostAllowed, parseTarget } from '../../src/web/request-guard.js';
import { runCli } from '../helpers/cli.js';
import { RAW_CONTROLS, hasBuild, rawHttp, spawnCli, statusOf } from './helpers.js';
import { servedDashboard } from './served.js';

/**
 * `liaison serve` against raw bytes on a real socket (issue 12, items 1, 7
 * and 11): no request can stop the server, only its own host names get a
 * page, forms are bounded, and the write log holds no control characters.
 */
describe('serve keeps serving whatever the request line', () => {
  const served = servedDashboard('liaison-hostile-serve-');

  it('answers 400 to unparsable targets (absolute-form included), then serves the next page', async () => {
    const { port } = served;
    for (const target of [
      'http://[',
      '//[',
      'http://%zz/',
      'http://a:99999999/',
      '*',
      'ftp://x/',
    ]) {
      expect(await statusOf(port, target), target).toBe(400);
      expect(await statusOf(port, '/schedule?date=2026-11-27'), `after ${target}`).toBe(200);
    }
    // a well-formed absolute-form target naming this server is served like its path
    expect(await statusOf(port, `http://127.0.0.1:${port}/schedule?date=2026-11-27`)).toBe(200);
    // the page cache shortcut sees the same targets (a cached page is the first thing asked)
    expect(await statusOf(port, '/schedule?date=2026-11-27')).toBe(200);
    expect(await statusOf(port, 'http://[')).toBe(400);
  });

  it('refuses a Host it is not bound to (DNS rebinding): no page, no CSRF token, no write', async () => {
    const { d, port } = served;
    const answer = await rawHttp(
      port,
      'GET /checklist?date=2026-11-27 HTTP/1.1\r\nHost: evil.example\r\nConnection: close\r\n\r\n',
    );
    expect(answer).toMatch(/^HTTP\/1\.1 421/);
    expect(answer).not.toContain(d.csrfToken);
    expect(answer).not.toContain('<form');
    const body = `csrf=${d.csrfToken}&id=x&by=Mallory`;
    const post = await rawHttp(
      port,
      `POST /checklist/done?date=2026-11-27 HTTP/1.1\r\nHost: evil.example:${port}\r\n` +
        `Content-Type: application/x-www-form-urlencoded\r\nContent-Length: ${body.length}\r\nConnection: close\r\n\r\n${body}`,
    );
    expect(post).toMatch(/^HTTP\/1\.1 421/);
    expect(await statusOf(port, 'http://evil.example/checklist')).toBe(421);
    // no Host at all (HTTP/1.0 style) is a bad request
    expect(await rawHttp(port, 'GET / HTTP/1.0\r\n\r\n')).toMatch(/^HTTP\/1\.1 400/);
    // its own names are fine
    expect(await statusOf(port, '/', `localhost:${port}`)).toBe(200);
  });

  it('refuses a form body over 64 KB with 413, and keeps serving', async () => {
    const { d, server, port } = served;
    const big = `csrf=${d.csrfToken}&id=x&by=${'a'.repeat(200 * 1024)}`;
    const res = await fetch(`${server.url}/checklist/done?date=2026-11-27`, {
      method: 'POST',
      headers: { 'content-type': 'application/x-www-form-urlencoded' },
      body: big,
    });
    expect(res.status).toBe(413);
    // chunked (no Content-Length) is counted as it comes
    const chunked = await rawHttp(
      port,
      `POST /checklist/done HTTP/1.1\r\nHost: 127.0.0.1:${port}\r\nContent-Type: application/x-www-form-urlencoded\r\n` +
        `Transfer-Encoding: chunked\r\nConnection: close\r\n\r\n${(70 * 1024).toString(16)}\r\n${'b'.repeat(70 * 1024)}\r\n0\r\n\r\n`,
    );
    expect(chunked).toMatch(/^HTTP\/1\.1 413/);
    expect(await statusOf(port, '/')).toBe(200);
  });

  it('keeps control characters out of the write log (/checklist/undo with a hostile name)', async () => {
    const { d, server } = served;
    const page = await (await fetch(`${server.url}/checklist?date=2026-11-27`)).text();
    const id = /<tr id="item-([^"]+)"/.exec(page)?.[1] ?? '';
    expect(id).not.toBe('');
    const post = (by: string) =>
      fetch(`${server.url}/checklist/undo?date=2026-11-27`, {
        method: 'POST',
        redirect: 'manual',
        headers: { 'content-type': 'application/x-www-form-urlencoded' },
        body: new URLSearchParams({ csrf: d.csrfToken, id, by }).toString(),
      });
    expect((await post('Eve\u001b[2J\r\nInjected: yes')).status).toBe(400);
    expect((await post('Ada')).status).toBe(303);
    const db = new Database(d.dbPath, { readonly: true });
    try {
      const rows = db.prepare('SELECT who, detail FROM web_write_log').all() as {
        who: string;
        detail: string;
      }[];
      expect(rows.map((r) => r.who)).toEqual(['Ada']);
      for (const r of rows) expect(`${r.who}${r.detail}`).not.toMatch(RAW_CONTROLS);
    } finally {
      db.close();
    }
  });

  it('inlines the page CSS as CSS: a browser gets the base font and the current-page rule', async () => {
    const { server } = served;
    const html = await (await fetch(`${server.url}/?date=2026-11-27`)).text();
    const style = /<style>([\s\S]*?)<\/style>/.exec(html)?.[1] ?? '';
    expect(style).toContain('"Segoe UI"');
    expect(style).toContain('nav a[aria-current="page"]');
    expect(style).not.toContain('&quot;');
  });
});

describe('the request rules, as pure functions', () => {
  it('parses targets without ever throwing', () => {
    expect(parseTarget('/a?b=1')).toEqual({ ok: true, path: '/a?b=1' });
    expect(parseTarget('http://h:1/x?y')).toEqual({ ok: true, path: '/x?y', host: 'h:1' });
    for (const bad of ['', 'http://[', '//x', 'javascript:alert(1)', 'http://a:99999999/'])
      expect(parseTarget(bad).ok, bad).toBe(false);
  });

  it('accepts the bound names only (plus --allow-host); a wildcard bind accepts the local addresses', () => {
    const loop = allowedHosts('127.0.0.1', []);
    expect(hostAllowed('127.0.0.1:8484', loop)).toBe(true);
    expect(hostAllowed('LOCALHOST', loop)).toBe(true);
    expect(hostAllowed('[::1]:8484', loop)).toBe(true);
    expect(hostAllowed('evil.example', loop)).toBe(false);
    expect(hostAllowed('127.0.0.1.evil.example', loop)).toBe(false);
    expect(hostAllowed('a b', loop)).toBe(false);
    const proxied = allowedHosts('127.0.0.1', ['liaison.example.org']);
    expect(hostAllowed('liaison.example.org', proxied)).toBe(true);
    const any = allowedHosts('0.0.0.0', [], ['10.1.2.3']);
    expect(hostAllowed('10.1.2.3:8484', any)).toBe(true);
    expect(hostAllowed('evil.example', any)).toBe(false);
  });
});

describe('serve options', () => {
  it('refuses an empty --host (it would bind every interface) and a bad --allow-host', async () => {
    const empty = await runCli(['serve', '--host', '', '--port', '0']);
    expect(empty.code).toBe(2);
    expect(empty.stderr).toMatch(/--host: expected a value/);
    const blank = await runCli(['serve', '--host', ' ', '--port', '0']);
    expect(blank.code).toBe(2);
    const bad = await runCli(['serve', '--allow-host', 'a/b', '--port', '0']);
    expect(bad.code).toBe(2);
    expect(bad.stderr).toContain('--allow-host a/b');
  });

  it.runIf(hasBuild)('warns on stderr when bound beyond loopback', async () => {
    const r = await spawnCli(
      ['serve', '--host', '0.0.0.0', '--port', '0', '--no-reminders', '--date', '2026-11-27'],
      { until: /Press Ctrl-C/, timeoutMs: 15_000 },
    );
    expect(r.killed).toBe(false);
    expect(r.stdout).toMatch(/Dashboard for glance: http:\/\/0\.0\.0\.0:\d+\//);
    expect(r.stderr).toMatch(/warning: listening on 0\.0\.0\.0, reachable from other machines/);
  });
});

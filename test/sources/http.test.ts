import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import {
  HttpClient,
  HttpNetworkError,
  HttpStatusError,
  HttpTimeoutError,
  ResponseFormatError,
  gerritPages,
  launchpadPages,
  launchpadTotalSize,
  parseUtcTime,
  zuulPages,
} from '../../src/sources/http/index.js';
import { openStore, type Db } from '../../src/store/db.js';
import { ALL_MIGRATIONS } from '../../src/app/migrations.js';
import { startServiceStub, type ServiceStub } from '../helpers/service-stub.js';
import { tempDir } from '../helpers/tmp.js';

let stub: ServiceStub;
let db: Db;
beforeEach(async () => {
  stub = await startServiceStub();
  db = openStore(join(tempDir(), 'http.db'), ALL_MIGRATIONS);
});
afterEach(async () => {
  db.close();
  await stub.close();
});

const fast = { retries: 2, retryDelayMs: 10, minIntervalMs: 0, timeoutMs: 500 } as const;
const buildsUrl = () =>
  `${stub.zuulUrl}/api/tenant/openstack/builds?project=openstack/glance&pipeline=periodic`;

describe('HTTP client against the loopback stand-in', () => {
  it('retries a 500 twice, then gets the answer', async () => {
    stub.fault({ path: /\/builds$/, kind: 'status', status: 500, times: 2 });
    const http = new HttpClient({ ...fast, db });
    const r = await http.getJson<unknown[]>(buildsUrl());
    expect(r.body).toHaveLength(31);
    expect(stub.count(/\/builds$/)).toBe(3);
    expect(http.stats).toMatchObject({ requests: 3, retries: 2 });
  });

  it('gives up after the retries with a typed error naming host and status', async () => {
    stub.fault({ path: /\/builds$/, kind: 'status', status: 503 });
    const http = new HttpClient({ ...fast, source: 'zuul' });
    const err = await http.getJson(buildsUrl()).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(HttpStatusError);
    expect((err as HttpStatusError).status).toBe(503);
    expect((err as Error).message).toMatch(
      /^127\.0\.0\.1:\d+\/zuul\/api\/tenant\/openstack\/builds answered HTTP 503/,
    );
    expect(stub.count(/\/builds$/)).toBe(3);
  });

  it('does not retry a 4xx', async () => {
    const http = new HttpClient({ ...fast });
    const err = await http.getJson(`${stub.launchpadUrl}/devel/bugs/1`).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(HttpStatusError);
    expect((err as HttpStatusError).status).toBe(404);
    expect(stub.count(/\/bugs\/1$/)).toBe(1);
  });

  it('bounds a hanging server by the time limit, retries included, then reports a timeout', async () => {
    stub.fault({ path: /\/builds$/, kind: 'hang' });
    const http = new HttpClient({ ...fast, retries: 3, timeoutMs: 200 });
    const t0 = performance.now();
    const err = await http.getJson(buildsUrl()).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(HttpTimeoutError);
    expect((err as Error).message).toMatch(/did not answer within 0\.2 s/);
    // the limit is the request's, not each attempt's: no retry once it is spent
    expect(stub.count(/\/builds$/)).toBe(1);
    expect(performance.now() - t0).toBeLessThan(1000);
  });

  it('reports a refused connection at once, without retrying', async () => {
    const dead = await startServiceStub();
    const url = `${dead.zuulUrl}/api/tenant/openstack/builds`;
    await dead.close();
    const http = new HttpClient({ ...fast, source: 'zuul' });
    const err = await http.getJson(url).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(HttpNetworkError);
    expect((err as Error).message).toMatch(
      /\/zuul\/api\/tenant\/openstack\/builds is unreachable: ECONNREFUSED/,
    );
    expect(http.stats.requests).toBe(1);
  });

  it('turns truncated JSON and HTML error pages into format errors', async () => {
    const http = new HttpClient({ ...fast });
    stub.fault({ path: /\/builds$/, kind: 'truncate', times: 1 });
    await expect(http.getJson(buildsUrl())).rejects.toThrow(ResponseFormatError);
    stub.fault({ path: /\/builds$/, kind: 'html', times: 1 });
    await expect(http.getJson(buildsUrl())).rejects.toThrow(/expected JSON, got an HTML page/);
    stub.fault({ path: /\/builds$/, kind: 'html', status: 502, times: 3 });
    await expect(http.getJson(buildsUrl())).rejects.toThrow(/answered HTTP 502: .*Bad Gateway/);
  });

  it("strips Gerrit's )]}' line and tolerates its absence", async () => {
    const http = new HttpClient({ ...fast });
    const withPrefix = await http.getJson<{ _number: number }[]>(
      `${stub.gerritUrl}/changes/?q=is:open`,
    );
    expect(withPrefix.text.startsWith(")]}'\n")).toBe(true);
    expect(withPrefix.body.map((c) => c._number)).toContain(998431);
    stub.fault({ path: /^\/gerrit\/changes\/$/, kind: 'no-xssi', times: 1 });
    const without = await http.getJson<{ _number: number }[]>(
      `${stub.gerritUrl}/changes/?q=is:open`,
    );
    expect(without.text.startsWith('[')).toBe(true);
    expect(without.body).toEqual(withPrefix.body);
  });

  it('asks again conditionally and serves a 304 from the SQLite cache (ETag, then Last-Modified alone)', async () => {
    for (const validators of ['etag', 'last-modified'] as const) {
      stub.validators = validators;
      const url = `${buildsUrl()}&v=${validators}`;
      const http = new HttpClient({ ...fast, db });
      const first = await http.getJson<unknown[]>(url);
      const second = await new HttpClient({ ...fast, db }).getJson<unknown[]>(url);
      expect(first.notModified).toBe(false);
      expect(second.notModified).toBe(true);
      expect(second.status).toBe(304);
      expect(second.body).toEqual(first.body);
      const last = stub.requests[stub.requests.length - 1]!;
      expect(last.status).toBe(304);
      expect(
        last.headers[validators === 'etag' ? 'if-none-match' : 'if-modified-since'],
      ).toBeTruthy();
      stub.touch();
      stub.zuul.builds.pop();
      const third = await new HttpClient({ ...fast, db }).getJson<unknown[]>(url);
      expect(third.notModified).toBe(false);
      expect(third.body).toHaveLength(first.body.length - 1);
    }
  });

  it('holds cache entries back until commitCache when asked to', async () => {
    const http = new HttpClient({ ...fast, db, deferCacheWrites: true });
    await http.getJson(buildsUrl());
    expect(db.prepare('SELECT count(*) AS n FROM http_cache').get()).toEqual({ n: 0 });
    http.commitCache();
    expect(db.prepare('SELECT count(*) AS n FROM http_cache').get()).toEqual({ n: 1 });
  });

  it('spaces requests to one host by the polite interval', async () => {
    const http = new HttpClient({ ...fast, minIntervalMs: 150 });
    const t0 = performance.now();
    await Promise.all([1, 2, 3].map((i) => http.getText(`${stub.zuulUrl}/health?i=${i}`)));
    expect(performance.now() - t0).toBeGreaterThanOrEqual(290);
  });

  it('uses the injected fetch and sends a User-Agent', async () => {
    const seen: string[] = [];
    const http = new HttpClient({
      ...fast,
      fetch: (input, init) => {
        seen.push(
          `${input instanceof Request ? input.url : input.toString()} ${new Headers(init?.headers).get('user-agent')}`,
        );
        return Promise.resolve(
          new Response('[1,2]', { status: 200, headers: { 'content-type': 'application/json' } }),
        );
      },
    });
    expect((await http.getJson('http://127.0.0.1:9/x')).body).toEqual([1, 2]);
    expect(seen).toEqual([expect.stringMatching(/^http:\/\/127\.0\.0\.1:9\/x release-liaison\//)]);
  });

  it('gets a plain-text 403 when a -2 is not permitted', async () => {
    stub.gerrit.forbidMinus2.add(1000377);
    const http = new HttpClient({ ...fast });
    const url = `${stub.gerritUrl}/a/changes/openstack%2Fglance~1000377/revisions/current/review`;
    const err = await http
      .send(
        'POST',
        url,
        { labels: { 'Code-Review': -2 } },
        { auth: { username: 'u', password: 'p' } },
      )
      .catch((e: unknown) => e);
    expect(err).toBeInstanceOf(HttpStatusError);
    expect((err as HttpStatusError).body).toContain(
      'Applying label "Code-Review": -2 is restricted',
    );
    const ok = await http.send(
      'POST',
      url.replace('1000377', '1000378'),
      { labels: { 'Code-Review': -2 } },
      {
        auth: { username: 'u', password: 'p' },
      },
    );
    expect(ok.body).toEqual({ labels: { 'Code-Review': -2 } });
    expect(stub.requests.at(-1)!.headers.authorization).toBe(
      `Basic ${Buffer.from('u:p').toString('base64')}`,
    );
  });
});

describe('paging helpers', () => {
  it('pages Zuul builds by idx_max until a short page, without repeats', async () => {
    const http = new HttpClient({ ...fast });
    const ids: number[] = [];
    let pages = 0;
    for await (const page of zuulPages<{ _id: number }>(http, buildsUrl(), { limit: 10 })) {
      pages++;
      ids.push(...page.items.map((b) => b._id));
    }
    expect(pages).toBe(4);
    expect(new Set(ids).size).toBe(31);
    // each next page starts below the smallest _id of the page before
    expect(stub.requests.map((r) => r.query.get('idx_max'))).toEqual([
      null,
      ...[9, 19, 29].map((i) => String(ids[i]! - 1)),
    ]);
  });

  it('pages Gerrit changes by S while the last element says _more_changes', async () => {
    const http = new HttpClient({ ...fast });
    const numbers: number[] = [];
    for await (const page of gerritPages<{ _number: number }>(
      http,
      `${stub.gerritUrl}/changes/?q=is:open`,
      { n: 4 },
    )) {
      numbers.push(...page.items.map((c) => c._number));
    }
    expect(numbers).toHaveLength(6);
    expect(stub.requests.map((r) => r.query.get('S'))).toEqual([null, '4']);
  });

  it('follows Launchpad next_collection_link and reads a bare-integer total_size_link', async () => {
    const http = new HttpClient({ ...fast });
    const url = `${stub.launchpadUrl}/devel/glance?ws.op=searchTasks&ws.size=5`;
    const entries: unknown[] = [];
    let total = -1;
    for await (const { items, page, index } of launchpadPages(http, url)) {
      entries.push(...items);
      if (index === 0) total = await launchpadTotalSize(http, page);
    }
    expect(entries).toHaveLength(7);
    expect(total).toBe(7);
    expect(stub.requests.every((r) => r.path.startsWith('/launchpad/'))).toBe(true);
  });
});

describe('service times are UTC whatever the format', () => {
  it.each([
    ['2026-09-16T02:07:28', '2026-09-16T02:07:28.000Z'],
    ['2026-09-16 02:07:28.123456789', '2026-09-16T02:07:28.123Z'],
    ['2026-09-08T06:12:44.913201+00:00', '2026-09-08T06:12:44.913Z'],
    ['2026-09-08T08:12:44+02:00', '2026-09-08T06:12:44.000Z'],
    ['2026-09-08T06:12:44Z', '2026-09-08T06:12:44.000Z'],
  ])('%s', (input, expected) => {
    expect(parseUtcTime(input)).toBe(expected);
  });
  it('rejects garbage', () => {
    expect(parseUtcTime('yesterday')).toBeNull();
    expect(parseUtcTime(null)).toBeNull();
  });
});

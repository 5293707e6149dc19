import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { join } from 'node:path';
import { SERVICE_SAMPLES_DIR } from './shared-data.js';

/**
 * A REAL HTTP server on 127.0.0.1 (port 0) standing in for Zuul, Gerrit and
 * Launchpad, serving the recorded shapes of ../shared/data/service-samples.
 *
 *   const stub = await startServiceStub();        // stop with `await stub.close()`
 *   env: stub.env()  → LIAISON_ZUUL_URL=<url>/zuul, LIAISON_GERRIT_URL=<url>/gerrit,
 *                      LIAISON_LAUNCHPAD_URL=<url>/launchpad
 *   stub.zuul.builds                 mutable list of Zuul builds (add with stub.addBuilds)
 *   stub.requests / stub.count(re)   every request seen (method, path, query, status, headers, body)
 *   stub.fault({ path: /\/builds/, kind: 'status', status: 500, times: 2 })   // `match: (req) => …` narrows further
 *        kinds: hang · status · truncate · html · no-xssi
 *   stub.route('GET', /^\/gerrit\/changes\/foo$/, (req) => ({ body: {...}, xssi: true }))  // custom routes win
 *   stub.gerrit.forbidMinus2.add(1000377)   // POST review of that change → 403 plain text
 *
 * Every GET answer carries an ETag (hash of the body) and Last-Modified (the
 * stub's data version time), and a matching If-None-Match/If-Modified-Since
 * gets a 304. Launchpad links in bodies are rewritten to the stub's base.
 */

export interface StubRequest {
  readonly method: string;
  /** Path without query, e.g. /zuul/api/tenant/openstack/builds. */
  readonly path: string;
  readonly query: URLSearchParams;
  readonly headers: IncomingMessage['headers'];
  readonly body: string;
  status: number;
}

export interface StubAnswer {
  readonly status?: number;
  /** A string is sent as is; anything else as JSON. */
  readonly body: unknown;
  readonly contentType?: string;
  /** Put Gerrit's `)]}'` line in front of the JSON. */
  readonly xssi?: boolean;
  /** Offer ETag/Last-Modified and answer 304 (default: true for 200 GETs). */
  readonly conditional?: boolean;
}

export type StubHandler = (req: StubRequest) => StubAnswer | Promise<StubAnswer>;

export type FaultKind = 'hang' | 'status' | 'truncate' | 'html' | 'no-xssi';

export interface Fault {
  readonly path: RegExp;
  /** Further condition on the request (e.g. a query parameter). */
  readonly match?: (req: StubRequest) => boolean;
  readonly method?: string;
  readonly kind: FaultKind;
  /** For `status` (default 500) and `html` (default 200). */
  readonly status?: number;
  /** How many requests it hits; unlimited when absent. */
  times?: number;
}

export type Validators = 'both' | 'etag' | 'last-modified' | 'none';

export interface ServiceStub {
  readonly url: string;
  readonly zuulUrl: string;
  readonly gerritUrl: string;
  readonly launchpadUrl: string;
  readonly requests: StubRequest[];
  readonly zuul: { builds: ZuulBuild[] };
  readonly gerrit: { changes: Record<string, unknown>[]; forbidMinus2: Set<number> };
  /** Which validators GET answers carry. */
  validators: Validators;
  env(): Record<string, string>;
  count(path?: RegExp, method?: string): number;
  fault(f: Fault): void;
  clearFaults(): void;
  route(method: string, path: RegExp, handler: StubHandler): void;
  addBuilds(builds: readonly ZuulBuild[]): void;
  /** Marks the data as changed (new Last-Modified). */
  touch(): void;
  close(): Promise<void>;
}

export type ZuulBuild = Record<string, unknown> & {
  _id: number;
  uuid: string;
  job_name: string;
  result: string | null;
};

export function sample(name: string): string {
  return readFileSync(join(SERVICE_SAMPLES_DIR, name), 'utf8');
}

/** A sample file parsed; callers cast to the shape they expect. */
export function sampleJson(name: string): unknown {
  return JSON.parse(sample(name));
}

export async function startServiceStub(): Promise<ServiceStub> {
  const requests: StubRequest[] = [];
  const faults: Fault[] = [];
  const routes: { method: string; path: RegExp; handler: StubHandler }[] = [];
  const hanging = new Set<ServerResponse>();
  const zuul = { builds: sampleJson('zuul-builds-periodic-glance.json') as ZuulBuild[] };
  const gerrit = {
    changes: (sampleJson('gerrit-open-changes-stable.json') as Record<string, unknown>[]).map(
      (c) => {
        const copy = { ...c };
        delete copy._more_changes;
        return copy;
      },
    ),
    forbidMinus2: new Set<number>(),
  };
  let version = Date.parse('2026-09-16T06:00:00Z');
  let base = '';

  const server: Server = createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on('data', (c: Buffer) => chunks.push(c));
    req.on('end', () => {
      const u = new URL(req.url ?? '/', 'http://stub');
      const r: StubRequest = {
        method: req.method ?? 'GET',
        path: u.pathname,
        query: u.searchParams,
        headers: req.headers,
        body: Buffer.concat(chunks).toString('utf8'),
        status: 0,
      };
      requests.push(r);
      void answer(r, res).catch((e: unknown) => {
        send(r, res, 500, String(e), 'text/plain');
      });
    });
  });

  function send(
    r: StubRequest,
    res: ServerResponse,
    status: number,
    body: string,
    type: string,
    extra: Record<string, string> = {},
  ) {
    r.status = status;
    res.writeHead(status, {
      'content-type': type,
      'content-length': Buffer.byteLength(body),
      ...extra,
    });
    res.end(body);
  }

  async function answer(r: StubRequest, res: ServerResponse): Promise<void> {
    const fault = faults.find(
      (f) =>
        f.path.test(r.path) &&
        (!f.method || f.method === r.method) &&
        (!f.match || f.match(r)) &&
        (f.times ?? 1) > 0,
    );
    if (fault?.times !== undefined) fault.times--;
    if (fault?.kind === 'hang') {
      r.status = -1;
      hanging.add(res);
      return;
    }
    if (fault?.kind === 'status') {
      send(r, res, fault.status ?? 500, 'Internal Server Error\n', 'text/plain');
      return;
    }
    if (fault?.kind === 'html') {
      const page =
        '<!DOCTYPE html><html><head><title>502 Bad Gateway</title></head><body><h1>Bad Gateway</h1></body></html>';
      send(r, res, fault.status ?? 200, page, 'text/html');
      return;
    }
    const route = routes.find((x) => x.method === r.method && x.path.test(r.path));
    const a = route ? await route.handler(r) : builtin(r);
    const status = a.status ?? 200;
    let text = typeof a.body === 'string' ? a.body : JSON.stringify(a.body);
    if (r.path.startsWith('/launchpad/'))
      text = text.replaceAll('https://api.launchpad.net', `${base}/launchpad`);
    if (a.xssi && fault?.kind !== 'no-xssi') text = `)]}'\n${text}`;
    const type =
      a.contentType ??
      (typeof a.body === 'string' && !a.xssi
        ? 'text/plain; charset=utf-8'
        : 'application/json; charset=utf-8');
    if (fault?.kind === 'truncate') {
      // a body cut short: the declared length is never reached, the connection just ends
      r.status = status;
      res.writeHead(status, { 'content-type': type });
      res.end(text.slice(0, Math.max(1, Math.floor(text.length / 2))));
      return;
    }
    const extra: Record<string, string> = {};
    if (status === 200 && r.method === 'GET' && a.conditional !== false) {
      const etag = `"${createHash('sha1').update(text).digest('hex')}"`;
      const lastModified = new Date(version).toUTCString();
      if (stub.validators === 'both' || stub.validators === 'etag') extra.etag = etag;
      if (stub.validators === 'both' || stub.validators === 'last-modified')
        extra['last-modified'] = lastModified;
      const inm = r.headers['if-none-match'];
      const ims = r.headers['if-modified-since'];
      const fresh =
        extra.etag !== undefined && inm !== undefined
          ? inm === etag
          : extra['last-modified'] !== undefined &&
            ims !== undefined &&
            Date.parse(ims) >= Math.floor(version / 1000) * 1000;
      if (fresh) {
        r.status = 304;
        res.writeHead(304, extra);
        res.end();
        return;
      }
    }
    send(r, res, status, text, type, extra);
  }

  function builtin(r: StubRequest): StubAnswer {
    const p = r.path;
    let m: RegExpExecArray | null;
    if (/^\/zuul\/api\/tenant\/[^/]+\/builds$/.test(p))
      return { body: zuulBuilds(zuul.builds, r.query) };
    if (/^\/zuul\/api\/tenant\/[^/]+\/buildsets$/.test(p))
      return { body: sampleJson('zuul-buildsets-periodic-glance.json') };
    if (/^\/zuul\/api\/tenant\/[^/]+\/status$/.test(p))
      return { body: sampleJson('zuul-status.json') };
    if (p === '/gerrit/changes/' && r.method === 'GET')
      return { body: gerritChanges(gerrit.changes, r.query), xssi: true };
    if (
      (m = /^\/gerrit\/(a\/)?changes\/([^/]+)\/revisions\/[^/]+\/review$/.exec(p)) &&
      r.method === 'POST'
    ) {
      if (!m[1] || !r.headers.authorization)
        return { status: m[1] ? 401 : 403, body: 'Unauthorized\n', conditional: false };
      const number = Number(decodeURIComponent(m[2]!).split('~').pop());
      if (gerrit.forbidMinus2.has(number))
        return { status: 403, body: sample('gerrit-error-403-label.txt'), conditional: false };
      return {
        body: stripPrefix(sample('gerrit-review-result.txt')),
        xssi: true,
        conditional: false,
      };
    }
    if (p === '/launchpad/devel/glance' && r.query.get('ws.op') === 'searchTasks')
      return launchpadSearch(r.query);
    if ((m = /^\/launchpad\/devel\/bugs\/(\d+)$/.exec(p))) {
      if (m[1] === '2157431') return { body: sampleJson('launchpad-bug-2157431.json') };
      return { status: 404, body: `Object: <Bug>, name: '${m[1]}'\n`, conditional: false };
    }
    if (p === '/launchpad/devel/glance/all_milestones')
      return { body: sampleJson('launchpad-milestones-glance.json') };
    if (p === '/zuul/health') return { body: 'ok' };
    return { status: 404, body: `Not found: ${p}\n`, conditional: false };
  }

  const stub: ServiceStub = {
    url: '',
    zuulUrl: '',
    gerritUrl: '',
    launchpadUrl: '',
    requests,
    zuul,
    gerrit,
    validators: 'both',
    env: () => ({
      LIAISON_ZUUL_URL: stub.zuulUrl,
      LIAISON_GERRIT_URL: stub.gerritUrl,
      LIAISON_LAUNCHPAD_URL: stub.launchpadUrl,
    }),
    count: (path, method) =>
      requests.filter((x) => (!path || path.test(x.path)) && (!method || x.method === method))
        .length,
    fault: (f) => faults.unshift(f),
    clearFaults: () => faults.splice(0),
    route: (method, path, handler) => routes.unshift({ method, path, handler }),
    addBuilds: (builds) => {
      zuul.builds = [...builds, ...zuul.builds].sort((a, b) => b._id - a._id);
      stub.touch();
    },
    touch: () => {
      version += 60_000;
    },
    close: () =>
      new Promise<void>((resolve) => {
        for (const res of hanging) res.destroy();
        server.closeAllConnections();
        server.close(() => {
          resolve();
        });
      }),
  };

  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  Object.assign(stub, {
    url: base,
    zuulUrl: `${base}/zuul`,
    gerritUrl: `${base}/gerrit`,
    launchpadUrl: `${base}/launchpad`,
  });
  return stub;
}

function stripPrefix(wire: string): string {
  return wire.startsWith(")]}'") ? wire.slice(wire.indexOf('\n') + 1) : wire;
}

/** Zuul's `/builds` filters (exact or `*` wildcard, repeated keys OR-ed), newest `_id` first. */
export function zuulBuilds(all: readonly ZuulBuild[], q: URLSearchParams): ZuulBuild[] {
  const field = (b: ZuulBuild, key: string): unknown => {
    const ref = (b.ref ?? {}) as Record<string, unknown>;
    return key in ref && (key === 'project' || key === 'branch') ? ref[key] : b[key];
  };
  const match = (pattern: string, value: unknown) =>
    pattern.includes('*')
      ? new RegExp(
          `^${pattern
            .split('*')
            .map((s) => s.replace(/[.+?^${}()|[\]\\]/g, '\\$&'))
            .join('.*')}$`,
        ).test(String(value))
      : String(value) === pattern;
  let rows = [...all].sort((a, b) => b._id - a._id);
  for (const key of ['project', 'pipeline', 'job_name', 'branch', 'result', 'uuid']) {
    const wanted = q.getAll(key);
    if (wanted.length) rows = rows.filter((b) => wanted.some((w) => match(w, field(b, key))));
  }
  const excluded = q.getAll('exclude_result');
  if (excluded.length) rows = rows.filter((b) => !excluded.includes(String(b.result)));
  const final = q.get('final');
  if (final !== null)
    rows = rows.filter((b) => String(b.final).toLowerCase() === final.toLowerCase());
  const complete = q.get('complete');
  if (complete !== null)
    rows = rows.filter((b) => (b.result !== null) === (complete.toLowerCase() === 'true'));
  const idxMax = q.get('idx_max');
  const idxMin = q.get('idx_min');
  if (idxMax !== null) rows = rows.filter((b) => b._id <= Number(idxMax));
  if (idxMin !== null) rows = rows.filter((b) => b._id >= Number(idxMin));
  const skip = Number(q.get('skip') ?? 0);
  const limit = Number(q.get('limit') ?? 50);
  return rows.slice(skip, skip + limit);
}

/** Gerrit `/changes/` paging: `n`, `S`; `_more_changes` on the last element only. */
function gerritChanges(
  all: readonly Record<string, unknown>[],
  q: URLSearchParams,
): Record<string, unknown>[] {
  const start = Number(q.get('S') ?? q.get('start') ?? 0);
  const n = Number(q.get('n') ?? 500);
  const page = all.slice(start, start + n).map((c) => ({ ...c }));
  if (start + n < all.length && page.length) page[page.length - 1]!._more_changes = true;
  return page;
}

function launchpadSearch(q: URLSearchParams): StubAnswer {
  if (q.getAll('tags').includes('hibiscus-rc-potential'))
    return { body: sampleJson('launchpad-searchtasks-glance-rc-potential.json') };
  if (q.get('ws.show') === 'total_size')
    return { body: sample('launchpad-searchtasks-total-size.txt').trim() };
  if (Number(q.get('ws.start') ?? 0) >= 5)
    return { body: sampleJson('launchpad-searchtasks-glance-page2.json') };
  return { body: sampleJson('launchpad-searchtasks-glance.json') };
}

/**
 * Synthetic nightly periodic builds in the recorded shape (for paging, kill
 * and volume tests): one build per job per night from `firstNight`, `_id`s
 * increasing from `firstId`. `result(job, night)` picks each result.
 */
export function nightlyBuilds(opts: {
  firstId: number;
  firstNight: string;
  nights: number;
  jobs: readonly string[];
  project?: string;
  branch?: string;
  result?: (job: string, night: number) => string;
}): ZuulBuild[] {
  const template = (sampleJson('zuul-builds-periodic-glance.json') as ZuulBuild[])[0]!;
  const out: ZuulBuild[] = [];
  let id = opts.firstId;
  for (let n = 0; n < opts.nights; n++) {
    const day = new Date(Date.parse(`${opts.firstNight}T02:00:00Z`) + n * 86_400_000);
    opts.jobs.forEach((job, j) => {
      const start = new Date(day.getTime() + (40 + j * 37) * 1000).toISOString().slice(0, 19);
      const uuid = createHash('md5').update(`${job}/${n}/${id}`).digest('hex');
      out.push({
        ...template,
        _id: id++,
        uuid,
        job_name: job,
        result: opts.result?.(job, n) ?? 'SUCCESS',
        start_time: start,
        end_time: start,
        log_url: `https://logs.example.org/${uuid}/`,
        ref: {
          ...(template.ref as object),
          project: opts.project ?? 'openstack/glance',
          branch: opts.branch ?? 'master',
        },
        buildset: { uuid: createHash('md5').update(`bs/${n}`).digest('hex') },
      });
    });
  }
  return out.sort((a, b) => b._id - a._id);
}

// Dashboard benchmarks (run after `npm run build`):
//   node bench/web.mjs
// 1. Overview page on loopback, 50 concurrent connections, with wrk when
//    installed (Debian: apt-get install wrk), else a bounded Node load loop.
//    Anchor: a bare node:http server answering the same bytes, measured the
//    same way in the same run (the machine's ceiling).
// 2. `liaison site build` of all pages, as a process. Anchor: `liaison brief`
//    (start-up plus one view) in the same run.
// Targets: >= 500 req/s and p99 < 50 ms; site build < 3 s.
import { execFile, spawn, spawnSync } from 'node:child_process';
import { promisify } from 'node:util';
import { mkdtempSync, rmSync } from 'node:fs';
import http from 'node:http';
import { tmpdir } from 'node:os';
import { join, dirname } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const bin = join(root, 'dist', 'src', 'cli', 'bin.js');
const DATE = '2026-11-27';
const SECONDS = Number(process.env.BENCH_SECONDS ?? 5);
const ROUNDS = Number(process.env.BENCH_ROUNDS ?? 3);
const CONNECTIONS = 50;
const work = mkdtempSync(join(tmpdir(), 'liaison-bench-web-'));
const env = { ...process.env, HOME: work, LIAISON_DB: join(work, 'liaison.db'), NO_COLOR: '1' };

const hasWrk = spawnSync('wrk', ['--version']).error === undefined;

function startDashboard() {
  return new Promise((resolve, reject) => {
    const child = spawn(
      process.execPath,
      [bin, 'serve', '--port', '0', '--date', DATE, '--read-only'],
      { env, stdio: ['ignore', 'pipe', 'pipe'] },
    );
    let out = '';
    child.stdout.on('data', (b) => {
      out += b;
      const m = /(http:\/\/127\.0\.0\.1:\d+)\//.exec(out);
      if (m) resolve({ url: m[1], stop: () => child.kill('SIGTERM') });
    });
    child.stderr.on('data', (b) => process.stderr.write(b));
    child.once('exit', (code) => reject(new Error(`liaison serve exited ${code}: ${out}`)));
  });
}

function startBare(body) {
  return new Promise((resolve) => {
    const server = http.createServer((req, res) => {
      res.writeHead(200, { 'content-type': 'text/html; charset=UTF-8' });
      res.end(body);
    });
    server.listen(0, '127.0.0.1', () =>
      resolve({ url: `http://127.0.0.1:${server.address().port}`, stop: () => server.close() }),
    );
  });
}

// asynchronous: the anchor server lives in this process and must keep answering
async function wrk(url) {
  const { stdout: out } = await promisify(execFile)(
    'wrk',
    ['-t2', `-c${CONNECTIONS}`, `-d${SECONDS}s`, '--latency', url],
    { encoding: 'utf8' },
  );
  const rps = Number(/Requests\/sec:\s+([\d.]+)/.exec(out)?.[1]);
  const p99 = toMs(/\s99%\s+([\d.]+\w+)/.exec(out)?.[1]);
  const p50 = toMs(/\s50%\s+([\d.]+\w+)/.exec(out)?.[1]);
  const errors = /Non-2xx or 3xx responses: (\d+)/.exec(out)?.[1] ?? '0';
  return { rps, p50, p99, errors: Number(errors), tool: 'wrk' };
}

function toMs(s) {
  if (!s) return NaN;
  const v = parseFloat(s);
  if (s.endsWith('us')) return v / 1000;
  if (s.endsWith('ms')) return v;
  if (s.endsWith('s')) return v * 1000;
  return v;
}

/** Fallback load generator: CONNECTIONS keep-alive loops for SECONDS. */
async function nodeLoad(url) {
  const agent = new http.Agent({ keepAlive: true, maxSockets: CONNECTIONS });
  const times = [];
  let errors = 0;
  const end = performance.now() + SECONDS * 1000;
  const one = () =>
    new Promise((resolve) => {
      const t = performance.now();
      http
        .get(url, { agent }, (res) => {
          if (res.statusCode !== 200) errors++;
          res.resume();
          res.on('end', () => resolve(performance.now() - t));
        })
        .on('error', () => {
          errors++;
          resolve(performance.now() - t);
        });
    });
  await Promise.all(
    Array.from({ length: CONNECTIONS }, async () => {
      while (performance.now() < end) times.push(await one());
    }),
  );
  agent.destroy();
  times.sort((a, b) => a - b);
  const q = (p) => times[Math.min(times.length - 1, Math.floor(p * times.length))];
  return { rps: times.length / SECONDS, p50: q(0.5), p99: q(0.99), errors, tool: 'node loop' };
}

const load = hasWrk ? wrk : nodeLoad;

function timeProcess(args) {
  const t = performance.now();
  const r = spawnSync(process.execPath, [bin, ...args], { env, encoding: 'utf8' });
  if (r.status !== 0) throw new Error(`liaison ${args.join(' ')} exited ${r.status}: ${r.stderr}`);
  return performance.now() - t;
}

try {
  const dash = await startDashboard();
  process.on('exit', () => dash.stop());
  const page = `${dash.url}/?date=${DATE}`;
  const body = await (await fetch(page)).text();
  const bare = await startBare(body);
  // rounds alternate anchor and dashboard so both see the same machine load; medians are reported
  const anchors = [];
  const overviews = [];
  for (let round = 0; round < ROUNDS; round++) {
    anchors.push(await load(`${bare.url}/`));
    for (let i = 0; i < 20; i++) await (await fetch(page)).text();
    overviews.push(await load(page));
  }
  bare.stop();
  dash.stop();
  const med = (runs, key) =>
    [...runs.map((r) => r[key])].sort((a, b) => a - b)[Math.floor(runs.length / 2)];
  const anchor = { rps: med(anchors, 'rps'), p50: med(anchors, 'p50'), p99: med(anchors, 'p99') };
  const overview = {
    rps: med(overviews, 'rps'),
    p50: med(overviews, 'p50'),
    p99: med(overviews, 'p99'),
    errors: overviews.reduce((n, r) => n + r.errors, 0),
    tool: overviews[0].tool,
  };

  const siteDir = join(work, 'site');
  // interleaved, median of 3 each
  const briefs = [];
  const sites = [];
  for (let i = 0; i < 3; i++) {
    briefs.push(timeProcess(['brief', '--date', DATE]));
    sites.push(timeProcess(['site', 'build', siteDir, '--date', DATE]));
  }
  const median3 = (xs) => [...xs].sort((a, b) => a - b)[1];
  const briefMs = median3(briefs);
  const siteMs = median3(sites);

  const f = (n) => n.toFixed(1);
  console.log(
    `load generator: ${overview.tool}, ${CONNECTIONS} connections, ${ROUNDS} rounds of ${SECONDS} s (medians), page ${body.length} bytes`,
  );
  console.log(
    `anchor  bare node:http, same bytes: ${f(anchor.rps)} req/s, p50 ${f(anchor.p50)} ms, p99 ${f(anchor.p99)} ms`,
  );
  console.log(
    `overview page (liaison serve):      ${f(overview.rps)} req/s, p50 ${f(overview.p50)} ms, p99 ${f(overview.p99)} ms, errors ${overview.errors}`,
  );
  console.log(
    `  ratio to anchor: ${(overview.rps / anchor.rps).toFixed(2)} of the bare server's throughput`,
  );
  console.log(
    `  target >= 500 req/s and p99 < 50 ms: ${overview.rps >= 500 && overview.p99 < 50 && overview.errors === 0 ? 'met' : 'NOT met'}`,
  );
  console.log(`anchor  liaison brief (process): ${f(briefMs)} ms`);
  console.log(
    `site build, all pages (process): ${f(siteMs)} ms = ${(siteMs / briefMs).toFixed(2)} x brief; target < 3000 ms: ${siteMs < 3000 ? 'met' : 'NOT met'}`,
  );
} finally {
  rmSync(work, { recursive: true, force: true });
}

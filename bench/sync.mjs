// Repeated `liaison sync --only zuul` against a loopback stand-in of Zuul's
// /builds API (ETag + Last-Modified, 304, idx_max paging, as the real API
// pages): a cold sync of 45 nights of history, warm syncs with nothing new,
// then a sync after one more night. Prints requests made and wall time per
// run, with `node -e 0` as the anchor measured in the same run.
//   npm run build && node bench/sync.mjs [warm-runs]
// Target: a second sync with nothing new makes ONE request (a 304).
import { spawn, spawnSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { createServer } from 'node:http';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { median } from './lib/timing.mjs';

const root = fileURLToPath(new URL('..', import.meta.url));
const warmRuns = Number(process.argv[2] ?? 5);
const sample = JSON.parse(
  readFileSync(
    join(root, '..', 'shared', 'data', 'service-samples', 'zuul-builds-periodic-glance.json'),
    'utf8',
  ),
);
const template = sample[0];
const jobs = [...new Set(sample.map((b) => b.job_name))];

let builds = [];
let nextId = 50_000_000;
let version = Date.parse('2026-09-16T06:00:00Z');
function addNights(firstNight, nights) {
  for (let n = 0; n < nights; n++) {
    const day = Date.parse(`${firstNight}T02:00:00Z`) + n * 86_400_000;
    for (const [j, job] of jobs.entries()) {
      const start = new Date(day + j * 37_000).toISOString().slice(0, 19);
      const uuid = createHash('md5').update(`${nextId}`).digest('hex');
      builds.push({
        ...template,
        _id: nextId++,
        uuid,
        job_name: job,
        start_time: start,
        end_time: start,
        result: (n + j) % 5 ? 'SUCCESS' : 'FAILURE',
      });
    }
  }
  builds.sort((a, b) => b._id - a._id);
  version += 60_000;
}
addNights('2026-08-03', 45);

let requests = 0;
let notModified = 0;
const server = createServer((req, res) => {
  requests++;
  const u = new URL(req.url, 'http://x');
  if (!u.pathname.endsWith('/builds')) {
    res.writeHead(404).end('not found');
    return;
  }
  const idxMax = u.searchParams.get('idx_max');
  const limit = Number(u.searchParams.get('limit') ?? 50);
  const rows = builds.filter((b) => idxMax === null || b._id <= Number(idxMax)).slice(0, limit);
  const body = JSON.stringify(rows);
  const etag = `"${createHash('sha1').update(body).digest('hex')}"`;
  if (req.headers['if-none-match'] === etag) {
    notModified++;
    res.writeHead(304, { etag }).end();
    return;
  }
  res
    .writeHead(200, {
      'content-type': 'application/json',
      etag,
      'last-modified': new Date(version).toUTCString(),
    })
    .end(body);
});
await new Promise((r) => server.listen(0, '127.0.0.1', r));
const base = `http://127.0.0.1:${server.address().port}`;

const dir = mkdtempSync(join(tmpdir(), 'liaison-bench-sync-'));
const config = join(dir, 'liaison.yaml');
writeFileSync(config, 'team: glance\nsources:\n  min-interval-ms: 0\n');
const argv = [
  'dist/src/cli/bin.js',
  'sync',
  '--only',
  'zuul',
  '--json',
  '--db',
  join(dir, 'store.db'),
  '--config',
  config,
  '--date',
  '2026-09-17',
];
const env = { ...process.env, LIAISON_ZUUL_URL: `${base}/zuul`, NO_COLOR: '1' };

async function run(label) {
  const before = requests;
  const t0 = process.hrtime.bigint();
  const child = spawn(process.execPath, argv, { cwd: root, env });
  let out = '';
  child.stdout.on('data', (d) => (out += d));
  const code = await new Promise((r) => child.on('exit', r));
  const ms = Number(process.hrtime.bigint() - t0) / 1e6;
  if (code !== 0) throw new Error(`${label}: exit ${code}`);
  const zuul = JSON.parse(out).sources.find((s) => s.name === 'zuul');
  return { label, ms, requests: requests - before, summary: zuul.summary };
}

const anchorRuns = [];
for (let i = 0; i < 5; i++) {
  const t0 = process.hrtime.bigint();
  spawnSync(process.execPath, ['-e', '0']);
  anchorRuns.push(Number(process.hrtime.bigint() - t0) / 1e6);
}
const anchor = median(anchorRuns);

const rows = [await run(`cold (${builds.length} builds on the server)`)];
const warm = [];
for (let i = 0; i < warmRuns; i++) warm.push(await run(`warm #${i + 1}, nothing new`));
addNights('2026-09-17', 1);
rows.push(...warm, await run(`after one more night (${jobs.length} new builds)`));
server.close();
rmSync(dir, { recursive: true, force: true });

console.log(
  `anchor node -e 0: median ${anchor.toFixed(0)} ms; page size 100; ${notModified} answers were 304`,
);
for (const r of rows) {
  console.log(
    `${r.label.padEnd(42)} ${String(r.requests).padStart(3)} request(s)  ${r.ms.toFixed(0).padStart(5)} ms  ratio ${(r.ms / anchor).toFixed(2)}x  ${r.summary}`,
  );
}
console.log(
  `warm median: ${median(warm.map((r) => r.ms)).toFixed(0)} ms, ${Math.max(...warm.map((r) => r.requests))} request(s) max`,
);

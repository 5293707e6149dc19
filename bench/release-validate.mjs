// Benchmark: `liaison release validate` over every deliverable file of
// ../shared/data/openstack-releases (6,026 files), whole CLI run (process
// start-up included), against a baseline measured in the same run on the
// same files: a plain implementation reading each file with the `yaml`
// package (parseDocument + toJS) and checking it with ajv (schema compiled
// once; the schema only, no rules).
//
// Printed per case (medians over the runs): wall, CPU of the process (user +
// sys from GNU time, every thread), and the CPU of the main thread alone
// (from /proc, via bench/release-validate-threads.mjs). On this shared,
// loaded machine wall time mostly measures the load: compare CPU. The main
// thread's CPU is what an idle machine would wait for, as long as the other
// threads' CPU fits on the other core(s).
//
// Cases: the CLI cold (`--no-cache`: every file read, parsed and
// schema-checked), the CLI warm (per-file cache in a temporary
// XDG_CACHE_HOME, filled by a first run; nothing changed, so every file's
// parse and schema result comes from the cache, the data rules still run on
// all files), the baseline. Plus "warm, 10 files
// changed": on a temporary copy of the checkout, 10 files get a new mtime
// before each run (so those are re-read; the rest come from the cache).
//
//   npm run build && node bench/release-validate.mjs [runs]
import { spawnSync } from 'node:child_process';
import { cpSync, mkdtempSync, readdirSync, rmSync, utimesSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { availableParallelism, loadavg } from 'node:os';
import { fileURLToPath } from 'node:url';
import { median } from './lib/timing.mjs';

const here = dirname(fileURLToPath(import.meta.url));
const root = join(here, '..');
const shared = join(root, '..', 'shared', 'data');
const releases = join(shared, 'openstack-releases');
const governance = join(shared, 'openstack-governance');
const runs = Number(process.argv[2] ?? 5);
const threadsHook = join(here, 'release-validate-threads.mjs');

function measure(args, env = {}) {
  const t = process.hrtime.bigint();
  const r = spawnSync(
    '/usr/bin/time',
    ['-f', 'TIME %U %S', process.execPath, '--import', threadsHook, ...args],
    {
      cwd: root,
      encoding: 'utf8',
      env: { ...process.env, ...env },
      maxBuffer: 256 * 1024 * 1024,
    },
  );
  const wall = Number(process.hrtime.bigint() - t) / 1e6;
  const [user, sys] = /TIME (\S+) (\S+)/.exec(r.stderr)?.slice(1).map(Number) ?? [NaN, NaN];
  const threads = JSON.parse(/THREADS (.*)/.exec(r.stderr)?.[1] ?? '[]');
  const main = threads.find((x) => x.main)?.ms ?? NaN;
  return { wall, cpu: (user + sys) * 1000, main, code: r.status, out: r.stdout, err: r.stderr };
}

const summary = (rs) => ({
  wall: median(rs.map((r) => r.wall)),
  cpu: median(rs.map((r) => r.cpu)),
  main: median(rs.map((r) => r.main)),
});
const fmt = (s) =>
  `wall ${s.wall.toFixed(0)} ms, cpu ${s.cpu.toFixed(0)} ms, main thread ${s.main.toFixed(0)} ms`;

// the baseline runs in its own process too, so both pay a Node start-up
const baselineScript = `
const { readdirSync, readFileSync } = require('node:fs');
const { join } = require('node:path');
const { parseDocument } = require(${JSON.stringify(join(root, 'node_modules/yaml/dist/index.js'))});
const Ajv = require(${JSON.stringify(join(root, 'node_modules/ajv/dist/ajv.js'))});
const base = ${JSON.stringify(releases)};
const schema = parseDocument(readFileSync(join(base, 'openstack_releases/schema.yaml'), 'utf8')).toJS();
delete schema.$schema;
const validate = new Ajv({ strict: false, allErrors: true }).compile(schema);
let files = 0, invalid = 0;
for (const dir of readdirSync(join(base, 'deliverables'))) for (const f of readdirSync(join(base, 'deliverables', dir))) {
  const value = parseDocument(readFileSync(join(base, 'deliverables', dir, f), 'utf8'), { version: '1.2' }).toJS();
  if (!validate(value)) invalid++;
  files++;
}
console.log(JSON.stringify({ files, invalid }));
`;

const cli = [
  join(root, 'dist/src/cli/bin.js'),
  'release',
  'validate',
  '--releases-repo',
  releases,
  '--governance-repo',
  governance,
  '--json',
];
const cold = [...cli, '--no-cache'];
// the cache goes to a temporary dir, never the user's
const cacheHome = mkdtempSync(join(tmpdir(), 'liaison-bench-cache-'));
process.on('exit', () => rmSync(cacheHome, { recursive: true, force: true }));
const cached = { XDG_CACHE_HOME: cacheHome };
const fill = measure(cli, cached);
if (fill.code !== 0) throw new Error(`liaison exited ${fill.code}: ${fill.err}`);
const copy = join(cacheHome, 'releases');
cpSync(releases, copy, { recursive: true });
const copyCli = cli.map((a) => (a === releases ? copy : a));
const seriesDirs = readdirSync(join(copy, 'deliverables'));
const someFiles = seriesDirs.slice(-2).flatMap((d) =>
  readdirSync(join(copy, 'deliverables', d))
    .slice(0, 5)
    .map((f) => join(copy, 'deliverables', d, f)),
);
let stamp = 1_800_000_000;
const touchSome = () => {
  stamp += 1;
  for (const f of someFiles) utimesSync(f, stamp, stamp);
};
measure(copyCli, cached); // fills the copy's cache
// what the runs must agree on: the findings; the data-age warnings name the
// checkout they read (its refresh hint), which differs for the copy
const findings = (out) => {
  const { dataWarnings: _w, ...rest } = JSON.parse(out);
  return JSON.stringify(rest);
};
const cases = { anchor: [], shipped: [], warm: [], warmChanged: [], baseline: [] };
let view;
let base;
for (let i = 0; i < runs; i++) {
  // interleaved, so a change of load hits every case alike
  cases.anchor.push(measure(['-e', '0']));
  const a = measure(cold);
  if (a.code !== 0) throw new Error(`liaison exited ${a.code}: ${a.err}`);
  view ??= JSON.parse(a.out);
  cases.shipped.push(a);
  const c = measure(cli, cached);
  if (findings(c.out) !== findings(a.out)) throw new Error('the cached run gave other findings');
  cases.warm.push(c);
  touchSome();
  const t = measure(copyCli, cached);
  if (findings(t.out) !== findings(a.out))
    throw new Error('the cached run on the copy gave other findings');
  cases.warmChanged.push(t);
  if (i < Math.max(1, Math.ceil(runs / 3))) {
    const b = measure(['-e', baselineScript]);
    if (b.code !== 0) throw new Error(`baseline failed: ${b.err}`);
    base ??= JSON.parse(b.out);
    cases.baseline.push(b);
  }
}
const ours = summary(cases.shipped);
const warm = summary(cases.warm);
const warmChanged = summary(cases.warmChanged);
const bl = summary(cases.baseline);
const anchor = summary(cases.anchor);
// upstream's validate over the whole tree, as measured by the release team's CI job (issue 14)
const UPSTREAM_MS = 38_000;
console.log(
  `machine: ${availableParallelism()} cores, load average ${loadavg()
    .map((x) => x.toFixed(1))
    .join(' ')}; ${runs} runs (baseline ${cases.baseline.length})`,
);
console.log(
  `files: ${view.files} (baseline ${base.files}); errors: ${view.errors} (baseline schema-invalid ${base.invalid}); warnings: ${view.warnings}`,
);
console.log(`liaison release validate --no-cache (cold, CLI, all rules): ${fmt(ours)}`);
console.log(`liaison release validate, warm cache (nothing changed):  ${fmt(warm)}`);
console.log(
  `liaison release validate, warm cache, ${someFiles.length} files changed: ${fmt(warmChanged)}`,
);
console.log(`  (first run, filling the cache: wall ${fill.wall.toFixed(0)} ms)`);
console.log(`baseline yaml parseDocument + ajv (schema only): ${fmt(bl)}`);
console.log(`anchor node -e 0: wall ${anchor.wall.toFixed(0)} ms, cpu ${anchor.cpu.toFixed(0)} ms`);
for (const [name, s] of [
  ['cold', ours],
  ['warm', warm],
])
  console.log(
    `ratio ${name}/node -e 0: wall ${(s.wall / anchor.wall).toFixed(1)}x, cpu ${(s.cpu / anchor.cpu).toFixed(1)}x; ` +
      `ratio ${name}/upstream validate (38 s): ${(s.wall / UPSTREAM_MS).toFixed(3)}x (${(UPSTREAM_MS / s.wall).toFixed(0)}x faster)`,
  );
console.log(
  `ratio baseline/ours: wall ${(bl.wall / ours.wall).toFixed(1)}x, cpu ${(bl.cpu / ours.cpu).toFixed(1)}x`,
);
console.log(
  `ratio cold/warm: wall ${(ours.wall / warm.wall).toFixed(2)}x, cpu ${(ours.cpu / warm.cpu).toFixed(2)}x`,
);
for (const [name, s] of [
  ['cold', ours],
  ['warm', warm],
  ['warm, files changed', warmChanged],
])
  console.log(
    `target <= 1000 ms wall, ${name}: measured median ${s.wall <= 1000 ? 'met' : 'NOT met'} (${s.wall.toFixed(0)} ms); main-thread CPU ${s.main.toFixed(0)} ms, whole-process CPU ${s.cpu.toFixed(0)} ms`,
  );

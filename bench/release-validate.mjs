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
// Cases: the CLI as shipped (on 2 cores: no worker thread), the CLI with one
// worker thread (LIAISON_VALIDATE_WORKERS=1), the baseline.
//
//   npm run build && node bench/release-validate.mjs [runs]
import { spawnSync } from 'node:child_process';
import { dirname, join } from 'node:path';
import { availableParallelism, loadavg } from 'node:os';
import { fileURLToPath } from 'node:url';

const here = dirname(fileURLToPath(import.meta.url));
const root = join(here, '..');
const shared = join(root, '..', 'shared', 'data');
const releases = join(shared, 'openstack-releases');
const governance = join(shared, 'openstack-governance');
const runs = Number(process.argv[2] ?? 5);
const threadsHook = join(here, 'release-validate-threads.mjs');

function measure(args, env = {}) {
  const t = process.hrtime.bigint();
  const r = spawnSync('/usr/bin/time', ['-f', 'TIME %U %S', process.execPath, '--import', threadsHook, ...args], {
    cwd: root,
    encoding: 'utf8',
    env: { ...process.env, ...env },
    maxBuffer: 256 * 1024 * 1024,
  });
  const wall = Number(process.hrtime.bigint() - t) / 1e6;
  const [user, sys] = /TIME (\S+) (\S+)/.exec(r.stderr)?.slice(1).map(Number) ?? [NaN, NaN];
  const threads = JSON.parse(/THREADS (.*)/.exec(r.stderr)?.[1] ?? '[]');
  const main = threads.find((x) => x.main)?.ms ?? NaN;
  return { wall, cpu: (user + sys) * 1000, main, code: r.status, out: r.stdout, err: r.stderr };
}

const median = (xs) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];
const summary = (rs) => ({ wall: median(rs.map((r) => r.wall)), cpu: median(rs.map((r) => r.cpu)), main: median(rs.map((r) => r.main)) });
const fmt = (s) => `wall ${s.wall.toFixed(0)} ms, cpu ${s.cpu.toFixed(0)} ms, main thread ${s.main.toFixed(0)} ms`;

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

const cli = [join(root, 'dist/src/cli/bin.js'), 'release', 'validate', '--releases-repo', releases, '--governance-repo', governance, '--json'];
const cases = { shipped: [], oneWorker: [], baseline: [] };
let view;
let base;
for (let i = 0; i < runs; i++) {
  // interleaved, so a change of load hits every case alike
  const a = measure(cli);
  if (a.code !== 0) throw new Error(`liaison exited ${a.code}: ${a.err}`);
  view ??= JSON.parse(a.out);
  cases.shipped.push(a);
  const w = measure(cli, { LIAISON_VALIDATE_WORKERS: '1' });
  if (w.out !== a.out) throw new Error('one worker thread gave other findings');
  cases.oneWorker.push(w);
  if (i < Math.max(1, Math.ceil(runs / 3))) {
    const b = measure(['-e', baselineScript]);
    if (b.code !== 0) throw new Error(`baseline failed: ${b.err}`);
    base ??= JSON.parse(b.out);
    cases.baseline.push(b);
  }
}
const ours = summary(cases.shipped);
const one = summary(cases.oneWorker);
const bl = summary(cases.baseline);
console.log(`machine: ${availableParallelism()} cores, load average ${loadavg().map((x) => x.toFixed(1)).join(' ')}; ${runs} runs (baseline ${cases.baseline.length})`);
console.log(`files: ${view.files} (baseline ${base.files}); errors: ${view.errors} (baseline schema-invalid ${base.invalid}); warnings: ${view.warnings}`);
console.log(`liaison release validate (CLI, all rules):      ${fmt(ours)}`);
console.log(`  same, one worker thread (LIAISON_VALIDATE_WORKERS=1): ${fmt(one)}`);
console.log(`baseline yaml parseDocument + ajv (schema only): ${fmt(bl)}`);
console.log(`ratio baseline/ours: wall ${(bl.wall / ours.wall).toFixed(1)}x, cpu ${(bl.cpu / ours.cpu).toFixed(1)}x`);
console.log(`target <= 1000 ms wall: measured median ${ours.wall <= 1000 ? 'met' : 'NOT met'} (${ours.wall.toFixed(0)} ms); main-thread CPU ${ours.main.toFixed(0)} ms, whole-process CPU ${ours.cpu.toFixed(0)} ms`);

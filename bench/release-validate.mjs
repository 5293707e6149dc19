// Benchmark: `liaison release validate` over every deliverable file of
// ../shared/data/openstack-releases (6,026 files), whole CLI run (process
// start-up included), against a baseline measured in the same run on the
// same files: a plain implementation reading each file with the `yaml`
// package (parseDocument + toJS) and checking it with ajv (schema compiled
// once; the schema only, no rules). Wall and CPU (user+sys, from
// /usr/bin/time) are both printed: on a busy shared machine compare the
// CPU figures and the ratios.
//
//   npm run build && node bench/release-validate.mjs [runs]
import { spawnSync } from 'node:child_process';
import { readdirSync, readFileSync } from 'node:fs';
import { join, dirname } from 'node:path';
import { fileURLToPath } from 'node:url';

const here = dirname(fileURLToPath(import.meta.url));
const root = join(here, '..');
const shared = join(root, '..', 'shared', 'data');
const releases = join(shared, 'openstack-releases');
const governance = join(shared, 'openstack-governance');
const runs = Number(process.argv[2] ?? 5);

function wall(args, env = {}) {
  const t = process.hrtime.bigint();
  const r = spawnSync('/usr/bin/time', ['-f', '%U %S', process.execPath, ...args], { cwd: root, encoding: 'utf8', env: { ...process.env, ...env }, maxBuffer: 256 * 1024 * 1024 });
  const ms = Number(process.hrtime.bigint() - t) / 1e6;
  const times = r.stderr.trim().split('\n').pop().split(' ').map(Number);
  return { ms, cpu: (times[0] + times[1]) * 1000, code: r.status, out: r.stdout, err: r.stderr };
}

const median = (xs) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];

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
const first = wall(cli);
if (first.code !== 0) throw new Error(`liaison exited ${first.code}: ${first.err}`);
const view = JSON.parse(first.out);
const results = [first];
for (let i = 1; i < runs; i++) results.push(wall(cli));
const ours = results.map((r) => r.ms);
const oursCpu = median(results.map((r) => r.cpu));
const baseline = wall(['-e', baselineScript]);
if (baseline.code !== 0) throw new Error(`baseline failed: ${baseline.err}`);
const b = JSON.parse(baseline.out);
const oursMs = median(ours);
console.log(`files: ${view.files} (baseline ${b.files}); errors: ${view.errors} (baseline schema-invalid ${b.invalid}); warnings: ${view.warnings}`);
console.log(`liaison release validate (CLI, all rules): wall median ${oursMs.toFixed(0)} ms over ${runs} runs [${ours.map((x) => x.toFixed(0)).join(', ')}], cpu median ${oursCpu.toFixed(0)} ms`);
console.log(`baseline yaml parseDocument + ajv (schema only): wall ${baseline.ms.toFixed(0)} ms, cpu ${baseline.cpu.toFixed(0)} ms`);
console.log(`ratio baseline/ours: wall ${(baseline.ms / oursMs).toFixed(1)}x, cpu ${(baseline.cpu / oursCpu).toFixed(1)}x; target <= 1000 ms wall: ${oursMs <= 1000 ? 'met' : 'NOT met'}`);

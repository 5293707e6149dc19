// `liaison gate` over 10,000 stored builds (all inside the 14-day window, the
// worst case), against `node -e 0` measured in the same run.
//   npm run build && node bench/gate.mjs [runs] [builds]
// Target: ≤ 300 ms wall for the whole command. `liaison --version` (CLI start-up)
// and `liaison gate` on an empty store show what the 10,000 builds themselves cost.
import { median, timeCases } from './lib/timing.mjs';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = fileURLToPath(new URL('..', import.meta.url));
const { openStore } = await import(join(root, 'dist/src/store/db.js'));
const { ALL_MIGRATIONS } = await import(join(root, 'dist/src/app/migrations.js'));
const { upsertBuilds } = await import(join(root, 'dist/src/sources/zuul/store.js'));
const { recordSyncSuccess } = await import(join(root, 'dist/src/sources/state.js'));

const runs = Number(process.argv[2] ?? 15);
const total = Number(process.argv[3] ?? 10_000);
const dir = mkdtempSync(join(tmpdir(), 'liaison-bench-gate-'));
const dbPath = join(dir, 'store.db');

// 6 repositories × 60 jobs × 2 branches ≈ 720 builds a night; 14 nights ≈ 10,000
const projects = [
  'openstack/glance',
  'openstack/glance_store',
  'openstack/python-glanceclient',
  'openstack/glance-specs',
  'openstack/glance-tempest-plugin',
  'openstack/os-test-images',
];
const results = [
  'SUCCESS',
  'SUCCESS',
  'SUCCESS',
  'FAILURE',
  'SUCCESS',
  'POST_FAILURE',
  'SUCCESS',
  'TIMED_OUT',
];
const builds = [];
for (let i = 0; i < total; i++) {
  const night = Math.floor(i / 720);
  const slot = i % 720;
  const project = projects[slot % projects.length];
  const branch = slot % 2 === 0 ? 'master' : 'stable/2026.2';
  const job = `bench-job-${Math.floor(slot / 12)}-tips`;
  const start = new Date(
    Date.parse('2026-09-16T02:00:00Z') - night * 86_400_000 + slot * 1000,
  ).toISOString();
  builds.push({
    uuid: `${i.toString(16).padStart(32, '0')}`,
    zuulId: 1_000_000 - i,
    tenant: 'openstack',
    project,
    branch,
    pipeline: 'periodic',
    jobName: job,
    result: results[(i * 7 + night) % results.length],
    final: i % 97 !== 0,
    voting: true,
    startTime: start,
    endTime: start,
    duration: 600,
    logUrl: `https://logs.example.org/${i}/`,
    nodeset: 'debian-trixie-8GB',
    errorDetail: null,
    buildsetUuid: `bs${night}`,
    eventTimestamp: start,
  });
}
const db = openStore(dbPath, ALL_MIGRATIONS);
db.transaction(() => upsertBuilds(db, builds))();
recordSyncSuccess(db, 'zuul', '2026-09-16T06:00:00.000Z', 'bench');
const stored = db.prepare('SELECT count(*) AS n FROM zuul_builds').get().n;
db.close();

const common = ['--db', dbPath, '--date', '2026-09-16'];
const emptyDb = join(dir, 'empty.db');
const cases = {
  'node -e 0': ['-e', '0'],
  'liaison --version': ['dist/src/cli/bin.js', '--version'],
  'liaison gate (empty)': ['dist/src/cli/bin.js', 'gate', '--db', emptyDb, '--date', '2026-09-16'],
  'liaison gate': ['dist/src/cli/bin.js', 'gate', ...common],
  'liaison gate --json': ['dist/src/cli/bin.js', 'gate', '--json', ...common],
};
let jobs = 0;
const { times, cpu } = timeCases(cases, {
  runs,
  cwd: root,
  onResult: (name, r) => {
    if (name.endsWith('--json')) jobs = JSON.parse(r.stdout).jobs.length;
  },
});
rmSync(dir, { recursive: true, force: true });
const anchor = median(times['node -e 0']);
console.log(
  `${stored} stored builds, ${jobs} job/branch rows; runs: ${runs} each, interleaved; target: liaison gate <= 300 ms wall`,
);
for (const [name, xs] of Object.entries(times)) {
  const m = median(xs);
  const c = cpu[name].length
    ? `  cpu ${median(cpu[name]).toFixed(0).padStart(4)} ms (ratio ${(median(cpu[name]) / median(cpu['node -e 0'])).toFixed(2)}x)`
    : '';
  console.log(
    `${name.padEnd(22)} median ${m.toFixed(0).padStart(5)} ms  min ${Math.min(...xs)
      .toFixed(0)
      .padStart(5)} ms  ratio ${(m / anchor).toFixed(2)}x node -e 0${c}`,
  );
}

// `liaison bugs`, `liaison freeze` and `liaison goals` over a large store
// (3 Launchpad projects × 2,000 bug tasks, 1,500 open Gerrit changes on the
// frozen branches), against `node -e 0` measured in the same run.
//   npm run build && node bench/live-views.mjs [runs] [tasks-per-project] [changes]
// Target: each view ≤ 400 ms wall (the start-up target), i.e. reading the
// store stays a small part of the command.
import { median, timeCases } from './lib/timing.mjs';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = fileURLToPath(new URL('..', import.meta.url));
const { openStore } = await import(join(root, 'dist/src/store/db.js'));
const { ALL_MIGRATIONS } = await import(join(root, 'dist/src/app/migrations.js'));
const { saveProjectSnapshot } = await import(join(root, 'dist/src/sources/launchpad/store.js'));
const { saveChangeSnapshot } = await import(join(root, 'dist/src/sources/gerrit/store.js'));
const { openChangesQuery } = await import(join(root, 'dist/src/sources/gerrit/sync.js'));
const { recordSyncSuccess } = await import(join(root, 'dist/src/sources/state.js'));

const runs = Number(process.argv[2] ?? 11);
const perProject = Number(process.argv[3] ?? 2000);
const changeCount = Number(process.argv[4] ?? 1500);
const dir = mkdtempSync(join(tmpdir(), 'liaison-bench-live-'));
const dbPath = join(dir, 'store.db');
const config = join(dir, 'liaison.yaml');
writeFileSync(config, 'team: glance\nlaunchpad: [glance, glance-store, python-glanceclient]\n');

const at = '2026-09-16T08:00:00.000Z';
const statuses = ['New', 'Confirmed', 'Triaged', 'In Progress', 'Fix Committed'];
const importances = ['Critical', 'High', 'Medium', 'Low', 'Undecided'];
const milestones = [
  {
    name: 'hibiscus-rc2',
    dateTargeted: '2026-09-24',
    isActive: true,
    series: 'hibiscus',
    released: false,
    selfLink: 'https://api.launchpad.net/devel/x/+milestone/hibiscus-rc2',
  },
  {
    name: 'indri-1',
    dateTargeted: '2026-11-12',
    isActive: true,
    series: 'indri',
    released: false,
    selfLink: 'https://api.launchpad.net/devel/x/+milestone/indri-1',
  },
];
const db = openStore(dbPath, ALL_MIGRATIONS);
let bugId = 2_100_000;
for (const project of ['glance', 'glance-store', 'python-glanceclient']) {
  const tasks = [];
  const bugs = [];
  for (let i = 0; i < perProject; i++) {
    const id = bugId++;
    tasks.push({
      bugId: id,
      title: `Synthetic bug ${id} in ${project}`,
      target: project,
      status: statuses[i % statuses.length],
      importance: importances[(i * 3) % importances.length],
      ...(i % 4 === 0 ? { milestone: 'hibiscus-rc2' } : {}),
    });
    bugs.push({
      id,
      title: `Synthetic bug ${id}`,
      tags: i % 7 === 0 ? ['hibiscus-rc-potential'] : ['import'],
    });
  }
  saveProjectSnapshot(db, {
    project,
    syncedAt: at,
    codename: 'hibiscus',
    nextMilestone: 'hibiscus-rc2',
    tasks,
    bugs,
    milestones,
  });
}
const query = openChangesQuery(['openstack/glance'], ['master', 'stable/2026.2']);
const changes = [];
for (let i = 0; i < changeCount; i++) {
  const n = 1_100_000 + i;
  const closes = i % 5 === 0 ? `\nCloses-Bug: #${2_100_000 + (i % (3 * perProject))}` : '';
  changes.push({
    number: n,
    project: 'openstack/glance',
    branch: i % 2 ? 'master' : 'stable/2026.2',
    subject: `Synthetic change ${n}`,
    status: 'NEW',
    workInProgress: false,
    owner: { username: i % 11 === 0 ? 'proposal-bot' : `dev${i % 40}` },
    message: `Synthetic change ${n}\n${closes}\nChange-Id: I${n}\n`,
  });
}
saveChangeSnapshot(db, query, at, changes);
recordSyncSuccess(db, 'launchpad', at, 'bench');
recordSyncSuccess(db, 'gerrit', at, 'bench');
const tasks = db.prepare('SELECT count(*) AS n FROM lp_task').get().n;
db.close();

const common = ['--db', dbPath, '--config', config, '--date', '2026-09-16'];
const cases = {
  'node -e 0': ['-e', '0'],
  'liaison --version': ['dist/src/cli/bin.js', '--version'],
  'liaison bugs --json': ['dist/src/cli/bin.js', 'bugs', '--json', ...common],
  'liaison freeze --json': ['dist/src/cli/bin.js', 'freeze', '--json', ...common],
  'liaison goals --json': ['dist/src/cli/bin.js', 'goals', '--json', ...common],
};
const sizes = {};
const { times, cpu } = timeCases(cases, {
  runs,
  cwd: root,
  onResult: (name, r) => {
    if (name.startsWith('liaison') && name.endsWith('--json')) {
      const v = JSON.parse(r.stdout);
      sizes[name] = (v.bugs ?? v.changes ?? v.goals).length;
    }
  },
});
rmSync(dir, { recursive: true, force: true });
const anchor = median(times['node -e 0']);
console.log(
  `${tasks} stored bug tasks, ${changeCount} stored open changes; runs: ${runs} each, interleaved; target: each view <= 400 ms wall`,
);
for (const [name, xs] of Object.entries(times)) {
  const m = median(xs);
  const rows = sizes[name] !== undefined ? `  (${sizes[name]} rows)` : '';
  const c = cpu[name].length
    ? `  cpu ${median(cpu[name]).toFixed(0).padStart(5)} ms (${(median(cpu[name]) / median(cpu['node -e 0'])).toFixed(2)}x)`
    : '';
  console.log(
    `${name.padEnd(24)} median ${m.toFixed(0).padStart(5)} ms  ratio to anchor ${(m / anchor).toFixed(2).padStart(6)}${c}${rows}`,
  );
}

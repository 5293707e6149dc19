// The readiness views against `node -e 0` (Node's own start-up, the anchor)
// and `liaison brief --json` (a command on the same data), measured in the
// same run:
// - `priorities --json` on a clone of openstack/glance-specs (the real
//   repository, when its mirror is on this machine; a generated one else),
//   with 30 blueprints and 600 implementing changes in the store;
// - `gate --queue --json` over a year of samples (one an hour: 8,760) and
//   gate buildsets (12 a day: 4,380);
// - `release stable --json` on the embedded data.
//   npm run build && node bench/readiness.mjs [runs]
import { execFileSync } from 'node:child_process';
import { existsSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { median, timeCases } from './lib/timing.mjs';

const root = fileURLToPath(new URL('..', import.meta.url));
const { openStore } = await import(join(root, 'dist/src/store/db.js'));
const { ALL_MIGRATIONS } = await import(join(root, 'dist/src/app/migrations.js'));
const { saveSample, upsertBuildsets } = await import(join(root, 'dist/src/gate/store.js'));
const { upsertChanges, saveSeriesBlueprints } = await import(
  join(root, 'dist/src/priorities/store.js')
);
const { recordSyncSuccess } = await import(join(root, 'dist/src/sources/state.js'));

const runs = Number(process.argv[2] ?? 9);
const dir = mkdtempSync(join(tmpdir(), 'liaison-bench-readiness-'));
const dbPath = join(dir, 'store.db');
const MIRROR = '/work/.mirror/openstack+glance-specs/repo';
const specs = join(dir, 'glance-specs');
let specsLabel;
if (existsSync(MIRROR)) {
  execFileSync('git', ['clone', '-q', MIRROR, specs]);
  specsLabel = 'clone of openstack/glance-specs';
} else {
  execFileSync('git', ['init', '-q', '-b', 'master', specs]);
  const rst = (t) =>
    `${'='.repeat(t.length)}\n${t}\n${'='.repeat(t.length)}\n\nhttps://blueprints.launchpad.net/glance/+spec/${t.toLowerCase().replace(/ /g, '-')}\n`;
  for (let i = 0; i < 6; i++) {
    const p = join(specs, 'specs/2026.1/approved/glance');
    execFileSync('mkdir', ['-p', p]);
    writeFileSync(join(p, `spec-${i}.rst`), rst(`Spec ${i}`));
  }
  execFileSync('git', ['-C', specs, 'add', '-A']);
  execFileSync(
    'git',
    [
      '-C',
      specs,
      '-c',
      'user.name=b',
      '-c',
      'user.email=b@x',
      'commit',
      '-qm',
      'specs',
      '--date',
      '2025-12-01T00:00:00Z',
    ],
    {
      env: { ...process.env, GIT_COMMITTER_DATE: '2025-12-01T00:00:00Z' },
    },
  );
  specsLabel = 'generated specs repository (no glance-specs mirror here)';
}

const db = openStore(dbPath, ALL_MIGRATIONS);
const at = '2026-09-16T08:00:00.000Z';
db.transaction(() => {
  // a year of hourly queue samples
  for (let h = 0; h < 365 * 24; h++) {
    const t = new Date(Date.parse(at) - h * 3_600_000).toISOString();
    saveSample(db, {
      tenant: 'openstack',
      pipeline: 'gate',
      name: 'integrated',
      takenAt: t,
      length: 5 + (h % 37),
      oldestEnqueuedAt: new Date(Date.parse(t) - 90 * 60_000).toISOString(),
      teamItems:
        h % 5
          ? []
          : [
              {
                change: 990000 + h,
                patchset: 1,
                project: 'openstack/glance',
                position: 3,
                enqueuedAt: t,
                failing: false,
                url: null,
              },
            ],
    });
  }
  const sets = [];
  for (let i = 0; i < 365 * 12; i++) {
    const end = new Date(Date.parse(at) - i * 2 * 3_600_000);
    sets.push({
      zuulId: 30_000_000 - i,
      uuid: `bs${i}`,
      tenant: 'openstack',
      pipeline: 'gate',
      project: ['openstack/glance', 'openstack/glance_store', 'openstack/python-glanceclient'][
        i % 3
      ],
      branch: 'master',
      change: 900000 + i,
      result: i % 9 ? 'SUCCESS' : 'FAILURE',
      eventAt: new Date(end.getTime() - (90 + (i % 200)) * 60_000).toISOString(),
      endAt: end.toISOString(),
    });
  }
  upsertBuildsets(db, sets);
  const bps = Array.from({ length: 30 }, (_, i) => ({
    project: 'glance',
    name:
      i < 6
        ? [
            'download-from-specific-store',
            'filesystem-timeout-protection',
            'rbd-erasure-coded-pools',
            's3-boto3-checksum-improvements',
            'x',
            'y',
          ][i]
        : `bp-${i}`,
    title: `Blueprint ${i}`,
    priority: 'High',
    definitionStatus: 'Approved',
    implementationStatus: 'Started',
    milestone: `gazpacho-${(i % 3) + 1}`,
    assignee: 'someone',
    isComplete: false,
    webLink: `https://blueprints.launchpad.net/glance/+spec/bp-${i}`,
    dateCompleted: null,
  }));
  saveSeriesBlueprints(db, 'glance', 'gazpacho', bps, at);
  upsertChanges(
    db,
    Array.from({ length: 600 }, (_, i) => ({
      number: 1_000_000 + i,
      project: 'openstack/glance',
      branch: 'master',
      subject: `Change ${i}`,
      topic: null,
      status: i % 3 ? 'MERGED' : 'NEW',
      workInProgress: false,
      owner: 'someone',
      created: '2025-12-01T00:00:00.000Z',
      updated: '2026-01-10T00:00:00.000Z',
      submitted: i % 3 ? '2026-01-10T00:00:00.000Z' : null,
      message: `Change ${i}\n\nImplements: blueprint ${bps[i % 30].name}\n`,
      negative: [],
    })),
  );
  for (const s of ['gate-queue', 'gate-buildsets', 'blueprints', 'bp-changes'])
    recordSyncSuccess(db, s, at);
})();
db.close();

const common = ['--db', dbPath];
const cases = {
  'node -e 0': ['-e', '0'],
  'brief --json': ['dist/src/cli/bin.js', 'brief', '--date', '2026-09-16', '--json'],
  'priorities --json': [
    'dist/src/cli/bin.js',
    'priorities',
    '--series',
    'gazpacho',
    '--specs-repo',
    specs,
    '--date',
    '2026-01-15',
    '--json',
    ...common,
  ],
  'gate --queue --json': [
    'dist/src/cli/bin.js',
    'gate',
    '--queue',
    '--date',
    '2026-09-16',
    '--json',
    ...common,
  ],
  'release stable --json': [
    'dist/src/cli/bin.js',
    'release',
    'stable',
    '--date',
    '2026-09-16',
    '--json',
    ...common,
  ],
};
let prioritiesCount = 0;
const { times, cpu } = timeCases(cases, {
  runs,
  cwd: root,
  onResult: (name, r) => {
    if (name === 'priorities --json') prioritiesCount = JSON.parse(r.stdout).priorities.length;
  },
});
const anchor = median(times['node -e 0']);
const cpuAnchor = cpu['node -e 0'].length ? median(cpu['node -e 0']) : NaN;
console.log(
  `runs: ${runs} each, interleaved; specs: ${specsLabel} (${prioritiesCount} priorities at 2026-01-15)`,
);
for (const name of Object.keys(cases)) {
  const w = median(times[name]);
  const c = cpu[name].length ? median(cpu[name]) : NaN;
  console.log(
    `${name.padEnd(22)} wall median ${w.toFixed(0).padStart(5)} ms  ratio ${(w / anchor).toFixed(2)}x   cpu median ${c.toFixed(0).padStart(5)} ms  ratio ${(c / cpuAnchor).toFixed(2)}x`,
  );
}
rmSync(dir, { recursive: true, force: true });

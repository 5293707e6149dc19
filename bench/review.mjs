// `liaison review` over stored release requests, reading "what it ships" from
// a local clone, against `node -e 0` and the same command without clones
// (store and plan only), measured interleaved in the same run.
//   npm run build && node bench/review.mjs [runs] [requests] [commits]
// Target (ours; the issue names none): 20 requests with clones <= 1 s wall,
// i.e. git adds less than the command's own start-up.
import { execFileSync, spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { median } from './lib/timing.mjs';

const root = fileURLToPath(new URL('..', import.meta.url));
const { openStore } = await import(join(root, 'dist/src/store/db.js'));
const { ALL_MIGRATIONS } = await import(join(root, 'dist/src/app/migrations.js'));
const { saveReviewSnapshot } = await import(join(root, 'dist/src/review/store.js'));
const { recordSyncSuccess } = await import(join(root, 'dist/src/sources/state.js'));

const runs = Number(process.argv[2] ?? 9);
const total = Number(process.argv[3] ?? 20);
const commits = Number(process.argv[4] ?? 2000);
const dir = mkdtempSync(join(tmpdir(), 'liaison-bench-review-'));
const dbPath = join(dir, 'store.db');
const clone = join(dir, 'clones', 'glance_store');
mkdirSync(clone, { recursive: true });

// a glance_store clone made with fast-import: a release note every 10th commit, a bug footer every 3rd
const git = (...args) =>
  execFileSync('git', ['-C', clone, ...args], { encoding: 'utf8', maxBuffer: 1 << 30 });
git('init', '-q', '-b', 'master');
let stream = '';
for (let i = 1; i <= commits; i++) {
  const msg = `Change ${i}\n\n${i % 3 === 0 ? `Closes-Bug: #${2000000 + i}\n` : ''}${i % 50 === 0 ? 'Implements: blueprint bench-feature\n' : ''}`;
  stream += `commit refs/heads/master\nmark :${i}\ncommitter Bench <bench@example.org> ${1767225600 + i * 60} +0000\ndata ${Buffer.byteLength(msg)}\n${msg}`;
  if (i > 1) stream += `from :${i - 1}\n`;
  const file = `glance_store/mod${i % 40}.py`;
  const body = `value = ${i}\n`;
  stream += `M 100644 inline ${file}\ndata ${Buffer.byteLength(body)}\n${body}`;
  if (i % 10 === 0) {
    const note = `---\n${i % 50 === 0 ? 'features' : 'fixes'}:\n  - Change ${i}.\n`;
    stream += `M 100644 inline releasenotes/notes/change-${i}-${String(i).padStart(16, '0')}.yaml\ndata ${Buffer.byteLength(note)}\n${note}`;
  }
  stream += '\n';
}
execFileSync('git', ['-C', clone, 'fast-import', '--quiet'], { input: stream, maxBuffer: 1 << 30 });
git('checkout', '-q', 'master');
const marks = git('rev-list', '--reverse', 'master').trim().split('\n');

// requests: each releases glance-store at a later commit; ranges of 100 commits
const realFile = readFileSync(
  join(
    root,
    '..',
    'shared',
    'data',
    'openstack-releases',
    'deliverables',
    'hibiscus',
    'glance-store.yaml',
  ),
  'utf8',
);
const requests = [];
const contents = [];
for (let i = 0; i < total; i++) {
  const startAt = marks[Math.min(marks.length - 2, 100 + i * 90)];
  const endAt = marks[Math.min(marks.length - 1, 200 + i * 90)];
  const revision = (i + 1).toString(16).padStart(40, 'a');
  const path = 'deliverables/hibiscus/glance-store.yaml';
  const old = realFile.replace('149c15978b374b837e3ce28a06d7da0f1fb6bf79', startAt);
  const now = `${old}  - version: 5.${7 + i}.0\n    projects:\n      - repo: openstack/glance_store\n        hash: ${endAt}\n`;
  requests.push({
    number: 970000 + i,
    project: 'openstack/releases',
    branch: 'master',
    subject: `Release glance-store 5.${7 + i}.0`,
    topic: 'hibiscus-milestone-3',
    workInProgress: false,
    owner: { name: 'Elod Illes', email: 'elod.illes@est.tech', username: 'elod' },
    created: `2026-08-${String(10 + (i % 15)).padStart(2, '0')}T10:00:00.000Z`,
    revision,
    patchset: 1,
    message: `Release glance-store\n\nGenerated-By: openstack/releases:tools/process_auto_releases.sh\n`,
    votes:
      i % 2 ? [{ account: { name: 'Pranali Deore', email: 'pdeore@redhat.com' }, value: 1 }] : [],
    messages: [],
    files: [{ path, status: 'M' }],
  });
  contents.push(
    { revision, path, side: 'old', content: { text: old } },
    { revision, path, side: 'new', content: { text: now } },
  );
}
const db = openStore(dbPath, ALL_MIGRATIONS);
db.transaction(() => {
  saveReviewSnapshot(db, 'bench', '2026-08-25T06:00:00.000Z', requests, contents);
  recordSyncSuccess(db, 'review', '2026-08-25T06:00:00.000Z', 'bench');
})();
db.close();
writeFileSync(join(dir, 'liaison.yaml'), 'team: glance\n');

const common = ['--db', dbPath, '--date', '2026-08-25', '--config', join(dir, 'liaison.yaml')];
const cases = {
  'node -e 0': ['-e', '0'],
  'review --json (no clones)': [
    'dist/src/cli/bin.js',
    'review',
    '--json',
    '--clones',
    join(dir, 'none'),
    ...common,
  ],
  'review --json (clones)': [
    'dist/src/cli/bin.js',
    'review',
    '--json',
    '--clones',
    join(dir, 'clones'),
    ...common,
  ],
};
const times = Object.fromEntries(Object.keys(cases).map((k) => [k, []]));
let shipped = 0;
for (let i = 0; i < runs; i++) {
  for (const [name, args] of Object.entries(cases)) {
    const t0 = process.hrtime.bigint();
    const r = spawnSync(process.execPath, args, {
      cwd: root,
      encoding: 'utf8',
      env: { ...process.env, NO_COLOR: '1' },
    });
    const ms = Number(process.hrtime.bigint() - t0) / 1e6;
    if (r.status !== 0) throw new Error(`${name} exited ${r.status}: ${r.stderr}`);
    if (name.endsWith('(clones)'))
      shipped = JSON.parse(r.stdout).requests.reduce(
        (s, q) => s + (q.deliverables[0]?.commits ?? 0),
        0,
      );
    times[name].push(ms);
  }
}
rmSync(dir, { recursive: true, force: true });
const anchor = median(times['node -e 0']);
console.log(
  `${total} stored requests, clone of ${commits} commits, ${shipped} commits shipped in total; runs: ${runs} each, interleaved`,
);
for (const [name, xs] of Object.entries(times)) {
  const m = median(xs);
  console.log(
    `${name.padEnd(28)} median ${m.toFixed(0).padStart(5)} ms  min ${Math.min(...xs)
      .toFixed(0)
      .padStart(5)} ms  ratio ${(m / anchor).toFixed(2)}x node -e 0`,
  );
}

// `liaison notes report` over the whole history of a reno-using repository
// (openstack/glance by default), against its anchors measured in the same
// run: the git floor `git log --name-status -- releasenotes/notes`, and reno
// itself when $LIAISON_RENO names a reno executable.
//
//   npm run build && node bench/notes.mjs [REPO] [runs]
//   (REPO: a clone with a work tree, e.g. git clone <glance> /tmp/glance;
//    LIAISON_RENO=/path/to/reno adds reno's timings and a byte comparison)
//
// Cases: cold = no cache (--ignore-cache); warm = the store filled by a
// previous run on the same repository state (the scan memo answers);
// "history" = the commit-history and parsed-note caches only, the scan memo
// emptied before each run (what the first run after a git fetch costs). Peak memory and CPU time (user + sys, the
// children included) come from GNU time when /usr/bin/time exists: on a
// shared, loaded machine CPU time says more than wall time.
import { spawnSync } from 'node:child_process';
import Database from 'better-sqlite3';
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { median } from './lib/timing.mjs';

const root = fileURLToPath(new URL('..', import.meta.url));
const repo = process.argv[2] ?? '/tmp/glance';
const runs = Number(process.argv[3] ?? 5);
const reno = process.env.LIAISON_RENO;
const bin = process.env.LIAISON_BIN ?? join(root, 'dist/src/cli/bin.js');
if (!existsSync(join(repo, '.git'))) throw new Error(`${repo}: not a git clone with a work tree`);
if (!existsSync(bin)) throw new Error('run npm run build first');
const store = mkdtempSync(join(tmpdir(), 'notes-bench-'));
const env = { ...process.env, NO_COLOR: '1', LIAISON_DB: join(store, 'liaison.db') };
// the "history" cases use a store of their own, whose scan memo is emptied before each run
const historyEnv = { ...env, LIAISON_DB: join(store, 'history.db') };
const hasTime = existsSync('/usr/bin/time');

const liaison = (...args) => [process.execPath, bin, 'notes', 'report', '--repo', repo, ...args];
const cases = {
  'git floor': ['git', '-C', repo, 'log', '--name-status', '--', 'releasenotes/notes'],
  // what any liaison command costs before it does anything (not ours to cut here)
  'liaison --version': [process.execPath, bin, '--version'],
  'liaison default (warm)': liaison(),
  'liaison default (history)': liaison(),
  'liaison default (cold)': liaison('--ignore-cache'),
  'liaison full (warm)': liaison('--no-stop-at-branch-base'),
  'liaison full (history)': liaison('--no-stop-at-branch-base'),
  'liaison full (cold)': liaison('--no-stop-at-branch-base', '--ignore-cache'),
  ...(reno
    ? {
        'reno default': [reno, '-q', 'report', repo],
        'reno full': [reno, '-q', 'report', repo, '--no-stop-at-branch-base'],
      }
    : {}),
};

/** Empties the scan and report memos of the bench store (the history and parsed notes stay). */
function forgetScans() {
  const db = new Database(historyEnv.LIAISON_DB);
  db.prepare('DELETE FROM notes_scans').run();
  // (builds before the report memo have no such table)
  const memo = db.prepare("SELECT 1 FROM sqlite_master WHERE name = 'notes_reports'").get();
  if (memo) db.prepare('DELETE FROM notes_reports').run();
  db.close();
}

function run(argv, runEnv = env) {
  const cmd = hasTime ? ['/usr/bin/time', '-f', '%M %U %S', ...argv] : argv;
  const t0 = process.hrtime.bigint();
  const r = spawnSync(cmd[0], cmd.slice(1), {
    cwd: repo,
    env: runEnv,
    encoding: 'utf8',
    maxBuffer: 1 << 30,
  });
  const ms = Number(process.hrtime.bigint() - t0) / 1e6;
  if (r.status !== 0) throw new Error(`${argv.join(' ')} exited ${r.status}: ${r.stderr}`);
  const [kb, user, sys] = hasTime
    ? (r.stderr.trim().split('\n').pop() ?? '').split(' ').map(Number)
    : [NaN, NaN, NaN];
  return { ms, kb, cpu: (user + sys) * 1000, out: r.stdout };
}

// fill the caches once (not timed), and compare outputs with reno when we have it
for (const extra of [[], ['--no-stop-at-branch-base']]) {
  run(liaison(...extra));
  run(liaison(...extra), historyEnv);
}
if (reno) {
  for (const extra of [[], ['--no-stop-at-branch-base']]) {
    const ours = run(liaison(...extra)).out;
    const theirs = run([reno, '-q', 'report', repo, ...extra]).out;
    console.log(
      `byte comparison with reno ${extra.join(' ') || '(default)'}: ${ours === theirs ? 'identical' : 'DIFFERENT'} (${ours.length} bytes)`,
    );
  }
}
const times = Object.fromEntries(Object.keys(cases).map((k) => [k, []]));
const cpus = Object.fromEntries(Object.keys(cases).map((k) => [k, []]));
const peak = Object.fromEntries(Object.keys(cases).map((k) => [k, 0]));
for (let i = 0; i < runs; i++) {
  for (const [name, argv] of Object.entries(cases)) {
    const history = name.includes('(history)');
    if (history) forgetScans();
    const r = run(argv, history ? historyEnv : env);
    times[name].push(r.ms);
    cpus[name].push(r.cpu);
    peak[name] = Math.max(peak[name], r.kb || 0);
  }
}
rmSync(store, { recursive: true, force: true });
const floor = median(times['git floor']);
const floorCpu = median(cpus['git floor']);
console.log(
  `repo: ${repo}; runs: ${runs} each, interleaved; targets: cached (warm) <= 200 ms wall, uncached (cold, --ignore-cache) <= 300 ms wall, <= 100 MB peak`,
);
console.log('wall and CPU (user+sys) medians; ratios: wall (CPU)');
for (const [name, xs] of Object.entries(times)) {
  const m = median(xs);
  const c = median(cpus[name]);
  const ratio = (a, b, x, y) => `${(a / b).toFixed(2)}x (${(x / y).toFixed(2)}x)`;
  const ratios = [`${ratio(m, floor, c, floorCpu)} floor`];
  const isNotes = name.startsWith('liaison ') && name !== 'liaison --version';
  if (isNotes) ratios.push(`notes work ${(m - median(times['liaison --version'])).toFixed(0)} ms`);
  if (reno && isNotes) {
    const rk = name.includes('full') ? 'reno full' : 'reno default';
    ratios.push(`${ratio(m, median(times[rk]), c, median(cpus[rk]))} reno`);
  }
  const mem = peak[name] ? `  peak ${(peak[name] / 1024).toFixed(0).padStart(4)} MB` : '';
  const cpu = Number.isNaN(c) ? '' : `  cpu ${c.toFixed(0).padStart(5)} ms`;
  console.log(
    `${name.padEnd(26)} median ${m.toFixed(0).padStart(5)} ms  min ${Math.min(...xs)
      .toFixed(0)
      .padStart(5)} ms${cpu}${mem}  ${ratios.join('  ')}`,
  );
}

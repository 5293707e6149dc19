// The whole of OpenStack at once (issue 15, run after `npm run build`):
//   node bench/openstack.mjs [runs]
// 1. `liaison openstack --json` on the embedded snapshot (every team, every
//    deliverable of the series). Target: <= 1 s wall.
//    Anchors, same date, same run: `liaison brief --json` of one team; the
//    per-team brief of every team run in ONE process (in-process main()); and
//    the per-team brief of every team as SEPARATE processes.
// 2. `liaison site build DIR --all-teams`. Target: <= 20 s wall, peak memory
//    (max RSS, GNU time) <= 500 MB; prints the site's size.
// Wall times on a shared machine vary with its load: the CPU times (user +
// sys, GNU time) are printed next to them.
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readdirSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, dirname } from 'node:path';
import { fileURLToPath } from 'node:url';
import { median, timeCases } from './lib/timing.mjs';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const bin = join(root, 'dist', 'src', 'cli', 'bin.js');
const DATE = process.env.BENCH_DATE ?? '2026-09-09';
const RUNS = Number(process.argv[2] ?? 5);
const work = mkdtempSync(join(tmpdir(), 'liaison-bench-openstack-'));
const env = { ...process.env, HOME: work, LIAISON_DB: join(work, 'liaison.db'), NO_COLOR: '1' };
process.env.HOME = work;
process.env.LIAISON_DB = env.LIAISON_DB;

const ms = (x) => `${Math.round(x)} ms`;
const ratio = (x, anchor) => `${(x / anchor).toFixed(2)}x`;

// the teams of the series, from the command itself
const list = spawnSync(process.execPath, [bin, 'openstack', '--json', '--date', DATE], {
  env,
  encoding: 'utf8',
  maxBuffer: 1 << 28,
});
if (list.status !== 0) throw new Error(`liaison openstack exited ${list.status}: ${list.stderr}`);
const view = JSON.parse(list.stdout);
const teams = view.teams.map((t) => t.name);
const actions = view.teams.reduce((n, t) => n + t.actions.length, 0);
console.log(`${view.series} ${view.week} (${DATE}): ${teams.length} teams, ${actions} actions`);

// in one process: every team's brief through the CLI's main(), captured
const inProcess = `
const { main } = await import(${JSON.stringify(join(root, 'dist', 'src', 'cli', 'main.js'))});
const teams = ${JSON.stringify(teams)};
for (const team of teams) {
  let out = '';
  const code = await main(['brief', '--json', '--team', team, '--date', '${DATE}'], {
    stdout: (t) => (out += t), stderr: () => {}, env: process.env, cwd: process.cwd(),
    now: () => new Date(), isTTY: false,
  });
  if (code !== 0) throw new Error(team + ' exited ' + code);
  JSON.parse(out);
}
`;

const cases = {
  'brief --json (one team)': [bin, 'brief', '--json', '--date', DATE],
  'openstack --json (all teams)': [bin, 'openstack', '--json', '--date', DATE],
  'brief of every team, one process': ['--input-type=module', '-e', inProcess],
};
const { times, cpu } = timeCases(cases, { runs: RUNS, cwd: work });
const anchor = median(times['brief --json (one team)']);
const anchorCpu = median(cpu['brief --json (one team)'] ?? [0]);
console.log(`\n${RUNS} runs each, interleaved; medians`);
console.log('| Case | Wall | Ratio | CPU | Ratio |');
console.log('|---|---|---|---|---|');
for (const name of Object.keys(cases)) {
  const w = median(times[name]);
  const c = cpu[name].length ? median(cpu[name]) : NaN;
  console.log(`| ${name} | ${ms(w)} | ${ratio(w, anchor)} | ${ms(c)} | ${ratio(c, anchorCpu)} |`);
}

// every team's brief as its own process, once (what a per-team cron would cost)
{
  const t0 = process.hrtime.bigint();
  let cpuTotal = 0;
  for (const team of teams) {
    const r = spawnSync(
      '/usr/bin/time',
      ['-f', 'CPU %U %S', process.execPath, bin, 'brief', '--json', '--team', team, '--date', DATE],
      { env, encoding: 'utf8', maxBuffer: 1 << 26 },
    );
    if (r.status !== 0) throw new Error(`brief --team ${team} exited ${r.status}: ${r.stderr}`);
    const c = /CPU ([\d.]+) ([\d.]+)/.exec(r.stderr);
    if (c) cpuTotal += (Number(c[1]) + Number(c[2])) * 1000;
  }
  const wall = Number(process.hrtime.bigint() - t0) / 1e6;
  console.log(
    `| brief of every team, ${teams.length} processes (once) | ${ms(wall)} | ${ratio(wall, anchor)} | ${ms(cpuTotal)} | ${ratio(cpuTotal, anchorCpu)} |`,
  );
}

// the static site of every team
function sizeOf(dir) {
  let files = 0;
  let bytes = 0;
  for (const e of readdirSync(dir, { withFileTypes: true })) {
    const p = join(dir, e.name);
    if (e.isDirectory()) {
      const s = sizeOf(p);
      files += s.files;
      bytes += s.bytes;
    } else {
      files++;
      bytes += statSync(p).size;
    }
  }
  return { files, bytes };
}
const siteRuns = Math.max(1, Math.min(RUNS, 3));
const walls = [];
const cpus = [];
const rss = [];
let size = { files: 0, bytes: 0 };
for (let i = 0; i < siteRuns; i++) {
  const out = join(work, `site-${i}`);
  const t0 = process.hrtime.bigint();
  const r = spawnSync(
    '/usr/bin/time',
    [
      '-f',
      'CPU %U %S RSS %M',
      process.execPath,
      bin,
      'site',
      'build',
      out,
      '--all-teams',
      '--date',
      DATE,
    ],
    { env, encoding: 'utf8' },
  );
  walls.push(Number(process.hrtime.bigint() - t0) / 1e6);
  if (r.status !== 0) throw new Error(`site build exited ${r.status}: ${r.stderr}`);
  const m = /CPU ([\d.]+) ([\d.]+) RSS (\d+)/.exec(r.stderr);
  if (m) {
    cpus.push((Number(m[1]) + Number(m[2])) * 1000);
    rss.push(Number(m[3]) / 1024);
  }
  size = sizeOf(out);
  rmSync(out, { recursive: true, force: true });
}
console.log(
  `\nsite build --all-teams (${siteRuns} runs, median): wall ${ms(median(walls))} (target 20000 ms), ` +
    `CPU ${ms(median(cpus))}, peak RSS ${Math.round(Math.max(...rss))} MB (target 500 MB); ` +
    `${size.files} files, ${(size.bytes / 1e6).toFixed(1)} MB`,
);
rmSync(work, { recursive: true, force: true });

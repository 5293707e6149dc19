// `liaison release propose` on the embedded data, against `node -e 0` in the
// same run (the anchor: Node's own start-up on this machine). Wall time, and
// CPU time (user + sys of the child, from GNU time when present), which is
// steadier than wall time on a shared machine.
//   npm run build && node bench/release-propose.mjs [runs]
import { existsSync } from 'node:fs';
import { spawnSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { median } from './lib/timing.mjs';

const root = fileURLToPath(new URL('..', import.meta.url));
const runs = Number(process.argv[2] ?? 11);
const sha = 'a'.repeat(40);
const gnuTime = existsSync('/usr/bin/time') ? '/usr/bin/time' : undefined;
const propose = (...args) => [
  'dist/src/cli/bin.js',
  'release',
  'propose',
  ...args,
  '--date',
  '2026-08-27',
];
const cases = {
  'node -e 0': ['-e', '0'],
  'propose glance rc': propose('glance', 'rc', '--series', 'hibiscus', '--hash', sha),
  'propose glance rc --json': propose(
    'glance',
    'rc',
    '--series',
    'hibiscus',
    '--hash',
    sha,
    '--json',
  ),
  'propose glance-store feature': propose(
    'glance-store',
    'feature',
    '--series',
    'hibiscus',
    '--hash',
    sha,
  ),
  'propose glance bugfix gazpacho': propose(
    'glance',
    'bugfix',
    '--series',
    'gazpacho',
    '--hash',
    sha,
  ),
};
const wall = Object.fromEntries(Object.keys(cases).map((k) => [k, []]));
const cpu = Object.fromEntries(Object.keys(cases).map((k) => [k, []]));
for (let i = 0; i < runs; i++) {
  for (const [name, args] of Object.entries(cases)) {
    const [cmd, argv] = gnuTime
      ? [gnuTime, ['-f', '@cpu %U %S', process.execPath, ...args]]
      : [process.execPath, args];
    const t0 = process.hrtime.bigint();
    const r = spawnSync(cmd, argv, {
      cwd: root,
      encoding: 'utf8',
      env: { ...process.env, NO_COLOR: '1' },
    });
    wall[name].push(Number(process.hrtime.bigint() - t0) / 1e6);
    if (r.status !== 0) throw new Error(`${name} exited ${r.status}: ${r.stderr}`);
    const m = /@cpu ([\d.]+) ([\d.]+)/.exec(r.stderr);
    if (m) cpu[name].push((Number(m[1]) + Number(m[2])) * 1000);
  }
}
const anchorWall = median(wall['node -e 0']);
const anchorCpu = cpu['node -e 0'].length ? median(cpu['node -e 0']) : undefined;
console.log(
  `runs: ${runs} each, interleaved; target: release propose <= 500 ms wall on the embedded data`,
);
for (const name of Object.keys(cases)) {
  const w = median(wall[name]);
  const c = cpu[name].length ? median(cpu[name]) : undefined;
  const cpuText =
    c !== undefined && anchorCpu
      ? `  cpu ${c.toFixed(0).padStart(4)} ms (${(c / anchorCpu).toFixed(2)}x)`
      : '';
  console.log(
    `${name.padEnd(32)} wall ${w.toFixed(0).padStart(5)} ms (${(w / anchorWall).toFixed(2)}x node -e 0)  min ${Math.min(
      ...wall[name],
    )
      .toFixed(0)
      .padStart(5)} ms${cpuText}`,
  );
}

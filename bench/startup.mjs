// Start-up of `liaison brief` on the embedded data, against `node -e 0` in the
// same run (the anchor: Node's own start-up on this machine). Wall time and
// CPU time (user+sys, from /usr/bin/time) are both reported: on a busy
// machine CPU time is the steadier measure.
//   npm run build && node bench/startup.mjs [runs]
import { spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { median } from './lib/timing.mjs';

const root = fileURLToPath(new URL('..', import.meta.url));
const runs = Number(process.argv[2] ?? 15);
const timeBin = existsSync('/usr/bin/time') ? '/usr/bin/time' : undefined;
const cases = {
  'node -e 0': ['-e', '0'],
  'liaison --version': ['dist/src/cli/bin.js', '--version'],
  'liaison brief': ['dist/src/cli/bin.js', 'brief', '--date', '2026-11-27'],
  'liaison brief --json': ['dist/src/cli/bin.js', 'brief', '--date', '2026-11-27', '--json'],
};
const wall = Object.fromEntries(Object.keys(cases).map((k) => [k, []]));
const cpu = Object.fromEntries(Object.keys(cases).map((k) => [k, []]));
for (let i = 0; i < runs; i++) {
  for (const [name, args] of Object.entries(cases)) {
    const argv = timeBin ? ['-f', '%U %S', process.execPath, ...args] : args;
    const t0 = process.hrtime.bigint();
    const r = spawnSync(timeBin ?? process.execPath, argv, {
      cwd: root,
      encoding: 'utf8',
      env: { ...process.env, NO_COLOR: '1', XDG_DATA_HOME: '/nonexistent-liaison-bench' },
    });
    wall[name].push(Number(process.hrtime.bigint() - t0) / 1e6);
    if (r.status !== 0) throw new Error(`${name} exited ${r.status}: ${r.stderr}`);
    if (timeBin) {
      const [u, s] = r.stderr.trim().split('\n').pop().split(' ').map(Number);
      cpu[name].push((u + s) * 1000);
    }
  }
}
const wallAnchor = median(wall['node -e 0']);
const cpuAnchor = timeBin ? median(cpu['node -e 0']) : NaN;
console.log(`runs: ${runs} each, interleaved; target: liaison brief <= 400 ms wall`);
for (const name of Object.keys(cases)) {
  const w = median(wall[name]);
  const line = `${name.padEnd(22)} wall median ${w.toFixed(0).padStart(5)} ms (min ${Math.min(
    ...wall[name],
  )
    .toFixed(0)
    .padStart(4)})  ratio ${(w / wallAnchor).toFixed(2)}x`;
  const c = timeBin
    ? `   cpu median ${median(cpu[name]).toFixed(0).padStart(5)} ms  ratio ${(median(cpu[name]) / cpuAnchor).toFixed(2)}x`
    : '';
  console.log(line + c);
}

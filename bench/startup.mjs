// Start-up of `liaison brief` on the embedded data, against `node -e 0` in the
// same run (the anchor: Node's own start-up on this machine).
//   npm run build && node bench/startup.mjs [runs]
import { spawnSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';

const root = fileURLToPath(new URL('..', import.meta.url));
const runs = Number(process.argv[2] ?? 15);
const cases = {
  'node -e 0': ['-e', '0'],
  'liaison brief': ['dist/src/cli/bin.js', 'brief', '--date', '2026-11-27'],
  'liaison brief --json': ['dist/src/cli/bin.js', 'brief', '--date', '2026-11-27', '--json'],
};
const times = Object.fromEntries(Object.keys(cases).map((k) => [k, []]));
for (let i = 0; i < runs; i++) {
  for (const [name, args] of Object.entries(cases)) {
    const t0 = process.hrtime.bigint();
    const r = spawnSync(process.execPath, args, { cwd: root, encoding: 'utf8', env: { ...process.env, NO_COLOR: '1' } });
    const ms = Number(process.hrtime.bigint() - t0) / 1e6;
    if (r.status !== 0) throw new Error(`${name} exited ${r.status}: ${r.stderr}`);
    times[name].push(ms);
  }
}
const median = (xs) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];
const anchor = median(times['node -e 0']);
console.log(`runs: ${runs} each, interleaved; target: liaison brief <= 400 ms wall`);
for (const [name, xs] of Object.entries(times)) {
  const m = median(xs);
  console.log(`${name.padEnd(22)} median ${m.toFixed(0).padStart(5)} ms  min ${Math.min(...xs).toFixed(0).padStart(5)} ms  ratio ${(m / anchor).toFixed(2)}x node -e 0`);
}

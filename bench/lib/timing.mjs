// Shared by the bench scripts: run a command many times and take medians.
import { spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';

export const median = (xs) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];

// user + sys CPU of the child as well, from GNU time when present: on a loaded
// machine the wall time is mostly waiting for a core
const gnuTime = existsSync('/usr/bin/time');

/**
 * Runs each case `runs` times, interleaved (so load changes hit every case
 * alike), as `node <args>` in `cwd` with NO_COLOR. `onResult(name, result)`
 * sees each run's output. Returns wall and CPU times (ms) per case.
 */
export function timeCases(cases, { runs, cwd, onResult = () => {} }) {
  const times = Object.fromEntries(Object.keys(cases).map((k) => [k, []]));
  const cpu = Object.fromEntries(Object.keys(cases).map((k) => [k, []]));
  for (let i = 0; i < runs; i++) {
    for (const [name, args] of Object.entries(cases)) {
      const t0 = process.hrtime.bigint();
      const [cmd, argv] = gnuTime
        ? ['/usr/bin/time', ['-f', 'CPU %U %S', process.execPath, ...args]]
        : [process.execPath, args];
      const r = spawnSync(cmd, argv, {
        cwd,
        encoding: 'utf8',
        maxBuffer: 1 << 28,
        env: { ...process.env, NO_COLOR: '1' },
      });
      times[name].push(Number(process.hrtime.bigint() - t0) / 1e6);
      if (r.status !== 0) throw new Error(`${name} exited ${r.status}: ${r.stderr}`);
      const c = /CPU ([\d.]+) ([\d.]+)/.exec(r.stderr);
      if (c) cpu[name].push((Number(c[1]) + Number(c[2])) * 1000);
      onResult(name, r);
    }
  }
  return { times, cpu };
}

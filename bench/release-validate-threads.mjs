// Loaded with `node --import` by bench/release-validate.mjs: at exit, the
// main thread prints the CPU time of each thread of the process (from
// /proc/self/task, Linux), so the bench can tell the main thread's time
// (the critical path on an idle machine) from V8's background compiler and
// garbage-collector threads and from worker threads.
import { readFileSync, readdirSync } from 'node:fs';
import { isMainThread } from 'node:worker_threads';

if (isMainThread) {
  process.on('exit', () => {
    const threads = [];
    for (const tid of readdirSync('/proc/self/task')) {
      try {
        const stat = readFileSync(`/proc/self/task/${tid}/stat`, 'utf8');
        const f = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
        // utime + stime, in clock ticks (10 ms)
        threads.push({
          main: tid === String(process.pid),
          ms: (Number(f[11]) + Number(f[12])) * 10,
        });
      } catch {
        // a thread that ended meanwhile
      }
    }
    process.stderr.write(`\nTHREADS ${JSON.stringify(threads)}\n`);
  });
}

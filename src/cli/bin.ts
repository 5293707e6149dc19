#!/usr/bin/env node
import { main } from './main.js';

// the reader went away (`liaison gate | head`): stop quietly, as other tools do
for (const stream of [process.stdout, process.stderr]) {
  stream.on('error', (e: NodeJS.ErrnoException) => {
    if (e.code === 'EPIPE') process.exit(process.exitCode ?? 0);
    throw e;
  });
}

const code = await main(process.argv.slice(2), {
  stdout: (t) => process.stdout.write(t),
  stderr: (t) => process.stderr.write(t),
  env: process.env,
  cwd: process.cwd(),
  now: () => new Date(),
  isTTY: process.stdout.isTTY,
  oneCommandProcess: true,
});
process.exitCode = code;

#!/usr/bin/env node
// No static imports: `notes report|list` starts its git processes first
// (notes/command-prestart.ts), while the rest of the CLI loads.
const argv = process.argv.slice(2);
const notesAt = argv.indexOf('notes');
const early =
  notesAt >= 0 && ['report', 'list'].includes(argv[notesAt + 1] ?? '')
    ? await import('../notes/command-prestart.js')
    : undefined;
early?.prestartNotesScan(argv, process.cwd());

const { main } = await import('./main.js');

// the reader went away (`liaison gate | head`): stop quietly, as other tools do
for (const stream of [process.stdout, process.stderr]) {
  stream.on('error', (e: NodeJS.ErrnoException) => {
    if (e.code === 'EPIPE') process.exit(process.exitCode ?? 0);
    throw e;
  });
}

const code = await main(argv, {
  stdout: (t) => process.stdout.write(t),
  stderr: (t) => process.stderr.write(t),
  env: process.env,
  cwd: process.cwd(),
  now: () => new Date(),
  isTTY: process.stdout.isTTY,
  oneCommandProcess: true,
});
early?.stopUnusedNotesGit();
process.exitCode = code;

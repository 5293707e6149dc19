#!/usr/bin/env node
// No static imports: `notes report|list` starts its git processes first
// (cli/notes-prestart.ts), while the rest of the CLI loads; a `notes
// report` already printed for the same repository state is printed again
// from the store before the rest loads (cli/notes-memo.ts).
const argv = process.argv.slice(2);
const notesAt = argv.indexOf('notes');
const early =
  notesAt >= 0 && ['report', 'list'].includes(argv[notesAt + 1] ?? '')
    ? await import('../cli/notes-prestart.js')
    : undefined;
// a report the output memo may answer starts its `for-each-ref` only on a miss
const report =
  early !== undefined && argv[notesAt + 1] === 'report' && !argv.includes('--ignore-cache');
early?.prestartNotesScan(argv, process.cwd(), !report);

// the reader went away (`liaison gate | head`): stop quietly, as other tools do
for (const stream of [process.stdout, process.stderr]) {
  stream.on('error', (e: NodeJS.ErrnoException) => {
    if (e.code === 'EPIPE') process.exit(process.exitCode ?? 0);
    throw e;
  });
}

const io = {
  env: process.env,
  cwd: process.cwd(),
  now: () => new Date(),
  isTTY: process.stdout.isTTY,
};
const memo = report ? await (await import('../cli/notes-memo.js')).reportMemo(argv, io) : null;
// a plain uncached report runs without commander and the context (cli/notes-direct.ts)
const plain =
  early && !report ? await (await import('../cli/notes-direct.js')).runPlainReport(argv, io) : null;
const printed = memo?.hit ?? plain;

if (printed) {
  if (printed.stderr) process.stderr.write(printed.stderr);
  process.stdout.write(printed.stdout);
  process.exitCode = printed.code;
  early?.stopUnusedNotesGit();
} else {
  // what the command prints is kept only when the memo can answer this line next time
  const out: string[] = [];
  const err: string[] = [];
  early?.prestartNotesScan(argv, process.cwd());
  const { main } = await import('./main.js');
  const code = await main(argv, {
    ...io,
    stdout: (t) => (memo && out.push(t), process.stdout.write(t)),
    stderr: (t) => (memo && err.push(t), process.stderr.write(t)),
    oneCommandProcess: true,
  });
  early?.stopUnusedNotesGit();
  await memo?.save({ stdout: out.join(''), stderr: err.join(''), code });
  process.exitCode = code;
}

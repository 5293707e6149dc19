// The planner's commands and the reminder delivery, each against an anchor
// measured in the same run:
//  1. `remind --json` (dry run), `checklist --json`, `meeting` in-process on
//     the embedded data, against `brief --json` (the foundation command).
//  2. `remind --send` of every reminder due on 2027-02-04 to a loopback SMTP
//     server (smtp-server), per message, against the same messages sent with
//     nodemailer's SMTPConnection alone (no ledger, no planning): the ratio
//     is the cost of exactly-once.
//   npm run build && node bench/remind.mjs [runs]
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import SMTPConnection from 'nodemailer/lib/smtp-connection';
import { SMTPServer } from 'smtp-server';
import { median } from './lib/timing.mjs';

const { main } = await import('../dist/src/cli/main.js');
const runs = Number(process.argv[2] ?? 9);
const dir = mkdtempSync(join(tmpdir(), 'bench-remind-'));
const io = (out) => ({
  stdout: (t) => out.push(t),
  stderr: () => undefined,
  env: { NO_COLOR: '1' },
  cwd: dir,
  now: () => new Date('2027-02-04T08:00:00Z'),
  isTTY: false,
});
const run = async (argv) => {
  const out = [];
  const code = await main(argv, io(out));
  if (code !== 0) throw new Error(`liaison ${argv.join(' ')} exited ${code}`);
  return out.join('');
};
const time = async (fn) => {
  const t0 = process.hrtime.bigint();
  await fn();
  return Number(process.hrtime.bigint() - t0) / 1e6;
};

// 1. views
const db = join(dir, 'views.db');
const cases = {
  'brief --json (anchor)': ['brief', '--date', '2027-02-04', '--json', '--db', db],
  'remind --json': ['remind', '--date', '2027-02-04', '--json', '--db', db],
  'checklist --json': ['checklist', '--date', '2027-02-04', '--json', '--db', db],
  meeting: ['meeting', '--date', '2027-02-04', '--db', db],
};
const times = Object.fromEntries(Object.keys(cases).map((k) => [k, []]));
for (const argv of Object.values(cases)) await run(argv); // warm the module cache
for (let i = 0; i < runs; i++)
  for (const [k, argv] of Object.entries(cases)) times[k].push(await time(() => run(argv)));
const anchor = median(times['brief --json (anchor)']);
console.log(`in-process views, ${runs} runs each (embedded data, 2027-02-04):`);
for (const [k, xs] of Object.entries(times))
  console.log(
    `  ${k.padEnd(24)} median ${median(xs).toFixed(1).padStart(7)} ms  ratio ${(median(xs) / anchor).toFixed(2)}x`,
  );

// 2. delivery
let received = 0;
const server = new SMTPServer({
  disableReverseLookup: true,
  disabledCommands: ['STARTTLS', 'AUTH'],
  authOptional: true,
  logger: false,
  onData(s, _session, cb) {
    s.resume();
    s.on('end', () => {
      received++;
      cb();
    });
  },
});
await new Promise((r) => server.listen(0, '127.0.0.1', r));
const port = server.server.address().port;
const due = JSON.parse(
  await run(['remind', '--date', '2027-02-04', '--json', '--db', join(dir, 'count.db')]),
);
const messages = due.reminders.reduce((n, r) => n + r.deliveries.length, 0);
const sendTimes = [];
const rawTimes = [];
const raw = Buffer.from(
  `From: a@example.org\r\nTo: b@example.org\r\nSubject: bench\r\n\r\n${due.reminders[0].body}`,
);
const rawSend = () =>
  new Promise((resolve, reject) => {
    const c = new SMTPConnection({ host: '127.0.0.1', port });
    c.on('error', reject);
    c.connect(() =>
      c.send({ from: 'a@example.org', to: ['b@example.org'] }, raw, (e) => {
        c.quit();
        e ? reject(e) : resolve();
      }),
    );
  });
for (let i = 0; i < runs; i++) {
  const before = received;
  sendTimes.push(
    (await time(() =>
      run([
        'remind',
        '--send',
        '--smtp-url',
        `smtp://127.0.0.1:${port}`,
        '--date',
        '2027-02-04',
        '--json',
        '--db',
        join(dir, `send-${i}.db`),
      ]),
    )) / messages,
  );
  if (received - before !== messages)
    throw new Error(`expected ${messages} deliveries, got ${received - before}`);
  rawTimes.push(
    (await time(async () => {
      for (let m = 0; m < messages; m++) await rawSend();
    })) / messages,
  );
}
const again = await time(() =>
  run([
    'remind',
    '--send',
    '--smtp-url',
    `smtp://127.0.0.1:${port}`,
    '--date',
    '2027-02-04',
    '--json',
    '--db',
    join(dir, 'send-0.db'),
  ]),
);
console.log(`delivery of ${messages} messages per run to loopback SMTP, ${runs} runs:`);
console.log(
  `  nodemailer alone (anchor)  median ${median(rawTimes).toFixed(2).padStart(7)} ms/message`,
);
console.log(
  `  remind --send (whole run)  median ${median(sendTimes).toFixed(2).padStart(7)} ms/message  ratio ${(median(sendTimes) / median(rawTimes)).toFixed(2)}x`,
);
console.log(
  `  second run, nothing to send: ${again.toFixed(1)} ms (every message skipped by the ledger)`,
);
await new Promise((r) => server.close(r));
rmSync(dir, { recursive: true, force: true });

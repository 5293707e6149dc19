import { spawn } from 'node:child_process';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { TestSmtpServer } from '../helpers/smtp.js';
import { tempDir } from '../helpers/tmp.js';
import { packageRoot } from '../../src/core/package-root.js';

// a date with many reminders due (deadlines, feature deadline, library release...)
const DATE = '2027-02-04';

interface Child {
  code: number | null;
  signal: NodeJS.Signals | null;
  stdout: string;
  ms: number;
}

/**
 * Runs the CLI as a child process. With `killWhen`, the child gets SIGKILL
 * `killAfterMs` after that promise resolves (the moment it first connects to
 * the SMTP server), so every kill lands somewhere in the sending phase:
 * before a claim, between claim and send, in the middle of a message,
 * between the server's reply and the ledger write, or after it.
 */
function run(
  bin: string,
  args: string[],
  kill?: { when: Promise<void>; afterMs: number },
): Promise<Child> {
  return new Promise((resolve) => {
    const started = Date.now();
    const child = spawn(process.execPath, [bin, ...args], {
      env: { ...process.env, NO_COLOR: '1' },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let stdout = '';
    let timer: NodeJS.Timeout | undefined;
    child.stdout.on('data', (b: Buffer) => (stdout += b.toString()));
    child.stderr.resume();
    void kill?.when.then(() => {
      timer = setTimeout(() => child.kill('SIGKILL'), kill.afterMs);
    });
    child.on('close', (code, signal) => {
      if (timer) clearTimeout(timer);
      resolve({ code, signal, stdout, ms: Date.now() - started });
    });
  });
}

describe('exactly once under SIGKILL at random points', () => {
  let smtp: TestSmtpServer;
  // the built CLI (npm test builds first): a real child process the test can kill
  const cli = { bin: join(packageRoot(), 'dist/src/cli/bin.js') };
  beforeAll(async () => {
    smtp = await TestSmtpServer.start();
  });
  afterAll(async () => {
    await smtp.close();
  });

  it('never delivers a message twice, and every message not in doubt arrives', async () => {
    const dir = tempDir();
    const base = ['remind', '--date', DATE];
    // what is due, and how long a whole run takes on this machine
    const dry = await run(cli.bin, [...base, '--db', join(dir, 'dry.db'), '--json']);
    const expected = new Set(
      (
        JSON.parse(dry.stdout) as { reminders: { deliveries: { messageId: string }[] }[] }
      ).reminders.flatMap((r) => r.deliveries.map((d) => d.messageId)),
    );
    expect(expected.size).toBeGreaterThan(5);

    let kills = 0;
    let unknownTotal = 0;
    for (let round = 0; round < 3; round++) {
      const db = join(dir, `round-${round}.db`);
      const args = [...base, '--send', '--smtp-url', smtp.url, '--db', db];
      const before = smtp.received.length;
      for (let i = 0; i < 6; i++) {
        const r = await run(cli.bin, args, {
          when: smtp.nextConnection(),
          afterMs: Math.floor(Math.random() * 25),
        });
        if (r.signal === 'SIGKILL') kills++;
      }
      // then let runs finish (a killed claim is settled by the next run)
      let last: Child | undefined;
      for (let i = 0; i < 3 && last?.code !== 0; i++) last = await run(cli.bin, args);
      expect(last?.code).toBe(0);

      const rows = new Database(db, { readonly: true })
        .prepare('SELECT message_id AS id, state FROM plan_reminder_ledger')
        .all() as { id: string; state: string }[];
      const received = smtp.received.slice(before);
      const counts = new Map<string, number>();
      for (const m of received)
        counts.set(m.parsed.messageId ?? '', (counts.get(m.parsed.messageId ?? '') ?? 0) + 1);

      // nothing twice, nothing unexpected
      for (const [id, n] of counts) {
        expect(n, id).toBe(1);
        expect(expected.has(id), id).toBe(true);
      }
      // every expected message has a settled row; sent rows arrived exactly once
      expect(new Set(rows.map((r) => r.id))).toEqual(expected);
      for (const row of rows) {
        expect(['sent', 'unknown']).toContain(row.state);
        if (row.state === 'sent') expect(counts.get(row.id), row.id).toBe(1);
      }
      unknownTotal += rows.filter((r) => r.state === 'unknown').length;
    }
    expect(kills).toBeGreaterThan(8);

    console.log(
      `exactly-once test: ${kills} kills while sending, ${unknownTotal} deliveries left in doubt`,
    );
    // only a kill between the server's reply and the ledger write leaves doubt
    expect(unknownTotal).toBeLessThanOrEqual(kills);
  }, 240_000);
});

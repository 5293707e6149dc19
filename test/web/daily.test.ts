import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { Context, type Io } from '../../src/cli/context.js';
import { scheduleDailyReminders } from '../../src/web/daily.js';
import { SharedState } from '../../src/web/request-context.js';
import { tempDir } from '../helpers/tmp.js';

describe('daily reminders while serving', () => {
  it('runs the planner’s daily reminders at mail.daily-at, and not without it', async () => {
    const dir = tempDir('liaison-daily-');
    const config = join(dir, 'liaison.yaml');
    writeFileSync(config, 'team: glance\nmail:\n  daily-at: "07:30"\n');
    // half a second before 07:30 local time, on a fixed day
    const now = new Date(2026, 10, 26, 7, 29, 59, 500);
    const io: Io = {
      stdout: () => undefined,
      stderr: () => undefined,
      env: { HOME: dir },
      cwd: dir,
      now: () => now,
      isTTY: false,
    };
    const options = { config, db: join(dir, 'l.db') };
    const shared = new SharedState();
    const lines: string[] = [];
    const got = new Promise<void>((resolve) => {
      void scheduleDailyReminders(new Context(options, io), {
        options,
        io,
        shared,
        log: (l) => {
          lines.push(l);
          resolve();
        },
      }).then((d) => {
        expect(d.at).toBe('07:30');
        void got.then(() => {
          d.stop();
        });
      });
    });
    await got;
    shared.close();
    expect(lines[0]).toMatch(
      /^daily reminders \d{4}-\d{2}-\d{2}: \d+ due \(no SMTP configured: nothing sent\)$/,
    );

    writeFileSync(config, 'team: glance\n');
    const none = await scheduleDailyReminders(new Context(options, io), {
      options,
      io,
      shared: new SharedState(),
      log: (l) => lines.push(l),
    });
    expect(none.at).toBeNull();
  });
});

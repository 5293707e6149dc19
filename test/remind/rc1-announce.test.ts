import { describe, expect, it } from 'vitest';
import { join } from 'node:path';
import { runJson } from '../helpers/cli.js';
import { tempDir } from '../helpers/tmp.js';

/** Issue 13 item 8: RC1 is announced four weeks ahead, like the milestones. */
interface Remind {
  reminders: { id: string; rule: string; subject: string; due: string; body: string }[];
}

describe('RC1 announcement', () => {
  it('goes out four weeks before the RC1 target week (Hibiscus: Thu 10 Sep 2026)', async () => {
    const v = await runJson<Remind>([
      'remind',
      '--date',
      '2026-08-13',
      '--db',
      join(tempDir(), 'l.db'),
    ]);
    const rc1 = v.reminders.find((r) => r.rule === 'rc1-announce');
    expect(rc1).toMatchObject({
      id: 'rc1-announce/h-rc1@2026-09-10/4w',
      due: '2026-08-13',
      subject: '[glance] RC1 target week on Thu 10 Sep 2026 (in 4 weeks)',
    });
    expect(rc1?.body).toMatch(/cut together with the\s+stable\s+branch/);
  });

  it('is not due before its lead time, and stays due (catch-up) until RC1', async () => {
    const before = await runJson<Remind>([
      'remind',
      '--date',
      '2026-08-12',
      '--db',
      join(tempDir(), 'l.db'),
    ]);
    expect(before.reminders.some((r) => r.rule === 'rc1-announce')).toBe(false);
    const later = await runJson<Remind>([
      'remind',
      '--date',
      '2026-08-20',
      '--db',
      join(tempDir(), 'l.db'),
    ]);
    expect(later.reminders.some((r) => r.rule === 'rc1-announce')).toBe(true);
  });
});

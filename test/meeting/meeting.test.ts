import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { runCli, runJson } from '../helpers/cli.js';
import { tempDir } from '../helpers/tmp.js';

describe('liaison meeting', () => {
  it('IRC lines: cycle, deadlines of the next 3 weeks, sections (not synced says so), overdue items as actions', async () => {
    const r = await runCli(['meeting', '--date', '2026-12-17', '--db', join(tempDir(), 'l.db')]);
    expect(r.code).toBe(0);
    const lines = r.stdout.trimEnd().split('\n');
    expect(lines[0]).toBe('#topic Release status (glance, indri R-14)');
    expect(lines).toContain(
      '#info Indri (2027.1): week R-14, release on 2027-03-24; next: Indri-2 milestone on 2027-01-14',
    );
    expect(lines).toContain('#info 2026-12-31 R-12: Glance mid-cycle meeting (team)');
    expect(
      lines.some((l) => l.startsWith('#info Periodic jobs') && l.includes('never synced')),
    ).toBe(true);
    expect(lines.some((l) => l.startsWith('#info glance-store: 5.6.0'))).toBe(true);
    expect(lines.every((l) => /^#(topic|info|link|action) /.test(l))).toBe(true);
  });

  it('Markdown and JSON render the same view model', async () => {
    const db = join(tempDir(), 'l.db');
    const md = await runCli(['meeting', '--format', 'md', '--date', '2026-12-17', '--db', db]);
    expect(md.stdout).toContain('## Release status — glance, indri R-14');
    expect(md.stdout).toContain('### Deadlines in the next 3 weeks');
    const v = await runJson<{
      deadlines: { id: string }[];
      sections: { id: string; available: boolean }[];
      checklist: { due: { id: string }[] };
    }>(['meeting', '--date', '2026-12-17', '--db', db]);
    expect(v.deadlines.map((d) => d.id)).toContain('glance-mid-cycle');
    expect(v.sections.map((s) => s.id)).toEqual([
      'release-status',
      'priorities',
      'gate',
      'bugs',
      'goals',
    ]);
    expect(v.sections.find((s) => s.id === 'gate')?.available).toBe(false);
    expect(v.checklist.due.map((i) => i.id)).toContain('stable-backports');
  });

  it('says the release actions first, lists only what is due within two weeks, cuts no line', async () => {
    const r = await runCli([
      'meeting',
      '--date',
      '2026-09-16',
      '--format',
      'irc',
      '--db',
      join(tempDir(), 'l.db'),
    ]);
    expect(r.code).toBe(0);
    const lines = r.stdout.trimEnd().split('\n');
    // right after the cycle: the actions, each with its command
    expect(lines[3]).toMatch(
      /^#action Pranali Deore: \S+ .* (overdue|due|proposed)( as of 2026-08-21)?, /,
    );
    // the embedded data (2026-08-21) is older than the RC1 window's last merge day: not a confirmed miss
    expect(lines.find((l) => l.includes('glance RC1 overdue as of 2026-08-21'))).toMatch(
      /: liaison release propose glance rc \(no rc1 in deliverables\/hibiscus\/glance\.yaml; the window closed 2026-09-11; as of the data of 2026-08-21: a request merged by 2026-09-18 still counts \(liaison sync\)\)$/,
    );
    // a fresh install used to print 21 #action lines, one per unticked checklist item since April
    const actions = lines.filter((l) => l.startsWith('#action'));
    expect(actions.length).toBeLessThan(10);
    expect(actions.every((l) => !/since 2026-0[4-8]/.test(l))).toBe(true);
    expect(
      lines.some((l) =>
        /^#info \d+ older checklist items are not ticked: liaison checklist$/.test(l),
      ),
    ).toBe(true);
    // nothing cut: no line ends in an ellipsis, the release-status notes are whole
    expect(lines.filter((l) => l.endsWith('…'))).toEqual([]);
    expect(lines.every((l) => l.length <= 400)).toBe(true);
    const status = lines.find((l) => l.startsWith('#info Release status and due releases'));
    expect(status).toMatch(/\):$/);
  });
});

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
});

import { describe, expect, it } from 'vitest';
import { runCli, runJson } from '../helpers/cli.js';
import { RELEASES_DIR, GOVERNANCE_DIR } from '../helpers/shared-data.js';

interface Brief {
  series: { name: string; releaseId: string };
  week: string;
  upcoming: { id: string; title: string; date: string; scope: string }[];
  deliverables: { name: string; model: string | null; latest: string | null }[];
  dataAsOf: string;
}

const real = ['--releases-repo', RELEASES_DIR, '--governance-repo', GOVERNANCE_DIR];

describe('liaison brief', () => {
  it('gives the indri brief for glance on 2026-11-27 from the real data', async () => {
    const b = await runJson<Brief>(['brief', '--team', 'glance', '--date', '2026-11-27', ...real]);
    expect(b.series.name).toBe('indri');
    expect(b.series.releaseId).toBe('2027.1');
    expect(b.week).toBe('R-17');
    const byId = new Map(b.upcoming.map((e) => [e.id, e]));
    expect(byId.get('i-cycle-trail')?.date).toBe('2026-12-03');
    expect(byId.get('i-2')?.date).toBe('2027-01-14');
    expect(byId.get('i-2')?.scope).toBe('cross-project');
    expect(b.upcoming.some((e) => e.scope === 'team')).toBe(true);
    expect(b.deliverables.map((d) => d.name)).toEqual([
      'glance',
      'glance-store',
      'glance-tempest-plugin',
      'python-glanceclient',
    ]);
    expect(b.deliverables.find((d) => d.name === 'glance')).toMatchObject({
      model: 'cycle-with-rc',
      latest: '33.0.0.0b2',
    });
    expect(b.dataAsOf).toBe('2026-08-21');
  });

  it('gives the same answer on the embedded snapshot', async () => {
    const b = await runJson<Brief>(['brief', '--date', '2026-11-27']);
    expect(b.series.name).toBe('indri');
    expect(b.week).toBe('R-17');
    expect(b.upcoming.find((e) => e.id === 'i-2')?.date).toBe('2027-01-14');
  });

  it('knows the hibiscus weeks around its release', async () => {
    expect((await runJson<Brief>(['brief', '--date', '2026-09-16'])).series.name).toBe('hibiscus');
    expect((await runJson<Brief>(['brief', '--date', '2026-09-16'])).week).toBe('R-2');
    expect((await runJson<Brief>(['brief', '--date', '2026-09-30'])).week).toBe('R+0');
  });

  it('works for another team', async () => {
    const b = await runJson<Brief>(['brief', '--team', 'nova', '--date', '2026-11-27', ...real]);
    expect(b.deliverables.map((d) => d.name)).toContain('nova');
  });

  it('lists the known teams for an unknown one, exit 2, no stack', async () => {
    const r = await runCli(['brief', '--team', 'nosuchteam', '--date', '2026-11-27']);
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/unknown team "nosuchteam".*known teams: .*glance.*nova/);
    expect(r.stderr).not.toMatch(/\n\s+at /);
  });

  it('rejects a malformed --date with exit 2', async () => {
    const r = await runCli(['brief', '--date', '2026-13-01']);
    expect(r.code).toBe(2);
    expect(r.stderr).toContain('--date 2026-13-01');
  });

  it('uses LIAISON_TODAY when no --date is given, never the clock', async () => {
    const b = await runJson<Brief>(['brief'], { env: { LIAISON_TODAY: '2026-09-16' } });
    expect(b.week).toBe('R-2');
  });
});

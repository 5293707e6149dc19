import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { dataWarnings, type DataOrigin } from '../../src/data/age/plan.js';
import { dataWarningLines } from '../../src/data/age/render.js';
import { runCli, runJson } from '../helpers/cli.js';
import { tempDir } from '../helpers/tmp.js';

/**
 * Issue 13 item 4: a view at --date says how old its data is. The
 * embedded snapshot was taken on 2026-08-21: a view of 2026-09-24 is 34
 * days past it and warns (text, JSON `dataWarnings[]`, page banner); a
 * view within 7 days of it, or before it, does not.
 */
interface Warning {
  kind: string;
  source: string;
  origin: string;
  asOf: string | null;
  ageDays: number | null;
  hint: string;
}
const old = (w: readonly Warning[]) => w.filter((x) => x.kind === 'old');

describe('data age against --date (pure)', () => {
  const snapshot: DataOrigin = {
    source: 'openstack/releases',
    origin: 'embedded',
    asOf: '2026-08-21',
    failure: null,
    hint: 'liaison sync',
  };

  it('warns past 7 days, never for a date before the data', () => {
    expect(dataWarnings([snapshot], [], '2026-08-28')).toEqual([]);
    expect(dataWarnings([snapshot], [], '2026-08-29')).toEqual([
      expect.objectContaining({ kind: 'old', ageDays: 8, asOf: '2026-08-21' }),
    ]);
    expect(dataWarnings([snapshot], [], '2026-03-10')).toEqual([]);
  });

  it('a failed refresh is stale whatever the age; an instant counts by its day', () => {
    const failing: DataOrigin = {
      ...snapshot,
      origin: 'managed',
      asOf: '2026-09-20T06:00:00.000Z',
      failure: { at: '2026-09-22T06:00:00.000Z', error: 'git fetch failed: no route' },
    };
    expect(dataWarnings([failing], [], '2026-09-22')).toEqual([
      expect.objectContaining({ kind: 'stale', asOf: '2026-09-20', ageDays: 2 }),
    ]);
    expect(dataWarnings([failing], [], '2026-09-01')).toEqual([]);
  });

  it('sources of the same age share one line', () => {
    const gov = { ...snapshot, source: 'openstack/governance' };
    expect(dataWarningLines(dataWarnings([snapshot, gov], [], '2026-09-24'), '2026-09-24')).toEqual([
      'warning: openstack/releases and openstack/governance data are from 2026-08-21 (embedded snapshot), 34 days before 2026-09-24: it may miss what happened since; refresh with `liaison sync`',
    ]);
  });
});

describe('every view warns about old data', () => {
  it('brief --date 2026-09-24 starts with the warning (no longer only a data: footer)', async () => {
    const r = await runCli(['brief', '--date', '2026-09-24']);
    expect(r.stdout.split('\n')[0]).toBe(
      'warning: openstack/releases and openstack/governance data are from 2026-08-21 (embedded snapshot), 34 days before 2026-09-24: it may miss what happened since; refresh with `liaison sync`',
    );
    const v = await runJson<{ dataWarnings: Warning[] }>(['brief', '--date', '2026-09-24']);
    expect(v.dataWarnings).toEqual([
      expect.objectContaining({
        kind: 'old',
        source: 'openstack/releases',
        origin: 'embedded',
        asOf: '2026-08-21',
        ageDays: 34,
        hint: 'liaison sync',
      }),
      expect.objectContaining({ kind: 'old', source: 'openstack/governance', ageDays: 34 }),
    ]);
  });

  it('within 7 days of the data, or before it, no view warns', async () => {
    for (const date of ['2026-08-25', '2026-03-10']) {
      const v = await runJson<{ dataWarnings: Warning[] }>(['brief', '--date', date]);
      expect(old(v.dataWarnings), date).toEqual([]);
      expect((await runCli(['brief', '--date', date])).stdout).not.toContain('warning:');
    }
  });

  it.each([
    ['schedule'],
    ['team'],
    ['checklist'],
    ['meeting'],
    ['release', 'status'],
    ['release', 'coverage'],
    ['release', 'validate'],
    ['release', 'highlights', 'list'],
    ['bugs'],
    ['gate'],
    ['freeze'],
    ['goals'],
    ['review'],
    ['remind'],
    ['post-final'],
  ])('%s %s %s', async (...cmd) => {
    const db = join(tempDir(), 'l.db');
    const v = await runJson<{ dataWarnings: Warning[] }>([
      ...cmd,
      '--date',
      '2026-09-24',
      '--db',
      db,
    ]);
    expect(old(v.dataWarnings).map((w) => w.source)).toContain('openstack/releases');
  });

  it('formats meant to be pasted or imported keep the warning on stderr', async () => {
    for (const cmd of [
      ['meeting', '--format', 'irc'],
      ['meeting', '--format', 'md'],
      ['goals', '--format', 'md'],
      ['schedule', '--ics', '-'],
    ]) {
      const r = await runCli([...cmd, '--date', '2026-09-24', '--db', join(tempDir(), 'l.db')]);
      expect(r.code, cmd.join(' ')).toBe(0);
      expect(r.stdout, cmd.join(' ')).not.toContain('warning:');
      expect(r.stderr, cmd.join(' ')).toMatch(/^warning: openstack\/releases and/m);
    }
  });

  it('every page carries the banner and its JSON twin the same dataWarnings', async () => {
    const dir = join(tempDir(), 'site');
    const r = await runCli(['site', 'build', dir, '--date', '2026-09-24']);
    expect(r.code, r.stderr).toBe(0);
    for (const page of ['index', 'schedule', 'releases', 'checklist', 'meeting', 'goals']) {
      const html = readFileSync(join(dir, `${page}.html`), 'utf8');
      expect(html, page).toMatch(
        /<div class="banner"[^>]*><p class="notice warn data-warning">openstack\/releases and openstack\/governance data are from 2026-08-21/,
      );
    }
    const api = JSON.parse(readFileSync(join(dir, 'api', 'brief.json'), 'utf8')) as {
      dataWarnings: Warning[];
    };
    const cli = await runJson<{ dataWarnings: Warning[] }>(['brief', '--date', '2026-09-24']);
    expect(api.dataWarnings).toEqual(cli.dataWarnings);
  });
});

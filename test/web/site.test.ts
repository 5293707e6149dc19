import { existsSync, readFileSync, readdirSync } from 'node:fs';
import { dirname, join, normalize } from 'node:path';
import { describe, expect, it } from 'vitest';
import { PAGES } from '../../src/web/registry.js';
import { runCli, runJson } from '../helpers/cli.js';
import { GOVERNANCE_DIR, RELEASES_DIR } from '../helpers/shared-data.js';
import { tempDir } from '../helpers/tmp.js';

/** Every href/src of a page, decoded from the HTML. */
function linksOf(html: string): string[] {
  return [...html.matchAll(/\s(?:href|src)="([^"]*)"/g)].map((m) => m[1]!.replace(/&amp;/g, '&'));
}

describe('liaison site build', () => {
  it('writes every page, its JSON and the calendar with relative links only, and no link is broken', async () => {
    const dir = join(tempDir('liaison-site-'), 'out');
    const db = join(dir, '..', 'liaison.db');
    const r = await runCli(['site', 'build', dir, '--date', '2026-11-27', '--db', db]);
    expect(r.stderr).toBe('');
    expect(r.code).toBe(0);
    expect(r.stdout).toMatch(/^wrote \d+ files into /);
    for (const p of PAGES) {
      expect(existsSync(join(dir, p.file)), p.file).toBe(true);
      expect(existsSync(join(dir, 'api', `${p.api}.json`))).toBe(true);
    }
    expect(readFileSync(join(dir, 'schedule.ics'), 'utf8')).toContain('BEGIN:VCALENDAR');
    const htmlFiles = readdirSync(dir).filter((f) => f.endsWith('.html'));
    expect(htmlFiles.length).toBe(PAGES.length);
    let checked = 0;
    for (const f of htmlFiles) {
      const html = readFileSync(join(dir, f), 'utf8');
      expect(html, f).not.toContain('<form method="post"');
      expect(html, f).not.toContain('<script');
      for (const link of linksOf(html)) {
        if (/^(https?:|data:|#)/.test(link)) continue;
        expect(link.startsWith('/'), `${f}: ${link} must be relative`).toBe(false);
        const target = normalize(join(dirname(join(dir, f)), link.split('#')[0]!.split('?')[0]!));
        expect(existsSync(target), `${f}: broken link ${link}`).toBe(true);
        checked++;
      }
    }
    expect(checked).toBeGreaterThan(PAGES.length * PAGES.length);
  });

  it("the site's JSON is the commands' --json", async () => {
    const dir = join(tempDir('liaison-site-'), 'out');
    const real = [
      '--releases-repo',
      RELEASES_DIR,
      '--governance-repo',
      GOVERNANCE_DIR,
      '--date',
      '2027-02-20',
    ];
    const r = await runCli(['site', 'build', dir, ...real, '--db', join(dir, '..', 'db')]);
    expect(r.code).toBe(0);
    const brief = await runJson(['brief', ...real]);
    expect(JSON.parse(readFileSync(join(dir, 'api', 'brief.json'), 'utf8'))).toEqual(brief);
    const schedule = await runJson(['schedule', ...real]);
    expect(JSON.parse(readFileSync(join(dir, 'api', 'schedule.json'), 'utf8'))).toEqual(schedule);
    const html = readFileSync(join(dir, 'index.html'), 'utf8');
    expect(html).toContain('2027-02-20');
    expect(html).toContain('(static site)');
  });

  it('reports a bad date as a usage error', async () => {
    const r = await runCli(['site', 'build', tempDir(), '--date', '2027-02-31']);
    expect(r.code).toBe(2);
    expect(r.stderr).toContain('--date 2027-02-31: expected YYYY-MM-DD');
  });
});

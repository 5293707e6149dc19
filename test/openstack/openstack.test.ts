import { existsSync, readFileSync, readdirSync } from 'node:fs';
import { dirname, join, normalize } from 'node:path';
import { pathToFileURL } from 'node:url';
import { describe, expect, it } from 'vitest';
import { runCli, runJson } from '../helpers/cli.js';
import { tempDir } from '../helpers/tmp.js';
import { hasChromium, launchChromium, watchConsole } from '../web/browser.js';
import { DOM_FINDINGS, P } from '../web/payloads.js';
import { EVIL_TEAM, HOSTILE_DELIVERABLE, HOSTILE_TEAM, hostileData } from './hostile-data.js';

interface Action {
  id: string;
  deliverable: string;
  kind: string;
  milestone: number | null;
  window: { start: string; end: string };
  state: string;
}
interface OpenStackJson {
  series: string;
  week: string;
  counts: { done: number; due: number; overdue: number } & Record<string, number>;
  columns: { key: string; current: boolean }[];
  teams: {
    name: string;
    liaisons: { name: string; email: string | null; irc: string | null; role: string }[];
    counts: { done: number; due: number; overdue: number } & Record<string, number>;
    actions: Action[];
  }[];
}

const DATE = '2026-09-09';

function linksOf(html: string): string[] {
  return [...html.matchAll(/\s(?:href|src)="([^"]*)"/g)].map((m) => m[1]!.replace(/&amp;/g, '&'));
}

describe('liaison openstack', () => {
  it('lists every team with deliverables in hibiscus, with its liaisons (the PTL where none is named)', async () => {
    const v = await runJson<OpenStackJson>(['openstack', '--date', DATE]);
    expect(v.series).toBe('hibiscus');
    expect(v.week).toBe('R-3');
    const names = v.teams.map((t) => t.name);
    expect(names).toEqual([...names].sort((a, b) => a.localeCompare(b)));
    // every team owning a hibiscus deliverable file in governance is there, and no other
    const files = await runJson<{ deliverables: { name: string }[] }>([
      'team',
      '--team',
      'glance',
      '--date',
      DATE,
    ]);
    expect(files.deliverables.length).toBeGreaterThan(0);
    for (const t of ['glance', 'nova', 'cinder', 'neutron', 'oslo', 'OpenStackSDK'])
      expect(names).toContain(t);
    expect(names.length).toBeGreaterThan(30);
    const glance = v.teams.find((t) => t.name === 'glance')!;
    expect(glance.liaisons).toContainEqual({
      name: 'Pranali Deore',
      email: 'pdeore@redhat.com',
      irc: expect.any(String) as string,
      role: 'liaison',
    });
    // a team that names no release liaison shows its PTL, marked as such
    const ptlOnly = v.teams.filter((t) => t.liaisons.some((l) => l.role === 'ptl'));
    expect(ptlOnly.length).toBeGreaterThan(0);
    for (const t of ptlOnly) expect(t.liaisons).toHaveLength(1);
    const text = await runCli(['openstack', '--date', DATE]);
    expect(text.code).toBe(0);
    expect(text.stdout).toMatch(/^OpenStack hibiscus \(2026\.2\), week R-3 — 2026-09-09$/m);
    expect(text.stdout).toMatch(/\[PTL, no release liaison\]/);
  });

  it("has, for every team, exactly the actions of the team's own brief --json", async () => {
    const v = await runJson<OpenStackJson>(['openstack', '--date', DATE]);
    const key = (a: Action) => `${a.id}@${a.window.start}`;
    const sorted = (xs: Action[]) => [...xs].sort((a, b) => key(a).localeCompare(key(b)));
    let compared = 0;
    for (const t of v.teams) {
      const brief = await runJson<{ team: string; actions: Action[] }>([
        'brief',
        '--team',
        t.name,
        '--date',
        DATE,
      ]);
      expect(brief.team).toBe(t.name);
      expect(sorted(t.actions), t.name).toEqual(sorted(brief.actions));
      compared += t.actions.length;
    }
    expect(compared).toBeGreaterThan(300);
    expect(v.counts.due + v.counts.overdue).toBeGreaterThan(0);
    // glance at RC1 week: its RC is due, and the view names it
    const glance = v.teams.find((t) => t.name === 'glance')!;
    expect(glance.actions.find((a) => a.id === 'glance:rc')).toMatchObject({
      state: 'due',
      window: { start: '2026-09-07', end: '2026-09-11' },
    });
    expect(v.columns.find((c) => c.key === 'rc')?.current).toBe(true);
  });

  it('narrows teams and actions with --state and --kind, counting what is shown', async () => {
    const v = await runJson<OpenStackJson>(['openstack', '--date', DATE, '--state', 'overdue']);
    expect(v.teams.length).toBeGreaterThan(0);
    for (const t of v.teams) {
      expect(t.actions.length, t.name).toBeGreaterThan(0);
      expect(t.actions.every((a) => a.state === 'overdue')).toBe(true);
      expect(t.counts.overdue).toBe(t.actions.length);
      expect(t.counts.done + t.counts.due).toBe(0);
    }
    expect(v.counts.overdue).toBe(v.teams.reduce((n, t) => n + t.actions.length, 0));
    const lib2 = await runJson<OpenStackJson>(['openstack', '--date', DATE, '--kind', 'library:2']);
    for (const t of lib2.teams)
      expect(
        t.actions.every((a) => a.kind === 'library' && a.milestone === 2),
        t.name,
      ).toBe(true);
    const text = await runCli([
      'openstack',
      '--date',
      DATE,
      '--state',
      'overdue',
      '--kind',
      'library',
    ]);
    expect(text.stdout).toMatch(/^filtered: --state overdue --kind library$/m);
    expect(text.stdout).toMatch(
      /^ {2}overdue {2}\S+ library \d \(\d{4}-\d{2}-\d{2} to \d{4}-\d{2}-\d{2}\)$/m,
    );
  });

  it('counts are of what is shown, and refuses unknown states, kinds and teams', async () => {
    const v = await runJson<OpenStackJson>(['openstack', '--date', DATE]);
    for (const t of v.teams) {
      const sum = Object.values(t.counts).reduce((a, b) => a + b, 0);
      expect(sum, t.name).toBe(t.actions.length);
    }
    const two = await runJson<OpenStackJson>([
      'openstack',
      '--date',
      DATE,
      '--team',
      'nova,Glance',
    ]);
    expect(two.teams.map((t) => t.name)).toEqual(['glance', 'nova']);
    const total = two.teams.reduce((n, t) => n + t.actions.length, 0);
    expect(Object.values(two.counts).reduce((a, b) => a + b, 0)).toBe(total);

    const bad = await runCli(['openstack', '--date', DATE, '--state', 'late']);
    expect(bad.code).toBe(2);
    expect(bad.stderr).toMatch(/--state late: expected one of done, due, overdue/);
    const kind = await runCli(['openstack', '--date', DATE, '--kind', 'beta']);
    expect(kind.code).toBe(2);
    expect(kind.stderr).toMatch(/--kind beta: expected one of/);
    const team = await runCli(['openstack', '--date', DATE, '--team', 'nosuchteam']);
    expect(team.code).toBe(2);
    expect(team.stderr).toMatch(
      /--team nosuchteam: no team with deliverables in hibiscus; teams: /,
    );
  });
});

describe('liaison site build --all-teams', () => {
  it('writes the OpenStack page, a folder per team and one shared asset folder, with relative links that all resolve', async () => {
    const dir = join(tempDir('liaison-allsite-'), 'out');
    const r = await runCli([
      'site',
      'build',
      dir,
      '--all-teams',
      '--date',
      DATE,
      '--db',
      join(dir, '..', 'db'),
    ]);
    expect(r.code, r.stderr).toBe(0);
    expect(r.stdout).toMatch(/^\d+ teams, each in its own folder$/m);
    const v = await runJson<OpenStackJson>(['openstack', '--date', DATE]);
    expect(JSON.parse(readFileSync(join(dir, 'api', 'openstack.json'), 'utf8'))).toEqual(v);
    const folders = readdirSync(dir).filter((f) => !['assets', 'api', 'index.html'].includes(f));
    expect(folders.length).toBe(v.teams.length);
    expect(readdirSync(join(dir, 'assets'))).toEqual(['style.css']);
    expect(existsSync(join(dir, 'glance', 'index.html'))).toBe(true);
    expect(existsSync(join(dir, 'openstacksdk', 'releases.html'))).toBe(true);
    expect(existsSync(join(dir, 'glance', 'api', 'brief.json'))).toBe(true);
    // a team's JSON is its own command's --json
    const brief = await runJson(['brief', '--team', 'nova', '--date', DATE]);
    expect(JSON.parse(readFileSync(join(dir, 'nova', 'api', 'brief.json'), 'utf8'))).toEqual(brief);
    const pages = [
      join(dir, 'index.html'),
      ...['glance', 'nova', 'oslo'].flatMap((t) =>
        readdirSync(join(dir, t))
          .filter((f) => f.endsWith('.html'))
          .map((f) => join(dir, t, f)),
      ),
    ];
    let checked = 0;
    for (const file of pages) {
      const html = readFileSync(file, 'utf8');
      expect(html, file).not.toContain('<script');
      expect(html, file).toContain('assets/style.css');
      // the page's own styles come from the shared file (Plot's SVG carries its own)
      expect(html.slice(0, html.indexOf('</head>')), file).not.toContain('<style>');
      for (const link of linksOf(html)) {
        if (/^(https?:|data:|#|mailto:)/.test(link)) continue;
        expect(link.startsWith('/'), `${file}: ${link}`).toBe(false);
        const target = normalize(join(dirname(file), link.split('#')[0]!.split('?')[0]!));
        expect(existsSync(target), `${file}: broken link ${link}`).toBe(true);
        checked++;
      }
    }
    expect(checked).toBeGreaterThan(100);
    // the front page links every team's folder
    const index = readFileSync(join(dir, 'index.html'), 'utf8');
    for (const f of folders) expect(index).toContain(`href="${f}/index.html"`);
  });
});

describe.skipIf(!hasChromium)('the OpenStack page in Chromium', () => {
  it('renders the heatmap with hostile team and deliverable names shown as text, without console errors', async () => {
    const data = hostileData();
    const dir = join(tempDir('liaison-allsite-'), 'out');
    const args = [
      '--releases-repo',
      data.releases,
      '--governance-repo',
      data.governance,
      '--date',
      DATE,
    ];
    const r = await runCli([
      'site',
      'build',
      dir,
      '--all-teams',
      ...args,
      '--db',
      join(dir, '..', 'db'),
    ]);
    expect(r.code, r.stderr).toBe(0);
    const v = await runJson<OpenStackJson>(['openstack', ...args]);
    // the deliverable of a team with an acceptable name has its actions
    const evil = v.teams.find((t) => t.name === EVIL_TEAM);
    expect(evil?.actions.map((a) => a.deliverable)).toContain(HOSTILE_DELIVERABLE);
    expect(evil?.liaisons[0]?.name).toBe(`Liaison ${P.script}`);
    // a team whose name the tool refuses is listed with the reason, and the view still works
    const named = (
      await runJson<{ teams: { name: string; notes: string[] }[] }>(['openstack', ...args])
    ).teams.find((t) => t.name === HOSTILE_TEAM);
    expect(named?.notes.join(' ')).toMatch(/its release actions are not computed: .*team name/);
    expect(readdirSync(dir)).toContain('evil-team');
    const { browser, close } = await launchChromium();
    try {
      for (const width of [1200, 360]) {
        const page = await browser.newPage();
        await page.setViewportSize({ width, height: 800 });
        const seen = watchConsole(page);
        await page.goto(pathToFileURL(join(dir, 'index.html')).href);
        expect(await page.locator('h1').textContent()).toBe('OpenStack');
        expect(await page.locator('figure svg').count()).toBe(1);
        // the names are text: in the table and in the chart's cell titles
        expect(await page.locator('tbody th', { hasText: HOSTILE_TEAM }).count()).toBe(1);
        expect(await page.locator('tbody td', { hasText: `Liaison ${P.script}` }).count()).toBe(1);
        const titles = await page.locator('figure svg title').allTextContents();
        expect(titles.some((t) => t.startsWith(`${EVIL_TEAM}, `))).toBe(true);
        const body = (await page.locator('main').textContent()) ?? '';
        if (evil?.actions.some((a) => a.state === 'overdue' || a.state === 'due'))
          expect(body).toContain(HOSTILE_DELIVERABLE);
        // the hostile team's own folder page too
        const sub = await browser.newPage();
        const subSeen = watchConsole(sub);
        await sub.goto(pathToFileURL(join(dir, 'evil-team', 'index.html')).href);
        expect(await sub.evaluate<string[]>(DOM_FINDINGS)).toEqual([]);
        await sub.close();
        expect(subSeen).toEqual([]);
        expect(titles.length).toBeGreaterThan(v.teams.length);
        expect(await page.evaluate<string[]>(DOM_FINDINGS)).toEqual([]);
        // the shared stylesheet applies (a file:// page, the relative asset)
        const bg = await page.evaluate<string>(
          "getComputedStyle(document.querySelector('header.top')).backgroundColor",
        );
        expect(bg).toBe('rgb(16, 42, 67)');
        // readable at phone width: the page itself does not scroll sideways, the chart does
        if (width === 360) {
          const overflow = await page.evaluate<number>('document.documentElement.scrollWidth');
          expect(overflow).toBeLessThanOrEqual(360);
        }
        await page.close();
        expect(seen, `width ${width}`).toEqual([]);
      }
    } finally {
      await close();
    }
  });
});

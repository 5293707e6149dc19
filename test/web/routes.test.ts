import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { PAGES } from '../../src/web/registry.js';
import { runJson } from '../helpers/cli.js';
import { GOVERNANCE_DIR, RELEASES_DIR } from '../helpers/shared-data.js';
import { tempDir } from '../helpers/tmp.js';
import { REAL_DATA, testDashboard, type TestDashboard } from './dashboard.js';

const real = ['--releases-repo', RELEASES_DIR, '--governance-repo', GOVERNANCE_DIR];
let open: TestDashboard[] = [];
const dash = (...a: Parameters<typeof testDashboard>) => {
  const d = testDashboard(...a);
  open.push(d);
  return d;
};
afterEach(() => {
  for (const d of open) d.close();
  open = [];
});

describe('JSON twins return the command view models', () => {
  it('/api/brief is `liaison brief --json` for the same date and team, on the real data', async () => {
    const d = dash({ options: REAL_DATA });
    for (const [date, team] of [
      ['2026-11-27', 'glance'],
      ['2027-03-04', 'glance'],
      ['2026-11-27', 'nova'],
    ] as const) {
      const res = await d.app.request(`/api/brief?date=${date}&team=${team}`);
      expect(res.status).toBe(200);
      expect(res.headers.get('content-type')).toContain('application/json');
      const cli = await runJson(['brief', '--date', date, '--team', team, ...real]);
      expect(await res.json()).toEqual(cli);
    }
  });

  it('/api/schedule is `liaison schedule --json`', async () => {
    const d = dash({ options: REAL_DATA });
    const res = await d.app.request('/api/schedule?date=2026-11-27');
    const cli = await runJson(['schedule', '--date', '2026-11-27', ...real]);
    expect(await res.json()).toEqual(cli);
  });

  it('/api/checklist is `liaison checklist --json` on the same store', async () => {
    const d = dash();
    const res = await d.app.request('/api/checklist?date=2026-11-27');
    expect(res.status).toBe(200);
    const cli = await runJson(['checklist', '--date', '2026-11-27', '--db', d.dbPath]);
    expect(await res.json()).toEqual(cli);
  });

  it("follows each team's own data locations as the CLI does (a config naming a checkout, another team without)", async () => {
    const cwd = tempDir('liaison-web-cwd-');
    writeFileSync(
      join(cwd, 'liaison.yaml'),
      `team: glance\nreleases-repo: ${RELEASES_DIR}\ngovernance-repo: ${GOVERNANCE_DIR}\n`,
    );
    const d = dash({ cwd });
    for (const team of ['glance', 'nova', 'glance']) {
      const web = (await (
        await d.app.request(`/api/brief?date=2026-11-27&team=${team}`)
      ).json()) as { dataSource: string };
      const cli = await runJson<{ dataSource: string }>(
        ['brief', '--date', '2026-11-27', '--team', team],
        { cwd },
      );
      expect(web, team).toEqual(cli);
    }
  });

  it('without ?date= a page uses the server clock (2026-11-27 here)', async () => {
    const d = dash();
    const body = (await (await d.app.request('/api/brief')).json()) as {
      date: string;
      week: string;
    };
    expect(body.date).toBe('2026-11-27');
    expect(body.week).toBe('R-17');
  });
});

describe('pages', () => {
  it('every page answers with navigation, data age or a notice', async () => {
    const d = dash();
    for (const page of PAGES) {
      const res = await d.app.request(`${page.path}?date=2026-11-27`);
      expect(res.status, page.path).toBe(200);
      expect(res.headers.get('content-security-policy')).toContain("script-src 'self'");
      const html = await res.text();
      expect(html.startsWith('<!doctype html>')).toBe(true);
      expect(html).toContain(`<h1>${page.title}</h1>`);
      for (const p of PAGES) expect(html).toContain(`href="${p.path}?date=2026-11-27"`);
      expect(html).toMatch(/<p class="age">|Not available yet|Source unavailable/);
    }
  });

  it('the overview shows the week, the timeline chart and the coming deadlines', async () => {
    const d = dash({ options: REAL_DATA });
    const html = await (await d.app.request('/?date=2026-11-27')).text();
    expect(html).toContain('R-17, from 2026-11-23');
    expect(html).toContain('Data as of 2026-08-21');
    expect(html).toMatch(/<svg[^>]+aria-label="Timeline of the indri cycle"/);
    expect(html).toContain('Indri-2 milestone');
    expect(html).toContain('Glance spec freeze');
  });

  it('the overview says the release actions first, each with its command', async () => {
    const d = dash({ options: REAL_DATA });
    const html = await (await d.app.request('/?date=2026-09-09')).text();
    const actions = html.indexOf('Release actions (hibiscus)');
    expect(actions).toBeGreaterThan(0);
    expect(actions).toBeLessThan(html.indexOf('Where the cycle is'));
    expect(html).toMatch(/<strong>glance: RC1<\/strong>, by Fri 11 Sep 2026/);
    expect(html).toContain('<code>liaison release propose glance rc</code>');
  });

  it('keeps ?team= in links and shows that team', async () => {
    const d = dash({ options: REAL_DATA });
    const html = await (await d.app.request('/schedule?team=nova&date=2026-11-27')).text();
    expect(html).toContain('nova release dashboard');
    expect(html).toContain('href="/?date=2026-11-27&amp;team=nova"');
    expect(html).toContain('href="/schedule.ics?date=2026-11-27&amp;team=nova"');
  });

  it('rejects a bad date or team with a 400 page, not a stack trace', async () => {
    const d = dash();
    let res = await d.app.request('/?date=2026-02-30');
    expect(res.status).toBe(400);
    expect(await res.text()).toContain('date=2026-02-30: expected YYYY-MM-DD');
    res = await d.app.request('/gate?team=..%2F..%2Fetc');
    expect(res.status).toBe(400);
    res = await d.app.request('/?team=no-such-team');
    expect(res.status).toBe(400);
    expect(await res.text()).toContain('unknown team');
    res = await d.app.request('/api/brief?team=no-such-team');
    expect(res.status).toBe(400);
    expect(((await res.json()) as { error: string }).error).toContain('unknown team');
    expect(d.logs.join('')).not.toContain('at ');
  });

  it('a missing releases source shows a notice, never a 500', async () => {
    const empty = tempDir('liaison-empty-');
    mkdirSync(join(empty, 'deliverables'));
    const d = dash({ options: { releasesRepo: empty } });
    for (const page of PAGES) {
      const res = await d.app.request(page.path);
      expect(res.status, page.path).toBeLessThan(500);
      const html = await res.text();
      expect(html).toMatch(/class="notice/);
    }
    const res = await d.app.request('/api/brief');
    expect(res.status).toBe(503);
    expect(((await res.json()) as { error: string }).error).toContain(
      'series_status.yaml not found',
    );
  });

  it('serves the calendar feed', async () => {
    const d = dash();
    const res = await d.app.request('/schedule.ics?date=2026-11-27');
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toContain('text/calendar');
    const ics = await res.text();
    expect(ics).toContain('BEGIN:VCALENDAR');
    expect(ics).toContain('Indri-2 milestone');
  });

  it('answers unknown paths with a 404 page', async () => {
    const d = dash();
    const res = await d.app.request('/nope');
    expect(res.status).toBe(404);
    expect(await res.text()).toContain('No page at /nope');
  });
});

describe('writes', () => {
  const form = (fields: Record<string, string>) => new URLSearchParams(fields).toString();
  const post = (
    d: TestDashboard,
    path: string,
    fields: Record<string, string>,
    headers: Record<string, string> = {},
  ) =>
    d.app.request(path, {
      method: 'POST',
      body: form(fields),
      headers: {
        'content-type': 'application/x-www-form-urlencoded',
        host: 'localhost',
        ...headers,
      },
    });
  const stateOf = async (d: TestDashboard, id: string) => {
    const v = (await (await d.app.request('/api/checklist?date=2026-11-27')).json()) as {
      items: { id: string; state: string; evidence: string | null }[];
    };
    return v.items.find((i) => i.id === id);
  };

  it('ticks and unticks a checklist item with the CSRF token, recording who and when', async () => {
    const d = dash();
    const before = (await (await d.app.request('/api/checklist?date=2026-11-27')).json()) as {
      items: { id: string; state: string }[];
    };
    const item = before.items.find((i) => i.state === 'open' || i.state === 'overdue');
    expect(item).toBeDefined();
    const html = await (await d.app.request('/checklist?date=2026-11-27')).text();
    expect(html).toContain(`name="csrf" value="${d.csrfToken}"`);
    const res = await post(d, '/checklist/done?date=2026-11-27', {
      csrf: d.csrfToken,
      id: item!.id,
      by: 'Ada',
    });
    expect(res.status).toBe(303);
    expect(res.headers.get('location')).toBe('/checklist?date=2026-11-27');
    const after = await stateOf(d, item!.id);
    expect(after?.state).toBe('done');
    expect(after?.evidence).toContain('Ada');
    expect(after?.evidence).toContain('2026-11-27');
    // the CLI sees the same tick in the same store
    const cli = await runJson<{ items: { id: string; state: string }[] }>([
      'checklist',
      '--date',
      '2026-11-27',
      '--db',
      d.dbPath,
    ]);
    expect(cli.items.find((i) => i.id === item!.id)?.state).toBe('done');
    expect(
      (await post(d, '/checklist/undo?date=2026-11-27', { csrf: d.csrfToken, id: item!.id }))
        .status,
    ).toBe(303);
    expect((await stateOf(d, item!.id))?.state).not.toBe('done');
  });

  it('refuses a write without the token, from another origin, or with a bad id', async () => {
    const d = dash();
    const id = (
      (await (await d.app.request('/api/checklist?date=2026-11-27')).json()) as {
        items: { id: string }[];
      }
    ).items[0]!.id;
    expect((await post(d, '/checklist/done', { id, by: 'Eve' })).status).toBe(403);
    expect(
      (await post(d, '/checklist/done', { csrf: 'x'.repeat(d.csrfToken.length), id, by: 'Eve' }))
        .status,
    ).toBe(403);
    expect(
      (
        await post(
          d,
          '/checklist/done',
          { csrf: d.csrfToken, id, by: 'Eve' },
          { origin: 'http://evil.example' },
        )
      ).status,
    ).toBe(403);
    const bad = await post(d, '/checklist/done', {
      csrf: d.csrfToken,
      id: 'no-such-item',
      by: 'Eve',
    });
    expect(bad.status).toBe(400);
    expect(await bad.text()).toContain('no checklist item "no-such-item"');
    expect((await post(d, '/checklist/done', { csrf: d.csrfToken, id, by: '' })).status).toBe(400);
    expect((await stateOf(d, id))?.state).not.toBe('done');
  });

  it('--read-only offers no forms and refuses writes', async () => {
    const d = dash({ readOnly: true });
    const html = await (await d.app.request('/checklist?date=2026-11-27')).text();
    expect(html).not.toContain('<form method="post"');
    expect(html).toContain('read-only');
    const id = (
      (await (await d.app.request('/api/checklist?date=2026-11-27')).json()) as {
        items: { id: string }[];
      }
    ).items[0]!.id;
    expect((await post(d, '/checklist/done', { csrf: d.csrfToken, id, by: 'Ada' })).status).toBe(
      403,
    );
  });

  it('GET never writes: only the POST routes exist for writes', async () => {
    const d = dash();
    expect((await d.app.request('/checklist/done?id=x&by=y')).status).toBe(404);
  });
});

describe('a page whose capability is not built yet', () => {
  it('says so on the page (200) and in its JSON twin (501), computing nothing', async () => {
    const { notYet } = await import('../../src/web/registry.js');
    const { renderPage, pageJson } = await import('../../src/web/render.js');
    const { Context } = await import('../../src/cli/context.js');
    const page = {
      id: 'meeting',
      title: 'Later',
      path: '/later',
      file: 'later.html',
      api: 'later',
      command: 'later',
      summary: 'something to come',
      load: notYet,
    } as const;
    const home = tempDir();
    const ctx = new Context(
      { date: '2026-11-27' },
      {
        stdout: () => undefined,
        stderr: () => undefined,
        env: { HOME: home },
        cwd: home,
        now: () => new Date(),
        isTTY: false,
      },
    );
    const env = {
      mode: 'static',
      today: ctx.today,
      team: 'glance',
      href: () => 'x.html',
      resource: (n: string) => n,
      formAction: () => '',
      subscribeUrl: null,
      csrf: null,
      who: '',
    } as const;
    const out = await renderPage(page, ctx, env);
    expect(out.status).toBe(200);
    expect(out.html).toContain(
      'Not available yet: this page will show something to come once `liaison later` is built.',
    );
    const json = await pageJson(page, ctx);
    expect(json.status).toBe(501);
    expect((json.body as { error: string }).error).toContain('Not available yet');
  });
});

import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { startServer } from '../../src/web/server.js';
import { runJson } from '../helpers/cli.js';
import { TestRepo } from '../helpers/git-repo.js';
import { tempDir } from '../helpers/tmp.js';
import { browserTests, launchChromium, watchConsole } from './browser.js';
import { testDashboard } from './dashboard.js';
import { DOM_FINDINGS, P } from './payloads.js';

/**
 * Notes and release status read a clone of the team's repository: a real
 * git repository with reno notes and a tag, whose note text and commit
 * subjects carry hostile strings.
 */
function glanceClone(): TestRepo {
  const repo = TestRepo.create({ startDate: '2026-06-01T10:00:00Z' });
  repo.commit('Initial commit', { 'README.rst': 'glance\n' });
  repo.commit('Add a feature note', {
    'releasenotes/notes/first-feature-0123456789abcdef.yaml': `---\nfeatures:\n  - |\n    First feature, released.\n`,
  });
  repo.tag('33.0.0.0b1');
  repo.commit(`Fix the importer ${P.script}`, {
    'releasenotes/notes/hostile-note-fedcba9876543210.yaml': `---\nprelude: >\n  Prelude ${P.img}\nfixes:\n  - |\n    Fixed ${P.svg} in the importer.\n`,
  });
  repo.commit(`Second change ${P.attr}`, { 'glance/x.py': 'x = 1\n' });
  return repo;
}

/** A dashboard whose config points the glance deliverable at the hostile clone. */
function cloneDashboard() {
  const repo = glanceClone();
  const dir = tempDir('liaison-web-clone-');
  const config = join(dir, 'liaison.yaml');
  writeFileSync(config, `team: glance\ndeliverables:\n  glance:\n    clone: ${repo.dir}\n`);
  return { repo, config, d: testDashboard({ options: { config }, home: dir, cacheMs: 0 }) };
}

const date = '2026-11-27';

describe('notes and release status pages on a clone', () => {
  it('show the same views as the commands, with hostile text escaped', async () => {
    const { repo, config, d } = cloneDashboard();
    try {
      const notes = await (await d.app.request(`/api/notes?date=${date}`)).json();
      expect(notes).toEqual(
        await runJson(['notes', 'report', '--repo', repo.dir, '--config', config, '--date', date]),
      );
      const releases = await (await d.app.request(`/api/releases?date=${date}`)).json();
      expect(releases).toEqual(
        await runJson(['release', 'status', '--config', config, '--date', date, '--db', d.dbPath]),
      );

      const notesHtml = await (await d.app.request(`/notes?date=${date}`)).text();
      expect(notesHtml).toContain('Next release of glance');
      expect(notesHtml).toContain(
        'Fixed &lt;svg onload=&quot;window.__xss=5&quot;&gt;&lt;/svg&gt; in the importer.',
      );
      expect(notesHtml).toContain('Prelude &quot;&gt;&lt;img');
      expect(notesHtml).toContain('First feature, released.');
      const relHtml = await (await d.app.request(`/releases?date=${date}`)).text();
      expect(relHtml).toContain(
        'Fix the importer &lt;script&gt;window.__xss=1;alert(1)&lt;/script&gt;',
      );
    } finally {
      d.close();
    }
  });

  it.runIf(browserTests)('run no script in Chromium (needs /usr/bin/chromium)', async () => {
    const { d } = cloneDashboard();
    const server = await startServer(d, '127.0.0.1', 0);
    const { browser, close } = await launchChromium();
    try {
      const page = await browser.newPage();
      const seen = watchConsole(page);
      for (const path of ['/notes', '/releases']) {
        await page.goto(`${server.url}${path}?date=${date}`);
        for (const s of await page.locator('summary').all()) await s.click();
        expect(await page.evaluate<string[]>(DOM_FINDINGS), path).toEqual([]);
      }
      expect(await page.evaluate<string>('document.body.innerText')).toContain(P.script);
      expect(seen).toEqual([]);
    } finally {
      await close();
      await server.close();
      d.close();
    }
  });
});

import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { PageId } from '../../src/web/panel.js';
import { PAGES } from '../../src/web/registry.js';
import { addLaunchpadRoutes } from '../bugs/launchpad-stand-in.js';
import { runCli, runJson } from '../helpers/cli.js';
import { GOVERNANCE_DIR, hasSharedData, RELEASES_DIR } from '../helpers/shared-data.js';
import { fixNote, note } from '../notes/helpers.js';
import { startScenario, stopScenario, type RunningScenario } from '../review/scenario.js';
import { testDashboard, type TestDashboard } from '../web/dashboard.js';

/**
 * The contract of the dashboard: every page's JSON twin `/api/<name>` is
 * exactly what its command prints with `--json`, after a full sync of the
 * loopback stand-in (Zuul builds, release requests, Launchpad bugs, Gerrit
 * changes) and with clones of the team's repositories (the review desk's
 * scenario). The pages are the web registry itself: a page added later is
 * compared here, or fails for want of an entry in TWIN_ARGS.
 */
const DATE = '2026-09-16'; // hibiscus R-2, inside the RC period: every page has something to say
const NOW = new Date('2026-09-16T08:00:00Z');

/** What each page's command needs beyond the shared flags (`page.command` names the command). */
const TWIN_ARGS: Readonly<Record<PageId, (clones: string) => readonly string[]>> = {
  overview: () => [],
  schedule: () => [],
  priorities: () => [],
  releases: (clones) => ['--clones', clones],
  stable: (clones) => ['--clones', clones],
  notes: (clones) => ['--repo', join(clones, 'glance')],
  gate: () => [],
  queue: () => [],
  bugs: () => [],
  freeze: () => [],
  goals: () => [],
  checklist: () => [],
  meeting: () => [],
  openstack: () => [],
};

describe.runIf(hasSharedData())('every /api/X is `liaison X --json` (needs ../shared/data)', () => {
  let running: RunningScenario | undefined;
  let d: TestDashboard | undefined;
  let shared: string[] = [];
  let env: Record<string, string> = {};
  let clones = '';

  beforeAll(async () => {
    running = await startScenario('liaison-contract-');
    const { stub, s, root } = running;
    addLaunchpadRoutes(stub);
    // notes for the notes page (the scenario's glance has none)
    s.repos.glance!.commit('A feature', {
      [note('feature-0000000000000002')]: '---\nfeatures:\n  - A new feature.\n',
    });
    s.repos.glance!.tag('33.0.0.0rc1');
    s.repos.glance!.commit('A fix', { [note('fix-0000000000000003')]: fixNote('A fix.') });
    clones = s.clones;
    const config = join(root, 'contract.yaml');
    writeFileSync(
      config,
      'team: glance\nlaunchpad: [glance]\n' +
        `clones-dir: ${clones}\n` +
        'sources:\n  retries: 0\n  min-interval-ms: 0\n  timeout-seconds: 5\n',
    );
    const db = join(root, 'store.db');
    env = stub.env();
    shared = [
      ...['--db', db, '--config', config],
      ...['--releases-repo', RELEASES_DIR, '--governance-repo', GOVERNANCE_DIR],
    ];
    const sync = await runCli(['sync', '--date', DATE, ...shared, '--json'], { env, now: NOW });
    expect(sync.code, sync.stderr).toBe(0);
    const report = JSON.parse(sync.stdout) as { sources: { name: string; error: string | null }[] };
    expect(report.sources.filter((x) => x.error !== null).map((x) => x.name)).toEqual([]);
    d = testDashboard({
      options: { db, config, releasesRepo: RELEASES_DIR, governanceRepo: GOVERNANCE_DIR },
      env,
      home: root,
    });
  }, 60_000);

  afterAll(async () => {
    d?.close();
    await stopScenario(running);
  });

  it('the registry names a command twin for every page', () => {
    const missing = PAGES.filter((p) => !(p.id in TWIN_ARGS)).map((p) => p.id);
    expect(missing, 'pages without a CLI twin mapping in TWIN_ARGS').toEqual([]);
  });

  it.each(PAGES.map((p) => [p.id, p] as const))('%s', async (_id, page) => {
    const res = await d!.app.request(`/api/${page.api}?date=${DATE}`);
    const body = await res.json();
    expect(res.status, JSON.stringify(body)).toBe(200);
    const cli = await runJson(
      [...page.command.split(' '), '--date', DATE, ...shared, ...TWIN_ARGS[page.id](clones)],
      { env, now: NOW },
    );
    expect(body).toEqual(cli);
  });
});

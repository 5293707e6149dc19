import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { addLaunchpadRoutes } from '../bugs/launchpad-stand-in.js';
import { runCli } from '../helpers/cli.js';
import { TestRepo } from '../helpers/git-repo.js';
import { GOVERNANCE_DIR, hasSharedData, RELEASES_DIR } from '../helpers/shared-data.js';
import { fixNote, note } from '../notes/helpers.js';
import { startScenario, stopScenario, type RunningScenario } from '../review/scenario.js';

/**
 * What the text renderers print, as files under __snapshots__/: a change
 * to any terminal, Markdown, IRC or RST output, or to a diff, shows in the
 * review as a change of these files (`npx vitest run test/snapshots -u`
 * rewrites them after an intended change). Each is the CLI's stdout for a
 * fixed date, so the views behind them are the real ones; temporary paths
 * and the stand-in's port are replaced by fixed words.
 */
const snap = (name: string) => join(import.meta.dirname, '__snapshots__', `${name}.txt`);

describe('text of the commands on the embedded data', () => {
  let home: string;
  const saved = { ...process.env };
  beforeAll(() => {
    home = mkdtempSync(join(tmpdir(), 'liaison-snap-'));
    // the Signed-off-by of a proposal is the git identity (git runs with this
    // process's environment): a fixed one, not the machine's
    const gitconfig = join(home, 'gitconfig');
    writeFileSync(gitconfig, '[user]\n\tname = Ada Liaison\n\temail = ada@example.org\n');
    process.env.GIT_CONFIG_GLOBAL = gitconfig;
    process.env.GIT_CONFIG_NOSYSTEM = '1';
  });
  afterAll(() => {
    process.env = saved;
    rmSync(home, { recursive: true, force: true });
  });
  const run = async (...argv: string[]) => {
    const r = await runCli([...argv, '--db', join(home, 'empty.db')], { cwd: home });
    expect(r.code, r.stderr).toBeLessThan(2);
    return r.stdout
      .replaceAll(home, '<home>')
      .replaceAll(RELEASES_DIR, '<releases>')
      .replaceAll(GOVERNANCE_DIR, '<governance>');
  };

  it.each([
    ['brief', ['brief', '--date', '2026-09-16']],
    ['schedule', ['schedule', '--date', '2026-09-16']],
    ['team', ['team', '--date', '2026-09-16']],
    ['checklist', ['checklist', '--date', '2026-09-16']],
    ['meeting-irc', ['meeting', '--date', '2026-09-16', '--format', 'irc']],
    ['meeting-md', ['meeting', '--date', '2026-09-16', '--format', 'md']],
    ['goals', ['goals', '--date', '2026-09-16']],
    ['goals-md', ['goals', '--date', '2026-09-16', '--format', 'md']],
    ['remind', ['remind', '--date', '2026-09-03']],
    ['release-status', ['release', 'status', '--date', '2026-08-21']],
    ['release-coverage', ['release', 'coverage', '--date', '2026-08-21']],
    ['release-rules', ['release', 'rules']],
    ['openstack', ['openstack', '--date', '2026-09-16']],
    ['countdown', ['countdown', '--date', '2026-09-16']],
    ['countdown-md', ['countdown', '--date', '2026-09-16', '--format', 'md']],
    ['priorities', ['priorities', '--date', '2026-09-16']],
    [
      'release-propose-rc',
      ['release', 'propose', 'glance', 'rc', '--series', 'hibiscus', '--date', '2026-09-03'],
    ],
    [
      'release-propose-feature',
      [
        'release',
        'propose',
        'glance-store',
        'feature',
        '--series',
        'hibiscus',
        '--date',
        '2026-06-30',
      ],
    ],
  ])('%s', async (name, argv) => {
    await expect(await run(...argv)).toMatchFileSnapshot(snap(name));
  });

  it.runIf(hasSharedData())(
    'release highlights add and validate (needs ../shared/data)',
    async () => {
      const data = ['--releases-repo', RELEASES_DIR, '--governance-repo', GOVERNANCE_DIR];
      await expect(
        await run(
          ...['release', 'highlights', 'add', 'Images import from a remote store in one call.'],
          ...['--series', 'flamingo', '--date', '2025-09-01', ...data],
        ),
      ).toMatchFileSnapshot(snap('release-highlights-add'));
      await expect(
        await run(
          ...['release', 'validate', 'deliverables/hibiscus/glance.yaml'],
          ...['--date', '2026-09-16', ...data],
        ),
      ).toMatchFileSnapshot(snap('release-validate'));
    },
  );
});

describe('text of the commands on a git repository', () => {
  /** A repository with notes, tags and a post-final constant; its hashes are fixed (dates, identity). */
  function project(): TestRepo {
    const repo = TestRepo.create({ startDate: '2026-03-01T10:00:00Z' });
    repo.commit('Start', {
      [note('start-0000000000000001')]:
        '---\nprelude: >\n  The theme of 1.0.\nfixes:\n  - A fix.\n',
      'glance/db/migration.py': "# db\n\nCURRENT_RELEASE = '2026_1'\nOTHER = 'x'\n",
    });
    repo.tag('1.0.0');
    repo.commit('A feature', {
      [note('feature-0000000000000002')]: '---\nfeatures:\n  - |\n    A feature with ``code``.\n',
    });
    repo.commit('Another fix', { [note('later-0000000000000003')]: fixNote('Another fix.') });
    return repo;
  }

  it.each([
    ['notes-report-rst', ['notes', 'report']],
    ['notes-report-md', ['notes', 'report', '--format', 'md']],
    ['notes-list', ['notes', 'list']],
    ['notes-check', ['notes', 'check']],
    ['post-final', ['post-final', '--task', 'glance-current-release', '--date', '2026-11-27']],
  ])('%s', async (name, argv) => {
    const repo = project();
    const r = await runCli([...argv, '--repo', repo.dir], { cwd: repo.dir });
    expect(r.code, r.stderr).toBeLessThan(2);
    await expect(r.stdout.replaceAll(repo.dir, '<repo>')).toMatchFileSnapshot(snap(name));
  });
});

describe.runIf(hasSharedData())(
  'text of the commands after a sync of the stand-in (needs ../shared/data)',
  () => {
    const DATE = '2026-09-16';
    let running: RunningScenario | undefined;
    let shared: string[] = [];
    let env: Record<string, string> = {};
    let sync = '';

    beforeAll(async () => {
      running = await startScenario('liaison-snap-live-');
      const { stub, s, root } = running;
      addLaunchpadRoutes(stub);
      const config = join(root, 'snap.yaml');
      writeFileSync(
        config,
        'team: glance\nlaunchpad: [glance]\n' +
          `clones-dir: ${s.clones}\n` +
          'sources:\n  retries: 0\n  min-interval-ms: 0\n  timeout-seconds: 5\n',
      );
      env = stub.env();
      shared = ['--db', join(root, 'store.db'), '--config', config, '--date', DATE];
      shared.push('--releases-repo', RELEASES_DIR, '--governance-repo', GOVERNANCE_DIR);
      const r = await runCli(['sync', ...shared], { env, now: new Date(`${DATE}T08:00:00Z`) });
      expect(r.code, r.stderr).toBe(0);
      sync = normalize(r.stdout);
    }, 60_000);
    afterAll(() => stopScenario(running));

    const normalize = (text: string) =>
      text
        .replaceAll(running?.stub.url ?? '\0', 'http://stand-in')
        .replaceAll(running?.root ?? '\0', '<root>')
        // where ../shared/data is differs between machines
        .replaceAll(RELEASES_DIR, '<releases>')
        .replaceAll(GOVERNANCE_DIR, '<governance>');

    it('sync', async () => {
      await expect(sync).toMatchFileSnapshot(snap('sync'));
    });

    it.each([
      ['gate', ['gate']],
      ['gate-irc', ['gate', '--format', 'irc']],
      ['bugs', ['bugs']],
      ['freeze', ['freeze']],
      ['review', ['review']],
      ['gate-queue', ['gate', '--queue']],
      ['release-stable', ['release', 'stable']],
      ['brief-synced', ['brief']],
    ])('%s', async (name, argv) => {
      const r = await runCli([...argv, ...shared], { env, now: new Date(`${DATE}T08:00:00Z`) });
      expect(r.code, r.stderr).toBeLessThan(2);
      await expect(normalize(r.stdout)).toMatchFileSnapshot(snap(name));
    });
  },
);

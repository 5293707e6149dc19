import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runCli } from '../helpers/cli.js';
import type { ServiceStub } from '../helpers/service-stub.js';
import {
  cliEnv,
  commonArgs,
  startScenario,
  stopScenario,
  type RunningScenario,
  type Scenario,
} from './scenario.js';

let stub: ServiceStub;
let s: Scenario;
let running: RunningScenario | undefined;
const creds = { LIAISON_GERRIT_USER: 'pdeore', LIAISON_GERRIT_PASSWORD: 'http-password' };

beforeAll(async () => {
  running = await startScenario('liaison-vote-');
  ({ stub, s } = running);
  const sync = await run(['sync', '--only', 'review']);
  expect(sync.code, sync.stderr).toBe(0);
}, 60_000);
afterAll(() => stopScenario(running));

function run(args: string[], env: Record<string, string> = {}) {
  return runCli(
    [...args, ...commonArgs(s), ...(args[0] === 'review' ? ['--clones', s.clones] : [])],
    { env: { ...cliEnv(stub, s), ...env }, now: new Date('2026-08-25T09:30:00Z') },
  );
}

describe('liaison review vote', () => {
  it('drafts a message listing what was checked and posts nothing without --apply', async () => {
    const r = await run(
      [
        'review',
        'vote',
        '960001',
        '+1',
        '--message',
        'The client is ready for Hibiscus-3.',
        '--json',
      ],
      creds,
    );
    expect(r.code, r.stderr).toBe(0);
    const out = JSON.parse(r.stdout) as {
      outcome: string;
      message: string;
      value: number;
      patchset: number;
    };
    expect(out).toMatchObject({ outcome: 'dry-run', value: 1, patchset: 1 });
    expect(out.message).toMatch(
      /^The client is ready for Hibiscus-3\.\n\nChecked with release-liaison on patch set 1:/,
    );
    expect(out.message).toContain('* python-glanceclient 4.13.0 (minor after 4.12.0)');
    expect(out.message).toContain('3 commits since 4.12.0, closing bug #2100001');
    expect(out.message).toMatch(/2 release notes added \((features, fixes|fixes, features)\)/);
    expect(out.message).toContain('the minor version step matches the changes');
    expect(s.posts).toHaveLength(0);
  });

  it('posts Code-Review -1 on the reviewed revision with --apply, once per change and revision', async () => {
    const r = await run(
      [
        'review',
        'vote',
        'https://review.opendev.org/c/openstack/releases/+/960002',
        '-1',
        '--apply',
        '--message',
        'Please release 5.7.0 instead.',
      ],
      creds,
    );
    expect(r.code, r.stderr).toBe(0);
    expect(r.stdout).toContain('Posted Code-Review-1 on change 960002 patch set 1');
    expect(s.posts).toHaveLength(1);
    const post = s.posts[0]!;
    const rev = s.changes.find((c) => c._number === 960002)?.current_revision;
    expect(post.path).toBe(`/gerrit/a/changes/openstack%2Freleases~960002/revisions/${rev}/review`);
    expect(post.headers.authorization).toBe(
      `Basic ${Buffer.from('pdeore:http-password').toString('base64')}`,
    );
    const body = JSON.parse(post.body) as { labels: Record<string, number>; message: string };
    expect(body.labels).toEqual({ 'Code-Review': -1 });
    expect(body.message).toMatch(/semantic versioning asks for 5\.7\.0/);
    const again = await run(['review', 'vote', '960002', '-1', '--apply'], creds);
    expect(again.code).toBe(0);
    expect(again.stdout).toContain('Already voted Code-Review-1 on change 960002');
    expect(s.posts).toHaveLength(1);
    const listed = await run(['review', '--json']);
    const req = (
      JSON.parse(listed.stdout) as {
        requests: { number: number; ourVote: { value: number } | null }[];
      }
    ).requests.find((x) => x.number === 960002);
    expect(req?.ourVote?.value).toBe(-1);
  });

  it('refuses clearly: no credentials (2), a newer patch set on Gerrit (1), an unknown change (2), a bad value (2)', async () => {
    const none = await run(['review', 'vote', '960003', '+1', '--apply'], {
      XDG_CONFIG_HOME: join(running!.root, 'nothing-here'),
    });
    expect(none.code).toBe(2);
    expect(none.stderr).toMatch(/no Gerrit credentials/);
    const c = s.changes.find((x) => x._number === 960003)!;
    c.current_revision = 'f'.repeat(40); // a new patch set was uploaded since the last sync
    const stale = await run(['review', 'vote', '960003', '+1', '--apply'], creds);
    expect(stale.code).toBe(1);
    expect(stale.stderr).toMatch(/change 960003: .*HTTP 409.*run `liaison sync`/);
    expect(stale.stderr).not.toMatch(/at .*\.ts:\d+/);
    const unknown = await run(['review', 'vote', '123456', '+1'], creds);
    expect(unknown.code).toBe(2);
    expect(unknown.stderr).toMatch(
      /change 123456 is not among the stored open release requests of glance/,
    );
    const bad = await run(['review', 'vote', '960001', '+2'], creds);
    expect(bad.code).toBe(2);
    expect(bad.stderr).toContain('VALUE: expected +1 or -1, got "+2"');
  });
});

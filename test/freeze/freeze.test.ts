import { chmodSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, test } from 'vitest';
import { openStore } from '../../src/store/db.js';
import { ALL_MIGRATIONS } from '../../src/app/migrations.js';
import { runCli } from '../helpers/cli.js';
import { startServiceStub, type FaultKind, type ServiceStub } from '../helpers/service-stub.js';
import { tempDir } from '../helpers/tmp.js';
import { addLaunchpadRoutes, standInConfig } from '../bugs/launchpad-stand-in.js';

interface FreezeJson {
  active: boolean;
  rcCount: number;
  changes: {
    number: number;
    project: string;
    branch: string;
    subject: string;
    class: string;
    reason: string;
    draft: string | null;
    posted: unknown;
  }[];
  dataAsOf: string | null;
  warnings: string[];
  votes: { number: number; outcome: string; detail: string }[] | null;
}

let stub: ServiceStub;
let dir: string;
let db: string;
let config: string;
const NOW = new Date('2026-09-16T08:00:00Z');
const CREDS = { LIAISON_GERRIT_USER: 'ravery', LIAISON_GERRIT_PASSWORD: 'http-pass' };

beforeEach(async () => {
  stub = await startServiceStub();
  addLaunchpadRoutes(stub);
  dir = tempDir('liaison-freeze-');
  db = join(dir, 'l.db');
  config = standInConfig(dir);
});
afterEach(async () => {
  await stub.close();
});

const run = (argv: string[], opts: { now?: Date; env?: Record<string, string> } = {}) => {
  const now = opts.now ?? NOW;
  return runCli(
    [...argv, '--db', db, '--config', config, '--date', now.toISOString().slice(0, 10)],
    {
      env: { ...stub.env(), ...opts.env },
      now,
    },
  );
};
async function freezeJson(
  argv: string[] = [],
  opts: Parameters<typeof run>[1] = {},
): Promise<FreezeJson & { code: number; stderr: string }> {
  const r = await run(['freeze', '--json', ...argv], opts);
  return { ...(JSON.parse(r.stdout || '{}') as FreezeJson), code: r.code, stderr: r.stderr };
}
const sync = (opts: Parameters<typeof run>[1] = {}) =>
  run(['sync', '--only', 'launchpad,gerrit', '--json'], opts);
const posts = () => stub.requests.filter((r) => r.method === 'POST');

/** A change nobody has blocked yet: 1000377 without its -2, under another number. */
function addUnblockedChange(number: number): void {
  const base = stub.gerrit.changes.find((c) => c._number === 1000377)!;
  const labels = { ...(base.labels as Record<string, unknown>), 'Code-Review': {} };
  stub.gerrit.changes.push({
    ...base,
    _number: number,
    id: `openstack%2Fglance~${number}`,
    labels,
    subject: 'Add <b>hostile</b> \u001b[31m subject',
  });
}

describe('liaison freeze (scenario: 2026-09-16, after Hibiscus RC1)', () => {
  test('before any sync: active, no changes stored, exit 0; --strict exits 3', async () => {
    const r = await run(['freeze']);
    expect(r.code).toBe(0);
    expect(r.stdout).toMatch(
      /Freeze for 2026\.2 Hibiscus \(glance\): active on master and stable\/2026\.2 of openstack\/glance/,
    );
    expect(r.stdout).toMatch(/Gerrit: no data — never synced/);
    expect(r.stdout).toMatch(/No open changes stored yet/);
    expect((await run(['freeze', '--strict'])).code).toBe(3);
  });

  test('classifies every open change with its reason; drafts a -2 only for the others', async () => {
    expect((await sync()).code).toBe(0);
    const q = stub.requests.find((r) => r.path === '/gerrit/changes/')?.query;
    expect(q?.get('q')).toBe(
      'is:open project:openstack/glance (branch:master OR branch:stable/2026.2)',
    );
    expect(q?.getAll('o')).toEqual(
      expect.arrayContaining(['CURRENT_REVISION', 'CURRENT_COMMIT', 'DETAILED_ACCOUNTS']),
    );
    const v = await freezeJson();
    expect(v).toMatchObject({ active: true, rcCount: 0, dataAsOf: '2026-09-16T08:00:00.000Z' });
    const byNumber = Object.fromEntries(v.changes.map((c) => [c.number, c]));
    expect(Object.fromEntries(v.changes.map((c) => [c.number, c.class]))).toEqual({
      1000233: 'automated',
      1000234: 'automated',
      1000235: 'automated',
      1000498: 'automated',
      998431: 'release-critical',
      1000377: 'other',
    });
    expect(byNumber[998431]).toMatchObject({ branch: 'stable/2026.2', draft: null });
    expect(byNumber[998431]?.reason).toMatch(/^Closes-Bug #2157431, tagged hibiscus-rc-potential/);
    expect(byNumber[1000377]?.draft).toMatch(
      /^Code-Review-2: stable\/2026\.2 is frozen for the Hibiscus RC period/,
    );
    expect(v.warnings.join(' ')).toMatch(
      /RC1 was due on 2026-09-10 but the release data shows no RC yet/,
    );
    // a dry run never posts
    const text = await run(['freeze']);
    expect(text.stdout).toMatch(/1000377 \(already -2 from ravery\)/);
    expect(posts()).toHaveLength(0);
  });

  test('outside the RC period: not active, and the Gerrit sync asks nothing', async () => {
    const before = new Date('2026-08-20T08:00:00Z');
    expect((await sync({ now: before })).code).toBe(0);
    expect(stub.count(/^\/gerrit\//)).toBe(0);
    const v = await freezeJson([], { now: before });
    expect(v).toMatchObject({ active: false, changes: [] });
    const text = await run(['freeze'], { now: before });
    expect(text.stdout).toMatch(/not active yet: it starts with RC1 \(Thu 10 Sep 2026\)/);
    expect((await run(['freeze', '--apply'], { now: before, env: CREDS })).code).toBe(1);
  });

  test('a team without cycle-with-rc deliverables has nothing to freeze', async () => {
    const r = await runCli(['freeze', '--team', 'oslo', '--db', db, '--date', '2026-09-16'], {
      env: stub.env(),
      now: NOW,
    });
    expect(r.code).toBe(0);
    expect(r.stdout).toMatch(
      /the team has no cycle-with-rc deliverable in hibiscus; nothing to freeze/,
    );
  });

  test('--apply posts each drafted -2 once (Basic auth, /a/ path, the draft as message) and keeps a ledger', async () => {
    addUnblockedChange(1000400);
    await sync();
    const r = await freezeJson(['--apply'], { env: CREDS });
    expect(r.code).toBe(0);
    expect(posts()).toHaveLength(1);
    const post = posts()[0]!;
    expect(post.path).toBe('/gerrit/a/changes/openstack%2Fglance~1000400/revisions/current/review');
    expect(post.headers.authorization).toBe(
      `Basic ${Buffer.from('ravery:http-pass').toString('base64')}`,
    );
    const body = JSON.parse(post.body) as {
      message: string;
      labels: Record<string, number>;
      notify: string;
    };
    expect(body.labels).toEqual({ 'Code-Review': -2 });
    expect(body.notify).toBe('OWNER_REVIEWERS');
    expect(body.message).toBe(r.changes.find((c) => c.number === 1000400)?.draft);
    expect(r.votes).toEqual([
      { number: 1000377, outcome: 'skipped', detail: 'already has a Code-Review -2 from ravery' },
      { number: 1000400, outcome: 'posted', detail: 'Code-Review -2 posted as ravery' },
    ]);
    expect(r.changes.find((c) => c.number === 1000400)?.posted).toMatchObject({ by: 'ravery' });
    // again: the ledger says it was done
    const again = await freezeJson(['--apply'], { env: CREDS });
    expect(posts()).toHaveLength(1);
    const second = again.votes?.find((v) => v.number === 1000400);
    expect(second?.outcome).toBe('skipped');
    expect(second?.detail).toMatch(/already voted by this tool/);
    const text = await run(['freeze'], {});
    expect(text.stdout).toMatch(/1000400 \(voted -2 on 2026-09-16\)/);
    expect(text.stdout).not.toContain('\u001b[31m');
  });

  test('a 403 "may not vote -2" is explained, exit 1, and nothing enters the ledger', async () => {
    addUnblockedChange(1000400);
    stub.gerrit.forbidMinus2.add(1000400);
    await sync();
    const r = await run(['freeze', '--apply'], { env: CREDS });
    expect(r.code).toBe(1);
    expect(r.stdout).toMatch(
      /1000400: failed — your account may not vote Code-Review -2 on stable\/2026\.2 \(HTTP 403\) \(Gerrit said: "Applying label "Code-Review": -2 is restricted"\)/,
    );
    const s = openStore(db, ALL_MIGRATIONS);
    expect(s.prepare('SELECT count(*) AS n FROM freeze_vote').get()).toEqual({ n: 0 });
    s.close();
    stub.gerrit.forbidMinus2.clear();
    expect((await run(['freeze', '--apply'], { env: CREDS })).code).toBe(0);
    expect(posts().map((p) => p.status)).toEqual([403, 200]);
  });

  test('credentials: a world-readable file is refused (exit 1), a 0600 one is used, none at all is a usage error', async () => {
    addUnblockedChange(1000400);
    await sync();
    const file = join(dir, 'gerrit-credentials');
    writeFileSync(file, 'username=ravery\npassword=http-pass\n');
    chmodSync(file, 0o644);
    const env = { LIAISON_GERRIT_CREDENTIALS: file };
    const refused = await run(['freeze', '--apply'], { env });
    expect(refused.code).toBe(1);
    expect(refused.stderr).toMatch(
      /gerrit-credentials is readable by other users \(mode 644\); refusing to use it\. Run: chmod 600/,
    );
    const none = await run(['freeze', '--apply'], {
      env: { LIAISON_GERRIT_CREDENTIALS: join(dir, 'missing'), HOME: dir },
    });
    expect(none.code).toBe(2);
    expect(posts()).toHaveLength(0);
    chmodSync(file, 0o600);
    expect((await run(['freeze', '--apply'], { env })).code).toBe(0);
    expect(posts()).toHaveLength(1);
  });

  const faults: [FaultKind, RegExp | null][] = [
    ['status', /answered HTTP 500/],
    ['html', /expected JSON, got an HTML page/],
    ['truncate', /malformed or truncated JSON|terminated|unreachable/],
    ['hang', /did not answer within 1 s/],
    // a JSON body without the )]}' line is still the same data: read, not refused
    ['no-xssi', null],
  ];
  test.each(faults)(
    'Gerrit fault %s: the sync says so and the stored changes stay usable',
    async (kind, message) => {
      await sync();
      const good = await freezeJson();
      stub.fault({ path: /^\/gerrit\/changes\/$/, kind });
      stub.touch();
      const later = new Date('2026-09-16T20:00:00Z');
      const r = await sync({ now: later });
      expect(r.code).toBe(0);
      const report = (
        JSON.parse(r.stdout) as {
          sources: { name: string; status: string; error: string | null }[];
        }
      ).sources.find((s) => s.name === 'gerrit');
      if (message) {
        expect(report?.status).toBe('failed');
        expect(report?.error).toMatch(message);
      } else {
        expect(report?.status).not.toBe('failed');
      }
      const after = await freezeJson([], { now: later });
      expect(after.changes).toEqual(good.changes);
      const text = await run(['freeze'], { now: later });
      expect(text.code).toBe(0);
      if (message)
        expect(text.stdout).toMatch(
          /Gerrit: stale since 2026-09-16 08:00 UTC — last sync 2026-09-16 20:00 UTC failed/,
        );
    },
  );
});

import { mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { SMTPServer } from 'smtp-server';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { packageRoot } from '../../src/core/package-root.js';
import { voteUrl } from '../../src/review/apply-vote.js';
import { parseReleaseChange } from '../../src/review/read-gerrit.js';
import { changeId, gerritUrl } from '../../src/sources/gerrit/ids.js';
import { HttpClient } from '../../src/sources/http/client.js';
import { ResponseTooLargeError } from '../../src/sources/http/errors.js';
import { runCli } from '../helpers/cli.js';
import { copyGovernance } from './helpers.js';
import {
  cliEnv,
  commonArgs,
  fixtureChanges,
  startScenario,
  stopScenario,
  type RunningScenario,
} from '../review/scenario.js';

/**
 * Issue 12 items 4, 5, 6 and 11 (mail headers): what a hostile service or
 * governance entry sends back. Ids never steer a URL, a password never goes
 * out without TLS, an endless or silent server costs a bounded amount, and
 * CR/LF never reaches a mail header.
 */
const STEER = '../../openstack%2Fnova~4242/revisions/current/submit?x=';

describe('ids from Gerrit (item 4)', () => {
  it('refuses a revision, number or project that is not an id where the body is read', () => {
    const good = fixtureChanges()[0]!;
    expect(() => parseReleaseChange(good, 'c')).not.toThrow();
    const bad = (patch: Record<string, unknown>) => () =>
      parseReleaseChange({ ...good, ...patch }, 'changes[0]');
    expect(bad({ current_revision: STEER })).toThrow(/"current_revision" is not a commit id/);
    expect(bad({ current_revision: 'A'.repeat(40) })).toThrow(/not a commit id/);
    expect(bad({ _number: -1 })).toThrow(/"_number" is not a change number/);
    expect(bad({ _number: 1.5 })).toThrow(/"_number"/);
    expect(bad({ project: '../../etc' })).toThrow(/"project" is not a project name/);
    expect(bad({ project: 'openstack/releases?x=1' })).toThrow(/"project"/);
  });

  it('builds every URL from checked, encoded segments', () => {
    expect(
      gerritUrl('https://r.example/', 'a', 'changes', changeId('openstack/releases', 12)),
    ).toBe('https://r.example/a/changes/openstack%2Freleases~12');
    const rev = 'a'.repeat(40);
    expect(
      voteUrl('https://r.example', { project: 'openstack/releases', number: 7, revision: rev }),
    ).toBe(`https://r.example/a/changes/openstack%2Freleases~7/revisions/${rev}/review`);
    expect(() =>
      voteUrl('https://r.example', { project: 'openstack/releases', number: 7, revision: STEER }),
    ).toThrow(/revision .* is not a valid id; refusing to use it/);
  });

  describe('end to end on the review stand-in', () => {
    let running: RunningScenario;
    beforeAll(async () => {
      running = await startScenario('liaison-hostile-review-');
    });
    afterAll(() => stopScenario(running));

    it('a stored steering revision never reaches a credentialed POST; a synced one fails the sync', async () => {
      const { stub, s } = running;
      const env = {
        ...cliEnv(stub, s),
        LIAISON_GERRIT_USER: 'liaison',
        LIAISON_GERRIT_PASSWORD: 'pw',
      };
      const run = (...argv: string[]) => runCli([...argv, ...commonArgs(s)], { env });
      expect((await run('sync', '--only', 'review')).code).toBe(0);
      // a store written before ids were checked: the revision of one request steers the path
      const number = s.changes[0]!._number;
      const db = new Database(s.dbPath);
      const row = db.prepare('SELECT record FROM review_request WHERE number = ?').get(number) as {
        record: string;
      };
      const data = JSON.parse(row.record) as Record<string, unknown>;
      db.prepare('UPDATE review_request SET revision = ?, record = ? WHERE number = ?').run(
        STEER,
        JSON.stringify({ ...data, revision: STEER }),
        number,
      );
      db.close();
      const vote = await run('review', 'vote', String(number), '+1', '--apply');
      expect(vote.code, vote.stderr).toBe(3);
      expect(vote.stderr).toMatch(/revision .* is not a valid id; refusing to use it/);
      expect(s.posts).toHaveLength(0);
      expect(stub.requests.some((r) => r.path.includes('submit'))).toBe(false);

      // the same value from Gerrit: the sync of that source fails and keeps the stored data
      s.changes[0] = { ...s.changes[0]!, current_revision: STEER };
      const sync = await run('sync', '--only', 'review', '--json');
      const report = (JSON.parse(sync.stdout) as { sources: { status: string; error: string }[] })
        .sources[0];
      expect(report?.status).toBe('failed');
      expect(report?.error).toMatch(/current_revision" is not a commit id/);
      expect(stub.requests.some((r) => r.path.includes('submit'))).toBe(false);
    });
  });
});

/** A real SMTP server on loopback that offers AUTH without STARTTLS, counting logins and messages. */
async function plainAuthServer() {
  const seen = { auth: 0, messages: 0 };
  const server = new SMTPServer({
    disabledCommands: ['STARTTLS'],
    allowInsecureAuth: true,
    logger: false,
    disableReverseLookup: true,
    closeTimeout: 100,
    onAuth(_auth, _session, cb) {
      seen.auth++;
      cb(null, { user: 'liaison' });
    },
    onData(stream, _session, cb) {
      seen.messages++;
      stream.resume();
      stream.on('end', () => {
        cb();
      });
    },
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const port = (server.server.address() as AddressInfo).port;
  return {
    seen,
    port,
    close: () =>
      new Promise<void>((r) => {
        server.close(() => {
          r();
        });
      }),
  };
}

describe('SMTP password only inside TLS (item 5)', () => {
  it('refuses AUTH without STARTTLS, unless mail.allow-plain-auth: true', async () => {
    const smtp = await plainAuthServer();
    const dir = mkdtempSync(join(tmpdir(), 'liaison-hostile-smtp-'));
    try {
      const args = (...more: string[]) => [
        'remind',
        '--send',
        '--smtp-url',
        `smtp://liaison@127.0.0.1:${smtp.port}`,
        '--date',
        '2026-12-17',
        '--db',
        join(dir, 'l.db'),
        ...more,
      ];
      const env = { LIAISON_SMTP_PASSWORD: 'sup3r-secret' };
      const refused = await runCli(args(), { env });
      expect(refused.code).toBe(3);
      expect(refused.stdout + refused.stderr).toMatch(
        /offers no STARTTLS: the password is not sent in clear/,
      );
      expect(smtp.seen).toEqual({ auth: 0, messages: 0 });
      const config = join(dir, 'liaison.yaml');
      const glance = readFileSync(join(packageRoot(), 'data', 'teams', 'glance.yaml'), 'utf8');
      writeFileSync(config, `${glance}\nmail:\n  allow-plain-auth: true\n`);
      const allowed = await runCli(args('--config', config), { env });
      expect(allowed.code, allowed.stderr).toBe(0);
      expect(smtp.seen.auth).toBeGreaterThan(0);
      expect(smtp.seen.messages).toBeGreaterThan(0);
    } finally {
      await smtp.close();
      rmSync(dir, { recursive: true, force: true });
    }
  });
});

/** A loopback stand-in for Zuul that streams JSON forever, or never answers. */
async function badServer(kind: 'endless' | 'silent'): Promise<{ url: string; server: Server }> {
  const server = createServer((req, res) => {
    if (kind === 'silent') return; // headers never come
    res.writeHead(200, { 'content-type': 'application/json' });
    res.write('[');
    const chunk = `${JSON.stringify({ _id: 1, job_name: 'x'.repeat(1000) })},`.repeat(64);
    const pump = () => {
      while (res.write(chunk)) {
        /* fill the socket buffer */
      }
    };
    res.on('drain', pump);
    req.on('close', () => res.destroy());
    pump();
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return { url: `http://127.0.0.1:${(server.address() as AddressInfo).port}`, server };
}

describe('endless and silent servers (item 6)', () => {
  it('stops reading an endless body at the cap, naming the source', async () => {
    const { url, server } = await badServer('endless');
    try {
      const http = new HttpClient({ source: 'zuul', maxBodyBytes: 2 * 1024 * 1024, retries: 3 });
      const before = process.memoryUsage().rss;
      const err = await http.getJson(`${url}/api/builds`).catch((e: unknown) => e);
      expect(err).toBeInstanceOf(ResponseTooLargeError);
      expect((err as Error).message).toMatch(/^zuul: .* sent more than 2 MB; stopped reading/);
      expect(http.stats.requests).toBe(1); // not retried
      expect(process.memoryUsage().rss - before).toBeLessThan(200 * 1024 * 1024);
    } finally {
      server.closeAllConnections();
      server.close();
    }
  });

  it('sync --only zuul: an endless answer and a silent server each cost one bounded failure', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'liaison-hostile-http-'));
    const endless = await badServer('endless');
    const silent = await badServer('silent');
    try {
      const config = join(dir, 'liaison.yaml');
      writeFileSync(
        config,
        'team: glance\nsources:\n  timeout-seconds: 1\n  retries: 3\n  retry-delay-ms: 10\n  min-interval-ms: 0\n  max-body-mb: 4\n',
      );
      const sync = async (base: string) => {
        const t0 = performance.now();
        const r = await runCli(
          [
            'sync',
            '--only',
            'zuul',
            '--json',
            '--config',
            config,
            '--db',
            join(dir, 'l.db'),
            '--date',
            '2026-09-16',
          ],
          { env: { LIAISON_ZUUL_URL: base } },
        );
        const zuul = (JSON.parse(r.stdout) as { sources: { status: string; error: string }[] })
          .sources[0];
        return { r, zuul, ms: performance.now() - t0 };
      };
      const big = await sync(endless.url);
      expect(big.zuul?.status).toBe('failed');
      expect(big.zuul?.error).toMatch(
        /sent more than 4 MB; stopped reading \(raise sources\.max-body-mb/,
      );
      const quiet = await sync(silent.url);
      expect(quiet.zuul?.status).toBe('failed');
      expect(quiet.zuul?.error).toMatch(/did not answer within 1 s/);
      // one time limit for the request, its retries included (not 4 × 1 s + waits)
      expect(quiet.ms).toBeLessThan(3500);
    } finally {
      for (const s of [endless.server, silent.server]) {
        s.closeAllConnections();
        s.close();
      }
      rmSync(dir, { recursive: true, force: true });
    }
  });
});

describe('CR/LF in governance names and e-mails (item 11)', () => {
  let dir: string;
  let gov: string;
  beforeAll(() => {
    dir = mkdtempSync(join(tmpdir(), 'liaison-hostile-mail-'));
    gov = copyGovernance(dir);
    const file = join(gov, 'reference', 'projects.yaml');
    const text = readFileSync(file, 'utf8')
      .replace(
        "email: 'cyril@redhat.com'",
        'email: "cyril@redhat.com\\r\\nBcc: victim@evil.example"',
      )
      .replace(
        "- name: 'Pranali Deore'",
        '- name: "Pranali\\r\\nBcc: victim@evil.example\\r\\nX: \\"y"',
      );
    writeFileSync(file, text);
  });
  afterAll(() => {
    rmSync(dir, { recursive: true, force: true });
  });

  it('never puts them in From/To: the name is flattened and quoted, the address left out with a note', async () => {
    const outbox = join(dir, 'outbox');
    const r = await runCli([
      'remind',
      '--outbox',
      outbox,
      '--governance-repo',
      gov,
      '--date',
      '2026-09-23',
      '--db',
      join(dir, 'l.db'),
      '--json',
    ]);
    expect(r.code, r.stderr).toBe(0);
    const view = JSON.parse(r.stdout) as { notes: string[] };
    expect(view.notes.join('\n')).toMatch(/has no usable e-mail address/);
    const mails = readdirSync(outbox).map((f) => readFileSync(join(outbox, f), 'latin1'));
    expect(mails.length).toBeGreaterThan(0);
    for (const m of mails) {
      const head = m.slice(0, m.indexOf('\r\n\r\n'));
      expect(head).not.toMatch(/^(Bcc|X):/im);
      expect(head).not.toContain('victim@evil.example>');
      expect(head).not.toMatch(/cyril@redhat\.com/);
      expect(head).toMatch(/^From: .*<pdeore@redhat\.com>$/m);
    }
  });
});

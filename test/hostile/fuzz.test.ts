import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { parseConfig } from '../../src/config/load.js';
import { LiaisonError } from '../../src/core/errors.js';
import { parseProjects } from '../../src/data/governance/projects.js';
import { parseDeliverable } from '../../src/data/releases/deliverables.js';
import { parseSchedule } from '../../src/data/releases/schedule.js';
import { parseScheduleLabels } from '../../src/data/releases/schedule-labels.js';
import { parseSeriesStatus } from '../../src/data/releases/series.js';
import { parseDeliverableText } from '../../src/release/validate/load.js';
import {
  decodeFileContent,
  parseFileList,
  parseReleaseChange,
} from '../../src/review/read-gerrit.js';
import { parseChangePage } from '../../src/sources/gerrit/parse.js';
import { parseJsonBody } from '../../src/sources/http/body.js';
import {
  parseBug,
  parseMilestonePage,
  parseTaskPage,
  parseTotalSize,
} from '../../src/sources/launchpad/parse.js';
import { readBuild } from '../../src/sources/zuul/builds.js';
import { packageRoot } from '../../src/core/package-root.js';
import { RELEASES_DIR, GOVERNANCE_DIR, SERVICE_SAMPLES_DIR } from '../helpers/shared-data.js';
import { runCli } from '../helpers/cli.js';
import { rawHttp } from './helpers.js';
import { servedDashboard } from './served.js';

/**
 * Generated hostile inputs (seeded, so a failure replays: the seed and the
 * case number are in the test name) fed to every reader: the YAML of
 * deliverables, series, schedules, governance and the team config; the JSON
 * of Gerrit, Zuul and Launchpad; request lines and headers to the server.
 * Each must give a value or a typed error (LiaisonError: one line, a
 * documented exit code) — never a TypeError, a RangeError or a crash.
 */
const SEED = 0x5eed1e55;

/** mulberry32: a small, good-enough PRNG with a reproducible sequence. */
function prng(seed: number) {
  let a = seed >>> 0;
  const next = () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
  const int = (n: number) => Math.floor(next() * n);
  const pick = <T>(xs: readonly T[]): T => xs[int(xs.length)] as T;
  return { next, int, pick };
}
type Rng = ReturnType<typeof prng>;

const NASTY_TEXT = [
  '\u0000',
  '\u001b[2J',
  '\u001b]8;;http://evil\u0007',
  '\u009b31m',
  '\u202e',
  '\r\n',
  '\ufeff',
  '\ud800',
  '"',
  "'",
  '\\',
  ': ',
  ' #',
  '- ',
  '&a',
  '*a',
  '!!binary',
  '!!python/object:os.system',
  '<<: *a',
  '{',
  '[',
  '%YAML 1.1',
  '---',
  '...',
  '|',
  '>-',
  '~',
  'null',
  '1e999',
  '0x7fffffffffffffffffff',
  '2026-02-30',
  'x'.repeat(5000),
];

/** A text mutated the ways a hostile or broken file would be. */
function mutateText(text: string, rng: Rng): string {
  let t = text;
  const rounds = 1 + rng.int(4);
  for (let i = 0; i < rounds; i++) {
    const at = rng.int(t.length + 1);
    switch (rng.int(9)) {
      case 0:
        t = t.slice(0, at) + rng.pick(NASTY_TEXT) + t.slice(at);
        break;
      case 1:
        t = t.slice(0, at); // truncated
        break;
      case 2: {
        // a line duplicated (duplicate keys, repeated entries)
        const start = t.lastIndexOf('\n', at) + 1;
        const end = t.indexOf('\n', at);
        const line = t.slice(start, end < 0 ? undefined : end);
        t = `${t.slice(0, start)}${line}\n${t.slice(start)}`;
        break;
      }
      case 3:
        t = t.replace(/\n {2}/g, rng.next() < 0.5 ? '\n ' : '\n\t'); // indentation broken
        break;
      case 4: {
        const depth = rng.pick([10, 99, 101, 500, 3000]);
        t = `${t.slice(0, at)}\nx: ${'['.repeat(depth)}${']'.repeat(depth)}\n${t.slice(at)}`;
        break;
      }
      case 5:
        t = `a0: &a0 [x, x, x, x, x, x, x, x]\n${[1, 2, 3, 4, 5, 6, 7]
          .map(
            (n) =>
              `a${n}: &a${n} [${Array(8)
                .fill(`*a${n - 1}`)
                .join(', ')}]`,
          )
          .join('\n')}\n${t}`;
        break;
      case 6:
        t = rng.pick(['', '~', '# only a comment', '[]', '42', '"a string"', '- a\n- b']);
        break;
      case 7: {
        // random bytes
        const bytes = Array.from({ length: 1 + rng.int(64) }, () =>
          String.fromCharCode(rng.int(0x250)),
        );
        t = t.slice(0, at) + bytes.join('') + t.slice(at);
        break;
      }
      default:
        t = t.replace(
          /: (\S+)/,
          (_m, v: string) =>
            `: ${rng.pick(['[', '{a: 1}', '*nope', `"${v}`, '!!int x', '-1', ''])}`,
        );
    }
  }
  return t;
}

/** A JSON value with one to three of its nodes replaced by hostile ones (or removed). */
function mutateJson(value: unknown, rng: Rng): unknown {
  const hostile = (): unknown =>
    rng.pick<unknown>([
      null,
      -1,
      0,
      1.5,
      2 ** 60,
      '',
      rng.pick(NASTY_TEXT),
      '../../x?y=1',
      'javascript:alert(1)',
      [],
      {},
      true,
      { _more_changes: true },
      'a'.repeat(100_000),
    ]);
  const copy = structuredClone(value);
  // every container and key of the copy, to pick from
  const slots: [Record<string, unknown> | unknown[], string | number][] = [];
  const walk = (v: unknown) => {
    if (Array.isArray(v))
      v.forEach((x, i) => {
        slots.push([v, i]);
        walk(x);
      });
    else if (typeof v === 'object' && v !== null)
      for (const k of Object.keys(v)) {
        slots.push([v as Record<string, unknown>, k]);
        walk((v as Record<string, unknown>)[k]);
      }
  };
  walk(copy);
  if (slots.length === 0 || rng.next() < 0.05) return hostile();
  for (let n = 1 + rng.int(3); n > 0; n--) {
    const [parent, key] = rng.pick(slots);
    if (rng.next() < 0.2 && !Array.isArray(parent)) Reflect.deleteProperty(parent, key);
    else (parent as Record<string | number, unknown>)[key] = hostile();
  }
  return copy;
}

/** A value, or a typed one-line error; anything else fails with the case that caused it. */
function settles(what: string, fn: () => unknown): 'value' | 'error' {
  try {
    fn();
    return 'value';
  } catch (e) {
    if (e instanceof LiaisonError) {
      expect(e.message, what).not.toMatch(/\n\s+at /);
      return 'error';
    }
    throw new Error(`${what}: ${e instanceof Error ? `${e.name}: ${e.message}` : String(e)}`, {
      cause: e,
    });
  }
}

/** Both outcomes happened: the inputs reached the error paths and the happy paths. */
function expectBoth(outcomes: readonly string[], what: string): void {
  expect(outcomes.filter((o) => o === 'error').length, `${what}: typed errors`).toBeGreaterThan(0);
  expect(outcomes.filter((o) => o === 'value').length, `${what}: values`).toBeGreaterThan(0);
}

const read = (path: string) => readFileSync(path, 'utf8');
const json = (name: string) => JSON.parse(read(join(SERVICE_SAMPLES_DIR, name))) as unknown;

describe(`YAML readers on generated hostile files (seed ${SEED})`, () => {
  const sources = {
    deliverable: read(join(RELEASES_DIR, 'deliverables', 'hibiscus', 'glance.yaml')),
    series: read(join(RELEASES_DIR, 'data', 'series_status.yaml')),
    schedule: read(join(RELEASES_DIR, 'doc', 'source', 'hibiscus', 'schedule.yaml')),
    labels: read(join(RELEASES_DIR, 'doc', 'source', 'hibiscus', 'schedule.rst')),
    config: read(join(packageRoot(), 'data', 'teams', 'glance.yaml')),
    projects: read(join(GOVERNANCE_DIR, 'reference', 'projects.yaml')).slice(0, 20_000),
  };
  const readers: Record<keyof typeof sources, (text: string) => unknown> = {
    deliverable: (t) => {
      parseDeliverableText(t);
      return parseDeliverable(t, 'deliverables/hibiscus/glance.yaml');
    },
    series: (t) => parseSeriesStatus(t, 'data/series_status.yaml'),
    schedule: (t) => parseSchedule(t, 'doc/source/hibiscus/schedule.yaml', 'hibiscus'),
    labels: (t) => parseScheduleLabels(t, 'hibiscus'),
    config: (t) => parseConfig(t, 'liaison.yaml'),
    projects: (t) => parseProjects(t, 'reference/projects.yaml'),
  };
  for (const [name, text] of Object.entries(sources) as [keyof typeof sources, string][]) {
    it(`${name}: 40 mutations each give a value or a typed error`, () => {
      const rng = prng(SEED ^ name.length ^ name.charCodeAt(0));
      const outcomes: string[] = [];
      for (let i = 0; i < 40; i++) {
        const mutated = mutateText(text, rng);
        outcomes.push(settles(`${name} case ${i}`, () => readers[name](mutated)));
      }
      // schedule.rst labels never fail: any text is a (possibly empty) list of labels
      if (name === 'labels') expect(outcomes.every((o) => o === 'value')).toBe(true);
      else expectBoth(outcomes, name);
    });
  }
});

describe(`the CLI on generated hostile configs (seed ${SEED})`, () => {
  it('20 configs: exit 0 or 2 with one line, never 70', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'liaison-hostile-fuzzcli-'));
    try {
      const rng = prng(SEED + 1);
      const base = read(join(packageRoot(), 'data', 'teams', 'glance.yaml'));
      const codes = new Set<number>();
      for (let i = 0; i < 20; i++) {
        const file = join(dir, `c${i}.yaml`);
        writeFileSync(file, mutateText(base, rng));
        const r = await runCli([
          'brief',
          '--config',
          file,
          '--date',
          '2026-09-16',
          '--db',
          join(dir, 'l.db'),
        ]);
        expect([0, 2], `case ${i}: ${r.stderr}`).toContain(r.code);
        expect(r.stderr, `case ${i}`).not.toMatch(/internal error|\n\s+at /);
        if (r.code === 2) expect(r.stderr.trim().split('\n'), `case ${i}`).toHaveLength(1);
        codes.add(r.code);
      }
      expect([...codes].sort()).toEqual([0, 2]);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});

describe(`service JSON readers on generated hostile bodies (seed ${SEED})`, () => {
  const cases: [string, unknown, (v: unknown) => unknown][] = [
    ['gerrit changes', json('gerrit-open-changes-stable.json'), (v) => parseChangePage(v)],
    [
      'gerrit release change',
      JSON.parse(read(join(packageRoot(), 'test', 'fixtures', 'review', 'releases-changes.json'))),
      (v) =>
        Array.isArray(v)
          ? v.map((c, i) => parseReleaseChange(c, `c${i}`))
          : parseReleaseChange(v, 'c'),
    ],
    [
      'gerrit file list',
      {
        'deliverables/hibiscus/glance.yaml': { status: 'M', lines_inserted: 4 },
        '/COMMIT_MSG': {},
      },
      (v) => parseFileList(v, 'files'),
    ],
    [
      'zuul builds',
      json('zuul-builds-periodic-glance.json'),
      (v) =>
        Array.isArray(v)
          ? v.map((b) => readBuild(b, 'openstack', 'https://zuul.example'))
          : readBuild(v, 'openstack', 'https://zuul.example'),
    ],
    ['launchpad tasks', json('launchpad-searchtasks-glance.json'), (v) => parseTaskPage(v)],
    ['launchpad bug', json('launchpad-bug-2157431.json'), (v) => parseBug(v)],
    [
      'launchpad milestones',
      json('launchpad-milestones-glance.json'),
      (v) => parseMilestonePage(v),
    ],
  ];
  for (const [name, sample, reader] of cases) {
    it(`${name}: 40 mutated bodies give a value or a typed error`, () => {
      const rng = prng(SEED ^ name.length);
      expect(settles(`${name} (sample)`, () => reader(sample))).toBe('value');
      const outcomes: string[] = [];
      for (let i = 0; i < 40; i++) {
        const body = mutateJson(sample, rng);
        outcomes.push(settles(`${name} case ${i}`, () => reader(body)));
        // the same body as text through the HTTP layer (XSSI prefix, truncation)
        const text = `${rng.next() < 0.5 ? ")]}'\n" : ''}${JSON.stringify(body)}`.slice(
          0,
          rng.next() < 0.2 ? rng.int(200) : undefined,
        );
        outcomes.push(
          settles(`${name} text case ${i}`, () =>
            reader(parseJsonBody(text, 'https://x.example/y')),
          ),
        );
      }
      expectBoth(outcomes, name);
    });
  }
  it('scalar bodies: base64 file contents and Launchpad sizes', () => {
    const rng = prng(SEED);
    for (let i = 0; i < 40; i++) {
      const text = mutateText('Z2xhbmNlCg==\n', rng);
      settles(`content case ${i}`, () => decodeFileContent(text, 'f'));
      settles(`size case ${i}`, () => parseTotalSize(mutateText('42', rng)));
    }
  });
});

describe(`the server on generated hostile requests (seed ${SEED})`, () => {
  const served = servedDashboard('liaison-hostile-fuzz-');

  it('120 generated requests: each answered with a status, and the server still serves', async () => {
    const { d, server, port } = served;
    const rng = prng(SEED);
    const targets = [
      '/',
      '/schedule',
      '/api/brief',
      '/checklist/done',
      '/schedule.ics',
      '/assets/app.js',
      '/nope',
    ];
    const pieces = [
      '?date=',
      '?team=',
      '&date=2026-13-45',
      '%',
      '%zz',
      '%00',
      '//',
      '/..',
      '#',
      '[',
      ']',
      '@',
      ':99999',
      'http://',
      '\u00ff',
      'x'.repeat(3000),
    ];
    const methods = ['GET', 'POST', 'HEAD', 'PUT', 'OPTIONS', 'DELETE', 'GET', 'GET'];
    const hosts = [
      `127.0.0.1:${port}`,
      'localhost',
      'evil.example',
      '',
      '[',
      '127.0.0.1:99999',
      'a b',
      `[::1]:${port}`,
    ];
    const statuses = new Map<number, number>();
    for (let i = 0; i < 120; i++) {
      let target = rng.pick(targets);
      for (let k = rng.int(3); k > 0; k--) target += rng.pick(pieces);
      if (rng.next() < 0.2) target = `http://${rng.pick(hosts)}${target}`;
      const method = rng.pick(methods);
      const host = rng.pick(hosts);
      const body =
        method === 'POST'
          ? `csrf=${rng.next() < 0.5 ? d.csrfToken : 'x'}&id=${rng.pick(pieces)}&by=${rng.pick(NASTY_TEXT.slice(0, 8))}`
          : '';
      const headers = [
        ...(host ? [`Host: ${host}`] : []),
        ...(body
          ? [
              'Content-Type: application/x-www-form-urlencoded',
              `Content-Length: ${Buffer.byteLength(body)}`,
            ]
          : []),
        'Connection: close',
      ];
      const answer = await rawHttp(
        port,
        Buffer.from(
          `${method} ${target} HTTP/1.1\r\n${headers.join('\r\n')}\r\n\r\n${body}`,
          'latin1',
        ),
        3000,
      );
      const status = Number(/^HTTP\/1\.1 (\d{3})/.exec(answer)?.[1] ?? 0);
      expect(status, `case ${i}: ${method} ${target.slice(0, 80)} Host: ${host}`).toBeGreaterThan(
        0,
      );
      expect(status, `case ${i}`).not.toBe(500);
      statuses.set(status, (statuses.get(status) ?? 0) + 1);
    }
    // refusals were exercised, and a normal page is still served
    expect(statuses.get(400) ?? 0).toBeGreaterThan(0);
    expect(statuses.get(421) ?? 0).toBeGreaterThan(0);
    expect((await fetch(`${server.url}/schedule?date=2026-11-27`)).status).toBe(200);
    expect(d.logs.join('')).not.toMatch(/internal error/);
  });
});

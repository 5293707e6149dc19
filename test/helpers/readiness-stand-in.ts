import { execFileSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { packageRoot } from '../../src/core/package-root.js';
import { sampleJson, type ServiceStub, type StubRequest } from './service-stub.js';
import { TestRepo } from './git-repo.js';
import { tempDir } from './tmp.js';

/**
 * The readiness views' part of the loopback stand-in (added to a running
 * `startServiceStub()` with `addReadinessRoutes(stub)`): Launchpad
 * blueprint collections and entries, Gerrit changes implementing
 * blueprints and open backports, Zuul's status and gate buildsets. The
 * answers are the fixtures of test/fixtures/readiness (written from the
 * documentation) and generated records in the recorded shapes.
 */

export const READINESS_FIXTURES = join(packageRoot(), 'test', 'fixtures', 'readiness');

export function fixture(name: string): unknown {
  return JSON.parse(readFileSync(join(READINESS_FIXTURES, name), 'utf8')) as unknown;
}

type Rec = Record<string, unknown>;

export interface ReadinessState {
  /** Zuul `/status` body (default: the recorded sample). */
  status: unknown;
  /** Gate buildsets served by `/buildsets?pipeline=gate`, any order. */
  gateBuildsets: Rec[];
  implementing: Rec[];
  backports: Rec[];
  /** Launchpad series collections by `<project>/<series>`. */
  blueprints: Map<string, Rec>;
}

/** Gerrit's order: newest `updated` first; `n`/`S` paging with `_more_changes` on the last element. */
function gerritPage(all: readonly Rec[], q: URLSearchParams): Rec[] {
  const sorted = [...all].sort((a, b) => String(b.updated).localeCompare(String(a.updated)));
  const start = Number(q.get('S') ?? 0);
  const n = Number(q.get('n') ?? 500);
  const page = sorted.slice(start, start + n).map((c) => ({ ...c }));
  if (start + n < sorted.length && page.length) page[page.length - 1]!._more_changes = true;
  return page;
}

export function addReadinessRoutes(stub: ServiceStub): ReadinessState {
  const state: ReadinessState = {
    status: sampleJson('zuul-status.json'),
    gateBuildsets: [],
    implementing: fixture('gerrit-implementing-changes.json') as Rec[],
    backports: fixture('gerrit-open-backports.json') as Rec[],
    blueprints: new Map([
      ['glance/gazpacho', fixture('launchpad-blueprints-glance-gazpacho.json') as Rec],
      ['glance-store/gazpacho', fixture('launchpad-blueprints-glance-store-gazpacho.json') as Rec],
    ]),
  };
  const stableSample = (sampleJson('gerrit-open-changes-stable.json') as Rec[]).map((c) => {
    const copy = { ...c };
    delete copy._more_changes;
    return copy;
  });
  stub.route('GET', /^\/gerrit\/changes\/$/, (r: StubRequest) => {
    const q = r.query.get('q') ?? '';
    let list: Rec[];
    if (q.includes('message:"blueprint ')) list = state.implementing;
    else if (q.startsWith('is:open') && !q.includes('branch:master'))
      // the stable branches: the fixture's backports, plus the sample's changes on stable/2026.2
      list = [...state.backports, ...stableSample.filter((c) => c.branch !== 'master')];
    else list = stableSample;
    return { body: gerritPage(list, r.query), xssi: true };
  });
  stub.route('GET', /^\/launchpad\/devel\/[^/]+\/[^/]+\/valid_specifications$/, (r) => {
    const [, , , project = '', series = ''] = r.path.split('/');
    return {
      body:
        state.blueprints.get(`${project}/${series}`) ?? fixture('launchpad-blueprints-empty.json'),
    };
  });
  stub.route('GET', /^\/launchpad\/devel\/[^/]+\/\+spec\/[^/]+$/, (r) => {
    const parts = r.path.split('/');
    const project = parts[3] ?? '';
    const name = decodeURIComponent(parts[5] ?? '');
    for (const [key, page] of state.blueprints) {
      if (!key.startsWith(`${project}/`)) continue;
      const hit = (page.entries as Rec[]).find((e) => e.name === name);
      if (hit) return { body: hit };
    }
    return {
      status: 404,
      body: `Object: <Product ${project}>, name: '+spec/${name}'\n`,
      conditional: false,
    };
  });
  stub.route('GET', /^\/zuul\/api\/tenant\/[^/]+\/status$/, () => ({
    body: state.status,
    // Zuul's status changes every second: no validators
    conditional: false,
  }));
  stub.route('GET', /^\/zuul\/api\/tenant\/[^/]+\/buildsets$/, (r) => {
    if (r.query.get('pipeline') !== 'gate')
      return { body: sampleJson('zuul-buildsets-periodic-glance.json') };
    const projects = r.query.getAll('project');
    let rows = [...state.gateBuildsets].sort((a, b) => Number(b._id) - Number(a._id));
    if (projects.length)
      rows = rows.filter((b) =>
        projects.includes((b.refs as { project?: string }[])[0]?.project ?? ''),
      );
    const idxMax = r.query.get('idx_max');
    if (idxMax !== null) rows = rows.filter((b) => Number(b._id) <= Number(idxMax));
    return { body: rows.slice(0, Number(r.query.get('limit') ?? 50)) };
  });
  return state;
}

/**
 * Gate buildsets in the recorded shape: `perDay` merged changes a day from
 * `from` to `to` (exclusive), each `minutes(day)` from entering the gate
 * to its report; `_id`s increase with time from `firstId`.
 */
export function gateBuildsets(opts: {
  readonly from: string;
  readonly to: string;
  readonly perDay: number;
  readonly minutes: (day: string) => number;
  readonly project?: string;
  readonly firstId?: number;
}): Rec[] {
  const out: Rec[] = [];
  let id = opts.firstId ?? 20_000_000;
  for (
    let t = Date.parse(`${opts.from}T00:00:00Z`);
    t < Date.parse(`${opts.to}T00:00:00Z`);
    t += 86_400_000
  ) {
    const day = new Date(t).toISOString().slice(0, 10);
    for (let i = 0; i < opts.perDay; i++) {
      const event = new Date(t + (9 + i * 3) * 3_600_000);
      const end = new Date(event.getTime() + opts.minutes(day) * 60_000);
      const fmt = (d: Date) => d.toISOString().slice(0, 19);
      const change = 990000 + out.length;
      out.push({
        _id: id++,
        uuid: createHash('md5').update(`gate/${day}/${i}`).digest('hex'),
        result: 'SUCCESS',
        message: 'Build succeeded.',
        pipeline: 'gate',
        event_id: createHash('md5').update(`event/${day}/${i}`).digest('hex'),
        event_timestamp: fmt(event),
        first_build_start_time: fmt(new Date(event.getTime() + 60_000)),
        last_build_end_time: fmt(end),
        refs: [
          {
            project: opts.project ?? 'openstack/glance',
            branch: 'master',
            change,
            patchset: 2,
            ref: `refs/changes/${String(change % 100).padStart(2, '0')}/${change}/2`,
            oldrev: null,
            newrev: null,
            ref_url: `https://review.opendev.org/c/${opts.project ?? 'openstack/glance'}/+/${change}`,
          },
        ],
      });
    }
  }
  return out;
}

/** A copy of the recorded Zuul status whose integrated queue holds `n` live items (the sample's first three, then copies). */
export function statusWithQueue(n: number): unknown {
  const s = structuredClone(sampleJson('zuul-status.json')) as Rec;
  const gate = (s.pipelines as Rec[]).find((p) => p.name === 'gate')!;
  const queue = (gate.change_queues as Rec[])[0]!;
  const head = (queue.heads as Rec[][])[0]!;
  const items: Rec[] = [];
  for (let i = 0; i < n; i++) {
    const base = head[i % head.length]!;
    items.push(
      i < head.length
        ? base
        : {
            ...base,
            id: `copy-${i}`,
            refs: [
              { ...(base.refs as Rec[])[0], project: 'openstack/nova', id: `${1001000 + i},1` },
            ],
          },
    );
  }
  queue.heads = n === 0 ? [] : [items];
  if (n === 0) gate.change_queues = [];
  return s;
}

/**
 * A specs repository like glance-specs, written for the tests (real git,
 * synthetic text in the real layout): the 2026.1 series with six approved
 * specs (one glance, five glance_store; two spec lites), templates and
 * indexes, one implemented glance spec, and a 2026.2 folder with templates only.
 */
export function specsRepository(): TestRepo {
  const r = TestRepo.create({ startDate: '2025-12-01T10:00:00Z' });
  const licence = `..\n This work is licensed under a Creative Commons Attribution 3.0 Unported\n License.\n\n http://creativecommons.org/licenses/by/3.0/legalcode\n\n`;
  const full = (title: string, project: string, bp: string, assignee: string) =>
    `${licence}${'='.repeat(title.length)}\n${title}\n${'='.repeat(title.length)}\n\nhttps://blueprints.launchpad.net/${project}/+spec/${bp}\n\nA synthetic spec for the tests.\n\nProblem description\n===================\n\nSomething is missing.\n\nImplementation\n==============\n\nAssignee(s)\n-----------\n\nPrimary assignee:\n  ${assignee}\n\nOther contributors:\n  None\n`;
  const lite = (title: string, assignee: string) =>
    `${licence}${'='.repeat(title.length)}\n${title}\n${'='.repeat(title.length)}\n\n:project: glance_store\n\n:problem: Something is missing.\n\n:solution: Add it.\n\n:impacts: None\n\n:link: None\n\n:assignee: ${assignee}\n`;
  const templates = (series: string) => ({
    [`specs/${series}/index.rst`]: `${series} specs\n`,
    [`specs/${series}/approved/index.rst`]: `Approved\n========\n`,
    [`specs/${series}/implemented/index.rst`]: `Implemented\n===========\n`,
    [`specs/${series}/approved/glance/template.rst`]: full(
      'Example Spec - The title of your blueprint',
      'glance',
      'example',
      'launchpad-id',
    ),
    [`specs/${series}/approved/glance/spec-lite-template.rst`]: lite(
      'Spec Lite: <Your Title Here>',
      '<launchpad-id>',
    ),
    [`specs/${series}/approved/glance_store/template.rst`]: full(
      'Example Spec - The title of your blueprint',
      'glance-store',
      'example',
      'launchpad-id',
    ),
    [`specs/${series}/approved/glance_store/spec-lite-template.rst`]: lite(
      'Spec Lite: <Your Title Here>',
      '<launchpad-id>',
    ),
  });
  r.commit('Add 2026.1 directory for specs', templates('2026.1'));
  r.commit('Add the suggested stores spec', {
    'specs/2026.1/approved/glance/download-from-suggested-stores.rst': full(
      'Download Image from Suggested Stores',
      'glance',
      'download-from-specific-store',
      'abhishek-kekane',
    ),
  });
  r.commit('Add two spec lites', {
    'specs/2026.1/approved/glance_store/spec-lite-cinder-application-credential-support.rst': lite(
      'Spec Lite: Application Credentials for the Cinder Backend',
      'abhishekk',
    ),
    'specs/2026.1/approved/glance_store/spec-lite-swift-application-credential-support.rst': lite(
      'Spec Lite: Application Credentials for the Swift Backend',
      'abhishekk',
    ),
  });
  r.commit('Add three glance_store specs', {
    'specs/2026.1/approved/glance_store/filesystem-timeout-protection.rst': full(
      'Filesystem Driver Timeout Protection',
      'glance-store',
      'filesystem-timeout-protection',
      'abhishek-kekane',
    ),
    'specs/2026.1/approved/glance_store/rbd-erasure-coded-pools.rst': full(
      'RBD Erasure-Coded Pools Support',
      'glance',
      'rbd-erasure-coded-pools',
      'cyril-roelandt',
    ),
    'specs/2026.1/approved/glance_store/s3-boto3-checksum-improvements.rst': full(
      'S3 Store Boto3 Checksum Behaviour',
      'glance-store',
      's3-boto3-checksum-improvements',
      'abhishekk',
    ),
  });
  r.commit('Move the cache prefetch policy spec to implemented', {
    'specs/2026.1/implemented/glance/cache-prefetch-policy.rst': full(
      'Cache Prefetch Policy',
      'glance',
      'cache-prefetch-policy',
      'pdeore',
    ),
  });
  r.commit('Add 2026.2 directory for specs', templates('2026.2'));
  return r;
}

/** Runs git in `dir` at a fixed day. */
function gitAt(dir: string, day: string, ...args: string[]): void {
  const date = `${day}T12:00:00Z`;
  execFileSync('git', args, {
    cwd: dir,
    env: { ...process.env, GIT_AUTHOR_DATE: date, GIT_COMMITTER_DATE: date },
    stdio: 'ignore',
  });
}

/**
 * A glance history with old unmaintained and end-of-life branches that got
 * commits after their last tag (as real ones do), a maintained branch with
 * nothing new and one with two fixes.
 */
export function glanceClone(): string {
  const r = TestRepo.create();
  const commit = (day: string, message: string) => {
    gitAt(r.dir, day, 'commit', '-q', '--allow-empty', '-m', message);
  };
  commit('2022-09-01', 'Zed work');
  gitAt(r.dir, '2022-09-20', 'tag', '-a', '25.0.0', '-m', '25.0.0');
  for (const b of ['unmaintained/zed', 'unmaintained/yoga', 'stable/2024.2']) {
    r.branch(b);
    r.checkout(b);
    commit('2026-08-01', `Backport a fix to ${b}\n\nCloses-Bug: #2000001\n`);
    r.checkout('master');
  }
  commit('2025-09-01', 'Flamingo work');
  gitAt(r.dir, '2025-09-20', 'tag', '-a', '31.0.0', '-m', '31.0.0');
  r.branch('stable/2025.2');
  commit('2026-03-01', 'Gazpacho work');
  gitAt(r.dir, '2026-03-20', 'tag', '-a', '32.0.0', '-m', '32.0.0');
  r.branch('stable/2026.1');
  r.checkout('stable/2026.1');
  commit(
    '2026-06-01',
    'Fix image import status after staging failure\n\nCloses-Bug: #2157431\nChange-Id: I1\n',
  );
  commit(
    '2026-07-01',
    'Fix two races in the rbd driver\n\nCloses-Bug: #2160002\nCloses-Bug: #2160003\nRelated-Bug: #2160009\n',
  );
  r.checkout('master');
  const clones = tempDir('liaison-stable-clones-');
  execFileSync('git', ['clone', '-q', r.dir, join(clones, 'glance')]);
  return clones;
}

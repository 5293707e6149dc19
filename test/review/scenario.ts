import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { packageRoot } from '../../src/core/package-root.js';
import { TestRepo } from '../helpers/git-repo.js';
import { RELEASES_DIR } from '../helpers/shared-data.js';
import { startServiceStub, type ServiceStub, type StubRequest } from '../helpers/service-stub.js';
import { tempDir } from '../helpers/tmp.js';

/**
 * The review desk's end-to-end scenario (date 2026-08-25, Hibiscus R-5):
 * real git repositories for glance, glance_store, python-glanceclient and
 * glance-tempest-plugin; the recorded-shape changes of
 * test/fixtures/review; deliverable file contents made from the real
 * files with the test repositories' hashes; routes on the loopback
 * stand-in for the queries, file lists and contents.
 */

const FIXTURES = join(packageRoot(), 'test', 'fixtures', 'review');
export const TODAY = '2026-08-25';

export type Change = Record<string, unknown> & {
  _number: number;
  current_revision: string;
  project: string;
};

export function fixtureChanges(): Change[] {
  return JSON.parse(readFileSync(join(FIXTURES, 'releases-changes.json'), 'utf8')) as Change[];
}

export function fixtureFiles(): Record<string, Record<string, Record<string, unknown>>> {
  return JSON.parse(readFileSync(join(FIXTURES, 'releases-files.json'), 'utf8')) as Record<
    string,
    Record<string, Record<string, unknown>>
  >;
}

const real = (path: string) => readFileSync(join(RELEASES_DIR, path), 'utf8');

/** Inserts a release entry after the last `hash:` line of `releases:` (where the tooling appends). */
export function appendRelease(text: string, version: string, repo: string, hash: string): string {
  const lines = text.split('\n');
  const end = lines.findIndex(
    (l, i) =>
      i > 0 &&
      /^[a-z-]+:/.test(l) &&
      lines.slice(0, i).some((x) => x === 'releases:') &&
      !l.startsWith('releases:'),
  );
  const at = end < 0 ? (lines[lines.length - 1] === '' ? lines.length - 1 : lines.length) : end;
  const entry = [
    `  - version: ${version}`,
    '    projects:',
    `      - repo: ${repo}`,
    `        hash: ${hash}`,
  ];
  lines.splice(at, 0, ...entry);
  return lines.join('\n');
}

export interface Scenario {
  readonly clones: string;
  readonly repos: Record<string, TestRepo>;
  readonly store?: TestRepo;
  readonly hashes: Record<string, string>;
  /** `revision|path|old|new` → text. */
  readonly contents: Map<string, string>;
  readonly changes: Change[];
  readonly files: Record<string, Record<string, Record<string, unknown>>>;
  readonly configFile: string;
  readonly dbPath: string;
  readonly posts: StubRequest[];
}

/** `root`: a folder to build in (default: a temporary one removed after the test). */
export function buildScenario(root: string = tempDir('liaison-review-')): Scenario {
  const clones = join(root, 'clones');
  mkdirSync(clones);
  const make = (name: string) => {
    const repo = new TestRepo(join(clones, name));
    mkdirSync(repo.dir);
    for (const args of [
      ['init', '-q', '-b', 'master'],
      ['config', 'commit.gpgSign', 'false'],
      ['config', 'tag.gpgSign', 'false'],
      ['config', 'gc.auto', '0'],
      ['config', 'maintenance.auto', 'false'],
    ]) {
      repo.git(...args);
    }
    return repo;
  };
  const note = (name: string, section: string, text: string) => ({
    [`releasenotes/notes/${name}.yaml`]: `---\n${section}:\n  - ${text}\n`,
  });

  const client = make('python-glanceclient');
  const c0 = client.commit('Initial client', { 'README.rst': 'client\n' });
  client.tag('4.12.0');
  client.commit('Fix image download retry\n\nCloses-Bug: #2100001', {
    'glanceclient/download.py': 'retry = 3\n',
    ...note('fix-retry-1a2b3c4d5e6f7a8b', 'fixes', 'Downloads are retried.'),
  });
  client.commit('Add --store option to image-import\n\nImplements: blueprint multi-store-import', {
    'glanceclient/import.py': 'store = None\n',
    ...note('store-option-9f8e7d6c5b4a3f2e', 'features', 'image-import takes --store.'),
  });
  client.git('checkout', '-q', '-b', 'topic');
  client.commit('Tidy the docs', { 'doc.rst': 'docs\n' });
  client.checkout('master');
  const c1 = client.merge('topic', 'Merge "Tidy the docs"');

  const store = make('glance_store');
  const s0 = store.commit('Initial store', { 'README.rst': 'store\n' });
  store.tag('5.6.0');
  store.branch('stable/2026.1');
  store.commit('Fix rbd chunk size\n\nCloses-Bug: #2100002', {
    'glance_store/rbd.py': 'chunk = 8\n',
  });
  const s2 = store.commit('Add s3 multipart upload\n\nSem-Ver: feature', {
    'glance_store/s3.py': 'multipart = True\n',
  });

  const plugin = make('glance-tempest-plugin');
  const t0 = plugin.commit('Initial plugin', { 'README.rst': 'plugin\n' });
  plugin.tag('0.16.0');

  const glance = make('glance');
  const g0 = glance.commit('Initial glance', { 'README.rst': 'glance\n' });
  glance.tag('33.0.0.0b2');
  glance.commit('Fix image cache', { 'glance/cache.py': 'x = 1\n' });

  const hashes = { c0, c1, s0, s2, t0, g0, missing: 'deadbeef'.repeat(5) };
  const changes = fixtureChanges();
  const files = fixtureFiles();
  const rev = (n: number) => changes.find((c) => c._number === n)?.current_revision ?? '';
  const contents = new Map<string, string>();
  const put = (n: number, path: string, old: string | null, now: string | null) => {
    if (old !== null) contents.set(`${rev(n)}|${path}|old`, old);
    if (now !== null) contents.set(`${rev(n)}|${path}|new`, now);
  };
  const clientOld = real('deliverables/hibiscus/python-glanceclient.yaml').replace(
    '0b06bb41ca9e24bf52ffb7c7a383b523208a106a',
    c0,
  );
  put(
    960001,
    'deliverables/hibiscus/python-glanceclient.yaml',
    clientOld,
    appendRelease(clientOld, '4.13.0', 'openstack/python-glanceclient', c1),
  );
  const storeOld = real('deliverables/hibiscus/glance-store.yaml').replace(
    '149c15978b374b837e3ce28a06d7da0f1fb6bf79',
    s0,
  );
  put(
    960002,
    'deliverables/hibiscus/glance-store.yaml',
    storeOld,
    appendRelease(storeOld, '5.6.1', 'openstack/glance_store', s2),
  );
  const pluginOld = real('deliverables/hibiscus/glance-tempest-plugin.yaml').replace(
    '0150b39191c67704151812a4fea18a5fe5271cd3',
    t0,
  );
  put(
    960003,
    'deliverables/hibiscus/glance-tempest-plugin.yaml',
    pluginOld,
    appendRelease(pluginOld, '0.17.0', 'openstack/glance-tempest-plugin', t0),
  );
  const glanceOld = real('deliverables/hibiscus/glance.yaml').replace(
    '9c79d46d1f58a541807d5a987c03ce6d296cf4fc',
    g0,
  );
  put(
    960004,
    'deliverables/hibiscus/glance.yaml',
    glanceOld,
    appendRelease(glanceOld, '33.0.0.0b3', 'openstack/glance', hashes.missing),
  );
  put(
    960005,
    'deliverables/hibiscus/glance.yaml',
    glanceOld,
    glanceOld + '  - version: 33.0.0.0b3\n    projects: [ {repo: openstack/glance\n',
  );
  put(960006, 'deliverables/hibiscus/glance-store.yaml', storeOld, null);
  const gzOld = real('deliverables/gazpacho/glance-store.yaml').replace(
    '032d273acc57f9010123f184cb112979f37391a5',
    s0,
  );
  put(
    960007,
    'deliverables/gazpacho/glance-store.yaml',
    gzOld,
    appendRelease(gzOld, '5.4.1', 'openstack/glance_store', s2),
  );
  const novaOld = real('deliverables/gazpacho/nova.yaml');
  put(
    960007,
    'deliverables/gazpacho/nova.yaml',
    novaOld,
    appendRelease(novaOld, '33.0.1', 'openstack/nova', 'a'.repeat(40)),
  );

  const configFile = join(root, 'liaison.yaml');
  writeFileSync(
    configFile,
    'team: glance\nsources:\n  min-interval-ms: 0\n  retries: 0\n  timeout-seconds: 5\n',
  );
  return {
    clones,
    store,
    repos: { client, store, plugin, glance },
    hashes,
    contents,
    changes,
    files,
    configFile,
    dbPath: join(root, 'liaison.db'),
    posts: [],
  };
}

/** Gerrit `/changes/` paging: `n`, `S`; `_more_changes` on the last element only. */
function page(
  all: readonly Record<string, unknown>[],
  q: URLSearchParams,
): Record<string, unknown>[] {
  const start = Number(q.get('S') ?? q.get('start') ?? 0);
  const n = Number(q.get('n') ?? 500);
  const out = all.slice(start, start + n).map((c) => ({ ...c }));
  if (start + n < all.length && out.length) out[out.length - 1]!._more_changes = true;
  return out;
}

/**
 * Routes for openstack/releases on the stand-in: the change query (other
 * queries still get the stub's own changes), each revision's file list,
 * file contents (base64; `?parent=1` for the parent commit) and the
 * authenticated review POST (409 on a revision that is not current).
 */
export function installReleasesRoutes(stub: ServiceStub, s: Scenario): void {
  stub.route('GET', /^\/gerrit\/changes\/$/, (r) => {
    const q = r.query.get('q') ?? '';
    if (!q.includes('project:openstack/releases'))
      return { body: page(stub.gerrit.changes, r.query), xssi: true };
    return { body: page(s.changes, r.query), xssi: true };
  });
  stub.route('GET', /^\/gerrit\/changes\/[^/]+\/revisions\/[^/]+\/files$/, (r) => {
    const rev = r.path.split('/')[5] ?? '';
    const files = s.files[rev];
    return files
      ? { body: files, xssi: true }
      : { status: 404, body: 'Not found\n', conditional: false };
  });
  stub.route('GET', /^\/gerrit\/changes\/[^/]+\/revisions\/[^/]+\/files\/[^/]+\/content$/, (r) => {
    const parts = r.path.split('/');
    const rev = parts[5] ?? '';
    const path = decodeURIComponent(parts[7] ?? '');
    const side = r.query.get('parent') === '1' ? 'old' : 'new';
    const text = s.contents.get(`${rev}|${path}|${side}`);
    if (text === undefined)
      return { status: 404, body: `File not found: ${path}\n`, conditional: false };
    return {
      body: Buffer.from(text, 'utf8').toString('base64'),
      contentType: 'text/plain;charset=UTF-8',
    };
  });
  stub.route('POST', /^\/gerrit\/a\/changes\/[^/]+\/revisions\/[^/]+\/review$/, (r) => {
    s.posts.push(r);
    if (!r.headers.authorization)
      return { status: 401, body: 'Unauthorized\n', conditional: false };
    const number = Number(
      decodeURIComponent(r.path.split('/')[4] ?? '')
        .split('~')
        .pop(),
    );
    const change = s.changes.find((c) => c._number === number);
    if (!change) return { status: 404, body: 'Not found\n', conditional: false };
    if (r.path.split('/')[6] !== change.current_revision)
      return {
        status: 409,
        body: 'Cannot post votes on a patch set that is not current\n',
        conditional: false,
      };
    const labels = (JSON.parse(r.body) as { labels?: Record<string, number> }).labels ?? {};
    return { body: { labels }, xssi: true, conditional: false };
  });
}

export function cliEnv(stub: ServiceStub, s: Scenario): Record<string, string> {
  return { ...stub.env(), HOME: join(s.clones, '..'), LIAISON_DB: s.dbPath };
}

export function commonArgs(s: Scenario, date: string = TODAY): string[] {
  return ['--config', s.configFile, '--date', date, '--releases-repo', RELEASES_DIR];
}

/** A running stand-in serving a fresh scenario (under a new temporary folder `root`). */
export interface RunningScenario {
  readonly stub: ServiceStub;
  readonly s: Scenario;
  readonly root: string;
}

export async function startScenario(prefix: string): Promise<RunningScenario> {
  const stub = await startServiceStub();
  const root = mkdtempSync(join(tmpdir(), prefix));
  const s = buildScenario(root);
  installReleasesRoutes(stub, s);
  return { stub, s, root };
}

export async function stopScenario(running: RunningScenario | undefined): Promise<void> {
  if (!running) return;
  await running.stub.close();
  rmSync(running.root, { recursive: true, force: true });
}

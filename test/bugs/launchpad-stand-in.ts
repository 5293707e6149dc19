import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import {
  sampleJson,
  type ServiceStub,
  type StubAnswer,
  type StubRequest,
} from '../helpers/service-stub.js';

/**
 * Extra Launchpad routes on the shared loopback stand-in, for the bug
 * tests: bug resources for every task of the samples (only 2157431 is
 * recorded; the others are built from their task, tags empty), search
 * pages that honour `modified_since` (so an incremental sync can find
 * "nothing new"), and a hook to edit the pages served.
 */
type Page = { entries: Record<string, unknown>[] } & Record<string, unknown>;

export interface LaunchpadStandIn {
  /** Bumped to make the `modified_since` probe report a change. */
  changedAt: string;
  /** Applied to every search page before it is served. */
  edit: (page: Page) => Page;
}

const PAGES = {
  page1: 'launchpad-searchtasks-glance.json',
  page2: 'launchpad-searchtasks-glance-page2.json',
  rc: 'launchpad-searchtasks-glance-rc-potential.json',
};

function allTasks(): Record<string, unknown>[] {
  return Object.values(PAGES).flatMap((f) => (sampleJson(f) as Page).entries);
}

export function addLaunchpadRoutes(stub: ServiceStub): LaunchpadStandIn {
  const state: LaunchpadStandIn = { changedAt: '2026-09-15T00:00:00Z', edit: (p) => p };
  stub.route('GET', /^\/launchpad\/devel\/[^/]+$/, (r: StubRequest): StubAnswer => {
    if (r.query.get('ws.op') !== 'searchTasks')
      return { status: 404, body: 'Not found\n', conditional: false };
    const project = r.path.split('/').pop();
    const since = r.query.get('modified_since');
    if (since !== null) {
      const changed = Date.parse(state.changedAt) > Date.parse(since);
      const entries =
        changed && project === 'glance' ? [(sampleJson(PAGES.rc) as Page).entries[0]] : [];
      return { body: { start: 0, total_size: entries.length, entries }, conditional: false };
    }
    if (project !== 'glance') return { body: { start: 0, total_size: 0, entries: [] } };
    const file = r.query.getAll('tags').includes('hibiscus-rc-potential')
      ? PAGES.rc
      : Number(r.query.get('ws.start') ?? 0) >= 5
        ? PAGES.page2
        : PAGES.page1;
    return { body: state.edit(sampleJson(file) as Page) };
  });
  stub.route('GET', /^\/launchpad\/devel\/[^/]+\/all_milestones$/, (r) => {
    if (r.path === '/launchpad/devel/glance/all_milestones')
      return { body: sampleJson('launchpad-milestones-glance.json') };
    return { body: { start: 0, total_size: 0, entries: [] } };
  });
  stub.route('GET', /^\/launchpad\/devel\/bugs\/\d+$/, (r) => {
    const id = Number(r.path.split('/').pop());
    if (id === 2157431) return { body: sampleJson('launchpad-bug-2157431.json') };
    const task = allTasks()
      .map((t) => state.edit({ entries: [t] }).entries[0] ?? t)
      .find((t) => String(t.bug_link).endsWith(`/bugs/${id}`));
    if (!task) return { status: 404, body: `Object: <Bug>, name: '${id}'\n`, conditional: false };
    const title =
      /^Bug #\d+ in [^:]*: "([\s\S]*)"$/.exec(String(task.title))?.[1] ?? String(task.title);
    return {
      body: {
        self_link: `https://api.launchpad.net/devel/bugs/${id}`,
        web_link: `https://bugs.launchpad.net/bugs/${id}`,
        id,
        title,
        tags: [],
        date_last_updated: task.date_created,
      },
    };
  });
  return state;
}

/** A config for the stand-in: fast retries and timeouts, the given Launchpad projects. */
export function standInConfig(
  dir: string,
  launchpad: readonly string[] = ['glance'],
  extra = '',
): string {
  const file = join(dir, 'liaison.yaml');
  writeFileSync(
    file,
    `team: glance\nlaunchpad: [${launchpad.join(', ')}]\nsources:\n  retries: 1\n  retry-delay-ms: 10\n  min-interval-ms: 0\n  timeout-seconds: 1\n${extra}`,
  );
  return file;
}

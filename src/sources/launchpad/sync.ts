import type { IsoDate } from '../../core/dates.js';
import type { Db } from '../../store/db.js';
import { parseJsonBody } from '../http/body.js';
import type { HttpClient } from '../http/client.js';
import { launchpadPages, rebaseLinks } from '../http/paging.js';
import { nextMilestone, OPEN_STATUSES, rcTag } from './vocabulary.js';
import {
  parseBug,
  parseMilestonePage,
  parseTaskPage,
  type LaunchpadBug,
  type LaunchpadMilestone,
  type LaunchpadPage,
  type LaunchpadTask,
} from './parse.js';
import { loadMilestones, loadProjects, type ProjectSnapshot } from './store.js';

export const LAUNCHPAD_DEFAULT_URL = 'https://api.launchpad.net';

/** Every status, for the "anything changed?" probe (a bug that got closed is a change too). */
const ALL_STATUSES = [
  ...OPEN_STATUSES,
  'Fix Committed',
  'Fix Released',
  "Won't Fix",
  'Invalid',
  'Opinion',
  'Expired',
  'Deferred',
];

export interface LaunchpadSyncInput {
  readonly http: HttpClient;
  readonly db: Db;
  /** Scheme + host (+ optional path prefix); API paths are appended. */
  readonly baseUrl: string;
  readonly projects: readonly string[];
  /** Series codename whose release is watched (`hibiscus`). */
  readonly codename: string;
  readonly today: IsoDate;
  /** ISO instant of this sync (from the injected clock). */
  readonly at: string;
  /** Page size asked for (Launchpad's maximum is about 300). */
  readonly pageSize?: number;
  readonly progress?: (line: string) => void;
}

export interface LaunchpadProjectResult {
  readonly project: string;
  /** The new snapshot to store; undefined when the probe showed nothing new since the last sync. */
  readonly snapshot?: ProjectSnapshot;
  readonly bugs: number;
  readonly nextMilestone?: string;
}

/**
 * Refreshes the bug snapshot of each project. A project already synced for
 * the same series is first probed with one `modified_since` search; when
 * nothing changed (and its next milestone is the same) its rows stay.
 * Otherwise: milestones, then the milestone-targeted, rc-potential,
 * Critical and Fix Committed searches, then each bug (for its tags).
 * Nothing is written here: the caller stores the snapshots (and touches
 * the unchanged projects) in one transaction once every request succeeded.
 */
export async function syncLaunchpad(input: LaunchpadSyncInput): Promise<LaunchpadProjectResult[]> {
  const results: LaunchpadProjectResult[] = [];
  for (const project of input.projects) {
    input.progress?.(`launchpad: ${project}`);
    results.push(await syncProject(input, project));
  }
  return results;
}

async function syncProject(
  input: LaunchpadSyncInput,
  project: string,
): Promise<LaunchpadProjectResult> {
  const stored = loadProjects(input.db, [project])[0];
  if (stored && stored.codename === input.codename) {
    const expected = nextMilestone(
      loadMilestones(input.db, project),
      input.codename,
      input.today,
    )?.name;
    if (
      expected === stored.nextMilestone &&
      !(await changedSince(input, project, stored.syncedAt))
    ) {
      const bugs = (
        input.db.prepare('SELECT COUNT(*) AS n FROM lp_task WHERE project = ?').get(project) as {
          n: number;
        }
      ).n;
      return { project, bugs, ...(expected ? { nextMilestone: expected } : {}) };
    }
  }
  const milestones = await allPages(
    input,
    `${apiRoot(input)}/${enc(project)}/all_milestones`,
    parseMilestonePage,
  );
  const next = nextMilestone(milestones, input.codename, input.today);
  const tasks = new Map<number, LaunchpadTask>();
  const add = (list: readonly LaunchpadTask[]) => {
    // one bug can come back as several tasks (project and series); the first wins
    for (const t of list) if (!tasks.has(t.bugId)) tasks.set(t.bugId, t);
  };
  const openAndCommitted = [...OPEN_STATUSES, 'Fix Committed'];
  if (next)
    add(
      await search(input, project, [
        ['milestone', next.selfLink],
        ...statusParams(openAndCommitted),
      ]),
    );
  add(
    await search(input, project, [
      ['tags', rcTag(input.codename)],
      ['tags_combinator', 'Any'],
      ...statusParams(openAndCommitted),
    ]),
  );
  add(
    await search(input, project, [['importance', 'Critical'], ...statusParams([...OPEN_STATUSES])]),
  );
  add(await search(input, project, statusParams(['Fix Committed'])));
  const bugs: LaunchpadBug[] = [];
  for (const id of tasks.keys()) {
    const url = `${apiRoot(input)}/bugs/${id}`;
    // a bug made private or deleted since the search: keep its task, without tags
    const r = await input.http.getText(url, { okStatuses: [404] });
    if (r.status !== 404) bugs.push(parseBug(parseJsonBody(r.text, url, 'launchpad'), `bug ${id}`));
  }
  const snapshot: ProjectSnapshot = {
    project,
    syncedAt: input.at,
    codename: input.codename,
    ...(next ? { nextMilestone: next.name } : {}),
    tasks: [...tasks.values()],
    bugs,
    milestones,
  };
  return { project, snapshot, bugs: tasks.size, ...(next ? { nextMilestone: next.name } : {}) };
}

/** One small search: has any bug of the project changed since the last sync? */
async function changedSince(
  input: LaunchpadSyncInput,
  project: string,
  since: string,
): Promise<boolean> {
  const params: [string, string][] = [
    ['modified_since', since],
    ...statusParams(ALL_STATUSES),
    ['omit_targeted', 'false'],
  ];
  const url = searchUrl(input, project, params, 1);
  const r = await input.http.getJson(url, { conditional: false });
  const page = parseTaskPage(r.body, `searchTasks ${project}`);
  return page.entries.length > 0;
}

async function search(
  input: LaunchpadSyncInput,
  project: string,
  params: [string, string][],
): Promise<LaunchpadTask[]> {
  const url = searchUrl(
    input,
    project,
    [...params, ['omit_targeted', 'false'], ['order_by', '-importance']],
    input.pageSize ?? 75,
  );
  return allPages(input, url, (b, what) => parseTaskPage(b, what));
}

function searchUrl(
  input: LaunchpadSyncInput,
  project: string,
  params: [string, string][],
  size: number,
): string {
  const q = new URLSearchParams([['ws.op', 'searchTasks'], ...params, ['ws.size', String(size)]]);
  return `${apiRoot(input)}/${enc(project)}?${q.toString()}`;
}

function statusParams(statuses: readonly string[]): [string, string][] {
  return statuses.map((s) => ['status', s]);
}

/** Every entry of a collection, following `next_collection_link` (rebased on our base URL). */
async function allPages<T>(
  input: LaunchpadSyncInput,
  first: string,
  parse: (body: unknown, what: string) => LaunchpadPage<T>,
): Promise<T[]> {
  const out: T[] = [];
  const rebase = rebaseLinks(LAUNCHPAD_DEFAULT_URL, input.baseUrl);
  for await (const page of launchpadPages(input.http, first, { rebase })) {
    out.push(...parse(page.response.body, new URL(page.response.url).pathname).entries);
  }
  return out;
}

function apiRoot(input: LaunchpadSyncInput): string {
  return `${input.baseUrl.replace(/\/+$/, '')}/devel`;
}

function enc(name: string): string {
  return encodeURIComponent(name);
}

export type { LaunchpadMilestone };

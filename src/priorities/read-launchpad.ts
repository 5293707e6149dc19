import { parseJsonBody } from '../sources/http/body.js';
import { HttpStatusError } from '../sources/http/errors.js';
import type { HttpClient } from '../sources/http/client.js';
import { launchpadPages, rebaseLinks } from '../sources/http/paging.js';
import { LaunchpadShapeError, linkTail } from '../sources/launchpad/parse.js';
import { parseUtcTime } from '../sources/http/time.js';

/**
 * Launchpad blueprints (the web service's `specification` entry, devel):
 * the collections of a project series (`/devel/<project>/<series>/
 * valid_specifications`: the blueprints accepted as goals of the series)
 * and single entries (`/devel/<project>/+spec/<name>`).
 */

export const LAUNCHPAD_API = 'https://api.launchpad.net';

export interface Blueprint {
  /** Launchpad project (`glance`, `glance-store`), from `target_link` or the URL asked. */
  readonly project: string;
  readonly name: string;
  readonly title: string;
  /** `Essential`, `High`, `Medium`, `Low`, `Undefined`, `Not`. */
  readonly priority: string | null;
  /** `Approved`, `Pending Approval`, `Review`, `Drafting`, `Discussion`, `New`, `Superseded`, `Obsolete`. */
  readonly definitionStatus: string | null;
  /** `Unknown`, `Not started`, `Deferred`, …, `Needs Code Review`, `Implemented`, `Informational`. */
  readonly implementationStatus: string | null;
  /** Milestone name from `milestone_link` (`gazpacho-2`). */
  readonly milestone: string | null;
  /** Launchpad user name from `assignee_link` (without `~`). */
  readonly assignee: string | null;
  readonly isComplete: boolean;
  readonly webLink: string;
  /** ISO instant, when Launchpad marked it complete. */
  readonly dateCompleted: string | null;
}

type Rec = Record<string, unknown>;
const isRec = (v: unknown): v is Rec => typeof v === 'object' && v !== null && !Array.isArray(v);

const optStr = (o: Rec, k: string): string | null => {
  const v = o[k];
  // fields the caller may not see come back as this marker
  return typeof v === 'string' && v !== '' && v !== 'tag:launchpad.net:2008:redacted' ? v : null;
};

/** One `specification` entry; a shape error names the field. */
export function parseBlueprint(raw: unknown, where: string, project?: string): Blueprint {
  if (!isRec(raw)) throw new LaunchpadShapeError(`${where}: a blueprint is not an object`);
  const name = optStr(raw, 'name');
  if (!name) throw new LaunchpadShapeError(`${where}: field "name" is missing`);
  const target = optStr(raw, 'target_link');
  const web = optStr(raw, 'web_link');
  const fromWeb = web ? /launchpad\.net\/([^/]+)\/\+spec\//.exec(web)?.[1] : undefined;
  const owner = target ? linkTail(target) : (fromWeb ?? project ?? '');
  const assignee = optStr(raw, 'assignee_link');
  const milestone = optStr(raw, 'milestone_link');
  return {
    project: owner,
    name,
    title: optStr(raw, 'title') ?? name,
    priority: optStr(raw, 'priority'),
    definitionStatus: optStr(raw, 'definition_status'),
    implementationStatus: optStr(raw, 'implementation_status'),
    milestone: milestone ? linkTail(milestone) : null,
    assignee: assignee ? linkTail(assignee).replace(/^~/, '') : null,
    isComplete: raw.is_complete === true,
    webLink: web ?? `https://blueprints.launchpad.net/${owner}/+spec/${name}`,
    dateCompleted: parseUtcTime(raw.date_completed),
  };
}

/** Launchpad's API root under the configured base (`…/devel`). */
export function apiRoot(base: string): string {
  return `${base.replace(/\/+$/, '')}/devel`;
}

export function seriesCollectionUrl(base: string, project: string, series: string): string {
  return `${apiRoot(base)}/${encodeURIComponent(project)}/${encodeURIComponent(series)}/valid_specifications`;
}

export function blueprintUrl(base: string, project: string, name: string): string {
  return `${apiRoot(base)}/${encodeURIComponent(project)}/+spec/${encodeURIComponent(name)}`;
}

/**
 * Every blueprint of a project series; `notModified` when the first page
 * answered 304 (the stored set is current). A project without that series
 * in Launchpad (404) has none.
 */
export async function fetchSeriesBlueprints(
  http: HttpClient,
  base: string,
  project: string,
  series: string,
): Promise<{ notModified: boolean; blueprints: Blueprint[] }> {
  const url = seriesCollectionUrl(base, project, series);
  const rebase = rebaseLinks(LAUNCHPAD_API, base);
  const out: Blueprint[] = [];
  try {
    for await (const page of launchpadPages<unknown>(http, url, { rebase })) {
      if (page.index === 0 && page.response.notModified)
        return { notModified: true, blueprints: [] };
      page.items.forEach((e, i) =>
        out.push(parseBlueprint(e, `${project}/${series} blueprints[${page.index}.${i}]`, project)),
      );
    }
  } catch (e) {
    if (e instanceof HttpStatusError && e.status === 404)
      return { notModified: false, blueprints: [] };
    throw e;
  }
  return { notModified: false, blueprints: out };
}

/** One blueprint; null when Launchpad has none of that name (404). */
export async function fetchBlueprint(
  http: HttpClient,
  base: string,
  project: string,
  name: string,
): Promise<{ notModified: boolean; blueprint: Blueprint | null }> {
  const url = blueprintUrl(base, project, name);
  // Launchpad's 404 body is plain text: read text, parse JSON only for a 2xx/304
  const r = await http.getText(url, { okStatuses: [404], headers: { accept: 'application/json' } });
  if (r.status === 404) return { notModified: false, blueprint: null };
  return {
    notModified: r.notModified,
    blueprint: parseBlueprint(
      parseJsonBody(r.text, url, 'launchpad'),
      `blueprint ${project}/${name}`,
      project,
    ),
  };
}

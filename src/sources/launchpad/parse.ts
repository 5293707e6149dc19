/**
 * Pure readers of Launchpad `devel` API bodies (searchTasks pages, bugs,
 * milestone collections). A body that does not have the documented shape
 * is a `LaunchpadShapeError` naming the field, so a sync can report the
 * source as failed without touching what the store already holds.
 */

import { SourceUnavailableError } from '../../core/errors.js';
import { parseUtcTime } from '../http/time.js';

/** A Launchpad body without the documented shape (a failed source, exit 3 if uncaught). */
export class LaunchpadShapeError extends SourceUnavailableError {
  constructor(message: string) {
    super(`Launchpad: ${message}`, 'launchpad');
  }
}

/** One bug task: a bug as seen from one target (project or series). */
export interface LaunchpadTask {
  readonly bugId: number;
  /** The bug's own title (the task title wraps it as `Bug #N in X: "…"`). */
  readonly title: string;
  /** `bug_target_name`, e.g. `glance`. */
  readonly target: string;
  readonly status: string;
  readonly importance: string;
  /** Milestone name from `milestone_link`, or undefined. */
  readonly milestone?: string;
  readonly webLink?: string;
}

export interface LaunchpadPage<T> {
  readonly entries: readonly T[];
  readonly next?: string;
  /** Inline `total_size` (last page / plain collections); else undefined. */
  readonly totalSize?: number;
  readonly totalSizeLink?: string;
}

export interface LaunchpadBug {
  readonly id: number;
  readonly title: string;
  readonly tags: readonly string[];
  readonly webLink?: string;
  /** ISO instant (UTC). */
  readonly lastUpdated?: string;
}

export interface LaunchpadMilestone {
  readonly name: string;
  readonly dateTargeted?: string;
  readonly isActive: boolean;
  /** Series name from `series_target_link` (`hibiscus`). */
  readonly series?: string;
  readonly released: boolean;
  readonly selfLink: string;
}

type Rec = Record<string, unknown>;

function isRec(v: unknown): v is Rec {
  return typeof v === 'object' && v !== null && !Array.isArray(v);
}

function str(o: Rec, key: string, where: string): string {
  const v = o[key];
  if (typeof v !== 'string')
    throw new LaunchpadShapeError(`${where}: field "${key}" is not a string`);
  return v;
}

function optStr(o: Rec, key: string): string | undefined {
  const v = o[key];
  return typeof v === 'string' ? v : undefined;
}

/** The last path segment of an API link (`…/bugs/2157431` → `2157431`). */
export function linkTail(link: string): string {
  const path = link.split('?')[0] ?? link;
  return decodeURIComponent(path.replace(/\/+$/, '').split('/').pop() ?? '');
}

/** `Bug #N in Glance: "title"` → `title`; any other form is kept as is. */
export function bugTitleOfTask(taskTitle: string): string {
  const m = /^Bug #\d+ in [^:]*: "([\s\S]*)"$/.exec(taskTitle);
  return m ? (m[1] ?? taskTitle) : taskTitle;
}

function page<T>(
  body: unknown,
  what: string,
  entry: (e: unknown, i: number) => T,
): LaunchpadPage<T> {
  if (!isRec(body)) throw new LaunchpadShapeError(`${what}: expected a collection object`);
  const entries = body.entries;
  if (!Array.isArray(entries))
    throw new LaunchpadShapeError(`${what}: field "entries" is not a list`);
  const total = body.total_size;
  return {
    entries: entries.map(entry),
    ...(typeof body.next_collection_link === 'string' ? { next: body.next_collection_link } : {}),
    ...(typeof total === 'number' ? { totalSize: total } : {}),
    ...(typeof body.total_size_link === 'string' ? { totalSizeLink: body.total_size_link } : {}),
  };
}

export function parseTaskPage(body: unknown, what = 'searchTasks'): LaunchpadPage<LaunchpadTask> {
  return page(body, what, (e, i) => {
    const where = `${what}: entries[${i}]`;
    if (!isRec(e)) throw new LaunchpadShapeError(`${where}: expected an object`);
    const bugLink = str(e, 'bug_link', where);
    const bugId = Number(linkTail(bugLink));
    if (!Number.isSafeInteger(bugId) || bugId <= 0)
      throw new LaunchpadShapeError(`${where}: bug_link has no bug number`);
    const milestoneLink = optStr(e, 'milestone_link');
    const webLink = optStr(e, 'web_link');
    return {
      bugId,
      title: bugTitleOfTask(str(e, 'title', where)),
      target: optStr(e, 'bug_target_name') ?? linkTail(optStr(e, 'target_link') ?? ''),
      status: str(e, 'status', where),
      importance: str(e, 'importance', where),
      ...(milestoneLink ? { milestone: linkTail(milestoneLink) } : {}),
      ...(webLink ? { webLink } : {}),
    };
  });
}

export function parseBug(body: unknown, what = 'bug'): LaunchpadBug {
  if (!isRec(body)) throw new LaunchpadShapeError(`${what}: expected an object`);
  const id = body.id;
  if (typeof id !== 'number' || !Number.isSafeInteger(id))
    throw new LaunchpadShapeError(`${what}: field "id" is not a number`);
  const tags = body.tags;
  if (!Array.isArray(tags) || !tags.every((t) => typeof t === 'string')) {
    throw new LaunchpadShapeError(`${what}: field "tags" is not a list of strings`);
  }
  const webLink = optStr(body, 'web_link');
  const lastUpdated = parseUtcTime(optStr(body, 'date_last_updated')) ?? undefined;
  return {
    id,
    title: str(body, 'title', what),
    tags: tags,
    ...(webLink ? { webLink } : {}),
    ...(lastUpdated ? { lastUpdated } : {}),
  };
}

export function parseMilestonePage(
  body: unknown,
  what = 'all_milestones',
): LaunchpadPage<LaunchpadMilestone> {
  return page(body, what, (e, i) => {
    const where = `${what}: entries[${i}]`;
    if (!isRec(e)) throw new LaunchpadShapeError(`${where}: expected an object`);
    const series = optStr(e, 'series_target_link');
    const date = optStr(e, 'date_targeted');
    return {
      name: str(e, 'name', where),
      ...(date && /^\d{4}-\d{2}-\d{2}/.test(date) ? { dateTargeted: date.slice(0, 10) } : {}),
      isActive: e.is_active === true,
      ...(series ? { series: linkTail(series) } : {}),
      released: typeof e.release_link === 'string',
      selfLink: str(e, 'self_link', where),
    };
  });
}

/** The body of a `ws.show=total_size` link: a bare integer. */
export function parseTotalSize(text: string): number {
  const n = Number(text.trim());
  if (!Number.isSafeInteger(n) || n < 0)
    throw new LaunchpadShapeError('total_size: expected a bare integer');
  return n;
}

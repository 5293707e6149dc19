import type { Db } from '../../store/db.js';

/**
 * The counted builds of each job, kept per (tenant, pipeline, project, job,
 * branch) and calendar month (UTC) of their start in `zuul_series`, as three
 * JSON arrays, oldest first: start times (epoch milliseconds), results, and
 * `zuul_builds` row ids. Counted = what Zuul's builds page shows: final
 * attempts only (a RETRY row is superseded by its retry), no SKIPPED.
 *
 * Why: `liaison gate` must answer over 10,000 stored builds in a fraction of
 * a second. Sorting builds into per-job sequences is done once, when a sync
 * writes them (`refreshSeries`, in the same transaction), so the gate reads
 * a row or two per job instead of one per build; monthly chunks keep that
 * read the size of the window however long the stored history grows.
 */
export interface SeriesKey {
  readonly tenant: string;
  readonly pipeline: string;
  readonly project: string;
  readonly jobName: string;
  readonly branch: string;
  /** ISO instant; its month picks the chunk. */
  readonly startTime: string;
}

/** One job's stored builds over some months, oldest first (parallel arrays). */
export interface StoredSeries {
  readonly pipeline: string;
  readonly project: string;
  readonly jobName: string;
  readonly branch: string;
  readonly starts: readonly number[];
  readonly results: readonly string[];
  readonly ids: readonly number[];
}

const KEY = 'tenant = ? AND pipeline = ? AND project = ? AND job_name = ? AND branch = ?';
const OLDEST_FIRST = 'ORDER BY start_time, zuul_id';

/** `2026-09` → `2026-10`; `2026-12` → `2027-01`. */
export function nextMonth(month: string): string {
  const [y = 0, m = 0] = month.split('-').map(Number);
  return m === 12 ? `${y + 1}-01` : `${y}-${String(m + 1).padStart(2, '0')}`;
}

/** Rebuilds the stored chunks these builds fall in from `zuul_builds` (call inside the writing transaction). */
export function refreshSeries(db: Db, keys: Iterable<SeriesKey>): void {
  const remove = db.prepare(`DELETE FROM zuul_series WHERE ${KEY} AND month = ?`);
  const insert = db.prepare(
    `INSERT INTO zuul_series (tenant, pipeline, project, job_name, branch, month, starts, results, ids)
     SELECT tenant, pipeline, project, job_name, branch, ?,
       json_group_array(CAST(round(unixepoch(start_time, 'subsec') * 1000) AS INTEGER) ${OLDEST_FIRST}),
       json_group_array(result ${OLDEST_FIRST}),
       json_group_array(rowid ${OLDEST_FIRST})
     FROM zuul_builds WHERE ${KEY} AND start_time >= ? AND start_time < ?
       AND final = 1 AND result <> 'SKIPPED'
     GROUP BY tenant, pipeline, project, job_name, branch`,
  );
  const seen = new Set<string>();
  for (const k of keys) {
    const month = k.startTime.slice(0, 7);
    const job = [k.tenant, k.pipeline, k.project, k.jobName, k.branch];
    const id = JSON.stringify([...job, month]);
    if (seen.has(id)) continue;
    seen.add(id);
    remove.run(...job, month);
    insert.run(month, ...job, month, nextMonth(month));
  }
}

/**
 * The stored builds of a tenant's jobs in the months `fromMonth`..`toMonth`
 * (chunks joined, oldest first), limited to these projects and pipelines
 * (empty = all).
 */
export function readSeries(
  db: Db,
  q: {
    readonly tenant: string;
    readonly projects: readonly string[];
    readonly pipelines: readonly string[];
    readonly fromMonth: string;
    readonly toMonth: string;
  },
): StoredSeries[] {
  const inList = (xs: readonly string[]) => xs.map(() => '?').join(',');
  const sql = `SELECT pipeline, project, job_name, branch, starts, results, ids FROM zuul_series
    WHERE tenant = ? AND month >= ? AND month <= ?
    ${q.pipelines.length ? `AND pipeline IN (${inList(q.pipelines)})` : ''}
    ${q.projects.length ? `AND project IN (${inList(q.projects)})` : ''}
    ORDER BY pipeline, project, job_name, branch, month`;
  const rows = db
    .prepare(sql)
    .raw(true)
    .all(q.tenant, q.fromMonth, q.toMonth, ...q.pipelines, ...q.projects) as [
    string,
    string,
    string,
    string,
    string,
    string,
    string,
  ][];
  const out: StoredSeries[] = [];
  let last: (StoredSeries & { starts: number[]; results: string[]; ids: number[] }) | undefined;
  for (const [pipeline, project, jobName, branch, starts, results, ids] of rows) {
    const chunk = {
      starts: JSON.parse(starts) as number[],
      results: JSON.parse(results) as string[],
      ids: JSON.parse(ids) as number[],
    };
    if (
      last &&
      last.pipeline === pipeline &&
      last.project === project &&
      last.jobName === jobName &&
      last.branch === branch
    ) {
      last.starts.push(...chunk.starts);
      last.results.push(...chunk.results);
      last.ids.push(...chunk.ids);
    } else {
      last = { pipeline, project, jobName, branch, ...chunk };
      out.push(last);
    }
  }
  return out;
}

/** First index whose value is ≥ `value` in an ascending array. */
export function lowerBound(sorted: readonly number[], value: number): number {
  let lo = 0;
  let hi = sorted.length;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if ((sorted[mid] ?? Infinity) < value) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

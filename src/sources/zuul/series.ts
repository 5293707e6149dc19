import type { Db } from '../../store/db.js';

/**
 * The counted builds of each job, kept per (tenant, pipeline, project, job,
 * branch) in `zuul_series` as three JSON arrays, oldest first: start times
 * (epoch milliseconds), results, and `zuul_builds` row ids. Counted = what
 * Zuul's builds page shows: final attempts only (a RETRY row is superseded
 * by its retry), no SKIPPED.
 *
 * Why: `liaison gate` must answer over 10,000 stored builds in well under a
 * second of start-up-dominated time. Sorting builds into per-job sequences
 * is done once, when a sync writes them (`refreshSeries`, in the same
 * transaction), so the gate reads one row per job instead of one per build.
 */
export interface SeriesKey {
  readonly tenant: string;
  readonly pipeline: string;
  readonly project: string;
  readonly jobName: string;
  readonly branch: string;
}

/** One stored sequence, oldest first (parallel arrays). */
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

/** Rebuilds the stored sequences of these jobs from `zuul_builds` (call inside the writing transaction). */
export function refreshSeries(db: Db, keys: Iterable<SeriesKey>): void {
  const remove = db.prepare(`DELETE FROM zuul_series WHERE ${KEY}`);
  const insert = db.prepare(
    `INSERT INTO zuul_series (tenant, pipeline, project, job_name, branch, starts, results, ids)
     SELECT tenant, pipeline, project, job_name, branch,
       json_group_array(CAST(round(unixepoch(start_time, 'subsec') * 1000) AS INTEGER) ${OLDEST_FIRST}),
       json_group_array(result ${OLDEST_FIRST}),
       json_group_array(rowid ${OLDEST_FIRST})
     FROM zuul_builds WHERE ${KEY} AND final = 1 AND result <> 'SKIPPED'
     GROUP BY tenant, pipeline, project, job_name, branch`,
  );
  const seen = new Set<string>();
  for (const k of keys) {
    const args = [k.tenant, k.pipeline, k.project, k.jobName, k.branch];
    const id = JSON.stringify(args);
    if (seen.has(id)) continue;
    seen.add(id);
    remove.run(...args);
    insert.run(...args);
  }
}

/** The stored sequences of a tenant, limited to these projects and pipelines (empty = all). */
export function readSeries(
  db: Db,
  tenant: string,
  projects: readonly string[],
  pipelines: readonly string[],
): StoredSeries[] {
  const inList = (xs: readonly string[]) => xs.map(() => '?').join(',');
  const sql = `SELECT pipeline, project, job_name, branch, starts, results, ids FROM zuul_series
    WHERE tenant = ?
    ${pipelines.length ? `AND pipeline IN (${inList(pipelines)})` : ''}
    ${projects.length ? `AND project IN (${inList(projects)})` : ''}`;
  const rows = db
    .prepare(sql)
    .raw(true)
    .all(tenant, ...pipelines, ...projects) as [
    string,
    string,
    string,
    string,
    string,
    string,
    string,
  ][];
  return rows.map(([pipeline, project, jobName, branch, starts, results, ids]) => ({
    pipeline,
    project,
    jobName,
    branch,
    starts: JSON.parse(starts) as number[],
    results: JSON.parse(results) as string[],
    ids: JSON.parse(ids) as number[],
  }));
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

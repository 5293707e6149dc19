import type { Db } from '../../store/db.js';
import type { Build } from './builds.js';

/** Repository of the `zuul_builds` table (history of periodic builds). */

export function upsertBuilds(db: Db, builds: readonly Build[]): void {
  const stmt = db.prepare(
    `INSERT INTO zuul_builds (uuid, zuul_id, tenant, project, branch, pipeline, job_name, result, final, voting,
       start_time, end_time, duration, log_url, nodeset, error_detail, buildset_uuid, event_timestamp)
     VALUES (@uuid, @zuulId, @tenant, @project, @branch, @pipeline, @jobName, @result, @final, @voting,
       @startTime, @endTime, @duration, @logUrl, @nodeset, @errorDetail, @buildsetUuid, @eventTimestamp)
     ON CONFLICT (uuid) DO UPDATE SET result = excluded.result, final = excluded.final, end_time = excluded.end_time,
       duration = excluded.duration, log_url = excluded.log_url, error_detail = excluded.error_detail`,
  );
  for (const b of builds) stmt.run({ ...b, final: b.final ? 1 : 0, voting: b.voting ? 1 : 0 });
}

/** Highest Zuul `_id` stored for this scope; null when none. */
export function maxStoredId(
  db: Db,
  tenant: string,
  projects: readonly string[],
  pipelines: readonly string[],
): number | null {
  const sql = `SELECT max(zuul_id) AS id FROM zuul_builds WHERE tenant = ?
    AND project IN (${projects.map(() => '?').join(',') || "''"}) AND pipeline IN (${pipelines.map(() => '?').join(',') || "''"})`;
  const row = db.prepare(sql).get(tenant, ...projects, ...pipelines) as { id: number | null };
  return row.id;
}

export interface BuildQuery {
  readonly tenant: string;
  /** Empty = every project. */
  readonly projects: readonly string[];
  readonly pipelines: readonly string[];
  /** ISO instants, [since, until). */
  readonly since: string;
  readonly until: string;
}

/**
 * The counted builds of one job on one branch in the window, newest first:
 * results and store row ids only. The gate's hot path aggregates in SQLite
 * (one row per job and branch instead of one per build: 10,000 builds cost
 * a few hundred small rows), then reads in full only the builds it links.
 */
export interface JobSeries {
  readonly project: string;
  readonly jobName: string;
  readonly branch: string;
  readonly results: readonly string[];
  readonly ids: readonly number[];
}

/** What the gate shows of one build it links to. */
export interface BuildRef {
  readonly uuid: string;
  readonly pipeline: string;
  readonly startTime: string;
  readonly logUrl: string | null;
}

/**
 * Counted builds of the scope in [since, until) grouped by project, job and
 * branch. Counted = what Zuul's builds page shows: final attempts only (a
 * RETRY row is superseded by its retry), no SKIPPED. JSON arrays carry the
 * per-build values, so no separator can clash with a stored string.
 */
export function readGateSeries(db: Db, q: BuildQuery): JobSeries[] {
  const inList = (xs: readonly string[]) => xs.map(() => '?').join(',');
  const newestFirst = 'ORDER BY start_time DESC, zuul_id DESC';
  const sql = `SELECT project, job_name, branch,
      json_group_array(result ${newestFirst}), json_group_array(rowid ${newestFirst})
    FROM zuul_builds
    WHERE tenant = ? AND start_time >= ? AND start_time < ? AND final = 1 AND result <> 'SKIPPED'
    ${q.projects.length ? `AND project IN (${inList(q.projects)})` : ''}
    ${q.pipelines.length ? `AND pipeline IN (${inList(q.pipelines)})` : ''}
    GROUP BY project, job_name, branch`;
  const rows = db
    .prepare(sql)
    .raw(true)
    .all(q.tenant, q.since, q.until, ...q.projects, ...q.pipelines) as [
    string,
    string,
    string,
    string,
    string,
  ][];
  return rows.map(([project, jobName, branch, results, ids]) => ({
    project,
    jobName,
    branch,
    results: JSON.parse(results) as string[],
    ids: JSON.parse(ids) as number[],
  }));
}

/** The builds of these row ids (as `readGateSeries` gave them), by id. */
export function readBuildRefs(db: Db, ids: readonly number[]): Map<number, BuildRef> {
  const rows = db
    .prepare(
      `SELECT rowid, uuid, pipeline, start_time, log_url FROM zuul_builds
       WHERE rowid IN (SELECT value FROM json_each(?))`,
    )
    .raw(true)
    .all(JSON.stringify(ids)) as [number, string, string, string, string | null][];
  return new Map(
    rows.map(([id, uuid, pipeline, startTime, logUrl]) => [
      id,
      { uuid, pipeline, startTime, logUrl },
    ]),
  );
}

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

interface Row {
  uuid: string;
  zuul_id: number;
  tenant: string;
  project: string;
  branch: string;
  pipeline: string;
  job_name: string;
  result: string;
  final: number;
  voting: number;
  start_time: string;
  end_time: string | null;
  duration: number | null;
  log_url: string | null;
  nodeset: string | null;
  error_detail: string | null;
  buildset_uuid: string | null;
  event_timestamp: string | null;
}

/** Builds of the scope that started in [since, until), newest first. */
export function readBuilds(db: Db, q: BuildQuery): Build[] {
  const inList = (xs: readonly string[]) => xs.map(() => '?').join(',');
  const sql = `SELECT * FROM zuul_builds WHERE tenant = ? AND start_time >= ? AND start_time < ?
    ${q.projects.length ? `AND project IN (${inList(q.projects)})` : ''}
    ${q.pipelines.length ? `AND pipeline IN (${inList(q.pipelines)})` : ''}
    ORDER BY start_time DESC, zuul_id DESC`;
  const rows = db
    .prepare(sql)
    .all(q.tenant, q.since, q.until, ...q.projects, ...q.pipelines) as Row[];
  return rows.map((r) => ({
    uuid: r.uuid,
    zuulId: r.zuul_id,
    tenant: r.tenant,
    project: r.project,
    branch: r.branch,
    pipeline: r.pipeline,
    jobName: r.job_name,
    result: r.result,
    final: r.final === 1,
    voting: r.voting === 1,
    startTime: r.start_time,
    endTime: r.end_time,
    duration: r.duration,
    logUrl: r.log_url,
    nodeset: r.nodeset,
    errorDetail: r.error_detail,
    buildsetUuid: r.buildset_uuid,
    eventTimestamp: r.event_timestamp,
  }));
}

/** What the gate reads of a build: the fewest columns, final non-SKIPPED rows only. */
export type GateBuild = Pick<
  Build,
  | 'uuid'
  | 'project'
  | 'branch'
  | 'pipeline'
  | 'jobName'
  | 'result'
  | 'final'
  | 'startTime'
  | 'logUrl'
>;

/**
 * Counted builds of the scope in [since, until), newest first — the gate's
 * hot path (10,000 rows in well under 100 ms): raw rows, no unused columns.
 */
export function readGateBuilds(db: Db, q: BuildQuery): GateBuild[] {
  const inList = (xs: readonly string[]) => xs.map(() => '?').join(',');
  const sql = `SELECT uuid, project, branch, pipeline, job_name, result, start_time, log_url FROM zuul_builds
    WHERE tenant = ? AND start_time >= ? AND start_time < ? AND final = 1 AND result <> 'SKIPPED'
    ${q.projects.length ? `AND project IN (${inList(q.projects)})` : ''}
    ${q.pipelines.length ? `AND pipeline IN (${inList(q.pipelines)})` : ''}
    ORDER BY start_time DESC, zuul_id DESC`;
  const rows = db
    .prepare(sql)
    .raw(true)
    .all(q.tenant, q.since, q.until, ...q.projects, ...q.pipelines) as [
    string,
    string,
    string,
    string,
    string,
    string,
    string,
    string | null,
  ][];
  return rows.map(([uuid, project, branch, pipeline, jobName, result, startTime, logUrl]) => ({
    uuid,
    project,
    branch,
    pipeline,
    jobName,
    result,
    final: true,
    startTime,
    logUrl,
  }));
}

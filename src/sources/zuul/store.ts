import type { Db } from '../../store/db.js';
import type { Build } from './builds.js';
import { lowerBound, readSeries, refreshSeries, type StoredSeries } from './series.js';

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
  // the per-job sequences the gate reads follow every write
  refreshSeries(db, builds);
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
 * results and store row ids only. The gate's hot path reads one stored row
 * per job and branch instead of one per build, then reads in full only the
 * builds it links to (`readBuildRefs`).
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
 * Counted builds of the scope in [since, until) per project, job and branch,
 * newest first, from the sequences a sync keeps (`series.ts`). A job run in
 * several of the scope's pipelines is one series, merged by start time.
 */
export function readGateSeries(db: Db, q: BuildQuery): JobSeries[] {
  const from = Date.parse(q.since);
  const to = Date.parse(q.until);
  const windows = new Map<string, StoredSeries[]>();
  const stored = readSeries(db, {
    tenant: q.tenant,
    projects: q.projects,
    pipelines: q.pipelines,
    fromMonth: q.since.slice(0, 7),
    toMonth: new Date(to - 1).toISOString().slice(0, 7),
  });
  for (const s of stored) {
    const first = lowerBound(s.starts, from);
    const end = lowerBound(s.starts, to);
    if (first >= end) continue;
    const inWindow: StoredSeries = {
      ...s,
      starts: s.starts.slice(first, end),
      results: s.results.slice(first, end),
      ids: s.ids.slice(first, end),
    };
    const id = JSON.stringify([s.project, s.jobName, s.branch]);
    const list = windows.get(id);
    if (list) list.push(inWindow);
    else windows.set(id, [inWindow]);
  }
  return [...windows.values()].map((list) => {
    const [one, ...more] = list as [StoredSeries, ...StoredSeries[]];
    const newestFirst = more.length === 0 ? reversed(one) : mergedNewestFirst(list);
    return { project: one.project, jobName: one.jobName, branch: one.branch, ...newestFirst };
  });
}

function reversed(s: StoredSeries): { results: string[]; ids: number[] } {
  return { results: [...s.results].reverse(), ids: [...s.ids].reverse() };
}

/** Builds of one job from several pipelines, newest first by start time. */
function mergedNewestFirst(list: readonly StoredSeries[]): { results: string[]; ids: number[] } {
  const all = list.flatMap((s) => s.starts.map((start, i) => ({ start, i, s })));
  all.sort((a, b) => b.start - a.start);
  return {
    results: all.map((x) => x.s.results[x.i] ?? ''),
    ids: all.map((x) => x.s.ids[x.i] ?? 0),
  };
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

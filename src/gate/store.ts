import type { Db } from '../store/db.js';
import type { GateBuildset } from './read-queue-buildsets.js';
import type { QueueItem, QueueSnapshot } from './read-queue-status.js';

/** Repository of `gate_queue_sample` and `gate_buildset`. */

export interface QueueSample extends QueueSnapshot {
  readonly tenant: string;
  /** ISO instant of the sync that took it. */
  readonly takenAt: string;
}

export function saveSample(db: Db, s: QueueSample): void {
  db.prepare(
    `INSERT OR REPLACE INTO gate_queue_sample
       (tenant, pipeline, queue, taken_at, length, oldest_enqueued_at, team_items)
     VALUES (?, ?, ?, ?, ?, ?, ?)`,
  ).run(
    s.tenant,
    s.pipeline,
    s.name,
    s.takenAt,
    s.length,
    s.oldestEnqueuedAt,
    JSON.stringify(s.teamItems),
  );
}

interface SampleRow {
  tenant: string;
  pipeline: string;
  queue: string;
  taken_at: string;
  length: number;
  oldest_enqueued_at: string | null;
  team_items: string;
}

const fromRow = (r: SampleRow): QueueSample => ({
  tenant: r.tenant,
  pipeline: r.pipeline,
  name: r.queue,
  takenAt: r.taken_at,
  length: r.length,
  oldestEnqueuedAt: r.oldest_enqueued_at,
  teamItems: JSON.parse(r.team_items) as QueueItem[],
});

/** Samples taken in [since, until), oldest first. */
export function readSamples(
  db: Db,
  q: {
    readonly tenant: string;
    readonly pipeline: string;
    readonly since: string;
    readonly until: string;
  },
): QueueSample[] {
  return (
    db
      .prepare(
        `SELECT * FROM gate_queue_sample WHERE tenant = ? AND pipeline = ?
           AND taken_at >= ? AND taken_at < ? ORDER BY taken_at`,
      )
      .all(q.tenant, q.pipeline, q.since, q.until) as SampleRow[]
  ).map(fromRow);
}

/** The newest sample taken before `until`, if any. */
export function latestSample(
  db: Db,
  q: { readonly tenant: string; readonly pipeline: string; readonly until: string },
): QueueSample | undefined {
  const row = db
    .prepare(
      `SELECT * FROM gate_queue_sample WHERE tenant = ? AND pipeline = ? AND taken_at < ?
       ORDER BY taken_at DESC LIMIT 1`,
    )
    .get(q.tenant, q.pipeline, q.until) as SampleRow | undefined;
  return row && fromRow(row);
}

export function upsertBuildsets(db: Db, list: readonly GateBuildset[]): void {
  const stmt = db.prepare(
    `INSERT INTO gate_buildset (uuid, zuul_id, tenant, pipeline, project, branch, change, result, event_at, end_at)
     VALUES (@uuid, @zuulId, @tenant, @pipeline, @project, @branch, @change, @result, @eventAt, @endAt)
     ON CONFLICT (uuid) DO UPDATE SET result = excluded.result, end_at = excluded.end_at`,
  );
  for (const b of list) stmt.run(b);
}

/** Highest Zuul `_id` of the stored buildsets of these projects; null when none. */
export function maxBuildsetId(
  db: Db,
  tenant: string,
  pipeline: string,
  projects: readonly string[],
): number | null {
  const row = db
    .prepare(
      `SELECT max(zuul_id) AS id FROM gate_buildset WHERE tenant = ? AND pipeline = ?
         AND project IN (SELECT value FROM json_each(?))`,
    )
    .get(tenant, pipeline, JSON.stringify(projects)) as { id: number | null };
  return row.id;
}

/** Stored buildsets that ended in [since, until), oldest first: end time, wait and result. */
export function readBuildsets(
  db: Db,
  q: {
    readonly tenant: string;
    readonly pipeline: string;
    readonly projects: readonly string[];
    readonly since: string;
    readonly until: string;
  },
): { endAt: string; eventAt: string; result: string }[] {
  return db
    .prepare(
      `SELECT end_at AS endAt, event_at AS eventAt, result FROM gate_buildset
       WHERE tenant = ? AND pipeline = ? AND end_at >= ? AND end_at < ?
         AND project IN (SELECT value FROM json_each(?))
       ORDER BY end_at`,
    )
    .all(q.tenant, q.pipeline, q.since, q.until, JSON.stringify(q.projects)) as {
    endAt: string;
    eventAt: string;
    result: string;
  }[];
}

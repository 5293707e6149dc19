import type { Migration } from '../store/db.js';

/* Schema of this capability's tables: kept apart from the repository code so that opening the store loads none of it. */

/**
 * The gate queue's history: one sample per sync of the team's shared
 * queue (length, oldest item, the team's items), and the gate buildsets of
 * the team's repositories (entering the gate → report), kept, never pruned.
 */
export const GATE_QUEUE_MIGRATIONS: readonly Migration[] = [
  {
    id: 'gate-queue-001-samples',
    sql: `CREATE TABLE gate_queue_sample (
      tenant TEXT NOT NULL,
      pipeline TEXT NOT NULL,
      queue TEXT NOT NULL,
      taken_at TEXT NOT NULL,
      length INTEGER NOT NULL,
      oldest_enqueued_at TEXT,
      team_items TEXT NOT NULL,
      PRIMARY KEY (tenant, pipeline, taken_at)
    )`,
  },
  {
    id: 'gate-queue-002-buildsets',
    sql: `CREATE TABLE gate_buildset (
      uuid TEXT PRIMARY KEY,
      zuul_id INTEGER NOT NULL,
      tenant TEXT NOT NULL,
      pipeline TEXT NOT NULL,
      project TEXT NOT NULL,
      branch TEXT NOT NULL,
      change INTEGER,
      result TEXT NOT NULL,
      event_at TEXT NOT NULL,
      end_at TEXT NOT NULL
    );
    CREATE INDEX gate_buildset_scope ON gate_buildset (tenant, pipeline, end_at)`,
  },
];

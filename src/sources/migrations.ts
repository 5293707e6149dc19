import type { Migration } from '../store/db.js';

/**
 * Tables of the source layer (appended to the store's ALL_MIGRATIONS).
 * Times are ISO instants in UTC (`…Z`), so text order is time order.
 */
export const SOURCES_MIGRATIONS: readonly Migration[] = [
  {
    // Conditional-request cache: the last 200 answer of a GET with its validators.
    id: 'sources-001-http-cache',
    sql: `CREATE TABLE http_cache (
      url TEXT PRIMARY KEY,
      etag TEXT,
      last_modified TEXT,
      body TEXT NOT NULL,
      fetched_at TEXT NOT NULL
    )`,
  },
  {
    // One row per source (zuul, launchpad, gerrit, git:releases, …): what the last sync did.
    id: 'sources-002-sync-state',
    sql: `CREATE TABLE source_sync (
      source TEXT PRIMARY KEY,
      last_attempt_at TEXT NOT NULL,
      last_success_at TEXT,
      last_status TEXT NOT NULL CHECK (last_status IN ('ok', 'failed')),
      last_error TEXT,
      detail TEXT
    )`,
  },
  {
    // History of Zuul builds (periodic pipelines); kept, never pruned by sync.
    id: 'sources-003-zuul-builds',
    sql: `CREATE TABLE zuul_builds (
      uuid TEXT PRIMARY KEY,
      zuul_id INTEGER NOT NULL,
      tenant TEXT NOT NULL,
      project TEXT NOT NULL,
      branch TEXT NOT NULL,
      pipeline TEXT NOT NULL,
      job_name TEXT NOT NULL,
      result TEXT NOT NULL,
      final INTEGER NOT NULL,
      voting INTEGER NOT NULL,
      start_time TEXT NOT NULL,
      end_time TEXT,
      duration REAL,
      log_url TEXT,
      nodeset TEXT,
      error_detail TEXT,
      buildset_uuid TEXT,
      event_timestamp TEXT
    );
    CREATE INDEX zuul_builds_start ON zuul_builds (start_time);
    CREATE INDEX zuul_builds_scope ON zuul_builds (tenant, project, pipeline, zuul_id)`,
  },
  {
    // the gate view reads a date window newest first: walk it in index order, no sort
    id: 'sources-004-builds-time-order',
    sql: `CREATE INDEX zuul_builds_time_order ON zuul_builds (tenant, start_time, zuul_id)`,
  },
  {
    // a job's build sequence (zuul/series.ts) is rebuilt from its builds in
    // time order: an index holding every column it reads, in that order,
    // answers it without visiting the table rows
    id: 'sources-005-builds-gate-covering',
    sql: `DROP INDEX zuul_builds_time_order;
      CREATE INDEX zuul_builds_gate ON zuul_builds
        (tenant, pipeline, project, job_name, branch, start_time, zuul_id, final, result)`,
  },
  {
    // per job, branch and month, the counted builds oldest first (see
    // zuul/series.ts), filled here from the builds already stored
    id: 'sources-006-zuul-series',
    sql: `CREATE TABLE zuul_series (
        tenant TEXT NOT NULL,
        pipeline TEXT NOT NULL,
        project TEXT NOT NULL,
        job_name TEXT NOT NULL,
        branch TEXT NOT NULL,
        month TEXT NOT NULL,
        starts TEXT NOT NULL,
        results TEXT NOT NULL,
        ids TEXT NOT NULL,
        PRIMARY KEY (tenant, pipeline, project, job_name, branch, month)
      ) WITHOUT ROWID;
      CREATE INDEX zuul_series_month ON zuul_series (tenant, month);
      INSERT INTO zuul_series
        SELECT tenant, pipeline, project, job_name, branch, substr(start_time, 1, 7),
          json_group_array(CAST(round(unixepoch(start_time, 'subsec') * 1000) AS INTEGER)
            ORDER BY start_time, zuul_id),
          json_group_array(result ORDER BY start_time, zuul_id),
          json_group_array(rowid ORDER BY start_time, zuul_id)
        FROM zuul_builds WHERE final = 1 AND result <> 'SKIPPED'
        GROUP BY tenant, pipeline, project, job_name, branch, substr(start_time, 1, 7)`,
  },
];

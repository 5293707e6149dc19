import type { Db } from '../store/db.js';

/**
 * What the last sync of each source did (`source_sync` table). Views read
 * it to say how old their data is; sync writes it in the same transaction
 * as the data, so the two never disagree.
 */
export interface SourceState {
  readonly source: string;
  readonly lastAttemptAt: string;
  /** ISO instant of the last sync that succeeded; null if none ever did. */
  readonly lastSuccessAt: string | null;
  readonly lastStatus: 'ok' | 'failed';
  readonly lastError: string | null;
  /** Free text from the source: what the last successful sync brought. */
  readonly detail: string | null;
}

interface Row {
  source: string;
  last_attempt_at: string;
  last_success_at: string | null;
  last_status: 'ok' | 'failed';
  last_error: string | null;
  detail: string | null;
}

const fromRow = (r: Row): SourceState => ({
  source: r.source,
  lastAttemptAt: r.last_attempt_at,
  lastSuccessAt: r.last_success_at,
  lastStatus: r.last_status,
  lastError: r.last_error,
  detail: r.detail,
});

export function readSourceState(db: Db, source: string): SourceState | undefined {
  const row = db.prepare('SELECT * FROM source_sync WHERE source = ?').get(source) as
    Row | undefined;
  return row && fromRow(row);
}

export function readAllSourceStates(db: Db): SourceState[] {
  return (db.prepare('SELECT * FROM source_sync ORDER BY source').all() as Row[]).map(fromRow);
}

export function recordSyncSuccess(
  db: Db,
  source: string,
  at: string,
  detail: string | null = null,
): void {
  db.prepare(
    `INSERT INTO source_sync (source, last_attempt_at, last_success_at, last_status, last_error, detail)
     VALUES (?, ?, ?, 'ok', NULL, ?)
     ON CONFLICT (source) DO UPDATE SET last_attempt_at = excluded.last_attempt_at,
       last_success_at = excluded.last_success_at, last_status = 'ok', last_error = NULL, detail = excluded.detail`,
  ).run(source, at, at, detail);
}

/** Records a failed attempt; the last success (and the data) stay as they were. */
export function recordSyncFailure(db: Db, source: string, at: string, error: string): void {
  db.prepare(
    `INSERT INTO source_sync (source, last_attempt_at, last_success_at, last_status, last_error, detail)
     VALUES (?, ?, NULL, 'failed', ?, NULL)
     ON CONFLICT (source) DO UPDATE SET last_attempt_at = excluded.last_attempt_at,
       last_status = 'failed', last_error = excluded.last_error`,
  ).run(source, at, error);
}

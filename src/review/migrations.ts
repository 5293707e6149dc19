import type { Migration } from '../store/db.js';

/* Schema of this capability's tables: kept apart from the repository code so that opening the store loads none of it. */

/**
 * The review desk's tables: the snapshot of open release requests (one
 * JSON record per change, replaced as a whole by each sync), the
 * deliverable file contents per revision (immutable, so a later sync
 * re-uses them), and the ledger of votes the tool posted (once per change
 * and revision).
 */
export const REVIEW_MIGRATIONS: readonly Migration[] = [
  {
    id: 'review-001-requests',
    sql: `
      CREATE TABLE review_snapshot (
        scope TEXT PRIMARY KEY,
        synced_at TEXT NOT NULL
      );
      CREATE TABLE review_request (
        number INTEGER PRIMARY KEY,
        revision TEXT NOT NULL,
        created TEXT NOT NULL,
        record TEXT NOT NULL
      );
      CREATE TABLE review_file (
        revision TEXT NOT NULL,
        path TEXT NOT NULL,
        side TEXT NOT NULL CHECK (side IN ('old', 'new')),
        content TEXT,
        error TEXT,
        PRIMARY KEY (revision, path, side)
      );`,
  },
  {
    id: 'review-002-vote-ledger',
    sql: `
      CREATE TABLE review_vote (
        number INTEGER NOT NULL,
        revision TEXT NOT NULL,
        value INTEGER NOT NULL,
        posted_at TEXT NOT NULL,
        posted_by TEXT NOT NULL,
        message TEXT NOT NULL,
        PRIMARY KEY (number, revision)
      );`,
  },
];

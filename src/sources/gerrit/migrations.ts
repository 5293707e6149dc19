import type { Migration } from '../../store/db.js';

/* Schema of this capability's tables: kept apart from the repository code so that opening the store loads none of it. */

/**
 * Snapshots of open changes, one set per query scope, replaced in one
 * transaction (a killed sync keeps the previous set), and the ledger of
 * Code-Review -2 votes the tool posted (one per change, ever).
 */
export const GERRIT_MIGRATIONS: readonly Migration[] = [
  {
    id: 'live-102-gerrit-changes',
    sql: `
      CREATE TABLE gerrit_snapshot (
        scope TEXT PRIMARY KEY,
        synced_at TEXT NOT NULL
      );
      CREATE TABLE gerrit_change (
        scope TEXT NOT NULL,
        number INTEGER NOT NULL,
        project TEXT NOT NULL,
        branch TEXT NOT NULL,
        subject TEXT NOT NULL,
        topic TEXT,
        status TEXT NOT NULL,
        wip INTEGER NOT NULL,
        owner_username TEXT,
        owner_name TEXT,
        owner_email TEXT,
        updated TEXT,
        current_revision TEXT,
        patchset INTEGER,
        message TEXT,
        cr_rejected_by TEXT,
        PRIMARY KEY (scope, number)
      );`,
  },
  {
    id: 'live-103-freeze-vote-ledger',
    sql: `
      CREATE TABLE freeze_vote (
        number INTEGER PRIMARY KEY,
        project TEXT NOT NULL,
        branch TEXT NOT NULL,
        revision TEXT,
        posted_at TEXT NOT NULL,
        posted_by TEXT NOT NULL,
        message TEXT NOT NULL
      );`,
  },
];

import type { Migration } from '../../store/db.js';

/* Schema of this capability's tables: kept apart from the repository code so that opening the store loads none of it. */

/**
 * Bug snapshots per Launchpad project. A sync replaces one project's rows
 * in a single transaction, so a sync killed half way leaves the previous
 * snapshot whole. Titles and tags are stored as given (hostile text is
 * data, never markup).
 */
export const LAUNCHPAD_MIGRATIONS: readonly Migration[] = [
  {
    id: 'live-101-launchpad-snapshots',
    sql: `
      CREATE TABLE lp_snapshot (
        project TEXT PRIMARY KEY,
        synced_at TEXT NOT NULL,
        codename TEXT NOT NULL,
        next_milestone TEXT
      );
      CREATE TABLE lp_task (
        project TEXT NOT NULL,
        bug_id INTEGER NOT NULL,
        title TEXT NOT NULL,
        status TEXT NOT NULL,
        importance TEXT NOT NULL,
        milestone TEXT,
        web_link TEXT,
        PRIMARY KEY (project, bug_id)
      );
      CREATE TABLE lp_bug (
        id INTEGER PRIMARY KEY,
        title TEXT NOT NULL,
        tags TEXT NOT NULL,
        web_link TEXT,
        last_updated TEXT
      );
      CREATE TABLE lp_milestone (
        project TEXT NOT NULL,
        name TEXT NOT NULL,
        date_targeted TEXT,
        is_active INTEGER NOT NULL,
        series TEXT,
        released INTEGER NOT NULL,
        self_link TEXT NOT NULL,
        PRIMARY KEY (project, name)
      );`,
  },
];

import type { Migration } from '../store/db.js';

/* Schema of this capability's tables: kept apart from the repository code so that opening the store loads none of it. */

/**
 * Launchpad blueprints (per project; `series` set when a series collection
 * listed it) and the Gerrit changes implementing the priorities, with the
 * newest update seen per query so a sync reads only what changed.
 */
export const PRIORITIES_MIGRATIONS: readonly Migration[] = [
  {
    id: 'priorities-001-blueprints',
    sql: `CREATE TABLE bp_blueprint (
        project TEXT NOT NULL,
        name TEXT NOT NULL,
        series TEXT,
        title TEXT NOT NULL,
        priority TEXT,
        definition_status TEXT,
        implementation_status TEXT,
        milestone TEXT,
        assignee TEXT,
        is_complete INTEGER NOT NULL,
        web_link TEXT NOT NULL,
        date_completed TEXT,
        fetched_at TEXT NOT NULL,
        PRIMARY KEY (project, name)
      );
      CREATE TABLE bp_missing (
        project TEXT NOT NULL,
        name TEXT NOT NULL,
        checked_at TEXT NOT NULL,
        PRIMARY KEY (project, name)
      )`,
  },
  {
    id: 'priorities-002-changes',
    sql: `CREATE TABLE bp_change (
        number INTEGER PRIMARY KEY,
        project TEXT NOT NULL,
        branch TEXT NOT NULL,
        subject TEXT NOT NULL,
        topic TEXT,
        status TEXT NOT NULL,
        wip INTEGER NOT NULL,
        owner TEXT,
        created TEXT,
        updated TEXT,
        submitted TEXT,
        message TEXT,
        negative TEXT NOT NULL
      );
      CREATE TABLE bp_change_query (
        query TEXT PRIMARY KEY,
        synced_at TEXT NOT NULL,
        newest_updated TEXT
      )`,
  },
];

import type { Migration } from '../store/db.js';

/* Schema of this capability's tables: kept apart from the repository code so that opening the store loads none of it. */

/**
 * Every write made from the dashboard, with who made it and when, beside
 * the capability's own record (a checklist tick, a goal status): the
 * dashboard may be shared by a team, so its changes stay traceable.
 */
export const WEB_MIGRATIONS: readonly Migration[] = [
  {
    id: 'web-001-write-log',
    sql: `CREATE TABLE web_write_log (
      id INTEGER PRIMARY KEY AUTOINCREMENT,
      at TEXT NOT NULL,
      day TEXT NOT NULL,
      team TEXT NOT NULL,
      who TEXT NOT NULL,
      action TEXT NOT NULL,
      target TEXT NOT NULL,
      detail TEXT NOT NULL
    )`,
  },
];

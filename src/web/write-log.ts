import type { Db, Migration } from '../store/db.js';

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

export interface WriteLogEntry {
  readonly at: string;
  readonly day: string;
  readonly team: string;
  readonly who: string;
  readonly action: string;
  readonly target: string;
  readonly detail: string;
}

export function logWrite(db: Db, e: WriteLogEntry): void {
  db.prepare(
    'INSERT INTO web_write_log (at, day, team, who, action, target, detail) VALUES (?, ?, ?, ?, ?, ?, ?)',
  ).run(e.at, e.day, e.team, e.who, e.action, e.target, e.detail);
}

export function recentWrites(db: Db, team: string, limit = 20): WriteLogEntry[] {
  return db
    .prepare(
      'SELECT at, day, team, who, action, target, detail FROM web_write_log WHERE team = ? ORDER BY id DESC LIMIT ?',
    )
    .all(team, limit) as WriteLogEntry[];
}

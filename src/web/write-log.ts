import type { Db } from '../store/db.js';

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

import { mkdirSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname } from 'node:path';
import type BetterSqlite3 from 'better-sqlite3';
import { SourceUnavailableError } from '../core/errors.js';
import { ALL_MIGRATIONS } from './migrations.js';

export type Db = BetterSqlite3.Database;

// required as the CommonJS module it is: through Node's ESM loader it costs a
// lexer pass for named exports at every start
const Database = createRequire(import.meta.url)('better-sqlite3') as typeof BetterSqlite3;

/**
 * A schema change. Ids are `<capability>-<NNN>-<what>` and never change once
 * released; each capability appends its own in `migrations.ts`, and they are
 * applied once each, in list order, each in its own transaction.
 */
export interface Migration {
  readonly id: string;
  readonly sql: string;
}

/**
 * Opens (creating if needed) the one SQLite file of the tool: WAL mode so a
 * reader never blocks on a writer, a busy timeout so two overlapping runs
 * wait for each other instead of failing.
 */
export function openStore(path: string, migrations: readonly Migration[] = ALL_MIGRATIONS): Db {
  if (path !== ':memory:') mkdirSync(dirname(path), { recursive: true });
  let db: Db;
  try {
    db = new Database(path);
  } catch (e) {
    throw new SourceUnavailableError(
      `cannot open the store ${path}: ${(e as Error).message}`,
      'store',
    );
  }
  db.pragma('journal_mode = WAL');
  db.pragma('busy_timeout = 10000');
  db.pragma('foreign_keys = ON');
  db.pragma('synchronous = NORMAL');
  migrate(db, migrations);
  return db;
}

export function migrate(db: Db, migrations: readonly Migration[]): string[] {
  db.exec(
    'CREATE TABLE IF NOT EXISTS schema_migrations (id TEXT PRIMARY KEY, position INTEGER NOT NULL)',
  );
  const applied = new Set(
    (db.prepare('SELECT id FROM schema_migrations').all() as { id: string }[]).map((r) => r.id),
  );
  const done: string[] = [];
  migrations.forEach((m, i) => {
    if (applied.has(m.id)) return;
    // IMMEDIATE: a second process migrating at the same time waits, then sees it applied
    db.transaction(() => {
      const again = db.prepare('SELECT 1 FROM schema_migrations WHERE id = ?').get(m.id);
      if (again) return;
      db.exec(m.sql);
      db.prepare('INSERT INTO schema_migrations (id, position) VALUES (?, ?)').run(m.id, i + 1);
      done.push(m.id);
    }).immediate();
  });
  return done;
}

import { mkdirSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname } from 'node:path';
import type BetterSqlite3 from 'better-sqlite3';
import { SourceUnavailableError } from '../core/errors.js';

export type Db = BetterSqlite3.Database;

// required as the CommonJS module it is: through Node's ESM loader it costs a
// lexer pass for named exports at every start
const Database = createRequire(import.meta.url)('better-sqlite3') as typeof BetterSqlite3;

/**
 * A schema change. Ids are `<capability>-<NNN>-<what>` and never change once
 * released; each capability keeps its own in its `migrations.ts`, the
 * composition root lists them all (src/app/migrations.ts: the store knows
 * no capability), and they are applied once each, in list order, each in
 * its own transaction.
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
export function openStore(path: string, migrations: readonly Migration[]): Db {
  let db: Db | undefined;
  try {
    if (path !== ':memory:') mkdirSync(dirname(path), { recursive: true });
    db = new Database(path);
    // the first statements are where SQLite finds a file is not a database
    db.pragma('journal_mode = WAL');
    db.pragma('busy_timeout = 10000');
    db.pragma('foreign_keys = ON');
    db.pragma('synchronous = NORMAL');
  } catch (e) {
    db?.close();
    throw new SourceUnavailableError(`cannot open the store ${path}: ${storeProblem(e)}`, 'store');
  }
  migrate(db, migrations);
  return db;
}

/** What is wrong with a store file, in words a user can act on. */
function storeProblem(e: unknown): string {
  const code = (e as { code?: unknown }).code;
  const message = e instanceof Error ? e.message : String(e);
  if (code === 'SQLITE_NOTADB') return 'it is not a SQLite database (pass another --db)';
  if (code === 'EEXIST' || code === 'ENOTDIR') return `a part of its folder is a file (${message})`;
  return message;
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

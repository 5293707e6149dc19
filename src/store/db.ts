import { existsSync, mkdirSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import type BetterSqlite3 from 'better-sqlite3';
import { SourceUnavailableError } from '../core/errors.js';
import { nonFileKind } from '../core/files.js';

export type Db = BetterSqlite3.Database;

// required as the CommonJS module it is: through Node's ESM loader it costs a
// lexer pass for named exports at every start
const require = createRequire(import.meta.url);
const Database = require('better-sqlite3') as typeof BetterSqlite3;

/**
 * The native addon at its place in a normal install, given to the
 * constructor directly: the package's own lookup (the `bindings` module)
 * tries a dozen paths by throwing, ~5 ms of every command that opens the
 * store. Anything unusual (another build type) keeps the package's lookup.
 */
function addonOptions(): BetterSqlite3.Options {
  try {
    const root = dirname(require.resolve('better-sqlite3/package.json'));
    const addon = join(root, 'build', 'Release', 'better_sqlite3.node');
    return existsSync(addon) ? { nativeBinding: addon } : {};
  } catch {
    return {};
  }
}

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
  const db = openChecked(path, (d) => {
    migrate(d, migrations);
    return true;
  });
  if (!db) throw new Error('unreachable: a store is always migrated');
  return db;
}

/**
 * The store, when it already has every migration of `ids` (the ids of the
 * composition root's list, src/app/migration-ids.ts): a current store needs
 * none of the capabilities' migration modules loaded. Null when a migration
 * is missing (a new file, an upgrade): open it with `openStore` then.
 */
export function openStoreIfCurrent(path: string, ids: readonly string[]): Db | null {
  return openChecked(path, (db) => {
    let applied: Set<string>;
    try {
      applied = new Set(
        (db.prepare('SELECT id FROM schema_migrations').all() as { id: string }[]).map((r) => r.id),
      );
    } catch {
      return false;
    }
    return ids.every((id) => applied.has(id));
  });
}

/**
 * The store opened read-only for one quick question before a command runs
 * (cli/notes-memo.ts): no pragmas, no schema check, nothing created;
 * null when there is no such file or it cannot be opened. A query of a
 * table it lacks throws, which such a caller takes as "no answer".
 */
export function openStoreReadOnly(path: string): Db | null {
  if (path === ':memory:' || nonFileKind(path) || !existsSync(path)) return null;
  try {
    const db = new Database(path, { ...addonOptions(), readonly: true, fileMustExist: true });
    db.pragma('busy_timeout = 10000');
    return db;
  } catch {
    return null;
  }
}

/**
 * Opens the file with our pragmas and refuses what is not our store; then
 * `ready` migrates, or says the store cannot be used as it is (null, closed).
 */
function openChecked(path: string, ready: (db: Db) => boolean): Db | null {
  let db: Db | undefined;
  const kind = path === ':memory:' ? undefined : nonFileKind(path);
  if (kind)
    throw new SourceUnavailableError(
      `cannot open the store ${path}: it is ${kind}, not a file`,
      'store',
    );
  try {
    if (path !== ':memory:') mkdirSync(dirname(path), { recursive: true });
    db = new Database(path, addonOptions());
    db.pragma('journal_mode = WAL');
    db.pragma('busy_timeout = 10000');
    db.pragma('foreign_keys = ON');
    db.pragma('synchronous = NORMAL');
    const foreign = foreignTables(db);
    if (foreign.length > 0 && foreign.some((t) => OUR_TABLES.test(t))) {
      throw new SourceUnavailableError(
        `the store ${path} is damaged (its table of applied migrations is gone); ${KEEP_IT}`,
        'store',
      );
    }
    if (foreign.length > 0) {
      throw new SourceUnavailableError(
        `${path} is not a release-liaison store: it is another application's SQLite database ` +
          `(tables ${foreign.slice(0, 3).join(', ')}${foreign.length > 3 ? ', …' : ''}); pass another --db`,
        'store',
      );
    }
    if (!ready(db)) {
      db.close();
      return null;
    }
  } catch (e) {
    db?.close();
    if (e instanceof SourceUnavailableError) throw e;
    throw new SourceUnavailableError(`cannot open the store ${path}: ${storeProblem(e)}`, 'store');
  }
  return db;
}

/** Table names our migrations create (capability prefixes). */
const OUR_TABLES =
  /^(kv|http_cache|source_sync|web_write_log|goal_state|freeze_vote|(plan|zuul|lp|gerrit|review|notes)_\w+)$/;

/** What to do with a damaged store: it holds ticks and the reminder ledger, so it is kept, not deleted. */
export const KEEP_IT =
  'move the file aside and keep it (it holds checklist ticks and the reminder ledger), or pass another --db';

/**
 * Tables of a file that has never been a store of ours (no migration table):
 * migrating it would write our tables into someone else's database.
 */
function foreignTables(db: Db): string[] {
  const names = (
    db
      .prepare("SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%'")
      .all() as { name: string }[]
  ).map((r) => r.name);
  return names.includes('schema_migrations') ? [] : names;
}

/** What is wrong with a store file, in words a user can act on. */
function storeProblem(e: unknown): string {
  const code = (e as { code?: unknown }).code;
  const message = e instanceof Error ? e.message : String(e);
  if (code === 'SQLITE_NOTADB') return 'it is not a SQLite database (pass another --db)';
  if (code === 'EEXIST' || code === 'ENOTDIR') return `a part of its folder is a file (${message})`;
  if (code === 'SQLITE_CORRUPT') return `the file is damaged; ${KEEP_IT}`;
  if (code === 'EISDIR' || code === 'SQLITE_CANTOPEN')
    return `cannot open it as a file (${message})`;
  return message.split('\n')[0] ?? message;
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

import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { migrate, openStore, openStoreIfCurrent, openStoreReadOnly } from '../../src/store/db.js';
import { ALL_MIGRATIONS } from '../../src/app/migrations.js';
import { MIGRATION_IDS } from '../../src/app/migration-ids.js';
import { runCli } from '../helpers/cli.js';
import { tempDir } from '../helpers/tmp.js';

describe('store', () => {
  it('lists every migration id for the current-schema check, in order', () => {
    expect(MIGRATION_IDS).toEqual(ALL_MIGRATIONS.map((m) => m.id));
  });

  it('opens a store without its migrations only when it has all of them', () => {
    const path = join(tempDir(), 'current.db');
    const ids = ['t-001-a', 't-002-b'];
    expect(openStoreIfCurrent(path, ids)).toBeNull(); // a new file
    openStore(path, [{ id: 't-001-a', sql: 'CREATE TABLE a (x INTEGER)' }]).close();
    expect(openStoreIfCurrent(path, ids)).toBeNull(); // one missing
    openStore(path, [
      { id: 't-001-a', sql: 'CREATE TABLE a (x INTEGER)' },
      { id: 't-002-b', sql: 'CREATE TABLE b (y TEXT)' },
    ]).close();
    const current = openStoreIfCurrent(path, ids);
    expect(current?.pragma('journal_mode', { simple: true })).toBe('wal');
    expect(current?.prepare('SELECT count(*) AS n FROM b').get()).toEqual({ n: 0 });
    current?.close();
    // a newer store (more migrations than this build knows) is current too
    const newer = openStoreIfCurrent(path, ['t-001-a']);
    expect(newer).not.toBeNull();
    newer?.close();
  });

  it('opens an existing store read-only, and makes no file for a missing one', () => {
    const dir = tempDir();
    expect(openStoreReadOnly(join(dir, 'none.db'))).toBeNull();
    expect(existsSync(join(dir, 'none.db'))).toBe(false);
    expect(openStoreReadOnly(dir)).toBeNull(); // a folder
    const path = join(dir, 'store.db');
    openStore(path, [{ id: 't-001-a', sql: 'CREATE TABLE a (x INTEGER)' }]).close();
    const db = openStoreReadOnly(path);
    expect(db?.prepare('SELECT count(*) AS n FROM a').get()).toEqual({ n: 0 });
    expect(() => db?.prepare('INSERT INTO a VALUES (1)').run()).toThrow(/readonly/);
    db?.close();
  });

  it('creates a WAL SQLite file and applies each migration once', () => {
    const path = join(tempDir(), 'sub', 'liaison.db');
    const db = openStore(path, [{ id: 't-001-a', sql: 'CREATE TABLE a (x INTEGER)' }]);
    expect(db.pragma('journal_mode', { simple: true })).toBe('wal');
    db.prepare('INSERT INTO a VALUES (1)').run();
    db.close();
    const again = openStore(path, [
      { id: 't-001-a', sql: 'CREATE TABLE a (x INTEGER)' },
      { id: 't-002-b', sql: 'CREATE TABLE b (y TEXT)' },
    ]);
    expect(again.prepare('SELECT count(*) AS n FROM a').get()).toEqual({ n: 1 });
    expect(migrate(again, [{ id: 't-002-b', sql: 'CREATE TABLE b (y TEXT)' }])).toEqual([]);
    again.close();
  });

  it('refuses a --db that is not a database, or under a file, in one line with exit 3, leaving the file as it was', async () => {
    const dir = tempDir();
    const junk = join(dir, 'notes.txt');
    writeFileSync(junk, 'not a database\n');
    const r = await runCli(['gate', '--db', junk, '--date', '2026-09-16']);
    expect(r.code).toBe(3);
    expect(r.stderr).toBe(
      `liaison: cannot open the store ${junk}: it is not a SQLite database (pass another --db)\n`,
    );
    expect(readFileSync(junk, 'utf8')).toBe('not a database\n');
    const under = await runCli(['bugs', '--db', join(junk, 'x.db'), '--date', '2026-09-16']);
    expect(under.code).toBe(3);
    expect(under.stderr).toMatch(
      /^liaison: cannot open the store .*: a part of its folder is a file/,
    );
    expect(under.stderr.split('\n')).toHaveLength(2);
  });
});

import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { migrate, openStore } from '../../src/store/db.js';
import { runCli } from '../helpers/cli.js';
import { tempDir } from '../helpers/tmp.js';

describe('store', () => {
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

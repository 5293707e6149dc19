import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { migrate, openStore } from '../../src/store/db.js';
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
});

import type { Migration } from '../../store/db.js';

// Kept free of runtime imports: the store loads every capability's migrations.
/**
 * A cache of what git told us about each commit (parents, time, changes
 * of the notes folder), of clean-merge answers, and of parsed note files
 * by blob: none of them can change for a given SHA, so a repeat scan only
 * asks git about commits it has not seen and parses no note twice. Lives
 * in the tool's SQLite store; one row per repository and notes folder, the
 * graph in it as one binary blob read without parsing.
 */

export const NOTES_MIGRATIONS: readonly Migration[] = [
  {
    id: 'notes-001-history-cache',
    sql: `CREATE TABLE notes_commits (
            notes_path TEXT NOT NULL,
            sha TEXT NOT NULL,
            time INTEGER NOT NULL,
            parents TEXT NOT NULL,
            changes TEXT,
            PRIMARY KEY (notes_path, sha)
          ) WITHOUT ROWID;
          CREATE TABLE notes_clean_merges (sha TEXT PRIMARY KEY, clean INTEGER NOT NULL) WITHOUT ROWID;`,
  },
  {
    // one row per notes folder: reading 10,000 rows cost more than parsing one document
    id: 'notes-002-history-blob',
    sql: `DROP TABLE notes_commits;
          CREATE TABLE notes_history (notes_path TEXT PRIMARY KEY, data TEXT NOT NULL) WITHOUT ROWID;`,
  },
  {
    // the graph as a binary blob (no JSON parse, no object per commit); parsed notes by blob
    id: 'notes-003-binary-graph',
    sql: `DROP TABLE notes_history;
          DROP TABLE notes_clean_merges;
          CREATE TABLE notes_history (
            repo TEXT NOT NULL,
            notes_path TEXT NOT NULL,
            graph BLOB NOT NULL,
            changes TEXT NOT NULL,
            clean TEXT NOT NULL,
            PRIMARY KEY (repo, notes_path)
          );
          CREATE TABLE notes_parsed (blob TEXT PRIMARY KEY, entries TEXT NOT NULL) WITHOUT ROWID;`,
  },
  {
    // scan answers by the exact state of a repository (see scan-memo.ts); a few per repository
    id: 'notes-004-scan-memo',
    sql: `CREATE TABLE notes_scans (
            id INTEGER PRIMARY KEY,
            repo TEXT NOT NULL,
            head TEXT NOT NULL,
            notes_path TEXT NOT NULL,
            config TEXT NOT NULL,
            code TEXT NOT NULL,
            refs TEXT NOT NULL,
            status TEXT NOT NULL,
            scan TEXT NOT NULL
          );
          CREATE INDEX notes_scans_state ON notes_scans (repo, head);`,
  },
  {
    // the exact output of `notes report` by command line and repository state (cli/notes-memo.ts)
    id: 'notes-005-report-memo',
    sql: `CREATE TABLE notes_reports (
            id INTEGER PRIMARY KEY,
            repo TEXT NOT NULL,
            key TEXT NOT NULL,
            status TEXT NOT NULL,
            stdout TEXT NOT NULL,
            stderr TEXT NOT NULL,
            code INTEGER NOT NULL
          );
          CREATE INDEX notes_reports_repo ON notes_reports (repo);`,
  },
];

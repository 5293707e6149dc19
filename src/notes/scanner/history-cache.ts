import type { Db, Migration } from '../../store/db.js';
import type { CommitNode, FileChange } from './git-facts.js';

/**
 * A cache of what git told us about each commit (parents, time, changes
 * of the notes folder) and of clean-merge answers, keyed by commit SHA:
 * both can never change for a given commit, so a repeat scan only asks
 * git about commits it has not seen. Lives in the tool's SQLite store.
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
];

export interface CachedHistory {
  readonly commits: Map<string, CommitNode>;
  readonly changes: Map<string, FileChange[]>;
}

/** What the scanner needs from a cache; tests and one-off runs pass none. */
export interface HistoryCache {
  /** Which of these commits are cached (with all their ancestors). */
  known(notesPath: string, shas: readonly string[]): Set<string>;
  load(notesPath: string): CachedHistory;
  save(notesPath: string, commits: ReadonlyMap<string, CommitNode>, changes: ReadonlyMap<string, readonly FileChange[]>): void;
  cleanMerges(shas: readonly string[]): Map<string, boolean>;
  saveCleanMerges(answers: ReadonlyMap<string, boolean>): void;
}

export function sqliteHistoryCache(db: Db): HistoryCache {
  return {
    known(notesPath, shas) {
      const out = new Set<string>();
      const stmt = db.prepare('SELECT sha FROM notes_commits WHERE notes_path = ? AND sha = ?');
      for (const sha of new Set(shas)) if (stmt.all(notesPath, sha).length > 0) out.add(sha);
      return out;
    },
    load(notesPath) {
      const rows = db.prepare('SELECT sha, time, parents, changes FROM notes_commits WHERE notes_path = ?').all(notesPath) as {
        sha: string;
        time: number;
        parents: string;
        changes: string | null;
      }[];
      const commits = new Map<string, CommitNode>();
      const changes = new Map<string, FileChange[]>();
      for (const r of rows) {
        commits.set(r.sha, { time: r.time, parents: r.parents === '' ? [] : r.parents.split(' ') });
        if (r.changes) changes.set(r.sha, JSON.parse(r.changes) as FileChange[]);
      }
      return { commits, changes };
    },
    save(notesPath, commits, changes) {
      const stmt = db.prepare('INSERT OR REPLACE INTO notes_commits (notes_path, sha, time, parents, changes) VALUES (?, ?, ?, ?, ?)');
      db.transaction(() => {
        for (const [sha, node] of commits) {
          const c = changes.get(sha);
          stmt.run(notesPath, sha, node.time, node.parents.join(' '), c ? JSON.stringify(c) : null);
        }
      })();
    },
    cleanMerges(shas) {
      const out = new Map<string, boolean>();
      const stmt = db.prepare('SELECT clean FROM notes_clean_merges WHERE sha = ?');
      for (const sha of shas) {
        const row = stmt.all(sha)[0] as { clean: number } | undefined;
        if (row) out.set(sha, row.clean === 1);
      }
      return out;
    },
    saveCleanMerges(answers) {
      const stmt = db.prepare('INSERT OR REPLACE INTO notes_clean_merges (sha, clean) VALUES (?, ?)');
      db.transaction(() => {
        for (const [sha, clean] of answers) stmt.run(sha, clean ? 1 : 0);
      })();
    },
  };
}

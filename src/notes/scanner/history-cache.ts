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
  {
    // one row per notes folder: reading 10,000 rows cost more than parsing one document
    id: 'notes-002-history-blob',
    sql: `DROP TABLE notes_commits;
          CREATE TABLE notes_history (notes_path TEXT PRIMARY KEY, data TEXT NOT NULL) WITHOUT ROWID;`,
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
  save(
    notesPath: string,
    commits: ReadonlyMap<string, CommitNode>,
    changes: ReadonlyMap<string, readonly FileChange[]>,
  ): void;
  cleanMerges(shas: readonly string[]): Map<string, boolean>;
  saveCleanMerges(answers: ReadonlyMap<string, boolean>): void;
}

/** Stored form: commits as [sha, time, parents joined by spaces], changes by commit. */
interface StoredHistory {
  readonly commits: [string, number, string][];
  readonly changes: Record<string, FileChange[]>;
}

export function sqliteHistoryCache(db: Db): HistoryCache {
  const loaded = new Map<string, CachedHistory>();
  const load = (notesPath: string): CachedHistory => {
    const known = loaded.get(notesPath);
    if (known) return known;
    const row = db.prepare('SELECT data FROM notes_history WHERE notes_path = ?').get(notesPath) as
      { data: string } | undefined;
    const commits = new Map<string, CommitNode>();
    const changes = new Map<string, FileChange[]>();
    if (row) {
      const stored = JSON.parse(row.data) as StoredHistory;
      for (const [sha, time, parents] of stored.commits)
        commits.set(sha, { time, parents: parents === '' ? [] : parents.split(' ') });
      for (const [sha, c] of Object.entries(stored.changes)) changes.set(sha, c);
    }
    const history = { commits, changes };
    loaded.set(notesPath, history);
    return history;
  };
  return {
    known(notesPath, shas) {
      const commits = load(notesPath).commits;
      return new Set(shas.filter((s) => commits.has(s)));
    },
    load(notesPath) {
      const h = load(notesPath);
      // callers add to what they get: hand out copies
      return { commits: new Map(h.commits), changes: new Map(h.changes) };
    },
    save(notesPath, commits, changes) {
      const h = load(notesPath);
      for (const [k, v] of commits) h.commits.set(k, v);
      for (const [k, v] of changes) h.changes.set(k, [...v]);
      const stored: StoredHistory = {
        commits: [...h.commits].map(([sha, n]) => [sha, n.time, n.parents.join(' ')]),
        changes: Object.fromEntries(h.changes),
      };
      db.prepare('INSERT OR REPLACE INTO notes_history (notes_path, data) VALUES (?, ?)').run(
        notesPath,
        JSON.stringify(stored),
      );
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
      const stmt = db.prepare(
        'INSERT OR REPLACE INTO notes_clean_merges (sha, clean) VALUES (?, ?)',
      );
      db.transaction(() => {
        for (const [sha, clean] of answers) stmt.run(sha, clean ? 1 : 0);
      })();
    },
  };
}

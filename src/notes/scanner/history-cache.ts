import type { Db } from '../../store/db.js';
import { yamlParserVersion, type NoteEntries } from '../../data/reno/note-file.js';
import type { FileChange } from './git-facts.js';
import type { CommitGraph } from './graph.js';
import type { ScanResult } from './result.js';
import { sameState, scanFromJson, scanToJson, type ScanState } from './scan-memo.js';

export { NOTES_MIGRATIONS } from './migrations.js';

/** Scan answers kept per repository (the newest ones). */
const SCANS_PER_REPO = 16;

/** The cached history of one repository's notes folder; the scanner adds to it. */
export interface CachedHistory {
  readonly repoDir: string;
  readonly notesPath: string;
  /** Every cached commit, each with all its ancestors. */
  graph: CommitGraph;
  /** Changes of the notes folder, by commit SHA (commits without any are absent). */
  changes: Map<string, readonly FileChange[]>;
  /** Merge SHA → true when the merge changes no path of the tree. */
  readonly clean: Map<string, boolean>;
}

/** What the scanner needs from a cache; tests and one-off runs pass none. */
export interface HistoryCache {
  load(repoDir: string, notesPath: string): Promise<CachedHistory>;
  /** Stores the graph and changes (after new commits were added). */
  saveHistory(history: CachedHistory): Promise<void>;
  /** Stores the clean-merge answers only. */
  saveCleanMerges(history: CachedHistory): Promise<void>;
  /** The cached YAML content of these note blobs (those known). */
  parsedNotes(blobs: readonly string[]): Promise<Map<string, NoteEntries>>;
  saveParsedNotes(entries: ReadonlyMap<string, NoteEntries>): Promise<void>;
  /** The scan stored for this exact state (the store opens while git tells the state). */
  scanMemo(repoDir: string, state: Promise<ScanState | null>): Promise<ScanResult | null>;
  saveScanMemo(repoDir: string, state: ScanState, scan: ScanResult): Promise<void>;
}

interface HistoryRow {
  graph: Buffer;
  changes: string;
  clean: string;
}

/**
 * The cache in the SQLite store. `db` may be a function opening the store
 * on first use, so a command can start git before paying for SQLite.
 */
export function sqliteHistoryCache(db: Db | (() => Promise<Db>)): HistoryCache {
  let opened: Db | undefined = typeof db === 'function' ? undefined : db;
  const store = async (): Promise<Db> => (opened ??= await (db as () => Promise<Db>)());
  const saveHistory = async (h: CachedHistory): Promise<void> => {
    (await store())
      .prepare(
        'INSERT OR REPLACE INTO notes_history (repo, notes_path, graph, changes, clean) VALUES (?, ?, ?, ?, ?)',
      )
      .run(
        h.repoDir,
        h.notesPath,
        h.graph.encode(),
        JSON.stringify(Object.fromEntries(h.changes)),
        cleanJson(h.clean),
      );
  };
  return {
    saveHistory,
    async load(repoDir, notesPath) {
      const row = (await store())
        .prepare(
          'SELECT graph, changes, clean FROM notes_history WHERE repo = ? AND notes_path = ?',
        )
        .get(repoDir, notesPath) as HistoryRow | undefined;
      // the graph code loads only when a history is read (not for a memoised scan)
      const { CommitGraph } = await import('./graph.js');
      const graph = row ? CommitGraph.decode(row.graph) : null;
      if (!row || !graph) {
        return {
          repoDir,
          notesPath,
          graph: CommitGraph.empty(),
          changes: new Map(),
          clean: new Map(),
        };
      }
      const changes = new Map(
        Object.entries(JSON.parse(row.changes) as Record<string, FileChange[]>),
      );
      const clean = new Map(
        Object.entries(JSON.parse(row.clean) as Record<string, 0 | 1>).map(([k, v]) => [
          k,
          v === 1,
        ]),
      );
      return { repoDir, notesPath, graph, changes, clean };
    },
    async saveCleanMerges(h) {
      const r = (await store())
        .prepare('UPDATE notes_history SET clean = ? WHERE repo = ? AND notes_path = ?')
        .run(cleanJson(h.clean), h.repoDir, h.notesPath);
      if (r.changes === 0) await saveHistory(h);
    },
    async parsedNotes(blobs) {
      const out = new Map<string, NoteEntries>();
      if (blobs.length === 0) return out;
      // keyed by blob and parser: another YAML library version parses afresh
      const suffix = ` ${yamlParserVersion()}`;
      const rows = (await store())
        .prepare(
          'SELECT blob, entries FROM notes_parsed WHERE blob IN (SELECT value FROM json_each(?))',
        )
        .all(JSON.stringify(blobs.map((b) => b + suffix))) as { blob: string; entries: string }[];
      for (const r of rows)
        out.set(r.blob.slice(0, -suffix.length), JSON.parse(r.entries) as NoteEntries);
      return out;
    },
    async scanMemo(repoDir, statePromise) {
      const db = await store();
      const state = await statePromise;
      if (state === null) return null;
      const rows = db
        .prepare(
          'SELECT notes_path AS notesPath, config, head, code, refs, status, scan FROM notes_scans WHERE repo = ? AND head = ? ORDER BY id DESC',
        )
        .all(repoDir, state.head) as (ScanState & { scan: string })[];
      const row = rows.find((r) => sameState(r, state));
      return row ? scanFromJson(row.scan) : null;
    },
    async saveScanMemo(repoDir, state, scan) {
      const db = await store();
      db.transaction(() => {
        db.prepare(
          'INSERT INTO notes_scans (repo, head, notes_path, config, code, refs, status, scan) VALUES (?, ?, ?, ?, ?, ?, ?, ?)',
        ).run(
          repoDir,
          state.head,
          state.notesPath,
          state.config,
          state.code,
          state.refs,
          state.status,
          scanToJson(scan),
        );
        db.prepare(
          `DELETE FROM notes_scans WHERE repo = ? AND id NOT IN
             (SELECT id FROM notes_scans WHERE repo = ? ORDER BY id DESC LIMIT ?)`,
        ).run(repoDir, repoDir, SCANS_PER_REPO);
      })();
    },
    async saveParsedNotes(entries) {
      if (entries.size === 0) return;
      const db = await store();
      const stmt = db.prepare('INSERT OR REPLACE INTO notes_parsed (blob, entries) VALUES (?, ?)');
      db.transaction(() => {
        for (const [blob, e] of entries)
          stmt.run(`${blob} ${yamlParserVersion()}`, JSON.stringify(e));
      })();
    },
  };
}

function cleanJson(clean: ReadonlyMap<string, boolean>): string {
  return JSON.stringify(Object.fromEntries([...clean].map(([k, v]) => [k, v ? 1 : 0])));
}

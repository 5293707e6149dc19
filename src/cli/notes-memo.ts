import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { defaultStorePath } from '../data/managed.js';
import type { Db } from '../store/db.js';
import { notesLineOf, readsTeamConfig, type NotesLine } from './notes-prestart.js';
import { startedOutput, statusArgs } from '../notes/scanner/early.js';
import { shallowFromFiles } from '../notes/scanner/head.js';

/**
 * The exact output of `liaison notes report`, kept by the command line and
 * the state of everything the report reads, so that a repeat run on an
 * unchanged repository prints it before commander, the context and the
 * notes modules load (about a third of a cached run). `cli/bin.ts` asks
 * here first and, on a miss, runs the command as always and saves what it
 * printed when it exits 0.
 *
 * The key is compared exactly, never hashed: the raw command line, working
 * folder, the environment variables that can change a run, today's date
 * (only when the line pins none), whether the output is a terminal, a
 * stamp of the code (size and time of the files of the folders a report
 * runs), the bytes of the reno config files, the ref files (`packed-refs`
 * and the loose refs: what `for-each-ref` prints follows from them, as
 * commits and tags never change) and the `git status` of the notes folder
 * (the early process the scan takes over; it also names the head). What
 * the key cannot see makes a line ineligible, and it runs as always: a
 * work tree whose notes folder has changes (their bytes are read from the
 * files), a config that moves the notes folder, a shallow clone, a
 * repository not plainly at `<repo>/.git` or with reftable refs,
 * `--branch`, `--ignore-cache`, `--output`, a team config or another team.
 */

export interface ReportOutput {
  readonly stdout: string;
  readonly stderr: string;
  readonly code: number;
}

export interface ReportMemo {
  /** The output printed for this very key before; null on a miss. */
  readonly hit: ReportOutput | null;
  /** Keeps the output of the command that just ran (exit 0 only; a store that fails is skipped). */
  save(out: ReportOutput): Promise<void>;
}

export interface MemoIo {
  readonly cwd: string;
  readonly env: NodeJS.ProcessEnv;
  readonly now: () => Date;
  readonly isTTY: boolean;
}

/** Options that make a run read or write something the key does not hold. */
const INELIGIBLE = new Set([
  '--branch',
  '--output',
  '-o',
  '--config',
  '--team',
  '--releases-repo',
  '--governance-repo',
]);

/** Kept per repository: a few states (branches switched back and forth, several option sets). */
const REPORTS_PER_REPO = 8;

/** The memo of a `notes report` command line; null when the line is not one the memo can answer. */
export async function reportMemo(argv: readonly string[], io: MemoIo): Promise<ReportMemo | null> {
  const line = notesLineOf(argv);
  if (!line || line.command !== 'report' || line.options.ignoreCache) return null;
  if (line.values.some(([o, v]) => INELIGIBLE.has(o) || v.trim() === '')) return null;
  if (readsTeamConfig(io)) return null;
  const repoDir = resolve(io.cwd, line.options.repo ?? '.');
  const relnotesdir = (line.options.relNotesDir ?? 'releasenotes').replace(/\/+$/, '');
  const statusOut = startedOutput(repoDir, statusArgs(`${relnotesdir}/notes`));
  if (!statusOut || shallowFromFiles(repoDir, io.env) !== false) return null;
  const files = () => {
    const configs = renoConfigs(repoDir, relnotesdir);
    const refs = refFiles(join(repoDir, '.git'));
    return configs && refs ? JSON.stringify({ configs, refs }) : null;
  };
  const before = files();
  if (before === null) return null;
  const key = JSON.stringify({
    argv,
    cwd: io.cwd,
    env: relevantEnv(io.env),
    // the context's today (cli/context.ts): the clock's UTC date unless the line pins one
    today: line.values.some(([o]) => o === '--date') || io.env.LIAISON_TODAY ? '' : isoToday(io),
    tty: [io.isTTY, process.stderr.isTTY],
    code: codeStamp(),
    files: before,
  });
  const dbPath = storePath(line, io.env);
  // rows of the same key but the status wait for git; no such row: a miss without waiting
  const candidates = await memoRows(dbPath, repoDir, key);
  const status = async (): Promise<string | null> => {
    try {
      return cleanStatus(await statusOut);
    } catch {
      return null; // not a repository, git missing: the command says so
    }
  };
  let hit: ReportOutput | null = null;
  if (candidates.length > 0) {
    const now = await status();
    hit = candidates.find((r) => now !== null && r.status === now) ?? null;
  }
  return {
    hit,
    async save(out) {
      // refs or config changed while the command ran: what it printed may belong to neither state
      if (out.code !== 0 || files() !== before) return;
      const now = await status();
      if (now !== null) await saveRow(dbPath, repoDir, key, now, out);
    },
  };
}

/** The status output when the notes folder has no changes (their bytes are read from files). */
function cleanStatus(out: string): string | null {
  const entries = out.split('\0').filter((e) => e !== '');
  if (entries.some((e) => !e.startsWith('# '))) return null;
  const head = entries.find((e) => e.startsWith('# branch.oid '))?.slice('# branch.oid '.length);
  return head && /^[0-9a-f]{40,64}$/.test(head) ? out : null;
}

/** Where the context opens the store (cli/context.ts `dbPath`; no team config here). */
function storePath(line: NotesLine, env: NodeJS.ProcessEnv): string {
  const db = line.values.findLast(([o]) => o === '--db')?.[1] ?? env.LIAISON_DB;
  return db || defaultStorePath(env);
}

function isoToday(io: MemoIo): string {
  return io.now().toISOString().slice(0, 10);
}

/** Variables the tool, git or the store read (a changed one is another key). */
function relevantEnv(env: NodeJS.ProcessEnv): [string, string | undefined][] {
  return Object.keys(env)
    .filter((k) => /^(LIAISON_|GIT_|XDG_|LC_)|^(HOME|LANG|TZ|NO_COLOR|FORCE_COLOR)$/.test(k))
    .sort()
    .map((k) => [k, env[k]]);
}

/**
 * The reno config files as bytes (loadRenoConfig takes the first that
 * exists); null when a config names its own notes folder, whose status the
 * early `git status` of `<relnotesdir>/notes` does not cover.
 */
function renoConfigs(repoDir: string, relnotesdir: string): string[] | null {
  const texts: string[] = [];
  for (const file of [join(repoDir, relnotesdir, 'config.yaml'), join(repoDir, 'reno.yaml')]) {
    const text = fileText(file) ?? '-';
    if (text.includes('notesdir')) return null;
    texts.push(text);
  }
  return texts;
}

/** `packed-refs` and every loose ref of a files-backend repository; null for reftable. */
function refFiles(gitDir: string): string[] | null {
  if (existsSync(join(gitDir, 'reftable'))) return null;
  const out = [fileText(join(gitDir, 'packed-refs')) ?? '-'];
  let entries;
  try {
    entries = readdirSync(join(gitDir, 'refs'), { recursive: true, withFileTypes: true });
  } catch {
    return null;
  }
  for (const e of entries) {
    if (!e.isFile()) continue;
    const path = join(e.parentPath, e.name);
    out.push(path, fileText(path) ?? '-');
  }
  return out;
}

function fileText(path: string): string | null {
  try {
    return readFileSync(path, 'latin1');
  } catch {
    return null;
  }
}

// the folders whose code makes a report (src/ or dist/src/)
const CODE_FOLDERS = ['notes', 'notes/scanner', 'data/reno', 'cli', 'core', 'store', 'git', 'app'];

/** Size and time of every file of the folders a report's code lives in, and of the installed packages. */
function codeStamp(): string {
  const src = fileURLToPath(new URL('../', import.meta.url));
  const parts: string[] = [];
  for (const folder of CODE_FOLDERS) {
    // (plain concatenation: path.join costs ~4 ms over these ~60 files before it is optimised)
    const dir = src + folder + '/';
    for (const name of readdirSync(dir)) {
      const st = statSync(dir + name);
      if (st.isFile()) parts.push(`${folder}/${name}:${st.size}:${st.mtimeMs}`);
    }
  }
  const lock = join(src, '..', ...(src.includes('/dist/') ? ['..'] : []), 'node_modules');
  parts.push(`lock:${statMtime(join(lock, '.package-lock.json'))}`);
  return parts.join(' ');
}

function statMtime(path: string): number {
  try {
    return statSync(path).mtimeMs;
  } catch {
    return 0;
  }
}

interface MemoRow extends ReportOutput {
  readonly status: string;
}

/** The store when it exists at the current schema (the memo never makes or migrates one). */
async function openCurrent(dbPath: string): Promise<Db | null> {
  if (!existsSync(dbPath)) return null;
  const [{ openStoreIfCurrent }, { MIGRATION_IDS }] = await Promise.all([
    import('../store/db.js'),
    import('../app/migration-ids.js'),
  ]);
  return openStoreIfCurrent(dbPath, MIGRATION_IDS);
}

async function memoRows(dbPath: string, repo: string, key: string): Promise<MemoRow[]> {
  if (!existsSync(dbPath)) return [];
  try {
    const db = (await import('../store/db.js')).openStoreReadOnly(dbPath);
    if (!db) return [];
    try {
      return db
        .prepare(
          'SELECT status, stdout, stderr, code FROM notes_reports WHERE repo = ? AND key = ?',
        )
        .all(repo, key) as MemoRow[];
    } finally {
      db.close();
    }
  } catch {
    return []; // (an older schema, a damaged file) the command opens the store and says so
  }
}

async function saveRow(
  dbPath: string,
  repo: string,
  key: string,
  status: string,
  out: ReportOutput,
): Promise<void> {
  try {
    const db = await openCurrent(dbPath);
    if (!db) return;
    try {
      db.transaction(() => {
        db.prepare('DELETE FROM notes_reports WHERE repo = ? AND key = ? AND status = ?').run(
          repo,
          key,
          status,
        );
        db.prepare(
          'INSERT INTO notes_reports (repo, key, status, stdout, stderr, code) VALUES (?, ?, ?, ?, ?, ?)',
        ).run(repo, key, status, out.stdout, out.stderr, out.code);
        db.prepare(
          `DELETE FROM notes_reports WHERE repo = ? AND id NOT IN
             (SELECT id FROM notes_reports WHERE repo = ? ORDER BY id DESC LIMIT ?)`,
        ).run(repo, repo, REPORTS_PER_REPO);
      })();
    } finally {
      db.close();
    }
  } catch {
    // a store that cannot take the memo (read-only, full) costs the next run its speed only
  }
}

import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { homedir } from 'node:os';
import { join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { MIGRATION_IDS } from '../app/migration-ids.js';
import { packageRoot } from '../core/package-root.js';
import { openStoreIfCurrent } from '../store/db.js';
import { notesLineOf } from './command-prestart.js';
import { REFS_ARGS, startedOutput, statusArgs } from './scanner/early.js';
import { shallowFromFiles } from './scanner/head.js';

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
 * runs), the bytes of the reno config files, and the raw `for-each-ref`
 * and `git status` outputs the scan itself reads (the early processes it
 * takes over, so key and report see one state). Commits are immutable, so
 * the refs fix the history and every committed note. What the key cannot
 * see makes a line ineligible, and it then runs as always: a work tree
 * whose notes folder has changes (their bytes are read from files), a
 * config that moves the notes folder, a shallow clone, `--branch`,
 * `--ignore-cache`, `--output`, a team config or another team.
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
  save(out: ReportOutput): void;
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
  if (io.env.LIAISON_CONFIG || existsSync(join(io.cwd, 'liaison.yaml'))) return null;
  const repoDir = resolve(io.cwd, line.options.repo ?? '.');
  const relnotesdir = (line.options.relNotesDir ?? 'releasenotes').replace(/\/+$/, '');
  if (shallowFromFiles(repoDir, io.env) !== false) return null;
  const refsOut = startedOutput(repoDir, REFS_ARGS);
  const statusOut = startedOutput(repoDir, statusArgs(`${relnotesdir}/notes`));
  if (!refsOut || !statusOut) return null;
  const configs = () => renoConfigs(repoDir, relnotesdir);
  const before = configs();
  if (before === null) return null;
  const dbPath = storePath(line.values, io.env);
  const fixed = {
    argv,
    cwd: io.cwd,
    env: relevantEnv(io.env),
    // the context's today (cli/context.ts): the clock's UTC date unless the line pins one
    today: line.values.some(([o]) => o === '--date') || io.env.LIAISON_TODAY ? '' : isoToday(io),
    tty: [io.isTTY, process.stderr.isTTY === true],
    code: codeStamp(),
    configs: before,
  };
  let refs: string, status: string;
  try {
    [refs, status] = await Promise.all([refsOut, statusOut]);
  } catch {
    return null; // not a repository, git missing: the command says so
  }
  const entries = status.split('\0').filter((e) => e !== '');
  // changed notes are read from the work tree: their bytes are not in the key
  if (entries.some((e) => !e.startsWith('# '))) return null;
  const head = entries.find((e) => e.startsWith('# branch.oid '))?.slice(13);
  if (!head || !/^[0-9a-f]{40,64}$/.test(head)) return null;
  const key = JSON.stringify({ ...fixed, refs, status });
  return {
    hit: lookup(dbPath, repoDir, head, key),
    save(out) {
      // a config edited while the command ran: what it printed may belong to neither state
      if (out.code !== 0 || JSON.stringify(configs()) !== JSON.stringify(before)) return;
      store(dbPath, repoDir, head, key, out);
    },
  };
}

/** Where the context opens the store (cli/context.ts `dbPath`; no team config here). */
function storePath(values: NotesLineValues, env: NodeJS.ProcessEnv): string {
  const db = values.findLast(([o]) => o === '--db')?.[1] ?? env.LIAISON_DB;
  if (db) return db;
  const base = env.XDG_DATA_HOME ?? `${env.HOME ?? homedir()}/.local/share`;
  return `${base}/release-liaison/liaison.db`;
}

type NotesLineValues = NonNullable<ReturnType<typeof notesLineOf>>['values'];

function isoToday(io: MemoIo): string {
  return io.now().toISOString().slice(0, 10);
}

/** Variables the tool, git or the store read (a changed one is another key). */
function relevantEnv(env: NodeJS.ProcessEnv): [string, string | undefined][] {
  return Object.keys(env)
    .filter((k) => /^(LIAISON_|GIT_|XDG_|LC_)/.test(k) || /^(HOME|LANG|TZ|NO_COLOR|FORCE_COLOR)$/.test(k))
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
    let text = '';
    try {
      if (statSync(file).isFile()) text = readFileSync(file, 'latin1');
    } catch {
      text = '-'; // absent
    }
    if (text.includes('notesdir')) return null;
    texts.push(text);
  }
  return texts;
}

// the folders whose code makes a report (src/ or dist/src/), and what the packages were
const CODE_FOLDERS = ['notes', 'notes/scanner', 'data/reno', 'cli', 'core', 'store', 'git', 'app'];

/** Size and time of every file of the folders a report's code lives in. */
function codeStamp(): string {
  const src = fileURLToPath(new URL('../', import.meta.url));
  const parts: string[] = [];
  for (const folder of CODE_FOLDERS) {
    const dir = join(src, folder);
    for (const name of readdirSync(dir)) {
      const st = statSync(join(dir, name));
      if (st.isFile()) parts.push(`${folder}/${name}:${st.size}:${st.mtimeMs}`);
    }
  }
  const lock = join(packageRoot(), 'node_modules', '.package-lock.json');
  parts.push(existsSync(lock) ? `lock:${statSync(lock).mtimeMs}` : 'lock:-');
  return parts.join(' ');
}

function lookup(dbPath: string, repo: string, head: string, key: string): ReportOutput | null {
  // no store yet: the command creates it (a lookup must not make an empty file)
  if (dbPath !== ':memory:' && !existsSync(dbPath)) return null;
  try {
    const db = openStoreIfCurrent(dbPath, MIGRATION_IDS);
    if (!db) return null;
    try {
      const rows = db
        .prepare('SELECT key, stdout, stderr, code FROM notes_reports WHERE repo = ? AND head = ?')
        .all(repo, head) as (ReportOutput & { key: string })[];
      const row = rows.find((r) => r.key === key);
      return row ? { stdout: row.stdout, stderr: row.stderr, code: row.code } : null;
    } finally {
      db.close();
    }
  } catch {
    return null; // the command opens the store itself and says what is wrong with it
  }
}

function store(dbPath: string, repo: string, head: string, key: string, out: ReportOutput): void {
  if (!existsSync(dbPath)) return; // (the command made none: --db :memory:)
  try {
    const db = openStoreIfCurrent(dbPath, MIGRATION_IDS);
    if (!db) return;
    try {
      db.transaction(() => {
        db.prepare('DELETE FROM notes_reports WHERE repo = ? AND key = ?').run(repo, key);
        db.prepare(
          'INSERT INTO notes_reports (repo, head, key, stdout, stderr, code) VALUES (?, ?, ?, ?, ?, ?)',
        ).run(repo, head, key, out.stdout, out.stderr, out.code);
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

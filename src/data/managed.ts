import { existsSync, mkdirSync, readFileSync, renameSync, writeFileSync } from 'node:fs';
import { homedir } from 'node:os';
import { join } from 'node:path';

/**
 * The checkouts of openstack/releases and openstack/governance that
 * `liaison sync` keeps in the data directory, and what it recorded about
 * each (when it was last fetched, whether the last try failed). Commands
 * read them when present, before the embedded snapshot; only sync writes.
 */

export type ManagedName = 'releases' | 'governance';

export interface ManagedSpec {
  readonly name: ManagedName;
  /** `openstack/releases` */
  readonly repo: string;
  readonly defaultUrl: string;
  /** Folder under `<data dir>/checkouts/`. */
  readonly folder: string;
  /** A file every good checkout has (a half-made clone lacks it). */
  readonly marker: string;
  /** Governance needs no history: a shallow clone is enough. */
  readonly shallow: boolean;
}

export const MANAGED: Readonly<Record<ManagedName, ManagedSpec>> = {
  releases: {
    name: 'releases',
    repo: 'openstack/releases',
    defaultUrl: 'https://opendev.org/openstack/releases',
    folder: 'openstack-releases',
    marker: 'data/series_status.yaml',
    shallow: false,
  },
  governance: {
    name: 'governance',
    repo: 'openstack/governance',
    defaultUrl: 'https://opendev.org/openstack/governance',
    folder: 'openstack-governance',
    marker: 'reference/projects.yaml',
    shallow: true,
  },
};

/** What sync recorded for one managed checkout. */
export interface ManagedState {
  readonly url: string;
  /** Commit checked out by the last successful fetch. */
  readonly head: string | null;
  /** Its commit date (the `of <date>` of the data line), so opening needs no git call. */
  readonly commitDate?: string | null;
  /** ISO instant of the last successful clone or fetch: the data's age. */
  readonly fetchedAt: string | null;
  readonly lastAttemptAt: string;
  /** Set when the last attempt failed (the previous checkout is kept). */
  readonly error: string | null;
}

export type ManagedStates = Partial<Record<ManagedName, ManagedState>>;

/**
 * The data directory: config `data-dir`, else `$XDG_DATA_HOME/release-liaison`
 * (`~/.local/share/release-liaison`), where the default store lives too.
 */
export function dataDirOf(env: NodeJS.ProcessEnv, configured?: string): string {
  if (configured) return configured;
  const base = env.XDG_DATA_HOME || join(env.HOME || homedir(), '.local', 'share');
  return join(base, 'release-liaison');
}

/** The default store: `liaison.db` in the default data directory (no config is read for it). */
export function defaultStorePath(env: NodeJS.ProcessEnv): string {
  return join(dataDirOf(env), 'liaison.db');
}

export function checkoutsDir(dataDir: string): string {
  return join(dataDir, 'checkouts');
}

export function managedDir(dataDir: string, name: ManagedName): string {
  return join(checkoutsDir(dataDir), MANAGED[name].folder);
}

/**
 * The commit a checkout has checked out, read from its files (no git call:
 * every command opens the data). Undefined when it cannot be read simply.
 */
export function checkedOutCommit(dir: string): string | undefined {
  try {
    const git = join(dir, '.git');
    const head = readFileSync(join(git, 'HEAD'), 'utf8').trim();
    if (/^[0-9a-f]{40}$/.test(head)) return head;
    const ref = /^ref: (refs\/[^\s]+)$/.exec(head)?.[1];
    if (!ref) return undefined;
    if (existsSync(join(git, ref))) return readFileSync(join(git, ref), 'utf8').trim();
    const packed = readFileSync(join(git, 'packed-refs'), 'utf8');
    for (const line of packed.split('\n')) {
      const [sha, name] = line.trim().split(' ');
      if (name === ref && sha && /^[0-9a-f]{40}$/.test(sha)) return sha;
    }
    return undefined;
  } catch {
    return undefined;
  }
}

/** The managed checkout's folder when a complete one is there. */
export function presentCheckout(dataDir: string, name: ManagedName): string | undefined {
  const dir = managedDir(dataDir, name);
  return existsSync(join(dir, '.git')) && existsSync(join(dir, MANAGED[name].marker))
    ? dir
    : undefined;
}

function stateFile(dataDir: string): string {
  return join(checkoutsDir(dataDir), 'state.json');
}

/** The recorded states; an unreadable file counts as none (sync rewrites it). */
export function readManagedStates(dataDir: string): ManagedStates {
  try {
    const parsed: unknown = JSON.parse(readFileSync(stateFile(dataDir), 'utf8'));
    const out: ManagedStates = {};
    if (typeof parsed !== 'object' || parsed === null) return out;
    for (const name of Object.keys(MANAGED) as ManagedName[]) {
      const v: unknown = (parsed as Record<string, unknown>)[name];
      if (isState(v)) out[name] = v;
    }
    return out;
  } catch {
    return {};
  }
}

function isState(v: unknown): v is ManagedState {
  if (typeof v !== 'object' || v === null) return false;
  const r = v as Record<string, unknown>;
  const strOrNull = (x: unknown) => x === null || typeof x === 'string';
  return (
    typeof r.url === 'string' &&
    typeof r.lastAttemptAt === 'string' &&
    strOrNull(r.head) &&
    strOrNull(r.fetchedAt) &&
    strOrNull(r.error)
  );
}

/** Records one checkout's state (write to a temporary file, then rename: never half a file). */
export function writeManagedState(dataDir: string, name: ManagedName, state: ManagedState): void {
  const dir = checkoutsDir(dataDir);
  mkdirSync(dir, { recursive: true });
  const all = { ...readManagedStates(dataDir), [name]: state };
  const tmp = `${stateFile(dataDir)}.${process.pid}.tmp`;
  writeFileSync(tmp, JSON.stringify(all, null, 2) + '\n');
  renameSync(tmp, stateFile(dataDir));
}

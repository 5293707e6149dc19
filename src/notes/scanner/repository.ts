import { existsSync, readFileSync, statSync } from 'node:fs';
import { createRequire } from 'node:module';
import { join } from 'node:path';
import { UsageError } from '../../core/errors.js';
import {
  loadRenoConfig,
  notesPath,
  type LoadedRenoConfig,
  type RenoConfig,
  type RenoOverrides,
} from '../../data/reno/config.js';
import type { NoteEntries, ParsedNote } from '../../data/reno/note-file.js';
import { readBlobBytes } from '../../git/blobs.js';
import type { FileChange, RepoFacts } from './git-facts.js';
import { readLiveRefs, type LiveRefs } from './live.js';
import type { ScanResult } from './result.js';
import type { CachedHistory, HistoryCache } from './history-cache.js';
import type { NoteSource } from './tracker.js';

// the note reader (and its YAML parsers) loads when notes are read: after the scan, while git answers
type NoteFile = typeof import('../../data/reno/note-file.js');

/**
 * The scanner's edge: read the config and the git facts of a repository,
 * run the pure scan, then read and parse the notes it kept (one
 * `git cat-file --batch` for all of them).
 */

export interface NotesQuery extends RenoOverrides {
  readonly repoDir: string;
  /** reno's `--rel-notes-dir` (default `releasenotes`). */
  readonly relnotesdir?: string;
  /** Commit facts already read from git (SQLite store); none = ask git for everything. */
  readonly cache?: HistoryCache;
}

export interface ScannedRepository {
  readonly repoDir: string;
  readonly config: RenoConfig;
  readonly configFile: string | null;
  readonly scan: ScanResult;
  readonly warnings: readonly string[];
  /** Where parsed notes are kept between runs, if anywhere. */
  readonly cache?: HistoryCache;
}

/**
 * Scans a repository for its own config. With a cache, an unchanged
 * repository (same refs, head, status and config) gets the memoised scan
 * and its history is not even read; the store opens while git runs.
 */
export async function scanRepository(query: NotesQuery): Promise<ScannedRepository> {
  const cache = query.cache;
  if (!cache) return scanOpened(await openRepository(query, undefined, { walkedOnly: true }), {});
  const { repoDir, loaded } = prepare(query);
  const path = notesPath(loaded.config);
  const live = readLiveRefs(repoDir, path, !loaded.config.branch);
  live.catch(() => undefined);
  const { scanState } = await import('./scan-memo.js');
  const state = live.then((l) => scanState(path, loaded.config, l));
  state.catch(() => undefined);
  const memo = await cache.scanMemo(repoDir, state);
  if (memo) return scanned(repoDir, loaded, memo, cache);
  const opened = await openRepository(query, { loaded, live });
  const result = await scanOpened(opened, {});
  const s = await state;
  if (s !== null) await cache.saveScanMemo(repoDir, s, result.scan);
  return result;
}

/** A repository whose config and git facts are read once, to scan one or several branches. */
export interface OpenedRepository {
  readonly repoDir: string;
  readonly config: RenoConfig;
  readonly configFile: string | null;
  readonly configWarnings: readonly string[];
  readonly facts: RepoFacts;
  readonly cache?: HistoryCache;
  /** The cached history the facts came from (its clean-merge answers are added to). */
  readonly history?: CachedHistory;
  /** The null-merge answers for the opened config, asked of git while the notes log ran. */
  readonly cleanMerges?: Promise<CleanMerges>;
  /**
   * Set when the facts hold no note changes yet: each scan asks git for
   * those of the commits it walks, and keeps them here for the next scan.
   */
  readonly walked?: {
    readonly notesPath: string;
    readonly asked: Set<string>;
    readonly changes: Map<string, readonly FileChange[]>;
  };
}

type CleanMerges = Awaited<ReturnType<typeof import('./git-facts.js').cleanMerges>>;

function prepare(query: NotesQuery): { repoDir: string; loaded: LoadedRenoConfig } {
  const repoDir = query.repoDir;
  if (!existsSync(repoDir) || !statSync(repoDir).isDirectory())
    throw new UsageError(`--repo ${repoDir}: no such directory`);
  return { repoDir, loaded: loadRenoConfig(repoDir, query.relnotesdir ?? 'releasenotes', query) };
}

/**
 * Reads the config and the git facts once. `walkedOnly` (no cache) reads
 * no note changes up front: a single scan asks only for the commits it
 * walks, cheaper than the whole history's log when it stops at a branch
 * base; callers that scan many branches read the whole history once.
 */
export async function openRepository(
  query: NotesQuery,
  started?: { loaded: LoadedRenoConfig; live: Promise<LiveRefs> },
  how: { walkedOnly?: boolean } = {},
): Promise<OpenedRepository> {
  const { repoDir, loaded } = started ? { repoDir: query.repoDir, ...started } : prepare(query);
  // the history and scan code loads only when a scan is computed
  const [{ readRepoFacts, cleanMerges }, { nullMergeCandidates }] = await Promise.all([
    import('./git-facts.js'),
    import('./scan.js'),
  ]);
  let early: Promise<CleanMerges> | undefined;
  const walkedOnly = how.walkedOnly === true && !query.cache;
  const { facts, history } = await readRepoFacts(repoDir, notesPath(loaded.config), {
    workingCopy: !loaded.config.branch,
    noChanges: walkedOnly,
    ...(query.cache ? { cache: query.cache } : {}),
    ...(started ? { live: started.live } : {}),
    // which merges are null merges needs only the graph: ask git while the notes log runs
    onGraph: (graph, cached) => {
      let candidates: string[];
      try {
        candidates = nullMergeCandidates(graph, loaded.config);
      } catch {
        return; // (an unknown branch) the scan says it, with the same words
      }
      early = cleanMerges(repoDir, candidates, cached?.clean, graph.commits);
      early.catch(() => undefined);
    },
  });
  return {
    repoDir,
    config: loaded.config,
    configFile: loaded.file,
    configWarnings: loaded.warnings,
    facts,
    ...(query.cache ? { cache: query.cache } : {}),
    ...(history ? { history } : {}),
    ...(early ? { cleanMerges: early } : {}),
    ...(walkedOnly
      ? { walked: { notesPath: notesPath(loaded.config), asked: new Set(), changes: new Map() } }
      : {}),
  };
}

/** Scans the opened repository, with config changes (e.g. another branch). */
export async function scanOpened(
  opened: OpenedRepository,
  changes: Partial<RenoConfig>,
): Promise<ScannedRepository> {
  const config: RenoConfig = { ...opened.config, ...changes };
  const [
    { cleanMerges, notesChangesOf },
    { nullMergeCandidates, scanNotes, planScan, finishScan, walkedCommits },
  ] = await Promise.all([import('./git-facts.js'), import('./scan.js')]);
  // the answers asked while the history was read hold for the opened config only
  const { clean, asked } =
    opened.cleanMerges && Object.keys(changes).length === 0
      ? await opened.cleanMerges
      : await cleanMerges(
          opened.repoDir,
          nullMergeCandidates(opened.facts, config),
          opened.history?.clean,
          opened.facts.commits,
        );
  if (asked > 0 && opened.history) await opened.cache?.saveCleanMerges(opened.history);
  let scan: ScanResult;
  if (opened.walked) {
    const plan = planScan(opened.facts, config, clean);
    const { notesPath: path, asked, changes } = opened.walked;
    const missing = walkedCommits(plan).filter((sha) => !asked.has(sha));
    const finding = notesChangesOf(opened.repoDir, missing, path, opened.facts.commits);
    // while git answers: the hashing the note loading needs next (loadNotes)
    loadCrypto();
    const found = await finding;
    for (const sha of missing) asked.add(sha);
    for (const [sha, c] of found) changes.set(sha, c);
    scan = finishScan(plan, changes);
  } else scan = scanNotes(opened.facts, config, clean);
  return scanned(
    opened.repoDir,
    { config, file: opened.configFile, warnings: opened.configWarnings },
    scan,
    opened.cache,
  );
}

function scanned(
  repoDir: string,
  loaded: LoadedRenoConfig,
  scan: ScanResult,
  cache: HistoryCache | undefined,
): ScannedRepository {
  const warnings = [...loaded.warnings, ...scan.warnings];
  const dir = join(repoDir, notesPath(loaded.config));
  if (!existsSync(dir) && scan.versions.length === 0)
    warnings.push(`${dir}: no release notes folder in the work tree`);
  return {
    repoDir,
    config: loaded.config,
    configFile: loaded.file,
    scan,
    warnings,
    ...(cache ? { cache } : {}),
  };
}

export interface LoadedNote {
  readonly source: NoteSource;
  /** Null when the note could not be read or parsed (see `error`). */
  readonly parsed: ParsedNote | null;
  readonly error?: string;
}

/**
 * Reads and parses every note the scan kept, keyed by path: from the
 * parsed-note cache when its blob was parsed before, else through one
 * `git cat-file --batch` (and the new parses are cached).
 */
export async function loadNotes(
  repo: ScannedRepository,
  versions = repo.scan.versions.map((v) => v.version),
): Promise<Map<string, LoadedNote>> {
  const nf = await import('../../data/reno/note-file.js');
  const wanted = new Set(versions);
  const sources = repo.scan.versions.filter((v) => wanted.has(v.version)).flatMap((v) => v.notes);
  const committed = [...new Set(sources.flatMap((s) => (s.commit && s.blob ? [s.blob] : [])))];
  const cached = (await repo.cache?.parsedNotes(committed)) ?? new Map<string, NoteEntries>();
  const needed = committed.filter((b) => !cached.has(b));
  // most notes kept are the files of the work tree as they are: read those, ask git for the rest
  const blobs = workTreeBlobs(repo.repoDir, sources, new Set(needed));
  const fromGit = needed.filter((b) => !blobs.has(b));
  (await readBlobBytes(repo.repoDir, fromGit)).forEach((bytes, i) => {
    const sha = fromGit[i];
    if (bytes && sha) blobs.set(sha, bytes);
  });
  const parsedNow = new Map<string, NoteEntries>();
  const out = new Map<string, LoadedNote>();
  for (const source of sources)
    out.set(source.path, parseSource(repo, source, blobs, cached, parsedNow, nf));
  await repo.cache?.saveParsedNotes(parsedNow);
  return out;
}

/**
 * The blobs among `wanted` that are the content of a work-tree file at a
 * path they were committed at: git's object id of the bytes on disk
 * (`blob <size>\0` + bytes, SHA-1 or SHA-256 by the id's length) equals
 * the blob's. A file changed on disk, converted by git (line endings,
 * filters) or missing simply does not match, and git is asked for it.
 */
// node:crypto costs 5-10 ms to load: only a scan that reads note files from the work tree needs it
const require = createRequire(import.meta.url);
type Crypto = typeof import('node:crypto');
let crypto: Crypto | undefined;
const loadCrypto = (): Crypto => (crypto ??= require('node:crypto') as Crypto);

function workTreeBlobs(
  repoDir: string,
  sources: readonly NoteSource[],
  wanted: ReadonlySet<string>,
): Map<string, Buffer> {
  const found = new Map<string, Buffer>();
  for (const s of sources) {
    const blob = s.blob;
    if (!blob || !wanted.has(blob) || found.has(blob)) continue;
    let bytes: Buffer;
    try {
      bytes = readFileSync(join(repoDir, s.path));
    } catch {
      continue;
    }
    const hash = loadCrypto().createHash(blob.length === 64 ? 'sha256' : 'sha1');
    hash.update(`blob ${bytes.length}\0`);
    hash.update(bytes);
    if (hash.digest('hex') === blob) found.set(blob, bytes);
  }
  return found;
}

function parseSource(
  repo: ScannedRepository,
  source: NoteSource,
  blobs: ReadonlyMap<string, Buffer>,
  cached: ReadonlyMap<string, NoteEntries>,
  parsedNow: Map<string, NoteEntries>,
  nf: NoteFile,
): LoadedNote {
  try {
    if (source.commit === null) {
      const file = join(repo.repoDir, source.path);
      if (!existsSync(file))
        return { source, parsed: null, error: `${source.path}: missing from the work tree` };
      const bytes = readFileSync(file);
      const text = repo.config.encoding
        ? new TextDecoder(repo.config.encoding).decode(bytes)
        : nf.decodeNoteBytes(bytes, source.path);
      return { source, parsed: nf.parseNoteText(text, source.path, repo.config) };
    }
    const entries = source.blob ? cached.get(source.blob) : undefined;
    if (entries)
      return {
        source,
        parsed: nf.noteOfMapping(nf.mappingOfEntries(entries), source.path, repo.config),
      };
    const bytes = source.blob ? blobs.get(source.blob) : undefined;
    if (!bytes || !source.blob)
      return {
        source,
        parsed: null,
        error: `${source.path}: blob ${source.blob ?? '?'} of commit ${source.commit} is missing`,
      };
    const mapping = nf.parseNoteYaml(nf.decodeNoteBytes(bytes, source.path), source.path);
    const forCache = nf.cacheableEntries(mapping);
    if (forCache) parsedNow.set(source.blob, forCache);
    return { source, parsed: nf.noteOfMapping(mapping, source.path, repo.config) };
  } catch (e) {
    if (e instanceof nf.NoteParseError || e instanceof RangeError)
      return { source, parsed: null, error: e.message };
    throw e;
  }
}

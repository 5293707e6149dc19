import { resolve } from 'node:path';
import { git } from '../../git/run.js';
import { commitGraphFileOf } from './commit-graph-file.js';

/**
 * The git processes of a scan, started by the notes command before the
 * scanner's modules load: on a cold scan of a big history the `git log` of
 * the notes folder is the longest step, and each millisecond it starts
 * earlier is one off the run. The scanner takes a started process over
 * when it asks for the very same command in the same repository (a reno
 * config that moves the notes folder asks for another and the early one is
 * simply not used); the argument lists are written once, here.
 */

interface Started {
  readonly output: Promise<string>;
  readonly stop: AbortController;
  /** For a process started before its input is known: gives it its input. */
  readonly feed?: (input: string) => void;
}

const started = new Map<string, Started>();
const keyOf = (repo: string, args: readonly string[]) => `${repo}\0${args.join('\0')}`;

/**
 * Runs git, or takes over the same command started early: one started
 * without input when there is none, one waiting for its input (which it
 * then gets) when there is.
 */
export function gitTakingEarly(
  repo: string,
  args: readonly string[],
  input?: string,
): Promise<string> {
  const key = keyOf(repo, args);
  const early = started.get(key);
  if (early && (input === undefined) === (early.feed === undefined)) {
    started.delete(key);
    if (input !== undefined) early.feed?.(input);
    return early.output;
  }
  return git(repo, args, input === undefined ? {} : { input });
}

/**
 * The output of a command started early, left for the scan to take over:
 * the report memo (cli/notes-memo.ts) keys on the very outputs the scan reads.
 */
export function startedOutput(repo: string, args: readonly string[]): Promise<string> | undefined {
  return started.get(keyOf(repo, args))?.output;
}

function start(repo: string, args: readonly string[], waitForInput = false): void {
  const key = keyOf(repo, args);
  if (started.has(key)) return;
  const stop = new AbortController();
  let feed: ((input: string) => void) | undefined;
  const input = waitForInput ? new Promise<string>((resolve) => (feed = resolve)) : undefined;
  const output = git(repo, args, { signal: stop.signal, ...(input ? { input } : {}) });
  output.catch(() => undefined); // the scan that takes it over reports the failure
  started.set(key, { output, stop, ...(feed ? { feed } : {}) });
}

/**
 * Ends the early processes no scan took over (a command line that failed to
 * parse, a reno config that moves the notes folder): the process then exits
 * without waiting for a history walk nobody reads.
 */
export function stopUnusedEarly(): void {
  for (const { stop } of started.values()) stop.abort();
  started.clear();
}

/** Every ref and HEAD: the history a scan reads (all branches and tags). */
export const HISTORY = ['--branches', '--remotes', '--tags', 'HEAD'] as const;

export function notesLogArgs(revs: readonly string[], notesPath: string): string[] {
  return [
    'log',
    '--full-history',
    '-z',
    '-c',
    '--raw',
    '--no-renames',
    '--no-abbrev',
    '--format=%x01%H',
    ...revs,
    '--',
    `:(literal)${notesPath}`,
  ];
}

/**
 * `git log` of the commits given on stdin, each with its raw (combined for
 * merges) diff of the notes folder: the changes of the commits a scan walks.
 */
export function notesChangesArgs(notesPath: string): string[] {
  return [...NO_WALK, '--', `:(literal)${notesPath}`];
}

/** `git log` of the commits given on stdin, each with its raw (combined for merges) diff. */
export const NO_WALK = [
  'log',
  '--no-walk=unsorted',
  '--stdin',
  '-c',
  '--raw',
  '-z',
  '--no-renames',
  '--no-abbrev',
  '--format=%x01%H',
] as const;

export function revListArgs(revs: readonly string[]): string[] {
  return ['rev-list', '--parents', '--timestamp', ...revs];
}

export const REFS_ARGS = [
  'for-each-ref',
  '--format=%(refname)%00%(objecttype)%00%(objectname)%00%(*objecttype)%00%(*objectname)%00%(creatordate:unix)',
  'refs/heads',
  'refs/remotes',
  'refs/tags',
] as const;

export function statusArgs(notesPath: string): string[] {
  return [
    '--no-optional-locks',
    'status',
    '--porcelain=v2',
    '--branch',
    // the head is all we want from the branch headers: no ahead/behind walk
    '--no-ahead-behind',
    '-z',
    '--untracked-files=no',
    '--no-renames',
    '--',
    `:(literal)${notesPath}`,
  ];
}

/**
 * Starts what a scan of `repo` will ask first: the whole history's notes
 * log when no cache will answer it (longest first), the commit graph when
 * git's commit-graph file does not hold it, then the refs and, for the
 * work tree, the status of the notes folder; last, the log of the walked
 * commits, which waits for them on its stdin.
 */
export function startScanEarly(
  repo: string,
  notesPath: string,
  opts: {
    readonly workingCopy: boolean;
    /** The scan reads the graph from git, not from a cache. */
    readonly graph: boolean;
    /** The scan reads every commit's note changes, not only the walked ones. */
    readonly notesLog: boolean;
    /** The scan asks for the note changes of the commits it walks. */
    readonly walkedChanges?: boolean;
    readonly refs?: boolean;
  },
): void {
  if (opts.notesLog) start(repo, notesLogArgs(HISTORY, notesPath));
  // with git's commit-graph file the scanner reads the graph from it (commit-graph-file.ts)
  if (opts.graph && !commitGraphFileOf(repo)) start(repo, revListArgs(HISTORY));
  if (opts.refs !== false) start(repo, REFS_ARGS);
  if (opts.workingCopy) start(repo, statusArgs(notesPath));
  // started now, fed the walked commits later: its start-up is done by then,
  // and the process forks while this one is still small
  if (opts.walkedChanges) start(repo, notesChangesArgs(notesPath), true);
}

/** The options of a notes command that say what its scan will ask git first. */
export interface EarlyScanOptions {
  readonly repo?: string;
  readonly relNotesDir?: string;
  readonly branch?: string;
  readonly ignoreCache?: boolean;
}

/**
 * Starts the scan's first git processes for a notes command's options, for
 * the notes folder of the default reno config (a config that moves it asks
 * for other commands, and these are stopped unused). The whole history's
 * log starts only for a command that reads it all without a cache
 * (`notes check --ignore-cache`); a single report or list without a cache
 * asks for the changes of the commits it walks, after the walk.
 */
export function startScanEarlyFor(
  cwd: string,
  o: EarlyScanOptions,
  what: { readonly refs?: boolean; readonly wholeHistory?: boolean } = {},
): void {
  const relnotesdir = (o.relNotesDir ?? 'releasenotes').replace(/\/+$/, '');
  startScanEarly(resolve(cwd, o.repo ?? '.'), `${relnotesdir}/notes`, {
    workingCopy: o.branch === undefined,
    graph: o.ignoreCache === true,
    notesLog: o.ignoreCache === true && what.wholeHistory === true,
    walkedChanges: o.ignoreCache === true && what.wholeHistory !== true && o.branch === undefined,
    refs: what.refs !== false,
  });
}

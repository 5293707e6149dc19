import { git, gitSync } from '../../git/run.js';
import {
  gitTakingEarly,
  HISTORY,
  NO_WALK,
  notesChangesArgs,
  notesLogArgs,
  revListArgs,
} from './early.js';
import { readLiveRefs, type LiveRefs } from './live.js';
import { bloomKeys, mayChange } from './bloom.js';
import { readCommitGraphFile } from './commit-graph-file.js';
import { CommitGraph } from './graph.js';
import type { CachedHistory, HistoryCache } from './history-cache.js';

/**
 * The git adapter of the scanner: everything it needs from a repository in
 * a handful of processes run side by side (refs, the commit graph, one
 * `git log` of the notes folder, the work-tree status), plus one
 * `git cat-file --batch` for the note contents. The rest of the scanner
 * is pure and works on these facts.
 */

export type ChangeKind = 'add' | 'modify' | 'delete';

/** One change of a note path in one commit (for merges: one per parent). */
export interface FileChange {
  readonly kind: ChangeKind;
  /** Path from the repository root. */
  readonly path: string;
  /** The blob after the change (add/modify), before it (delete). */
  readonly blob: string;
}

export interface TagRef {
  readonly name: string;
  readonly commit: string;
  /** Tagger time of the outermost tag object, or the commit time of a lightweight tag. */
  readonly date: number;
}

export interface WorkingCopyChange {
  readonly kind: ChangeKind;
  readonly path: string;
  /** True for work-tree-vs-index changes, false for index-vs-HEAD. */
  readonly unstaged: boolean;
}

/** The commit graph and its names: what the branch and version rules work on. */
export interface RepoGraph {
  readonly head: string;
  /** Full ref name → commit it points to (tags peeled). */
  readonly refs: ReadonlyMap<string, string>;
  readonly tags: readonly TagRef[];
  readonly commits: CommitGraph;
}

export interface RepoFacts extends RepoGraph {
  readonly repoDir: string;
  /** Commits whose notes folder changed, with their changes. */
  readonly noteChanges: ReadonlyMap<string, readonly FileChange[]>;
  readonly workingCopy: readonly WorkingCopyChange[];
  readonly shallow: boolean;
  readonly warnings: readonly string[];
}

/**
 * Reads every fact the scan needs; `workingCopy` adds the `git status` of
 * the notes folder. With a cache, commits already known are not asked
 * again: when every ref tip is cached, git is not asked about history at
 * all. The git processes start first, the cache is read while they run.
 * `onGraph` gets the graph as soon as it is known, while the (slower) log
 * of the notes folder may still run, so work that needs only the graph
 * (the null-merge question to git) runs beside it.
 */
export async function readRepoFacts(
  repoDir: string,
  notesPath: string,
  opts: {
    workingCopy: boolean;
    cache?: HistoryCache;
    live?: Promise<LiveRefs>;
    onGraph?: (graph: RepoGraph, history?: CachedHistory) => void;
    /**
     * Without a cache, read no note changes: the caller asks for those of
     * the commits its scan walks (`notesChangesOf`), which for a report that
     * stops at the branch base is a few hundred commits of many thousands.
     */
    noChanges?: boolean;
  },
): Promise<{ facts: RepoFacts; history?: CachedHistory }> {
  // the graph is parsed as soon as rev-list ends, while the notes log still
  // runs; the log, the longest, starts first (each spawn takes milliseconds)
  // git's commit-graph file, when the clone has one, stands for the rev-list
  const fullHistory = () => {
    const log = opts.noChanges
      ? Promise.resolve('')
      : gitTakingEarly(repoDir, notesLogArgs(HISTORY, notesPath));
    const file = readCommitGraphFile(repoDir);
    const graph = file
      ? Promise.resolve({ graph: file, complete: false })
      : gitTakingEarly(repoDir, revListArgs(HISTORY)).then((out) => ({
          graph: parseGraph(out),
          complete: true,
        }));
    return [graph, log] as const;
  };
  // without a cache the whole history is read anyway: start it before the others
  const uncached = opts.cache ? null : fullHistory();
  for (const p of uncached ?? []) p.catch(() => undefined);
  const livePromise = opts.live ?? readLiveRefs(repoDir, notesPath, opts.workingCopy);
  const cachedPromise = opts.cache?.load(repoDir, notesPath);
  cachedPromise?.catch(() => undefined);
  const { head, refsOut, statusOut } = await livePromise;
  const warnings: string[] = [];
  const { refs, tags } = parseRefs(refsOut, repoDir, warnings);
  let commits: CommitGraph;
  let noteChanges: Map<string, readonly FileChange[]>;
  const history = head.shallow ? undefined : await cachedPromise;
  if (!history) {
    const [graphRead, logRead] = uncached ?? fullHistory();
    logRead.catch(() => undefined); // awaited below, after the graph
    const read = await graphRead;
    commits = read.complete
      ? read.graph
      : await withTips(repoDir, read.graph, [head.sha, ...refs.values()]);
    opts.onGraph?.({ head: head.sha, refs, tags, commits });
    noteChanges = parseRawLog(await logRead);
  } else {
    const tips = [...new Set([head.sha, ...refs.values()])];
    const known: string[] = [];
    const unknown: string[] = [];
    for (const t of tips) (history.graph.has(t) ? known : unknown).push(t);
    if (unknown.length > 0) {
      // only the history not cached yet: new tips, minus what the cached tips reach
      const range = [...unknown, ...known.map((k) => `^${k}`)];
      const [graphOut, logOut] = await Promise.all([
        git(repoDir, revListArgs(range)),
        git(repoDir, notesLogArgs(range, notesPath)),
      ]);
      history.graph = history.graph.withRevList(graphOut);
      const changes = new Map(history.changes);
      for (const [k, v] of parseRawLog(logOut)) changes.set(k, v);
      history.changes = changes;
      await opts.cache?.saveHistory(history);
    }
    commits = history.graph;
    noteChanges = history.changes;
    opts.onGraph?.({ head: head.sha, refs, tags, commits }, history);
  }
  const facts: RepoFacts = {
    repoDir,
    head: head.sha,
    refs,
    tags,
    commits,
    noteChanges,
    workingCopy: parseStatus(statusOut),
    shallow: head.shallow,
    warnings,
  };
  return history ? { facts, history } : { facts };
}

/**
 * The graph plus the history of the tips it does not hold (commits made or
 * fetched after git wrote its commit-graph file): only what the tips it
 * holds do not reach, one `rev-list` when there is any.
 */
async function withTips(
  repoDir: string,
  graph: CommitGraph,
  tips: readonly string[],
): Promise<CommitGraph> {
  const known: string[] = [];
  const unknown: string[] = [];
  for (const t of new Set(tips)) (graph.has(t) ? known : unknown).push(t);
  if (unknown.length === 0) return graph;
  const out = await git(repoDir, revListArgs([...unknown, ...known.map((k) => `^${k}`)]));
  return graph.withRevList(out);
}

/** Parses for-each-ref output; annotated tags are peeled, chains of tags followed. */
export function parseRefs(
  out: string,
  repoDir: string,
  warnings: string[],
): { refs: Map<string, string>; tags: TagRef[] } {
  const refs = new Map<string, string>();
  const tags: TagRef[] = [];
  for (const line of out.split('\n')) {
    if (!line) continue;
    const [name = '', type, sha = '', peeledType, peeled = '', date = '0'] = line.split('\0');
    let commit: string | undefined;
    if (type === 'commit') commit = sha;
    else if (type === 'tag' && peeledType === 'commit') commit = peeled;
    else if (type === 'tag' && peeledType === 'tag') {
      // a tag of a tag: let git follow the chain
      const r = gitSync(repoDir, ['rev-parse', '--verify', '-q', `${sha}^{commit}`], {
        okCodes: [1],
      }).trim();
      if (r) commit = r;
    }
    if (!commit) {
      if (name.startsWith('refs/tags/'))
        warnings.push(`tag ${name.slice(10)} does not point to a commit; ignored`);
      continue;
    }
    refs.set(name, commit);
    if (name.startsWith('refs/tags/'))
      tags.push({ name: name.slice(10), commit, date: Number(date) });
  }
  return { refs, tags };
}

/** `rev-list --parents --timestamp` lines: `time sha parent...`. */
export function parseGraph(out: string): CommitGraph {
  return CommitGraph.empty().withRevList(out);
}

/**
 * `git log -z -c --raw` of the notes folder. Plain commits give one entry
 * per path; merges give the combined form (`::`), listing only paths that
 * differ from every parent, with one status letter per parent.
 */
export function parseRawLog(out: string): Map<string, FileChange[]> {
  const result = new Map<string, FileChange[]>();
  for (const chunk of out.split('\x01')) {
    if (chunk.length < 40) continue;
    const tokens = chunk.split('\0');
    const sha = (tokens[0] ?? '').trim();
    const changes: FileChange[] = [];
    for (let i = 1; i < tokens.length; i++) {
      const meta = (tokens[i] ?? '').replace(/^\n+/, '');
      if (!meta.startsWith(':')) continue;
      const path = tokens[++i] ?? '';
      changes.push(...changesOfRawEntry(meta, path));
    }
    if (changes.length > 0) result.set(sha, changes);
  }
  return result;
}

const ZERO = /^0+$/;

export function changesOfRawEntry(meta: string, path: string): FileChange[] {
  const colons = /^:+/.exec(meta)?.[0].length ?? 1;
  const fields = meta.slice(colons).split(' ');
  const n = colons; // number of parents (1 for a plain commit)
  const oldBlobs = fields.slice(n + 1, n + 1 + n);
  const newBlob = fields[2 * n + 1] ?? '';
  const statuses = (fields[2 * n + 2] ?? '').replace(/\d+$/, '');
  if (n > 1) {
    // A merge: drop a deletion whose parents all had the same content (not a conflict).
    if (statuses.split('').every((s) => s === 'D') && oldBlobs.every((b) => b === oldBlobs[0]))
      return [];
  }
  const changes: FileChange[] = [];
  // status letters are ASCII: one per parent
  statuses.split('').forEach((status, i) => {
    const oldBlob = oldBlobs[i] ?? '';
    if (status === 'A') changes.push({ kind: 'add', path, blob: newBlob });
    else if (status === 'D') changes.push({ kind: 'delete', path, blob: oldBlob });
    else if (status === 'T') {
      // a type change (file ↔ symlink) is a delete plus an add, as dulwich reports it
      changes.push({ kind: 'delete', path, blob: oldBlob }, { kind: 'add', path, blob: newBlob });
    } else if (ZERO.test(newBlob)) changes.push({ kind: 'delete', path, blob: oldBlob });
    else changes.push({ kind: 'modify', path, blob: newBlob });
  });
  return changes;
}

/** `status --porcelain=v2 -z`: ordinary entries `1 XY ...` (no renames asked). */
export function parseStatus(out: string): WorkingCopyChange[] {
  const unstaged: WorkingCopyChange[] = [];
  const staged: WorkingCopyChange[] = [];
  for (const entry of out.split('\0')) {
    if (!entry.startsWith('1 ')) continue;
    const fields = entry.split(' ');
    const xy = fields[1] ?? '..';
    const path = fields.slice(8).join(' ');
    const x = xy[0];
    const y = xy[1];
    if (y === 'M' || y === 'T') unstaged.push({ kind: 'add', path, unstaged: true });
    else if (y === 'D') unstaged.push({ kind: 'delete', path, unstaged: true });
    if (x === 'A') staged.push({ kind: 'add', path, unstaged: false });
    else if (x === 'M' || x === 'T') staged.push({ kind: 'modify', path, unstaged: false });
    else if (x === 'D') staged.push({ kind: 'delete', path, unstaged: false });
  }
  // reno: unstaged first, then staged adds, modifies, deletes
  const order: ChangeKind[] = ['add', 'modify', 'delete'];
  return [...unstaged, ...order.flatMap((k) => staged.filter((c) => c.kind === k))];
}

/**
 * The changes of the notes folder made by the given commits (the same
 * entries the whole-history log gives for them): one `git log --no-walk`,
 * or the same command started early and waiting for them. Commits whose
 * changed-path filter in `graph` rules the folder out (bloom.ts) are not
 * asked about: they changed nothing there.
 */
export async function notesChangesOf(
  repoDir: string,
  commits: readonly string[],
  notesPath: string,
  graph: CommitGraph,
): Promise<Map<string, FileChange[]>> {
  const filters = graph.changedPaths;
  const keys = filters ? bloomKeys(notesPath, filters) : null;
  const ask =
    filters && keys
      ? commits.filter((sha) => mayChange(filters, graph.id(sha) ?? -1, keys))
      : commits;
  if (ask.length === 0) return new Map();
  const input = ask.join('\n') + '\n';
  return parseRawLog(await gitTakingEarly(repoDir, notesChangesArgs(notesPath), input));
}

/**
 * Of the given merges, those that are "clean" over the whole tree (no path
 * differs from every parent): a merge with the very tree of one of its
 * parents is, as the commit-graph file tells; the others not in `known`
 * are asked of git in one `git log --no-walk -c`, and the answers added
 * to `known`.
 */
export async function cleanMerges(
  repoDir: string,
  merges: readonly string[],
  known: Map<string, boolean> = new Map(),
  graph?: CommitGraph,
): Promise<{ clean: Set<string>; asked: number }> {
  const clean = new Set<string>();
  const ask: string[] = [];
  for (const m of merges) {
    const answer = known.get(m);
    const id = answer === undefined ? graph?.id(m) : undefined;
    if (id !== undefined && graph?.sameTreeAsAParent(id) === true) clean.add(m);
    else if (answer === undefined) ask.push(m);
    else if (answer) clean.add(m);
  }
  if (ask.length === 0) return { clean, asked: 0 };
  const out = await git(repoDir, [...NO_WALK], { input: ask.join('\n') + '\n' });
  const changed = parseRawLog(out);
  for (const m of ask) {
    known.set(m, !changed.has(m));
    if (!changed.has(m)) clean.add(m);
  }
  return { clean, asked: ask.length };
}

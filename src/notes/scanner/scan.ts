import { UsageError } from '../../core/errors.js';
import { notesPath, type RenoConfig } from '../../data/reno/config.js';
import { isNoteFile, uidOf } from '../../data/reno/note-file.js';
import { Branches, cmp } from './branches.js';
import type { FileChange, RepoFacts, RepoGraph } from './git-facts.js';
import { ChangeAggregator, ChangeTracker, type NoteSource } from './tracker.js';
import { WORKING_COPY, type ScanResult, type VersionNotes } from './result.js';
import { VersionRules, sameFirstThree } from './versions.js';
import { ABSENT } from './graph.js';
import { dateWalkIds, describeId, reachableMask, stackWalkIds } from './walks.js';

/**
 * The scan itself, pure over the repository facts: which versions the
 * branch has, where the scan stops, and which notes belong to which
 * version. Follows reno's semantics exactly, surprises included.
 */

export { WORKING_COPY, type ScanResult, type VersionNotes } from './result.js';

interface Rules {
  readonly key: string;
  readonly names: RepoGraph;
  readonly versions: VersionRules;
  readonly branches: Branches;
}

// one entry per graph: the rules hold no more than the graph they were made for
const rulesMemo = new WeakMap<RepoGraph['commits'], Rules>();

/**
 * The version and branch rules of a repository's names under a config,
 * made once for the null-merge question and the scan that follows it
 * (the same head, refs and tags, an equal config).
 */
function rulesOf(facts: RepoGraph, config: RenoConfig): Rules {
  const key = JSON.stringify(config);
  const known = rulesMemo.get(facts.commits);
  const n = known?.names;
  if (
    known?.key === key &&
    n?.head === facts.head &&
    n.refs === facts.refs &&
    n.tags === facts.tags
  )
    return known;
  const versions = new VersionRules(config, facts.tags);
  const rules = { key, names: facts, versions, branches: new Branches(facts, config, versions) };
  rulesMemo.set(facts.commits, rules);
  return rules;
}

/** Merges the null-merge rule must test for cleanliness (a later parent carries a version tag). */
export function nullMergeCandidates(facts: RepoGraph, config: RenoConfig): string[] {
  if (!config.ignoreNullMerges) return [];
  const { versions, branches } = rulesOf(facts, config);
  const graph = facts.commits;
  const mask = reachableMask(graph, graph.id(branches.resolve(config.branch)) ?? ABSENT);
  const tagged = versions.tagsById(graph);
  const { parentStart, parentIds } = graph;
  const out: string[] = [];
  for (let id = 0; id < mask.length; id++) {
    if (!mask[id] || graph.parentCount(id) < 2) continue;
    const end = parentStart[id + 1] ?? 0;
    for (let k = (parentStart[id] ?? 0) + 1; k < end; k++) {
      const p = parentIds[k] ?? ABSENT;
      if (p !== ABSENT && tagged.has(p)) {
        out.push(graph.sha(id));
        break;
      }
    }
  }
  return out;
}

/** Runs the scan; `cleanMerges` are the candidate merges that change nothing. */
export function scanNotes(
  facts: RepoFacts,
  config: RenoConfig,
  cleanMerges: ReadonlySet<string>,
): ScanResult {
  return finishScan(planScan(facts, config, cleanMerges), facts.noteChanges);
}

/**
 * The first half of a scan, which needs no note changes: the versions, the
 * stop point and the walk itself (which commits, in which order, under
 * which version). A scan without a history cache asks git for the changes
 * of the walked commits only (`walkedCommits`), often a few hundred of a
 * history of thousands, then finishes.
 */
export interface ScanPlan {
  readonly facts: RepoFacts;
  readonly config: RenoConfig;
  readonly warnings: readonly string[];
  readonly head: string;
  readonly startVersion: string;
  readonly versionsByDate: readonly string[];
  readonly stopTag: string | null;
  readonly earliest: string | null;
  readonly versions: VersionRules;
  /** Visited commits in walk order, and the version each one counts for. */
  readonly walk: readonly number[];
  readonly versionAt: readonly string[];
}

export function planScan(
  facts: RepoFacts,
  config: RenoConfig,
  cleanMerges: ReadonlySet<string>,
): ScanPlan {
  const warnings: string[] = [...facts.warnings];
  if (facts.shallow) {
    warnings.push(
      'shallow clone: history before the oldest fetched commit is missing, so older notes are left out or attributed to the oldest version seen (run git fetch --unshallow)',
    );
  }
  const { versions, branches } = rulesOf(facts, config);
  const branch = config.branch || null;
  const head = branches.resolve(branch);
  const graph = facts.commits;
  const headId = graph.id(head) ?? ABSENT;
  const tagged = versions.tagsById(graph);
  let currentVersion = describeId(graph, headId, (id) => tagged.get(id));
  const startVersion = currentVersion;
  const vbd: string[] = [];
  dateWalkIds(graph, headId, (id) => {
    const tags = tagged.get(id);
    if (tags) vbd.push(...tags);
  });

  let earliest = config.earliestVersion || null;
  if (earliest && !vbd.includes(earliest)) {
    throw new UsageError(
      `earliest-version set to unknown revision ${earliest} (it is not a version tag on ${branch ?? 'the current branch'})`,
    );
  }
  const stopPoint = (v: string | null): string | null =>
    findStopPoint(v, vbd, config, branch, branches, versions);
  let stopTag = stopPoint(earliest);

  if (!branch && !earliest && config.stopAtBranchBase) {
    stopTag = null;
    for (const candidate of [...branches.seriesBranches()].reverse()) {
      const base = branches.branchBase(candidate);
      if (base !== null && vbd.includes(base)) {
        stopTag = base;
        break;
      }
    }
    if (stopTag) {
      const idx = vbd.indexOf(stopTag) + 1;
      earliest = vbd[idx] ?? stopTag;
    }
  } else if (branch && config.stopAtBranchBase && !earliest) {
    const base = branches.branchBase(branch);
    stopTag = stopPoint(base);
    if (!stopTag) earliest = base;
    else {
      const idx = vbd.indexOf(stopTag);
      // Python's [idx - 1] wraps to the last element when idx is 0
      earliest = idx < 0 ? base : (vbd[idx === 0 ? vbd.length - 1 : idx - 1] ?? null);
    }
    if (earliest && config.collapsePreReleases && versions.isPreRelease(earliest))
      earliest = versions.stripPreRelease(earliest);
  }

  if (!vbd.includes(currentVersion)) vbd.unshift(currentVersion);
  vbd.unshift(WORKING_COPY);

  const nullMerge = new Uint8Array(graph.size);
  if (config.ignoreNullMerges) {
    for (const sha of cleanMerges) {
      const id = graph.id(sha);
      if (id !== undefined) nullMerge[id] = 1;
    }
  }
  const walk: number[] = [];
  const versionAt: string[] = [];
  stackWalkIds(
    graph,
    headId,
    (id) => nullMerge[id] === 1,
    (id) => {
      const onCommit = tagged.get(id);
      const last = onCommit?.[onCommit.length - 1];
      if (last !== undefined) currentVersion = last;
      walk.push(id);
      versionAt.push(currentVersion);
      // the walk ends after the commit carrying the stop tag
      return !(stopTag && (onCommit ? onCommit.includes(stopTag) : currentVersion === stopTag));
    },
  );
  return {
    facts,
    config,
    warnings,
    head,
    startVersion,
    versionsByDate: vbd,
    stopTag,
    earliest,
    versions,
    walk,
    versionAt,
  };
}

/** The commits a planned scan visits: those whose note changes it needs. */
export function walkedCommits(plan: ScanPlan): string[] {
  const graph = plan.facts.commits;
  return plan.walk.map((id) => graph.sha(id));
}

/** The second half of a scan: the note changes of the walked commits, attributed. */
export function finishScan(
  plan: ScanPlan,
  noteChanges: ReadonlyMap<string, readonly FileChange[]>,
): ScanResult {
  const { config, facts } = plan;
  const branch = config.branch || null;
  const graph = facts.commits;
  const vbd = plan.versionsByDate;
  const tracker = new ChangeTracker();
  const prefix = notesPath(config) + '/';
  if (!branch) {
    for (const change of facts.workingCopy) {
      if (!change.path.startsWith(prefix) || !isNoteFile(change.path)) continue;
      const kind = change.kind === 'modify' ? 'modify' : change.kind;
      tracker.apply(
        { uid: uidOf(change.path), kind, path: change.path, blob: null },
        null,
        WORKING_COPY,
      );
    }
  }

  const ignored = new Set(config.ignoreNotes.map(uidOf));
  const aggregator = new ChangeAggregator();
  const problems: string[] = [];
  plan.walk.forEach((id, i) => {
    const sha = graph.sha(id);
    const changes = noteChanges.get(sha);
    if (!changes) return;
    const version = plan.versionAt[i] ?? '';
    for (const event of aggregator.aggregate(sha, changes, problems)) {
      if (ignored.has(event.uid)) continue;
      tracker.apply(event, sha, version);
    }
  });
  const warnings = [...plan.warnings, ...problems];
  const versions = plan.versions;

  let byVersion = tracker.notesByVersion();
  if (config.collapsePreReleases) {
    const collapsed = new Map<string, NoteSource[]>();
    for (const v of vbd) {
      const notes = byVersion.get(v);
      if (!notes) continue;
      let canonical = v;
      if (versions.isPreRelease(v)) {
        const stripped = versions.stripPreRelease(v);
        if (vbd.includes(stripped)) canonical = stripped;
      }
      const list = collapsed.get(canonical) ?? [];
      list.push(...notes);
      collapsed.set(canonical, list);
    }
    byVersion = collapsed;
  }
  const trimmed: VersionNotes[] = [];
  const earliest = plan.earliest;
  for (const v of vbd) {
    const notes = byVersion.get(v);
    if (!notes || notes.length === 0) continue;
    trimmed.push({
      version: v,
      notes: [...notes].sort((a, b) => cmp(a.path, b.path) || cmp(a.commit ?? '', b.commit ?? '')),
    });
    if (earliest && v === earliest) break;
  }
  return {
    branch,
    head: plan.head,
    currentVersion: plan.startVersion,
    versionsByDate: vbd,
    scanStopTag: plan.stopTag,
    earliestVersion: earliest,
    versions: trimmed,
    tagDates: versions.tagDates,
    commitsVisited: plan.walk.length,
    warnings,
  };
}

/** reno's "find scan stop point" for a version V. */
function findStopPoint(
  v: string | null,
  vbd: readonly string[],
  config: RenoConfig,
  branch: string | null,
  branches: Branches,
  versions: VersionRules,
): string | null {
  if (!v) return null;
  const at = vbd.indexOf(v);
  if (at < 0) return null;
  if (branch && branch !== config.defaultBranch) {
    const previous = branches.earlierBranch(branch);
    return previous ? branches.branchBase(previous) : null;
  }
  if (versions.isPreRelease(v) && !config.collapsePreReleases) return vbd[at + 1] ?? null;
  for (const candidate of vbd.slice(at + 1)) if (!sameFirstThree(candidate, v)) return candidate;
  return null;
}

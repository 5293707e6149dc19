import { ABSENT, CommitGraph } from './graph.js';

/**
 * The two history walks reno uses, reproduced exactly (neither is git's):
 * the date walk that orders versions, and the stack walk that decides
 * which version each commit's notes belong to. They run on commit numbers
 * of the flat graph with typed arrays, and call a visitor per commit (no
 * generator, no object per step) to stay fast on 10,000 commits.
 */

/** Called per commit in walk order; return false to stop the walk. */
export type Visit = (id: number) => unknown;

/**
 * dulwich's default walk: a priority queue that pops the newest committer
 * time first, ties broken by the smallest hex SHA; each parent is queued
 * the first time it is seen.
 */
export function dateWalkIds(g: CommitGraph, start: number, visit: Visit): void {
  if (start < 0 || start >= g.size) return;
  // one flat loop with the heap inlined: this runs once per command, mostly
  // before the engine optimises it, so every call and closure counts
  const { times, shaRank: rank, parentStart, parentIds } = g;
  const heap = new Int32Array(g.size);
  const seen = new Uint8Array(g.size);
  let length = 1;
  heap[0] = start;
  seen[start] = 1;
  while (length > 0) {
    const id: number = heap[0] ?? 0;
    // pop: move the last entry down from the root
    const last = heap[--length] ?? 0;
    const lt = times[last] ?? 0;
    const lr = rank[last] ?? 0;
    let i = 0;
    for (;;) {
      let m = 2 * i + 1;
      if (m >= length) break;
      let c = heap[m] ?? 0;
      const r = m + 1;
      if (r < length) {
        const d = heap[r] ?? 0;
        const td = times[d] ?? 0;
        const tc = times[c] ?? 0;
        if (td > tc || (td === tc && (rank[d] ?? 0) < (rank[c] ?? 0))) {
          m = r;
          c = d;
        }
      }
      const tc = times[c] ?? 0;
      if (!(tc > lt || (tc === lt && (rank[c] ?? 0) < lr))) break;
      heap[i] = c;
      i = m;
    }
    heap[i] = last;
    if (visit(id) === false) return;
    const end = parentStart[id + 1] ?? 0;
    for (let k: number = parentStart[id] ?? 0; k < end; k++) {
      const p = parentIds[k] ?? ABSENT;
      if (p === ABSENT || seen[p]) continue;
      seen[p] = 1;
      // push: move up from the end while newer than the parent entry
      const pt = times[p] ?? 0;
      const pr = rank[p] ?? 0;
      let j = length++;
      while (j > 0) {
        const up = (j - 1) >> 1;
        const u = heap[up] ?? 0;
        const tu = times[u] ?? 0;
        if (!(pt > tu || (pt === tu && pr < (rank[u] ?? 0)))) break;
        heap[j] = u;
        j = up;
      }
      heap[j] = p;
    }
  }
}

const reachableMemo = new WeakMap<CommitGraph, Map<number, Uint8Array>>();

/** Mask (by commit number) of the commits reachable from `start`; memoised per graph (graphs never change). */
export function reachableMask(g: CommitGraph, start: number): Uint8Array {
  let memo = reachableMemo.get(g);
  if (!memo) reachableMemo.set(g, (memo = new Map<number, Uint8Array>()));
  const known = memo.get(start);
  if (known) return known;
  const mask = new Uint8Array(g.size);
  if (start >= 0 && start < g.size) {
    const { parentStart, parentIds } = g;
    const stack = new Int32Array(g.size + 1);
    let top = 0;
    stack[top++] = start;
    mask[start] = 1;
    while (top > 0) {
      const id = stack[--top] ?? 0;
      const end = parentStart[id + 1] ?? 0;
      for (let k = parentStart[id] ?? 0; k < end; k++) {
        const p = parentIds[k] ?? ABSENT;
        if (p === ABSENT || mask[p]) continue;
        mask[p] = 1;
        stack[top++] = p;
      }
    }
  }
  memo.set(start, mask);
  return mask;
}

/**
 * reno's "topological" walk: a stack; a commit is visited only once all
 * its children are; parents are pushed first to last, so the merged-in
 * side is visited before the mainline. With `isNullMerge`, a merge that
 * brings in a tagged commit without changes is skipped with its side.
 */
export function stackWalkIds(
  g: CommitGraph,
  start: number,
  isNullMerge: (id: number) => boolean,
  visit: Visit,
): void {
  if (start < 0 || start >= g.size) return;
  const mask = reachableMask(g, start);
  const { parentStart, parentIds } = g;
  const size = g.size;
  const pending = new Int32Array(size); // children not yet emitted
  for (let i = 0; i < size; i++) {
    if (!mask[i]) continue;
    const end = parentStart[i + 1] ?? 0;
    for (let k = parentStart[i] ?? 0; k < end; k++) {
      const p = parentIds[k] ?? ABSENT;
      if (p !== ABSENT) pending[p] = (pending[p] ?? 0) + 1;
    }
  }
  const emitted = new Uint8Array(size);
  const onStack = new Uint8Array(size);
  // each commit is on the stack at most once at a time
  const stack = new Int32Array(size + 1);
  let top = 0;
  stack[top++] = start;
  onStack[start] = 1;
  while (top > 0) {
    const id: number = stack[--top] ?? 0;
    onStack[id] = 0;
    const from = parentStart[id] ?? 0;
    const end = parentStart[id + 1] ?? 0;
    let present = 0;
    let first = ABSENT;
    for (let k = from; k < end; k++) {
      const p = parentIds[k] ?? ABSENT;
      if (p === ABSENT) continue;
      if (present++ === 0) first = p;
    }
    if (present > 1 && isNullMerge(id)) {
      // skip the merge and its merged-in parents (emitted without a visit)
      for (let k = from, n = 0; k < end; k++) {
        const p = parentIds[k] ?? ABSENT;
        if (p !== ABSENT && n++ > 0) emitWithoutVisit(p, g, mask, emitted, pending);
      }
      emitWithoutVisit(id, g, mask, emitted, pending);
      if (first !== ABSENT && !onStack[first] && !emitted[first]) {
        stack[top++] = first;
        onStack[first] = 1;
      }
      continue;
    }
    if (pending[id] !== 0) continue;
    // emit (the parents lose a pending child), then visit even when a null merge emitted it already
    if (!emitted[id]) {
      emitted[id] = 1;
      for (let k = from; k < end; k++) {
        const p = parentIds[k] ?? ABSENT;
        if (p !== ABSENT) pending[p] = (pending[p] ?? 0) - 1;
      }
    }
    if (visit(id) === false) return;
    for (let k = from; k < end; k++) {
      const p = parentIds[k] ?? ABSENT;
      if (p !== ABSENT && !onStack[p] && !emitted[p]) {
        stack[top++] = p;
        onStack[p] = 1;
      }
    }
  }
}

function emitWithoutVisit(
  id: number,
  g: CommitGraph,
  mask: Uint8Array,
  emitted: Uint8Array,
  pending: Int32Array,
): void {
  if (emitted[id]) return;
  emitted[id] = 1;
  if (!mask[id]) return;
  const end = g.parentStart[id + 1] ?? 0;
  for (let k = g.parentStart[id] ?? 0; k < end; k++) {
    const p = g.parentIds[k] ?? ABSENT;
    if (p !== ABSENT) pending[p] = (pending[p] ?? 0) - 1;
  }
}

/**
 * reno's "describe": follow first parents from the head until a commit
 * with a version tag; `<version>-<steps>`, the version itself at step 0,
 * `0.0.0` when there is none.
 */
export function describeId(
  g: CommitGraph,
  start: number,
  versionTagsOn: (id: number) => readonly string[] | undefined,
): string {
  let steps = 0;
  for (let id = start; id >= 0 && id < g.size; id = g.firstParent(id), steps++) {
    const tags = versionTagsOn(id);
    const last = tags?.[tags.length - 1];
    if (last !== undefined) return steps === 0 ? last : `${last}-${steps}`;
  }
  return '0.0.0';
}

// The same walks by SHA, for tests and callers that hold names.

export function dateWalk(g: CommitGraph, head: string): string[] {
  const out: string[] = [];
  dateWalkIds(g, g.id(head) ?? ABSENT, (id) => {
    out.push(g.sha(id));
  });
  return out;
}

export function stackWalk(
  g: CommitGraph,
  head: string,
  isNullMerge: (sha: string) => boolean,
): string[] {
  const out: string[] = [];
  stackWalkIds(
    g,
    g.id(head) ?? ABSENT,
    (id) => isNullMerge(g.sha(id)),
    (id) => {
      out.push(g.sha(id));
    },
  );
  return out;
}

export function describe(
  g: CommitGraph,
  head: string,
  versionTagsOn: (sha: string) => readonly string[],
): string {
  return describeId(g, g.id(head) ?? ABSENT, (id) => versionTagsOn(g.sha(id)));
}

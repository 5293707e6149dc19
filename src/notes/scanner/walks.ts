import type { CommitNode } from './git-facts.js';

/**
 * The two history walks reno uses, reproduced exactly (neither is git's):
 * the date walk that orders versions, and the stack walk that decides
 * which version each commit's notes belong to. They run on an integer
 * index of the graph (built once per graph) to stay fast on 10,000 commits.
 */

export type Graph = ReadonlyMap<string, CommitNode>;

interface Indexed {
  readonly ids: Map<string, number>;
  readonly shas: readonly string[];
  readonly times: Float64Array;
  /** Parents present in the graph, first to last. */
  readonly parents: readonly (readonly number[])[];
}

const indexMemo = new WeakMap<Graph, Indexed>();

function indexed(graph: Graph): Indexed {
  const known = indexMemo.get(graph);
  if (known) return known;
  const ids = new Map<string, number>();
  const shas: string[] = [];
  for (const sha of graph.keys()) {
    ids.set(sha, shas.length);
    shas.push(sha);
  }
  const times = new Float64Array(shas.length);
  const parents: number[][] = [];
  let i = 0;
  for (const node of graph.values()) {
    times[i++] = node.time;
    const ps: number[] = [];
    for (const p of node.parents) {
      const id = ids.get(p);
      if (id !== undefined) ps.push(id);
    }
    parents.push(ps);
  }
  const result = { ids, shas, times, parents };
  indexMemo.set(graph, result);
  return result;
}

/**
 * dulwich's default walk: a priority queue that pops the newest committer
 * time first, ties broken by the smallest hex SHA; each parent is queued
 * the first time it is seen.
 */
export function* dateWalk(graph: Graph, head: string): Generator<string> {
  const g = indexed(graph);
  const start = g.ids.get(head);
  if (start === undefined) return;
  const heap: number[] = [];
  const seen = new Uint8Array(g.shas.length);
  const before = (a: number, b: number): boolean => {
    const ta = g.times[a] ?? 0;
    const tb = g.times[b] ?? 0;
    return ta !== tb ? ta > tb : (g.shas[a] ?? '') < (g.shas[b] ?? '');
  };
  const swap = (i: number, j: number) => {
    const t = heap[i] ?? 0;
    heap[i] = heap[j] ?? 0;
    heap[j] = t;
  };
  const push = (id: number) => {
    heap.push(id);
    let i = heap.length - 1;
    while (i > 0) {
      const parent = (i - 1) >> 1;
      if (!before(heap[i] ?? 0, heap[parent] ?? 0)) break;
      swap(i, parent);
      i = parent;
    }
  };
  const pop = (): number => {
    const top = heap[0] ?? 0;
    const last = heap.pop() ?? 0;
    if (heap.length > 0) {
      heap[0] = last;
      let i = 0;
      for (;;) {
        const l = 2 * i + 1;
        const r = l + 1;
        let m = i;
        if (l < heap.length && before(heap[l] ?? 0, heap[m] ?? 0)) m = l;
        if (r < heap.length && before(heap[r] ?? 0, heap[m] ?? 0)) m = r;
        if (m === i) break;
        swap(i, m);
        i = m;
      }
    }
    return top;
  };
  seen[start] = 1;
  push(start);
  while (heap.length > 0) {
    const id = pop();
    yield g.shas[id] ?? '';
    for (const p of g.parents[id] ?? []) {
      if (seen[p]) continue;
      seen[p] = 1;
      push(p);
    }
  }
}

const reachableMemo = new WeakMap<Graph, Map<string, Uint8Array>>();

/** Mask (by index) of the commits reachable from `head`; memoised per graph (graphs are never changed). */
function reachableMask(graph: Graph, head: string): Uint8Array {
  let memo = reachableMemo.get(graph);
  if (!memo) reachableMemo.set(graph, (memo = new Map<string, Uint8Array>()));
  const known = memo.get(head);
  if (known) return known;
  const g = indexed(graph);
  const mask = new Uint8Array(g.shas.length);
  const start = g.ids.get(head);
  const stack = start === undefined ? [] : [start];
  for (let id = stack.pop(); id !== undefined; id = stack.pop()) {
    if (mask[id]) continue;
    mask[id] = 1;
    for (const p of g.parents[id] ?? []) if (!mask[p]) stack.push(p);
  }
  memo.set(head, mask);
  return mask;
}

/** Membership test for the commits reachable from `head` (all parents). */
export function reachableTest(graph: Graph, head: string): (sha: string) => boolean {
  const mask = reachableMask(graph, head);
  const ids = indexed(graph).ids;
  return (sha) => {
    const id = ids.get(sha);
    return id !== undefined && mask[id] === 1;
  };
}

/** Every commit reachable from `head` (all parents). */
export function reachable(graph: Graph, head: string): string[] {
  const mask = reachableMask(graph, head);
  const shas = indexed(graph).shas;
  const out: string[] = [];
  for (let i = 0; i < mask.length; i++) if (mask[i]) out.push(shas[i] ?? '');
  return out;
}

/**
 * reno's "topological" walk: a stack; a commit is yielded only once all
 * its children are; parents are pushed first to last, so the merged-in
 * side is visited before the mainline. With `isNullMerge`, a merge that
 * brings in a tagged commit without changes is skipped with its side.
 */
export function* stackWalk(
  graph: Graph,
  head: string,
  isNullMerge: (sha: string, node: CommitNode) => boolean,
): Generator<string> {
  const g = indexed(graph);
  const start = g.ids.get(head);
  if (start === undefined) return;
  const mask = reachableMask(graph, head);
  const pending = new Int32Array(g.shas.length); // children not yet emitted
  for (let i = 0; i < mask.length; i++)
    if (mask[i]) for (const p of g.parents[i] ?? []) pending[p] = (pending[p] ?? 0) + 1;
  const emitted = new Uint8Array(g.shas.length);
  const onStack = new Uint8Array(g.shas.length);
  const emit = (id: number) => {
    if (emitted[id]) return;
    emitted[id] = 1;
    if (mask[id]) for (const p of g.parents[id] ?? []) pending[p] = (pending[p] ?? 0) - 1;
  };
  const stack: number[] = [start];
  onStack[start] = 1;
  for (let id = stack.pop(); id !== undefined; id = stack.pop()) {
    onStack[id] = 0;
    const parents = g.parents[id] ?? [];
    const sha = g.shas[id] ?? '';
    const node = graph.get(sha);
    if (node && parents.length > 1 && isNullMerge(sha, node)) {
      for (const p of parents.slice(1)) emit(p);
      emit(id);
      const first = parents[0];
      if (first !== undefined && !onStack[first] && !emitted[first]) {
        stack.push(first);
        onStack[first] = 1;
      }
      continue;
    }
    if (pending[id] === 0) {
      emit(id);
      yield sha;
      for (const p of parents) {
        if (!onStack[p] && !emitted[p]) {
          stack.push(p);
          onStack[p] = 1;
        }
      }
    }
  }
}

/**
 * reno's "describe": follow first parents from the head until a commit
 * with a version tag; `<version>-<steps>`, the version itself at step 0,
 * `0.0.0` when there is none.
 */
export function describe(
  graph: Graph,
  head: string,
  versionTagsOn: (sha: string) => readonly string[],
): string {
  let sha: string | undefined = head;
  let steps = 0;
  while (sha && graph.has(sha)) {
    const tags = versionTagsOn(sha);
    const last = tags[tags.length - 1];
    if (last !== undefined) return steps === 0 ? last : `${last}-${steps}`;
    sha = graph.get(sha)?.parents[0];
    steps++;
  }
  return '0.0.0';
}

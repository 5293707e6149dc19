import type { CommitNode } from './git-facts.js';

/**
 * The two history walks reno uses, reproduced exactly (neither is git's):
 * the date walk that orders versions, and the stack walk that decides
 * which version each commit's notes belong to.
 */

export type Graph = ReadonlyMap<string, CommitNode>;

/**
 * dulwich's default walk: a priority queue that pops the newest committer
 * time first, ties broken by the smallest hex SHA; each parent is queued
 * the first time it is seen.
 */
export function* dateWalk(graph: Graph, head: string): Generator<string> {
  // heap of [time, sha] pairs, so comparisons need no map lookups
  const times: number[] = [];
  const shas: string[] = [];
  const seen = new Set<string>([head]);
  const before = (i: number, j: number): boolean => {
    const ti = times[i]!;
    const tj = times[j]!;
    return ti !== tj ? ti > tj : shas[i]! < shas[j]!;
  };
  const swap = (i: number, j: number) => {
    [times[i], times[j]] = [times[j]!, times[i]!];
    [shas[i], shas[j]] = [shas[j]!, shas[i]!];
  };
  const push = (sha: string, time: number) => {
    times.push(time);
    shas.push(sha);
    let i = shas.length - 1;
    while (i > 0) {
      const parent = (i - 1) >> 1;
      if (!before(i, parent)) break;
      swap(i, parent);
      i = parent;
    }
  };
  const pop = (): string => {
    const top = shas[0]!;
    const lastTime = times.pop()!;
    const lastSha = shas.pop()!;
    if (shas.length > 0) {
      times[0] = lastTime;
      shas[0] = lastSha;
      let i = 0;
      for (;;) {
        const l = 2 * i + 1;
        const r = l + 1;
        let m = i;
        if (l < shas.length && before(l, m)) m = l;
        if (r < shas.length && before(r, m)) m = r;
        if (m === i) break;
        swap(i, m);
        i = m;
      }
    }
    return top;
  };
  const headNode = graph.get(head);
  if (!headNode) return;
  push(head, headNode.time);
  while (shas.length > 0) {
    const sha = pop();
    yield sha;
    for (const p of graph.get(sha)?.parents ?? []) {
      if (seen.has(p)) continue;
      const node = graph.get(p);
      if (!node) continue;
      seen.add(p);
      push(p, node.time);
    }
  }
}

const reachableMemo = new WeakMap<Graph, Map<string, Set<string>>>();

/** Every commit reachable from `head` (all parents); memoised per graph (graphs are never changed). */
export function reachable(graph: Graph, head: string): Set<string> {
  let memo = reachableMemo.get(graph);
  if (!memo) reachableMemo.set(graph, (memo = new Map()));
  const known = memo.get(head);
  if (known) return known;
  const seen = new Set<string>();
  memo.set(head, seen);
  const stack = [head];
  while (stack.length > 0) {
    const sha = stack.pop()!;
    if (seen.has(sha) || !graph.has(sha)) continue;
    seen.add(sha);
    for (const p of graph.get(sha)?.parents ?? []) if (!seen.has(p)) stack.push(p);
  }
  return seen;
}

/**
 * reno's "topological" walk: a stack; a commit is yielded only once all
 * its children are; parents are pushed first to last, so the merged-in
 * side is visited before the mainline. With `isNullMerge`, a merge that
 * brings in a tagged commit without changes is skipped with its side.
 */
export function* stackWalk(graph: Graph, head: string, isNullMerge: (sha: string, node: CommitNode) => boolean): Generator<string> {
  const children = new Map<string, string[]>();
  for (const sha of reachable(graph, head)) {
    for (const p of graph.get(sha)?.parents ?? []) {
      const list = children.get(p);
      if (list) list.push(sha);
      else children.set(p, [sha]);
    }
  }
  const emitted = new Set<string>();
  const stack: string[] = [head];
  const onStack = new Set<string>([head]);
  while (stack.length > 0) {
    const sha = stack.pop()!;
    onStack.delete(sha);
    const node = graph.get(sha);
    if (!node) continue;
    if (node.parents.length > 1 && isNullMerge(sha, node)) {
      for (const p of node.parents.slice(1)) emitted.add(p);
      emitted.add(sha);
      const first = node.parents[0]!;
      if (!onStack.has(first) && !emitted.has(first)) {
        stack.push(first);
        onStack.add(first);
      }
      continue;
    }
    if ((children.get(sha) ?? []).every((c) => emitted.has(c))) {
      emitted.add(sha);
      yield sha;
      for (const p of node.parents) {
        if (!onStack.has(p) && !emitted.has(p) && graph.has(p)) {
          stack.push(p);
          onStack.add(p);
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
export function describe(graph: Graph, head: string, versionTagsOn: (sha: string) => readonly string[]): string {
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

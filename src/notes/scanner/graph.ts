import type { ChangedPathFilters } from './bloom.js';
/**
 * The commit graph as flat arrays indexed by commit number (0..size-1):
 * committer times, parent lists in one array, all SHAs in one string and
 * the commit numbers in SHA order (lookups by binary search). A
 * repository's 10,000 commits cost a handful of allocations instead of
 * 10,000 objects and a 10,000-entry map, the walks run on integers, and
 * the SQLite cache stores and reloads the graph as one binary blob.
 */

/** A parent that is not in the graph (beyond a shallow boundary). */
export const ABSENT = -1;

const MAGIC = 0x4c4e4733; // "LNG3" in the machine's byte order
const HEADER_WORDS = 4; // magic, size, SHA length, parent count

export class CommitGraph {
  private constructor(
    readonly size: number,
    /** Characters per SHA (40 for SHA-1, 64 for SHA-256). */
    readonly shaLength: number,
    /**
     * Every SHA, in commit-number order: as hex text without separators, or
     * as the raw ids of a commit-graph file (hex made per SHA asked, and for
     * all of them only when the graph is extended or encoded).
     */
    private shaSource: string | Buffer,
    /** Committer time (Unix seconds) of each commit. */
    readonly times: Float64Array,
    /** Parents of commit i are `parentIds[parentStart[i] .. parentStart[i + 1])`, in git's order. */
    readonly parentStart: Uint32Array,
    /** Commit numbers of parents; ABSENT for one not in the graph. */
    readonly parentIds: Int32Array,
    /** Commit numbers sorted by SHA (Python's string order). */
    private readonly bySha: Int32Array,
    /** The first 32 bits of each SHA in `bySha` order: lookups compare integers. */
    private readonly prefixes: Uint32Array,
    /** Position of each commit in `bySha` (compares SHAs with one integer test). */
    readonly shaRank: Int32Array,
    /** Root trees of the first commits, where a commit-graph file gave them. */
    private readonly trees?: RootTrees,
    /** git's changed-path filters of the first commits, where a commit-graph file has them. */
    readonly changedPaths?: ChangedPathFilters,
  ) {}

  static empty(): CommitGraph {
    const none = new Int32Array(0);
    const empty = new Uint32Array(0);
    return new CommitGraph(
      0,
      40,
      '',
      new Float64Array(0),
      new Uint32Array(1),
      none,
      none,
      empty,
      none,
    );
  }

  /** The SHA of commit `id`. */
  sha(id: number): string {
    const source = this.shaSource;
    if (typeof source === 'string')
      return source.slice(id * this.shaLength, (id + 1) * this.shaLength);
    const bytes = this.shaLength / 2;
    return source.toString('hex', id * bytes, (id + 1) * bytes);
  }

  /** Every SHA as hex text, in commit-number order. */
  private get shaText(): string {
    if (typeof this.shaSource !== 'string') this.shaSource = this.shaSource.toString('hex');
    return this.shaSource;
  }

  /** The number of a commit, undefined when it is not in the graph. */
  id(sha: string): number | undefined {
    if (sha.length !== this.shaLength) return undefined;
    const key = prefixOf(sha);
    const prefixes = this.prefixes;
    let lo = 0;
    let hi = this.size;
    while (lo < hi) {
      const mid = (lo + hi) >>> 1;
      if ((prefixes[mid] ?? 0) < key) lo = mid + 1;
      else hi = mid;
    }
    for (let i = lo; i < this.size && prefixes[i] === key; i++) {
      const id = this.bySha[i] ?? 0;
      if (this.compareSha(id, sha) === 0) return id;
    }
    return undefined;
  }

  has(sha: string): boolean {
    return this.id(sha) !== undefined;
  }

  /** Order of commit `id`'s SHA against `sha` (same length). */
  private compareSha(id: number, sha: string): number {
    const source = this.shaSource;
    if (typeof source !== 'string') {
      // the raw id against the hex text, a byte (two digits) at a time: no string made
      const bytes = this.shaLength / 2;
      for (let i = 0, at = id * bytes; i < bytes; i++, at++) {
        const want = hexDigit(sha.charCodeAt(2 * i)) * 16 + hexDigit(sha.charCodeAt(2 * i + 1));
        const d = (source[at] ?? 0) - want;
        if (d !== 0) return d;
      }
      return 0;
    }
    const text = source;
    for (let i = 0, x = id * this.shaLength; i < sha.length; i++, x++) {
      const d = text.charCodeAt(x) - sha.charCodeAt(i);
      if (d !== 0) return d;
    }
    return 0;
  }

  /** Number of parents as git lists them (present or not). */
  parentCount(id: number): number {
    return (this.parentStart[id + 1] ?? 0) - (this.parentStart[id] ?? 0);
  }

  /** The first parent as git lists it, ABSENT when there is none or it is not in the graph. */
  firstParent(id: number): number {
    const start = this.parentStart[id] ?? 0;
    return start < (this.parentStart[id + 1] ?? 0) ? (this.parentIds[start] ?? ABSENT) : ABSENT;
  }

  /**
   * This graph plus the commits of `rev-list --parents --timestamp` output
   * (`time sha parent...` lines). Commits already known are skipped; the
   * numbers of known commits never change.
   */
  withRevList(out: string): CommitGraph {
    const lines: string[][] = [];
    const added = new Map<string, number>();
    let shaLength = this.size > 0 ? this.shaLength : 0;
    let start = 0;
    while (start < out.length) {
      let end = out.indexOf('\n', start);
      if (end < 0) end = out.length;
      const parts = out.slice(start, end).split(' ');
      start = end + 1;
      const sha = parts[1];
      if (!sha || added.has(sha) || this.has(sha)) continue;
      if (shaLength === 0) shaLength = sha.length;
      if (sha.length !== shaLength)
        throw new Error(`mixed SHA lengths in the commit graph (${sha})`);
      added.set(sha, this.size + lines.length);
      lines.push(parts);
    }
    if (lines.length === 0) return this;
    const size = this.size + lines.length;
    const times = new Float64Array(size);
    times.set(this.times);
    let parentTotal = this.parentIds.length;
    for (const parts of lines) parentTotal += parts.length - 2;
    const parentStart = new Uint32Array(size + 1);
    parentStart.set(this.parentStart);
    const parentIds = new Int32Array(parentTotal);
    parentIds.set(this.parentIds);
    let k = this.parentIds.length;
    let id = this.size;
    for (const parts of lines) {
      times[id] = Number(parts[0]);
      parentStart[id] = k;
      for (let j = 2; j < parts.length; j++) {
        const p = parts[j] ?? '';
        parentIds[k++] = added.get(p) ?? this.id(p) ?? ABSENT;
      }
      id++;
      parentStart[id] = k;
    }
    const shaText = this.shaText + [...added.keys()].join('');
    // SHA order: the new SHAs sorted (code units, as Python compares hex), merged into the known order
    const fresh = [...added.keys()].sort();
    const bySha = new Int32Array(size);
    for (let i = 0, j = 0, o = 0; o < size; o++) {
      const known = i < this.size ? (this.bySha[i] ?? 0) : ABSENT;
      const sha = fresh[j];
      if (known !== ABSENT && (sha === undefined || this.compareSha(known, sha) < 0)) {
        bySha[o] = known;
        i++;
      } else {
        bySha[o] = added.get(sha ?? '') ?? 0;
        j++;
      }
    }
    const shaRank = new Int32Array(size);
    const prefixes = new Uint32Array(size);
    bySha.forEach((commit, rank) => {
      shaRank[commit] = rank;
      prefixes[rank] = prefixOf(
        shaText.slice(commit * shaLength, commit * shaLength + Math.min(8, shaLength)),
      );
    });
    return new CommitGraph(
      size,
      shaLength,
      shaText,
      times,
      parentStart,
      parentIds,
      bySha,
      prefixes,
      shaRank,
      this.trees,
      this.changedPaths,
    );
  }

  /**
   * True when merge `id` has the very tree of one of its parents, so that no
   * path differs from every parent (a "null merge"); undefined when the trees
   * are not known (commits from `rev-list`, a cached graph).
   */
  sameTreeAsAParent(id: number): boolean | undefined {
    const trees = this.trees;
    if (!trees || id >= trees.count) return undefined;
    const { bytes, stride, length } = trees;
    const start = this.parentStart[id] ?? 0;
    const end = this.parentStart[id + 1] ?? 0;
    for (let k = start; k < end; k++) {
      const p = this.parentIds[k] ?? ABSENT;
      if (p === ABSENT || p >= trees.count) return undefined;
      if (
        bytes.compare(bytes, p * stride, p * stride + length, id * stride, id * stride + length) ===
        0
      )
        return true;
    }
    return false;
  }

  /**
   * A graph whose commits are numbered in SHA order (git's commit-graph
   * file): the SHA index is the identity; `prefixes` are each SHA's first
   * 32 bits and every parent is in the graph.
   */
  static inShaOrder(g: {
    readonly shaLength: number;
    /** The raw ids, one after the other. */
    readonly shaBytes: Buffer;
    readonly times: Float64Array;
    readonly parentStart: Uint32Array;
    readonly parentIds: Int32Array;
    readonly prefixes: Uint32Array;
    readonly trees?: RootTrees;
    readonly changedPaths?: ChangedPathFilters;
  }): CommitGraph {
    const size = g.times.length;
    const identity = new Int32Array(size);
    for (let i = 0; i < size; i++) identity[i] = i;
    // read-only, so the order and the rank can share one array
    return new CommitGraph(
      size,
      g.shaLength,
      g.shaBytes,
      g.times,
      g.parentStart,
      g.parentIds,
      identity,
      g.prefixes,
      identity,
      g.trees,
      g.changedPaths,
    );
  }

  /** A graph from plain nodes (tests and small tools), in the map's order; names of one length. */
  static fromNodes(
    nodes: Iterable<
      readonly [string, { readonly parents: readonly string[]; readonly time: number }]
    >,
  ): CommitGraph {
    const lines = [...nodes].map(([sha, n]) => [n.time, sha, ...n.parents].join(' '));
    return CommitGraph.empty().withRevList(lines.join('\n'));
  }

  /** The graph as one buffer (machine byte order; a cache on this machine reads it back). */
  encode(): Buffer {
    const header = new Uint32Array([MAGIC, this.size, this.shaLength, this.parentIds.length]);
    const arrays = [
      header,
      this.times,
      this.parentStart,
      this.parentIds,
      this.bySha,
      this.prefixes,
      this.shaRank,
    ];
    const parts = arrays.map((a) => Buffer.from(a.buffer, a.byteOffset, a.byteLength));
    return Buffer.concat([...parts, Buffer.from(this.shaText, 'latin1')]);
  }

  /** Reads back `encode()`; null when the bytes are not a graph this build wrote. */
  static decode(bytes: Uint8Array): CommitGraph | null {
    // typed-array views need aligned offsets: copy when the buffer is not aligned
    const buf =
      bytes.byteOffset % 8 === 0
        ? bytes
        : new Uint8Array(bytes.buffer.slice(bytes.byteOffset, bytes.byteOffset + bytes.byteLength));
    if (buf.byteLength < HEADER_WORDS * 4) return null;
    const [magic, size = 0, shaLength = 0, parentCount = 0] = new Uint32Array(
      buf.buffer,
      buf.byteOffset,
      HEADER_WORDS,
    );
    if (magic !== MAGIC) return null;
    const need =
      HEADER_WORDS * 4 + size * 8 + (size + 1) * 4 + parentCount * 4 + size * 12 + size * shaLength;
    if (buf.byteLength !== need) return null;
    // the arrays in encode()'s order, each view starting where the last ended;
    // the SHA text is last in the bytes (arguments are evaluated left to right)
    let off = buf.byteOffset + HEADER_WORDS * 4;
    const take = <T extends { readonly byteLength: number }>(
      Kind: new (b: ArrayBufferLike, o: number, n: number) => T,
      n: number,
    ): T => {
      const view = new Kind(buf.buffer, off, n);
      off += view.byteLength;
      return view;
    };
    const shaTextAt = buf.byteOffset + need - size * shaLength;
    const shaText = Buffer.from(buf.buffer, shaTextAt, size * shaLength).toString('latin1');
    return new CommitGraph(
      size,
      shaLength,
      shaText,
      take(Float64Array, size),
      take(Uint32Array, size + 1),
      take(Int32Array, parentCount),
      take(Int32Array, size),
      take(Uint32Array, size),
      take(Int32Array, size),
    );
  }
}

/** Root tree ids, `length` bytes at `id * stride` for the first `count` commits. */
export interface RootTrees {
  readonly bytes: Buffer;
  readonly stride: number;
  readonly length: number;
  readonly count: number;
}

/** The value of a hex digit's character code (NaN-free: anything else is out of range). */
function hexDigit(code: number): number {
  if (code >= 48 && code <= 57) return code - 48;
  if (code >= 97 && code <= 102) return code - 87;
  return 256; // not a lowercase hex digit: compares unequal to every byte
}

/** The first eight hex digits as a number (NaN, which matches nothing, when they are not hex). */
function prefixOf(sha: string): number {
  return Number(`0x${sha.slice(0, 8)}`);
}

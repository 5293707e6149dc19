import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import type { ChangedPathFilters } from './bloom.js';
import { CommitGraph } from './graph.js';

/**
 * git's own commit-graph file (`objects/info/commit-graph`, which
 * `liaison sync` and `git gc` write; format in git's
 * gitformat-commit-graph(5)) read as the scan's commit graph: every
 * commit's parents and committer time, already sorted by SHA, without a
 * `git rev-list` process or a megabyte of text to parse. Commits are
 * immutable, so what the file says stays true however old it is; commits
 * it does not hold yet (fetched after it was written) are asked of git by
 * the caller. Anything unusual — no file, a split chain, replace refs or
 * grafts (which change the history git shows), a shallow clone, a file
 * that does not parse — gives null and the scan reads the history from
 * `git rev-list` as before.
 */

const SIGNATURE = 0x43475048; // "CGPH"
const OIDF = 0x4f494446;
const OIDL = 0x4f49444c;
const CDAT = 0x43444154;
const EDGE = 0x45444745;
const BIDX = 0x42494458;
const BDAT = 0x42444154;
const PARENT_NONE = 0x70000000;
const OCTOPUS = 0x80000000;

/** The file of a clone's default layout, when the history git shows is the file's. */
export function commitGraphFileOf(repoDir: string): string | null {
  const gitDir = join(repoDir, '.git');
  try {
    if (!statSync(gitDir).isDirectory()) return null;
  } catch {
    return null;
  }
  const file = join(gitDir, 'objects', 'info', 'commit-graph');
  if (!existsSync(file)) return null;
  // history rewritten on the fly (git ignores its commit-graph then too)
  if (existsSync(join(gitDir, 'shallow')) || existsSync(join(gitDir, 'info', 'grafts')))
    return null;
  if (hasLooseRefs(join(gitDir, 'refs', 'replace'))) return null;
  try {
    if (readFileSync(join(gitDir, 'packed-refs'), 'latin1').includes(' refs/replace/')) return null;
  } catch {
    // no packed refs
  }
  return file;
}

/** True when the folder holds a ref file (git leaves emptied folders behind). */
function hasLooseRefs(dir: string): boolean {
  // (nearly every clone has no such folder: the recursive listing costs more than this check)
  if (!existsSync(dir)) return false;
  try {
    return readdirSync(dir, { recursive: true, withFileTypes: true }).some((e) => e.isFile());
  } catch {
    return false;
  }
}

/** Reads the commit-graph file of `repoDir` as a graph; null when there is none usable. */
export function readCommitGraphFile(repoDir: string): CommitGraph | null {
  const file = commitGraphFileOf(repoDir);
  if (!file) return null;
  try {
    return parseCommitGraph(readFileSync(file));
  } catch {
    return null;
  }
}

/** Parses one commit-graph file (no base layers); null when it is not one this reader knows. */
export function parseCommitGraph(buf: Buffer): CommitGraph | null {
  if (buf.length < 8 || buf.readUInt32BE(0) !== SIGNATURE || buf[4] !== 1) return null;
  const hashBytes = buf[5] === 1 ? 20 : buf[5] === 2 ? 32 : 0;
  const chunkCount = buf[6] ?? 0;
  if (hashBytes === 0 || buf[7] !== 0) return null; // a layer of a chain needs its bases
  const chunks = new Map<number, { start: number; end: number }>();
  for (let i = 0; i < chunkCount; i++) {
    const at = 8 + i * 12;
    if (at + 24 > buf.length) return null;
    const start = Number(buf.readBigUInt64BE(at + 4));
    const end = Number(buf.readBigUInt64BE(at + 16));
    if (start > end || end > buf.length) return null;
    chunks.set(buf.readUInt32BE(at), { start, end });
  }
  const fanout = chunks.get(OIDF);
  const oids = chunks.get(OIDL);
  const data = chunks.get(CDAT);
  const edges = chunks.get(EDGE);
  if (!fanout || !oids || !data || fanout.end - fanout.start !== 256 * 4) return null;
  const size = buf.readUInt32BE(fanout.start + 255 * 4);
  const entry = hashBytes + 16;
  if (oids.end - oids.start !== size * hashBytes || data.end - data.start !== size * entry)
    return null;
  const times = new Float64Array(size);
  const parentStart = new Uint32Array(size + 1);
  // two parents at most per entry, more only for octopus merges (then the array grows)
  let parents = new Int32Array(size * 2);
  let count = 0;
  const push = (p: number): void => {
    if (p >= size) throw new RangeError('parent outside the file');
    if (count === parents.length) {
      const bigger = new Int32Array(parents.length * 2);
      bigger.set(parents);
      parents = bigger;
    }
    parents[count++] = p;
  };
  // the file is big-endian; a DataView reads it without a call per byte
  const view = new DataView(buf.buffer, buf.byteOffset, buf.byteLength);
  for (let id = 0; id < size; id++) {
    const at = data.start + id * entry + hashBytes;
    parentStart[id] = count;
    const p1 = view.getUint32(at);
    const p2 = view.getUint32(at + 4);
    if (p1 !== PARENT_NONE) push(p1);
    if (p2 !== PARENT_NONE) {
      if ((p2 & OCTOPUS) === 0) push(p2);
      else {
        // the second and later parents of an octopus merge, the last one flagged
        if (!edges) return null;
        for (let k = edges.start + (p2 & ~OCTOPUS) * 4; ; k += 4) {
          if (k + 4 > edges.end) return null;
          const e = view.getUint32(k);
          push(e & ~OCTOPUS);
          if (e & OCTOPUS) break;
        }
      }
    }
    // 34 bits of committer time: the low 2 bits of the first word, then the second word
    times[id] = (view.getUint32(at + 8) & 3) * 4294967296 + view.getUint32(at + 12);
  }
  parentStart[size] = count;
  const prefixes = new Uint32Array(size);
  for (let id = 0; id < size; id++) prefixes[id] = view.getUint32(oids.start + id * hashBytes);
  return CommitGraph.inShaOrder({
    shaLength: hashBytes * 2,
    shaBytes: buf.subarray(oids.start, oids.end),
    times,
    parentStart,
    parentIds: parents.subarray(0, count),
    prefixes,
    // each commit's data starts with its root tree's id
    trees: { bytes: buf.subarray(data.start), stride: entry, length: hashBytes, count: size },
    ...changedPathsOf(buf, chunks, size),
  });
}

/** The changed-path filters of the file (`--changed-paths`), when it has usable ones. */
function changedPathsOf(
  buf: Buffer,
  chunks: ReadonlyMap<number, { start: number; end: number }>,
  size: number,
): { changedPaths?: ChangedPathFilters } {
  const index = chunks.get(BIDX);
  const data = chunks.get(BDAT);
  if (!index || !data || index.end - index.start !== size * 4 || data.end - data.start < 12)
    return {};
  const hashVersion = buf.readUInt32BE(data.start);
  const numHashes = buf.readUInt32BE(data.start + 4);
  if (numHashes === 0 || numHashes > 32) return {};
  return {
    changedPaths: {
      data: buf.subarray(data.start + 12, data.end),
      ends: buf.subarray(index.start, index.end),
      count: size,
      hashVersion,
      numHashes,
    },
  };
}

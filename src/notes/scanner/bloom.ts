/**
 * git's changed-path Bloom filters (the BIDX and BDAT chunks of a
 * commit-graph file written with `--changed-paths`; format in git's
 * gitformat-commit-graph(5)): for each commit, a filter of the paths its
 * diff against its first parent touches, every leading folder included.
 * A filter that says "no" is certain: the commit did not change anything
 * under that folder. The scan asks git for the note changes only of the
 * walked commits a filter cannot rule out.
 */

/** The filters of one commit-graph file, by commit number (the file's order). */
export interface ChangedPathFilters {
  /** The BDAT chunk's filter bytes, after its header. */
  readonly data: Buffer;
  /** The BIDX chunk: the end offset of each commit's filter in `data`. */
  readonly ends: Buffer;
  readonly count: number;
  readonly hashVersion: number;
  readonly numHashes: number;
}

/** The bit positions a path sets in a filter (git's double hashing of two murmur3 seeds). */
export interface BloomKey {
  readonly hashes: Uint32Array;
}

/**
 * The keys of a path (no leading or trailing slash) and of each folder
 * above it, all of which a commit that changed something under the path
 * has in its filter (asking for all of them, as git does, rules out more
 * commits); null when this reader would not hash the path as git does:
 * hash version 1 reads bytes as signed chars, which only ASCII is safe from.
 */
export function bloomKeys(path: string, filters: ChangedPathFilters): BloomKey[] | null {
  if (filters.hashVersion !== 1 && filters.hashVersion !== 2) return null;
  if (filters.hashVersion === 1 && Buffer.byteLength(path, 'utf8') !== path.length) return null;
  const keys: BloomKey[] = [];
  for (let end = path.length; end > 0; end = path.lastIndexOf('/', end - 1)) {
    const bytes = Buffer.from(path.slice(0, end), 'utf8');
    const h0 = murmur3(0x293ae76f, bytes);
    const h1 = murmur3(0x7e646e2c, bytes);
    const hashes = new Uint32Array(filters.numHashes);
    for (let i = 0; i < hashes.length; i++) hashes[i] = (h0 + Math.imul(i, h1)) >>> 0;
    keys.push({ hashes });
  }
  return keys;
}

/**
 * False when commit `id`'s filter rules the path out (one of its keys is
 * missing); true when it may have changed it, or the filter cannot tell
 * (none computed, too many changes, a commit outside the file).
 */
export function mayChange(
  filters: ChangedPathFilters,
  id: number,
  keys: readonly BloomKey[],
): boolean {
  if (id < 0 || id >= filters.count) return true;
  const start = id === 0 ? 0 : filters.ends.readUInt32BE((id - 1) * 4);
  const end = filters.ends.readUInt32BE(id * 4);
  const length = end - start;
  if (length <= 0 || end > filters.data.length) return true;
  const bits = length * 8;
  for (const key of keys)
    for (const hash of key.hashes) {
      const bit = hash % bits;
      if (((filters.data[start + (bit >>> 3)] ?? 0) & (1 << (bit & 7))) === 0) return false;
    }
  return true;
}

/** 32-bit murmur3 (x86 variant), as git seeds it. */
export function murmur3(seed: number, data: Uint8Array): number {
  const c1 = 0xcc9e2d51;
  const c2 = 0x1b873593;
  let h = seed >>> 0;
  const blocks = data.length >>> 2;
  for (let i = 0; i < blocks; i++) {
    const at = i * 4;
    let k =
      (data[at] ?? 0) |
      ((data[at + 1] ?? 0) << 8) |
      ((data[at + 2] ?? 0) << 16) |
      ((data[at + 3] ?? 0) << 24);
    k = Math.imul(k, c1);
    k = (k << 15) | (k >>> 17);
    k = Math.imul(k, c2);
    h ^= k;
    h = (h << 13) | (h >>> 19);
    h = (Math.imul(h, 5) + 0xe6546b64) | 0;
  }
  const tail = blocks * 4;
  let k1 = 0;
  switch (data.length & 3) {
    case 3:
      k1 ^= (data[tail + 2] ?? 0) << 16;
    // falls through
    case 2:
      k1 ^= (data[tail + 1] ?? 0) << 8;
    // falls through
    case 1:
      k1 ^= data[tail] ?? 0;
      k1 = Math.imul(k1, c1);
      k1 = (k1 << 15) | (k1 >>> 17);
      k1 = Math.imul(k1, c2);
      h ^= k1;
  }
  h ^= data.length;
  h ^= h >>> 16;
  h = Math.imul(h, 0x85ebca6b);
  h ^= h >>> 13;
  h = Math.imul(h, 0xc2b2ae35);
  h ^= h >>> 16;
  return h >>> 0;
}

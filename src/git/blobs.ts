import { gitBytes, gitSyncBytes } from './run.js';

/**
 * Many blobs in one `git cat-file --batch` process: a process start costs
 * more than reading a file, and a command reads tens to thousands of them.
 * Names are `<rev>:<path>` (or object ids); the contents come back in the
 * order asked, undefined for a name git reports missing (or not a blob).
 * The bytes are git's (`readBlobBytes`: the notes decode them by their
 * config's encoding); the texts are those bytes read as UTF-8.
 */
export function readBlobsSync(repo: string, names: readonly string[]): (string | undefined)[] {
  if (names.length === 0) return [];
  const out = gitSyncBytes(repo, ['cat-file', '--batch'], { input: batchInput(names) });
  return splitBatch(out, names.length).map((b) => b?.toString('utf8'));
}

/** `readBlobsSync` without blocking: for readers that run clones in parallel. */
export async function readBlobs(
  repo: string,
  names: readonly string[],
): Promise<(string | undefined)[]> {
  return (await readBlobBytes(repo, names)).map((b) => b?.toString('utf8'));
}

/** The blobs' bytes, as git stores them. */
export async function readBlobBytes(
  repo: string,
  names: readonly string[],
): Promise<(Buffer | undefined)[]> {
  if (names.length === 0) return [];
  const out = await gitBytes(repo, ['cat-file', '--batch'], { input: batchInput(names) });
  return splitBatch(out, names.length);
}

function batchInput(names: readonly string[]): string {
  return names.join('\n') + '\n';
}

/**
 * The batch output is `<oid> blob <bytes>\n<content>\n` per name, or
 * `<name> missing\n`: sizes count bytes, so the walk is over the bytes.
 */
function splitBatch(out: Buffer, count: number): (Buffer | undefined)[] {
  const blobs: (Buffer | undefined)[] = [];
  let at = 0;
  for (let i = 0; i < count; i++) {
    const eol = out.indexOf(10, at);
    if (eol < 0) break;
    const header = out.subarray(at, eol).toString('latin1');
    at = eol + 1;
    const m = / blob (\d+)$/.exec(header);
    if (!m) {
      blobs.push(undefined);
      continue;
    }
    const size = Number(m[1]);
    blobs.push(out.subarray(at, at + size));
    at += size + 1;
  }
  return blobs;
}

import { git, gitSync } from './run.js';

/**
 * Many blobs in one `git cat-file --batch` process: a process start costs
 * more than reading a file, and a command reads tens to thousands of them.
 * Names are `<rev>:<path>` (or object ids); the texts come back in the
 * order asked, undefined for a name git reports missing (or not a blob).
 */
export function readBlobsSync(repo: string, names: readonly string[]): (string | undefined)[] {
  if (names.length === 0) return [];
  return splitBatch(gitSync(repo, ['cat-file', '--batch'], { input: batchInput(names) }), names);
}

/** `readBlobsSync` without blocking: for readers that run clones in parallel. */
export async function readBlobs(
  repo: string,
  names: readonly string[],
): Promise<(string | undefined)[]> {
  if (names.length === 0) return [];
  return splitBatch(await git(repo, ['cat-file', '--batch'], { input: batchInput(names) }), names);
}

function batchInput(names: readonly string[]): string {
  return names.join('\n') + '\n';
}

/**
 * The batch output is `<oid> blob <bytes>\n<content>\n` per name, or
 * `<name> missing\n`: sizes count bytes, so the walk is over a Buffer.
 */
function splitBatch(output: string, names: readonly string[]): (string | undefined)[] {
  const out = Buffer.from(output, 'utf8');
  const texts: (string | undefined)[] = [];
  let at = 0;
  for (let i = 0; i < names.length; i++) {
    const eol = out.indexOf(10, at);
    const header = out.subarray(at, eol).toString('utf8');
    at = eol + 1;
    const m = / blob (\d+)$/.exec(header);
    if (!m) {
      texts.push(undefined);
      continue;
    }
    const size = Number(m[1]);
    texts.push(out.subarray(at, at + size).toString('utf8'));
    at += size + 1;
  }
  return texts;
}

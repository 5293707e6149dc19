import { structuredPatch } from 'diff';

/**
 * The one unified diff of the program (release propose, highlights,
 * post-final): the `diff` package's structured patch, laid out the way
 * `git diff` prints it from the `---` line on, so the text reads like the
 * diff a reviewer sees in Gerrit and `git apply` takes it:
 *
 *   - file headers `--- a/<path>` / `+++ b/<path>` (`/dev/null` for a new file);
 *   - hunk ranges as git writes them: the count is left out when it is 1
 *     (`@@ -1 +1,2 @@`), an empty side starts one line before (`-0,0`);
 *   - after the range, git's default hunk heading: the nearest line above
 *     the hunk that starts with a letter, `_` or `$`, cut to 80 bytes (git
 *     keeps the previous hunk's heading when no such line lies between);
 *   - `\ No newline at end of file` after a last line without one.
 *
 * The `diff --git` and `index` lines are not written: the blob ids they
 * name belong to a repository. Same texts give '' (no diff).
 */
export function unifiedDiff(
  before: string | undefined,
  after: string,
  path: string,
  context = 3,
): string {
  const old = before ?? '';
  const patch = structuredPatch(`a/${path}`, `b/${path}`, old, after, undefined, undefined, {
    context,
  });
  if (patch.hunks.length === 0) return '';
  const oldLines = old === '' ? [] : old.split('\n');
  const out = [`--- ${before === undefined ? '/dev/null' : `a/${path}`}`, `+++ b/${path}`];
  let heading = '';
  let searchedDownTo = -1;
  for (const h of patch.hunks) {
    // 0-based index of the hunk's first old line (for an empty side, where it would be)
    const first = h.oldStart - 1;
    const found = headingAbove(oldLines, first - 1, searchedDownTo);
    if (found !== undefined) heading = found;
    searchedDownTo = first - 1;
    const range = `@@ -${span(h.oldStart, h.oldLines)} +${span(h.newStart, h.newLines)} @@`;
    out.push(heading ? `${range} ${heading}` : range, ...h.lines);
  }
  return out.join('\n') + '\n';
}

/** git's `start,count`: count 1 is implied; an empty range names the line before it. */
function span(start: number, count: number): string {
  if (count === 0) return `${start - 1},0`;
  return count === 1 ? `${start}` : `${start},${count}`;
}

/** git's default funcname rule, searching from `from` up to (not including) `limit`. */
function headingAbove(lines: readonly string[], from: number, limit: number): string | undefined {
  for (let i = from; i > limit && i >= 0; i--) {
    const line = lines[i] ?? '';
    if (!/^[A-Za-z_$]/.test(line)) continue;
    // git cuts the line at 80 bytes, then drops trailing white space
    const bytes = Buffer.from(line, 'utf8');
    const cut = bytes.length > 80 ? bytes.subarray(0, 80).toString('utf8') : line;
    return cut.replace(/[ \t\n\v\f\r]+$/, '');
  }
  return undefined;
}

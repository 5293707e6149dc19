import { lineStartOf, parseForEdit, topLevelKeys, withFinalNewline } from './yaml-text.js';

/** What `init-series` leaves out of the new series' copy. */
const DROPPED = new Set(['releases', 'branches', 'release-notes', 'cycle-highlights']);

/**
 * The new series' file made from the previous series' one, as upstream's
 * `init-series` does: the same text minus `releases`, `branches`,
 * `release-notes` and `cycle-highlights`, plus a note when the deliverable
 * had no release in the previous series.
 */
export function newSeriesFile(
  previousText: string,
  previousSeries: string,
  hadReleases: boolean,
): string {
  const { root } = parseForEdit(previousText);
  const keys = topLevelKeys(root);
  const text = withFinalNewline(previousText);
  let out = '';
  let cursor = 0;
  keys.forEach((k, i) => {
    const start = lineStartOf(text, k.start);
    const next = keys[i + 1];
    // a block ends at the next key, or before the comment lines that precede it
    const end = next ? lineStartOf(text, next.start) : text.length;
    if (DROPPED.has(k.key)) {
      out += text.slice(cursor, start);
      cursor = keepTrailingComments(text, start, end);
    }
  });
  out += text.slice(cursor);
  if (!hadReleases) out += `# Note: deliverable was not released in ${previousSeries}\n`;
  return out;
}

/** Column-0 comment lines at the end of a dropped block belong to what follows: keep them. */
function keepTrailingComments(text: string, start: number, end: number): number {
  const lines = text.slice(start, end).split('\n');
  let keep = end;
  let offset = end;
  // walk backwards over the block's lines (the slice ends with '' after the final newline)
  for (let i = lines.length - 2; i > 0; i--) {
    const line = lines[i] ?? '';
    offset -= line.length + 1;
    if (line.startsWith('#')) keep = offset;
    else break;
  }
  return keep;
}

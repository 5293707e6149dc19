import { parseYaml } from '../../data/yaml.js';
import { appendListItems, scalarText } from './yaml-text.js';

/** Upstream's writer width; highlights are wrapped to it. */
export const HIGHLIGHT_WIDTH = 66;

/**
 * Adds bullets to `cycle-highlights`, creating the key where Glance's
 * files have it (after `type`, before `repository-settings`). Each bullet
 * is wrapped at 66 columns with a 4-space continuation indent.
 */
export function addCycleHighlights(text: string, items: readonly string[]): string {
  if (items.length === 0) return text;
  const out = appendListItems(
    text,
    'cycle-highlights',
    ['repository-settings', 'releases', 'branches'],
    ['type'],
    (ind) => items.map((i) => highlightLines(i, ind)).join(''),
  );
  assertHighlights(out, items);
  return out;
}

/** One bullet: plain when safe, else single-quoted; wrapped at the width. */
export function highlightLines(item: string, indent = 2): string {
  const text = item.replace(/\s+/g, ' ').trim();
  const candidates = [scalarText(text), `'${text.replace(/'/g, "''")}'`];
  for (const scalar of candidates) {
    const lines = wrap(scalar, indent);
    if (readsBack(lines, text)) return lines;
  }
  return `${' '.repeat(indent)}- ${JSON.stringify(text)}\n`;
}

function wrap(scalar: string, indent: number): string {
  const first = `${' '.repeat(indent)}- `;
  const cont = ' '.repeat(indent + 2);
  const lines: string[] = [];
  let line = first;
  let empty = true;
  for (const word of scalar.split(' ')) {
    if (!empty && line.length + 1 + word.length > HIGHLIGHT_WIDTH) {
      lines.push(line);
      line = cont + word;
    } else {
      line += (empty ? '' : ' ') + word;
    }
    empty = false;
  }
  lines.push(line);
  return lines.join('\n') + '\n';
}

function readsBack(lines: string, expected: string): boolean {
  try {
    const v = parseYaml(`x:\n${lines}`, 'highlight').value as { x?: unknown };
    return Array.isArray(v.x) && v.x.length === 1 && v.x[0] === expected;
  } catch {
    return false;
  }
}

function assertHighlights(text: string, added: readonly string[]): void {
  const v = parseYaml(text, 'edited file').value as Record<string, unknown>;
  const list = v['cycle-highlights'];
  const tail = Array.isArray(list) ? list.slice(-added.length) : [];
  const want = added.map((a) => a.replace(/\s+/g, ' ').trim());
  if (JSON.stringify(tail) !== JSON.stringify(want))
    throw new Error('cycle-highlights edit did not read back as written');
}

import {
  isMap,
  isScalar,
  isSeq,
  parseDocument,
  type Document,
  type Node,
  type Pair,
  type YAMLMap,
} from 'yaml';
import { ConfigError } from '../../core/errors.js';

/**
 * Text-level helpers for minimal-diff edits of upstream YAML files. The
 * document model is used only to find where things are (node ranges);
 * the file text itself is spliced, never re-dumped, so every byte we do
 * not mean to change stays as it was.
 */

export function parseForEdit(
  text: string,
  file = 'deliverable file',
): { doc: Document.Parsed; root: YAMLMap } {
  const doc = parseDocument(text, { version: '1.2', keepSourceTokens: false, uniqueKeys: false });
  const err = doc.errors[0];
  if (err) throw new ConfigError(`invalid YAML: ${err.message.split('\n')[0] ?? ''}`, file);
  if (!isMap(doc.contents)) throw new ConfigError('expected a mapping at the top level', file);
  return { doc, root: doc.contents };
}

export function topLevelPair(root: YAMLMap, key: string): Pair<Node, Node | null> | undefined {
  return (root.items as Pair<Node, Node | null>[]).find(
    (p) => isScalar(p.key) && p.key.value === key,
  );
}

/** Index of the start of the line holding `pos`. */
export function lineStartOf(text: string, pos: number): number {
  return text.lastIndexOf('\n', pos - 1) + 1;
}

/** Index just after the end of the line holding `pos` (after its newline). */
export function lineEndOf(text: string, pos: number): number {
  const nl = text.indexOf('\n', pos);
  return nl < 0 ? text.length : nl + 1;
}

export function withFinalNewline(text: string): string {
  return text === '' || text.endsWith('\n') ? text : text + '\n';
}

/** Inserts `insert` at `at`, adding the newline a file without one needs. */
export function splice(text: string, at: number, insert: string, removeTo = at): string {
  const before = text.slice(0, at);
  const glue = before !== '' && !before.endsWith('\n') ? '\n' : '';
  return before + glue + insert + text.slice(removeTo);
}

/** Column of the dash of a block sequence's items (2 in upstream files). */
export function sequenceIndent(text: string, seq: Node | null | undefined, fallback = 2): number {
  if (!isSeq(seq) || seq.flow || !seq.range) return fallback;
  const start = seq.range[0];
  return start - lineStartOf(text, start);
}

/**
 * A scalar as it must be written to read back as the same string: plain
 * when that is safe (YAML 1.2 core schema), else single-quoted. So a
 * version `2013.2` or an all-digit hash never becomes a number.
 */
export function scalarText(value: string): string {
  if (isPlainSafe(value)) return value;
  return `'${value.replace(/'/g, "''")}'`;
}

function isPlainSafe(value: string): boolean {
  if (value === '' || value !== value.trim() || /[\n\r\t]/.test(value)) return false;
  const doc = parseDocument(`k: ${value}\n`, { version: '1.2' });
  if (doc.errors.length > 0 || !isMap(doc.contents)) return false;
  const node = doc.contents.items[0]?.value;
  return isScalar(node) && node.type === 'PLAIN' && node.value === value;
}

/** Top-level keys in file order with the offset of their line. */
export function topLevelKeys(root: YAMLMap): { key: string; start: number }[] {
  return (root.items as Pair<Node, Node | null>[]).flatMap((p) =>
    isScalar(p.key) && typeof p.key.value === 'string' && p.key.range
      ? [{ key: p.key.value, start: p.key.range[0] }]
      : [],
  );
}

/**
 * Where a new top-level key goes: before the first of `before` present in
 * the file, else after the last of `after` present, else at the end.
 */
export function newKeyOffset(
  text: string,
  root: YAMLMap,
  before: readonly string[],
  after: readonly string[],
): number {
  const keys = topLevelKeys(root);
  for (const k of before) {
    const found = keys.find((x) => x.key === k);
    if (found) return lineStartOf(text, found.start);
  }
  for (const k of after) {
    const pair = topLevelPair(root, k);
    if (pair?.value?.range) return lineEndOf(text, pair.value.range[1] - 1);
    if (pair?.key && isScalar(pair.key) && pair.key.range)
      return lineEndOf(text, pair.key.range[0]);
  }
  return text.length;
}

/**
 * Appends to the top-level block list `key`: the new lines go right after
 * its last item, at its items' indent; a missing key is created where
 * `newKeyOffset` puts it, an empty one (`key:`, `key: []`, `key: null`)
 * is rewritten on its line. Any other value (a flow list with items, a
 * scalar, a mapping) is refused: splicing there would lose what it holds.
 * `lines(indent)` writes the new items at that column.
 */
export function appendListItems(
  text: string,
  key: string,
  beforeKeys: readonly string[],
  afterKeys: readonly string[],
  lines: (indent: number) => string,
): string {
  const { root } = parseForEdit(text);
  const pair = topLevelPair(root, key);
  const value = pair?.value;
  if (isSeq(value) && !value.flow && value.items.length > 0 && value.range) {
    return splice(text, value.range[1], lines(sequenceIndent(text, value)));
  }
  if (pair && isScalar(pair.key) && pair.key.range) {
    const empty =
      value == null ||
      (isScalar(value) && value.value === null) ||
      (isSeq(value) && value.items.length === 0);
    if (!empty) throw new ConfigError('not a block list; edit it by hand', 'deliverable file', key);
    const start = lineStartOf(text, pair.key.range[0]);
    const end = value?.range
      ? lineEndOf(text, value.range[1] - 1)
      : lineEndOf(text, pair.key.range[0]);
    return splice(text, start, `${key}:\n${lines(2)}`, end);
  }
  const at = newKeyOffset(text, root, beforeKeys, afterKeys);
  return splice(text, at, `${key}:\n${lines(2)}`);
}

/**
 * A fast reader for the small YAML subset deliverable files are written in
 * (block mappings and sequences, plain and quoted scalars, `{}`/`[]` and
 * one-line flow sequences, comments). It exists only for speed: the general
 * `yaml` parser needs seconds for the 6,000 files of openstack/releases.
 *
 * Anything outside the subset makes it give up (return undefined), and the
 * caller parses the text with the `yaml` package instead, which also gives
 * the error messages for malformed files. The result must be exactly what
 * `yaml` would produce with YAML 1.2 core-schema rules; tests compare the
 * two over every file of the real data and over mutated copies of them.
 *
 * Speed comes from working on offsets: one pass records where each line's
 * indentation, content and end are (in reused typed arrays), and strings
 * are cut out of the text only for keys and values.
 */

class OutOfSubset extends Error {}

function bail(why = 'outside the subset'): never {
  throw new OutOfSubset(why);
}

export interface SubsetOptions {
  /**
   * Plain scalars as written (`2026.1` stays text, `~` stays `~`), as when
   * a value is read back with rawScalar of src/data/yaml.ts.
   */
  readonly plainAsText?: boolean;
}

/** The parsed value, or undefined when the text is outside the subset. */
export function parseSubsetYaml(
  text: string,
  options: SubsetOptions = {},
): { value: unknown } | undefined {
  try {
    plainAsText = options.plainAsText === true;
    return { value: parseText(text) };
  } catch (e) {
    // a nesting deep enough to exhaust the stack is left to the general parser, which reports it
    if (e instanceof OutOfSubset || e instanceof RangeError) return undefined;
    throw e;
  } finally {
    src = '';
    plainAsText = false;
  }
}

/** Why the reader gave up on a text (for tests and debugging), or undefined. */
export function subsetGiveUpReason(text: string): string | undefined {
  try {
    parseText(text);
    return undefined;
  } catch (e) {
    if (e instanceof OutOfSubset) return `${e.message} ${e.stack?.split('\n')[2]?.trim() ?? ''}`;
    throw e;
  } finally {
    src = '';
  }
}

// Line kinds.
const CONTENT = 0;
const EMPTY = 1;
const COMMENT = 2;

// The text being read and its line table. Module state, reused from one
// call to the next (a parse never re-enters itself), so reading a file
// allocates only its values.
let src = '';
let plainAsText = false;
let lineCount = 0;
let pos = 0;
/**
 * Cursors on the next ` #` and `: ` of the text, and where each search
 * started (see commentStart, checkPlain): lines are read in order, so each
 * part of the text is searched about once.
 */
let nextHash = -1;
let hashFrom = 0;
let nextColon = -1;
let colonFrom = 0;
/** Offset of the line's first character. */
let LS = new Int32Array(256);
/** Offset of the first non-space character (the content). */
let CS = new Int32Array(256);
/** Offset just after the last non-space character. */
let CE = new Int32Array(256);
/** Offset of the line break (or the end of the text). */
let RE = new Int32Array(256);
/** Columns of leading spaces (changed for `- key:` lines, see parseSequence). */
let IND = new Int32Array(256);
let KIND = new Uint8Array(256);

function grow(): void {
  const size = LS.length * 2;
  const bigger = (a: Int32Array): Int32Array<ArrayBuffer> => {
    const b = new Int32Array(size);
    b.set(a);
    return b;
  };
  LS = bigger(LS);
  CS = bigger(CS);
  CE = bigger(CE);
  RE = bigger(RE);
  IND = bigger(IND);
  const k = new Uint8Array(size);
  k.set(KIND);
  KIND = k;
}

function scanLines(text: string): void {
  const len = text.length;
  let n = 0;
  let i = 0;
  for (;;) {
    if (n === LS.length) grow();
    let j = i;
    while (j < len && text.charCodeAt(j) === 32) j++;
    let e = text.indexOf('\n', j);
    if (e < 0) e = len;
    let te = e;
    while (te > j && text.charCodeAt(te - 1) === 32) te--;
    LS[n] = i;
    CS[n] = j;
    CE[n] = te;
    RE[n] = e;
    IND[n] = j - i;
    KIND[n] = te === j ? EMPTY : text.charCodeAt(j) === 35 ? COMMENT : CONTENT;
    n++;
    if (e >= len) break;
    i = e + 1;
  }
  lineCount = n;
}

function parseText(text: string): unknown {
  // tabs, carriage returns, a byte-order mark: leave them to `yaml`
  if (text.includes('\t') || text.includes('\r') || text.charCodeAt(0) === 0xfeff) bail();
  src = text;
  pos = 0;
  nextHash = -1;
  hashFrom = 0;
  nextColon = -1;
  colonFrom = 0;
  scanLines(text);
  skipBlank();
  if (pos < lineCount && IND[pos] === 0) {
    const a = CS[pos] ?? 0;
    const e = CE[pos] ?? 0;
    if (src.startsWith('---', a) && (e === a + 3 || src.startsWith(' #', a + 3))) {
      pos++;
      skipBlank();
    }
  }
  if (pos >= lineCount) return null;
  if (IND[pos] !== 0) bail();
  const value = parseBlock(0, -1);
  skipBlank();
  if (pos < lineCount) bail(); // `...`, a second document, stray text
  return value;
}

function skipBlank(): void {
  while (pos < lineCount && KIND[pos] !== CONTENT) pos++;
}

const code = (i: number): number => src.charCodeAt(i);

/** `-` alone or `- ` starts a sequence item. */
function isSeqItemAt(a: number, e: number): boolean {
  return code(a) === 45 && (a + 1 === e || code(a + 1) === 32);
}

/** A node whose first line is the current line, at `indent`, inside a parent at `parentIndent`. */
function parseBlock(indent: number, parentIndent: number): unknown {
  if (pos >= lineCount) return null;
  const a = CS[pos] ?? 0;
  const e = CE[pos] ?? 0;
  if (isSeqItemAt(a, e)) return parseSequence(indent);
  if (keyEnd(a, e) >= 0) return parseMapping(indent);
  // a scalar on its own line(s), e.g. a long URL moved under its key
  pos++;
  return scalarAt(a, e, parentIndent);
}

function parseMapping(indent: number): Record<string, unknown> {
  const map: Record<string, unknown> = {};
  let keys = 0;
  for (;;) {
    skipBlank();
    if (pos >= lineCount || (IND[pos] ?? 0) < indent) {
      // a duplicate key overwrote a value: let `yaml` report it
      if (keys > 1 && Object.keys(map).length !== keys) bail();
      return map;
    }
    const ind = IND[pos] ?? 0;
    const a = CS[pos] ?? 0;
    const e = CE[pos] ?? 0;
    if (ind > indent || isSeqItemAt(a, e)) bail();
    const colon = keyEnd(a, e);
    if (colon < 0) bail();
    const key = knownKey(a, colon - a) ?? src.slice(a, colon);
    if (key === '__proto__') bail(); // would set the prototype
    pos++;
    map[key] = valueAfterIndicator(colon + 1, e, indent, true);
    keys++;
  }
}

function parseSequence(indent: number): unknown[] {
  const seq: unknown[] = [];
  for (;;) {
    skipBlank();
    if (pos >= lineCount) return seq;
    const ind = IND[pos] ?? 0;
    const a = CS[pos] ?? 0;
    const e = CE[pos] ?? 0;
    // a line at this indentation that is no item ends the sequence; the
    // parent decides whether it may be there (`key:` after `- x` at key level)
    const item = isSeqItemAt(a, e);
    if (ind < indent || (ind === indent && !item)) return seq;
    if (ind > indent) bail();
    let r = a + 1;
    while (r < e && code(r) === 32) r++;
    if (r < e && code(r) !== 35 && keyEnd(r, e) >= 0) {
      // `- key: value` starts a mapping whose keys sit at the column of `key`
      const col = indent + (r - a);
      CS[pos] = r;
      IND[pos] = col;
      seq.push(parseMapping(col));
      continue;
    }
    if (r < e && isSeqItemAt(r, e)) bail(); // `- - x`
    pos++;
    seq.push(valueAfterIndicator(r, e, indent, false));
  }
}

/**
 * The value after `key:` or `- ` (text from `a` to the end of the line
 * `e`): an inline scalar (maybe continued on more indented lines), or a
 * nested block on the following lines.
 */
function valueAfterIndicator(a: number, e: number, indent: number, inMapping: boolean): unknown {
  while (a < e && code(a) === 32) a++;
  if (a < e && code(a) !== 35) {
    const v = scalarAt(a, e, indent);
    expectDedent(indent);
    return v;
  }
  skipBlank();
  if (pos >= lineCount) return null;
  const ind = IND[pos] ?? 0;
  if (ind > indent) {
    const v = parseBlock(ind, indent);
    expectDedent(indent);
    return v;
  }
  // a sequence may sit at the same indentation as its mapping key
  if (inMapping && ind === indent && isSeqItemAt(CS[pos] ?? 0, CE[pos] ?? 0))
    return parseSequence(indent);
  return null;
}

function expectDedent(indent: number): void {
  skipBlank();
  if (pos < lineCount && (IND[pos] ?? 0) > indent) bail();
}

/**
 * A scalar written from `a` to `e` (trimmed, comment included) on a line
 * already consumed; plain scalars may continue on lines indented more than
 * `parentIndent`.
 */
function scalarAt(a: number, e: number, parentIndent: number): unknown {
  const c = code(a);
  if (c === 39 || c === 34) return quoted(a, e, parentIndent);
  const fe = commentStart(a, e);
  if (c === 91) return flowSequence(src.slice(a, fe)); // [
  if (c === 123) {
    // {
    if (fe === a + 2 && code(a + 1) === 125) return {};
    bail();
  }
  if (c === 124 || c === 62) return blockScalar(src.slice(a, fe), parentIndent); // | >
  if (FORBIDDEN_START.has(c)) bail();
  if ((c === 45 || c === 58) && (fe === a + 1 || code(a + 1) === 32)) bail(); // `- ` `: `
  checkPlain(a, fe);
  const first = src.slice(a, fe);
  // continuation lines follow only when the next line is blank or more indented
  if (
    pos >= lineCount ||
    KIND[pos] === COMMENT ||
    (KIND[pos] === CONTENT && (IND[pos] ?? 0) <= parentIndent)
  )
    return resolvePlain(first);
  let hadComment = fe !== e;
  const parts = [first];
  let blanks = 0;
  while (pos < lineCount) {
    const kind = KIND[pos];
    if (kind === EMPTY) {
      blanks++;
      pos++;
      continue;
    }
    if (kind === COMMENT || (IND[pos] ?? 0) <= parentIndent) break;
    if (hadComment) bail(); // text after a comment inside a scalar is an error
    const la = CS[pos] ?? 0;
    const le = CE[pos] ?? 0;
    const te = commentStart(la, le);
    checkPlain(la, te);
    if (parentIndent < 0 && isSeqItemAt(la, te)) bail();
    parts.push(blanks > 0 ? '\n'.repeat(blanks) : ' ');
    parts.push(src.slice(la, te));
    hadComment = te !== le;
    blanks = 0;
    pos++;
  }
  // trailing blank lines belong to the following node
  pos -= blanks;
  if (parts.length === 1) return resolvePlain(first);
  return parts.join('');
}

/** `&*!%@\`?,]}#` cannot start a plain scalar of the subset. */
const FORBIDDEN_START = new Set(Array.from('&*!%@`?,]}#', (ch) => ch.charCodeAt(0)));

/** End of a plain scalar on a line: before ` #comment`, trailing spaces trimmed. */
function commentStart(a: number, e: number): number {
  // the next ` #` of the text at or after `a`, searched again only once passed
  if (nextHash < a || hashFrom > a) nextHash = findFrom(' #', (hashFrom = a));
  if (nextHash + 1 >= e) return e;
  let t = nextHash;
  while (t > a && code(t - 1) === 32) t--;
  return t;
}

/** Offset of `what` at or after `from`, or the text length. */
function findFrom(what: string, from: number): number {
  const i = src.indexOf(what, from);
  return i < 0 ? src.length : i;
}

/** A plain scalar line may not hold `: ` or end with `:` (that would be a mapping). */
function checkPlain(a: number, e: number): void {
  if (code(e - 1) === 58) bail();
  if (nextColon < a || colonFrom > a) nextColon = findFrom(': ', (colonFrom = a));
  if (nextColon < e - 1) bail();
}

// Key characters: letters, digits, `_./+-`, and single inner spaces (`OpenStack Charms`).
const KEY_CHAR = new Uint8Array(128);
for (const ch of 'abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789_./+-')
  KEY_CHAR[ch.charCodeAt(0)] = 1;
const isKeyStart = (c: number): boolean =>
  (c >= 97 && c <= 122) || (c >= 65 && c <= 90) || (c >= 48 && c <= 57) || c === 95;
const SPECIAL_KEY_RE =
  /^(?:~|[Nn]ull|NULL|[Tt]rue|TRUE|[Ff]alse|FALSE|[-+]?[0-9.][0-9.eE+-]*|0o[0-7]+|0x[0-9a-fA-F]+)$/;

/**
 * When the line content from `a` to `e` is `key:` or `key: rest` with a
 * simple key, the offset of the colon; else -1. A key the subset does not
 * read (quoted, special, odd characters) makes it give up.
 */
function keyEnd(a: number, e: number): number {
  const c = code(a);
  if (isKeyStart(c)) {
    let i = a + 1;
    for (; i < e; i++) {
      const d = code(i);
      if (d < 128 && KEY_CHAR[d] === 1) continue;
      if (d === 32 && i + 1 < e && code(i + 1) < 128 && KEY_CHAR[code(i + 1)] === 1) continue;
      break;
    }
    if (i < e && code(i) === 58 && (i + 1 === e || code(i + 1) === 32)) {
      // a key that would not be a string (`true`, `1.0`, `~`): let `yaml` decide
      if (
        (c <= 57 || c === 110 || c === 78 || c === 116 || c === 84 || c === 102 || c === 70) &&
        SPECIAL_KEY_RE.test(src.slice(a, i))
      )
        bail();
      return i;
    }
  }
  // not a simple key: a scalar (`http://x`), or a key outside the subset
  let colon = -1;
  for (let i = a; i < e; i++) {
    if (code(i) === 58) {
      colon = i;
      break;
    }
  }
  if (colon <= a) return -1;
  if (colon + 1 < e && code(colon + 1) !== 32) return -1; // `http://x` is a scalar, a key never holds `:`
  const key = src.slice(a, colon);
  if (/^[^'"#\s][^#]*$/.test(key) && !key.startsWith('- ')) bail(); // odd key: let `yaml` decide
  return -1;
}

/**
 * The keys deliverable files repeat thousands of times, as constant
 * strings: no new string per key, and property stores with keys V8 has
 * already interned.
 */
function knownKey(a: number, len: number): string | undefined {
  const k = KNOWN_KEYS[len];
  if (k === undefined) return undefined;
  for (const key of k) if (src.startsWith(key, a)) return key;
  return undefined;
}

const KNOWN_KEYS: (readonly string[] | undefined)[] = [];
for (const key of [
  ...['hash', 'repo', 'team', 'type', 'name', 'flags', 'version', 'comment', 'projects'],
  ...['releases', 'location', 'branches', 'launchpad', 'diff-start', 'storyboard'],
  ...['release-type', 'tarball-base', 'release-model', 'release-notes', 'stable-status'],
  ...['cycle-highlights', 'include-pypi-link', 'stable-branch-type', 'artifact-link-mode'],
  'repository-settings',
]) {
  KNOWN_KEYS[key.length] = [...(KNOWN_KEYS[key.length] ?? []), key];
}

/** A literal (`|`) or folded (`>`) block scalar; its lines follow the header line. */
function blockScalar(header: string, parentIndent: number): string {
  const m = /^([|>])([-+]?)$/.exec(header);
  if (!m) bail('block scalar header');
  const folded = m[1] === '>';
  const chomp = m[2];
  const content: string[] = [];
  let blockIndent = -1;
  while (pos < lineCount) {
    const rawStart = LS[pos] ?? 0;
    const rawEnd = RE[pos] ?? 0;
    if (KIND[pos] === EMPTY) {
      if (blockIndent < 0) bail('leading empty line in block scalar');
      if (rawEnd - rawStart > blockIndent) bail('spaces-only line in block scalar');
      content.push('');
      pos++;
      continue;
    }
    const ind = IND[pos] ?? 0;
    if (blockIndent < 0) {
      if (ind <= parentIndent) break;
      blockIndent = ind;
    }
    if (ind < blockIndent) break;
    if (folded && ind > blockIndent) bail('more-indented line in folded scalar');
    content.push(src.slice(rawStart + blockIndent, rawEnd));
    pos++;
  }
  let trailing = 0;
  while (content.length > 0 && content[content.length - 1] === '') {
    content.pop();
    trailing++;
  }
  // the empty lines after the scalar belong to what follows (they are blank anyway)
  let text: string;
  if (!folded) text = content.join('\n');
  else {
    text = '';
    for (let i = 0; i < content.length; i++) {
      const l = content[i] ?? '';
      if (i === 0) text = l;
      else if (l === '') text += '\n';
      else text += content[i - 1] === '' ? l : ' ' + l;
    }
  }
  if (content.length === 0) return chomp === '+' ? '\n'.repeat(trailing) : '';
  if (chomp === '-') return text;
  if (chomp === '+') return text + '\n' + '\n'.repeat(trailing);
  return text + '\n';
}

/** A single- or double-quoted scalar from `a` (the quote) to `e`, possibly over several lines. */
function quoted(a: number, e: number, parentIndent: number): string {
  const q = code(a);
  let text = src.slice(a + 1, e);
  const end = closingQuote(text, q);
  if (end >= 0) {
    checkAfterQuote(text, end);
    const body = text.slice(0, end);
    if (q === 39) return body.includes("'") ? body.replace(/''/g, "'") : body;
    return unescapeDouble(body);
  }
  const pieces: string[] = [];
  for (;;) {
    const close = closingQuote(text, q);
    if (close >= 0) {
      pieces.push(text.slice(0, close));
      checkAfterQuote(text, close);
      break;
    }
    pieces.push(text);
    if (pos >= lineCount) bail();
    if (KIND[pos] === CONTENT && (IND[pos] ?? 0) <= parentIndent) bail();
    text = KIND[pos] === EMPTY ? '' : src.slice(CS[pos] ?? 0, CE[pos] ?? 0);
    pos++;
  }
  return foldQuoted(pieces, q);
}

/** After a closing quote: nothing, or a comment after a space. */
function checkAfterQuote(text: string, close: number): void {
  const after = text.slice(close + 1);
  if (after === '') return;
  if (!/^ +#/.test(after)) bail();
}

/** `[a, 'b', c]` on one line, scalars only. */
function flowSequence(text: string): unknown[] {
  if (!text.endsWith(']')) bail();
  const inner = text.slice(1, -1).trim();
  if (inner === '') return [];
  if (/[[\]{}"#&*!|>%@`]/.test(inner)) bail();
  return inner.split(',').map((item) => {
    const t = item.trim();
    if (t === '') bail();
    if (t.startsWith("'")) {
      if (!t.endsWith("'") || t.length < 2 || t.slice(1, -1).replace(/''/g, '').includes("'"))
        bail();
      return t.slice(1, -1).replace(/''/g, "'");
    }
    if (t.includes(':') || t.startsWith('-') || t.startsWith('?')) bail();
    return resolvePlain(t);
  });
}

/** Index of the closing quote in `text`, or -1 when the scalar continues. */
function closingQuote(text: string, q: number): number {
  for (let i = 0; i < text.length; i++) {
    const ch = text.charCodeAt(i);
    if (q === 39) {
      if (ch === 39) {
        if (text.charCodeAt(i + 1) === 39) {
          i++;
          continue;
        }
        return i;
      }
    } else if (ch === 92) i++;
    else if (ch === 34) return i;
  }
  return -1;
}

/**
 * Line folding of a quoted scalar, then unescaping. A double-quoted line
 * that ends in an escaping backslash joins the next line with nothing in
 * between (its own trailing spaces kept).
 */
function foldQuoted(pieces: string[], q: number): string {
  let out = '';
  let escapedBreak = false;
  for (let i = 0; i < pieces.length; i++) {
    let p = pieces[i] ?? '';
    if (i > 0) p = p.replace(/^ +/, '');
    const joined = escapedBreak;
    escapedBreak = false;
    if (i < pieces.length - 1) {
      if (q === 34 && /(^|[^\\])(\\\\)*\\$/.test(p)) {
        p = p.slice(0, -1);
        escapedBreak = true;
        if (pieces[i + 1] === '') bail(); // empty lines after an escaped break
      } else p = p.replace(/ +$/, '');
    }
    if (i === 0) out = p;
    else if (joined) out += p;
    else {
      // an empty piece (blank line) stands for a newline; otherwise a space joins
      out += p === '' && i < pieces.length - 1 ? '\n' : out.endsWith('\n') ? p : ' ' + p;
    }
  }
  out = out.replace(/ \n/g, '\n');
  if (q === 39) {
    if (out.replace(/''/g, '').includes("'")) bail();
    return out.replace(/''/g, "'");
  }
  return unescapeDouble(out);
}

const ESCAPES: Record<string, string> = {
  '\\': '\\',
  '"': '"',
  '/': '/',
  n: '\n',
  t: '\t',
  r: '\r',
  '0': '\0',
  ' ': ' ',
};

function unescapeDouble(s: string): string {
  if (!s.includes('\\')) return s;
  return s.replace(/\\(x[0-9a-fA-F]{2}|u[0-9a-fA-F]{4}|U[0-9a-fA-F]{8}|.)/g, (_m, e: string) => {
    if (e.length > 1) return String.fromCodePoint(parseInt(e.slice(1), 16));
    const r = ESCAPES[e];
    if (r === undefined) bail();
    return r;
  });
}

const CORE_NULL = /^(?:~|[Nn]ull|NULL)?$/;
const CORE_BOOL = /^(?:[Tt]rue|TRUE|[Ff]alse|FALSE)$/;
const CORE_INT = /^[-+]?[0-9]+$/;
const CORE_OCT = /^0o[0-7]+$/;
const CORE_HEX = /^0x[0-9a-fA-F]+$/;
const CORE_FLOAT = /^[-+]?(?:\.[0-9]+|[0-9]+\.[0-9]*)$/;
const CORE_EXP = /^[-+]?(?:\.[0-9]+|[0-9]+(?:\.[0-9]*)?)[eE][-+]?[0-9]+$/;
const CORE_SPECIAL = /^(?:[-+]?\.(?:inf|Inf|INF)|\.nan|\.NaN|\.NAN)$/;

/** YAML 1.2 core schema resolution of a one-line plain scalar. */
function resolvePlain(s: string): unknown {
  if (plainAsText) return s;
  const c = s.charCodeAt(0);
  // fast path: most scalars start with a letter other than n/t/f/N/T/F
  if (
    !(c >= 48 && c <= 57) &&
    c !== 45 && // -
    c !== 43 && // +
    c !== 46 && // .
    c !== 126 && // ~
    c !== 110 && // n
    c !== 78 && // N
    c !== 116 && // t
    c !== 84 && // T
    c !== 102 && // f
    c !== 70 // F
  )
    return s;
  if (CORE_NULL.test(s)) return null;
  if (CORE_BOOL.test(s)) return c === 116 || c === 84;
  if (CORE_OCT.test(s)) return parseInt(s.slice(2), 8);
  if (CORE_INT.test(s)) return parseInt(s, 10);
  if (CORE_HEX.test(s)) return parseInt(s.slice(2), 16);
  if (CORE_FLOAT.test(s) || CORE_EXP.test(s)) return parseFloat(s);
  if (CORE_SPECIAL.test(s)) {
    if (s.slice(-3).toLowerCase() === 'nan') return NaN;
    return s.startsWith('-') ? Number.NEGATIVE_INFINITY : Number.POSITIVE_INFINITY;
  }
  return s;
}

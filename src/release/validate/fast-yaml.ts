/**
 * A fast reader for the small YAML subset deliverable files are written in
 * (block mappings and sequences, plain and quoted scalars, `{}`/`[]` and
 * one-line flow sequences, comments). It exists only for speed: the general
 * `yaml` parser needs seconds for the 6,000 files of openstack/releases.
 *
 * Anything outside the subset makes it give up (return undefined), and the
 * caller parses the text with the `yaml` package instead, which also gives
 * the error messages for malformed files. The result must be exactly what
 * `yaml` would produce with YAML 1.2 core-schema rules; a test compares the
 * two over every file of the real data.
 */

class OutOfSubset extends Error {}

interface Line {
  /** Columns of leading spaces. */
  indent: number;
  /** Text after the indentation, comment kept (stripped later per context). */
  text: string;
  /** A blank or comment-only line. */
  blank: boolean;
  /** Only comment. */
  comment: boolean;
  /** The whole line as written (block scalars need it). */
  raw: string;
}

/** The parsed value, or undefined when the text is outside the subset. */
export function parseSubsetYaml(text: string): { value: unknown } | undefined {
  try {
    return { value: new SubsetParser(text).parseDocument() };
  } catch (e) {
    if (e instanceof OutOfSubset) return undefined;
    throw e;
  }
}

function bail(why = 'outside the subset'): never {
  throw new OutOfSubset(why);
}

/** Why the reader gave up on a text (for tests and debugging), or undefined. */
export function subsetGiveUpReason(text: string): string | undefined {
  try {
    new SubsetParser(text).parseDocument();
    return undefined;
  } catch (e) {
    if (e instanceof OutOfSubset) return `${e.message} ${e.stack?.split('\n')[2]?.trim() ?? ''}`;
    throw e;
  }
}

const KEY_RE = /^[A-Za-z0-9_][A-Za-z0-9_./+-]*$/;
const SPECIAL_KEY_RE =
  /^(?:~|[Nn]ull|NULL|[Tt]rue|TRUE|[Ff]alse|FALSE|[-+]?[0-9.][0-9.eE+-]*|0o[0-7]+|0x[0-9a-fA-F]+)$/;

class SubsetParser {
  private readonly lines: Line[];
  private pos = 0;

  constructor(text: string) {
    if (text.includes('\t') || text.includes('\r')) bail();
    const raw = text.split('\n');
    this.lines = raw.map((l) => {
      let i = 0;
      while (i < l.length && l.charCodeAt(i) === 32) i++;
      const rest = l.slice(i);
      const comment = rest.startsWith('#');
      return {
        indent: i,
        text: rest.trimEnd(),
        blank: rest.trim() === '' || comment,
        comment,
        raw: l,
      };
    });
  }

  parseDocument(): unknown {
    this.skipBlank();
    const first = this.lines[this.pos];
    if (first && first.indent === 0 && (first.text === '---' || first.text.startsWith('--- #'))) {
      this.pos++;
      this.skipBlank();
    }
    const line = this.lines[this.pos];
    if (!line) return null;
    if (line.indent !== 0) bail();
    const value = this.parseBlock(line.indent, -1);
    this.skipBlank();
    if (this.pos < this.lines.length) bail(); // `...`, a second document, stray text
    return value;
  }

  private skipBlank(): void {
    while (this.lines[this.pos]?.blank === true) this.pos++;
  }

  private current(): Line | undefined {
    this.skipBlank();
    return this.lines[this.pos];
  }

  /** A node whose first line is the current line, at `indent`, inside a parent at `parentIndent`. */
  private parseBlock(indent: number, parentIndent: number): unknown {
    const line = this.lines[this.pos];
    if (!line) return null;
    if (isSeqItem(line.text)) return this.parseSequence(indent);
    if (splitKey(line.text)) return this.parseMapping(indent);
    // a scalar on its own line(s), e.g. a long URL moved under its key
    const first = stripComment(line.text);
    this.pos++;
    return this.scalarWithContinuation(first, parentIndent, line.text);
  }

  private parseMapping(indent: number): Record<string, unknown> {
    const map: Record<string, unknown> = {};
    for (;;) {
      const line = this.current();
      if (!line || line.indent < indent) return map;
      if (line.indent > indent || isSeqItem(line.text)) bail();
      const kv = splitKey(line.text);
      if (!kv) bail();
      const [key, rest] = kv;
      if (Object.prototype.hasOwnProperty.call(map, key)) bail(); // duplicate: let `yaml` report it
      this.pos++;
      map[key] = this.valueAfterIndicator(rest, indent, true);
    }
  }

  private parseSequence(indent: number): unknown[] {
    const seq: unknown[] = [];
    for (;;) {
      const line = this.current();
      // a line at this indentation that is no item ends the sequence; the
      // parent decides whether it may be there (`key:` after `- x` at key level)
      if (!line || line.indent < indent || (line.indent === indent && !isSeqItem(line.text)))
        return seq;
      if (line.indent > indent) bail();
      const rest = line.text.slice(1).replace(/^ +/, '');
      const col = indent + (line.text.length - rest.length);
      if (rest !== '' && !rest.startsWith('#') && splitKey(rest)) {
        // `- key: value` starts a mapping whose keys sit at the column of `key`
        line.indent = col;
        line.text = rest;
        seq.push(this.parseMapping(col));
        continue;
      }
      if (rest.startsWith('- ') || rest === '-') bail();
      this.pos++;
      seq.push(this.valueAfterIndicator(rest, indent, false));
    }
  }

  /**
   * The value after `key:` or `- `: inline scalar (maybe continued on more
   * indented lines), or a nested block on the following lines.
   */
  private valueAfterIndicator(rest: string, indent: number, inMapping: boolean): unknown {
    const inline = stripComment(rest);
    if (inline !== '') {
      const v = this.scalarWithContinuation(inline, indent, rest.trim());
      this.expectDedent(indent);
      return v;
    }
    const next = this.current();
    if (!next) return null;
    if (next.indent > indent) {
      const v = this.parseBlock(next.indent, indent);
      this.expectDedent(indent);
      return v;
    }
    // a sequence may sit at the same indentation as its mapping key
    if (inMapping && next.indent === indent && isSeqItem(next.text))
      return this.parseSequence(indent);
    return null;
  }

  private expectDedent(indent: number): void {
    const next = this.current();
    if (next && next.indent > indent) bail();
  }

  /** A scalar starting with `first` on a consumed line; plain scalars may continue on lines indented more than `parentIndent`. */
  private scalarWithContinuation(first: string, parentIndent: number, rawFirst: string): unknown {
    const c = first.charAt(0);
    if (c === "'" || c === '"') return this.quoted(rawFirst, parentIndent);
    if (c === '[') return flowSequence(first);
    if (c === '{') {
      if (first === '{}') return {};
      bail();
    }
    if (c === '|' || c === '>') return this.blockScalar(first, parentIndent);
    if ('&*!%@`?,]}#'.includes(c)) bail();
    if ((c === '-' || c === ':') && (first.length === 1 || first.charAt(1) === ' ')) bail();
    checkPlain(first);
    const parts = [first];
    let hadComment = rawFirst.trim() !== first && hasComment(rawFirst);
    let blanks = 0;
    for (let line = this.lines[this.pos]; line; line = this.lines[this.pos]) {
      if (line.blank && !line.comment) {
        blanks++;
        this.pos++;
        continue;
      }
      if (line.comment || line.indent <= parentIndent) break;
      if (hadComment) bail(); // text after a comment inside a scalar is an error
      const t = stripComment(line.text);
      if (t.startsWith('#')) bail();
      checkPlain(t);
      if (isSeqItem(t) && parentIndent < 0) bail();
      parts.push(blanks > 0 ? '\n'.repeat(blanks) : ' ');
      parts.push(t);
      hadComment = hasComment(line.text);
      blanks = 0;
      this.pos++;
    }
    // trailing blank lines belong to the following node
    if (blanks > 0) this.pos -= blanks;
    if (parts.length === 1) return resolvePlain(first);
    return parts.join('');
  }

  /** A literal (`|`) or folded (`>`) block scalar; its lines follow the header line. */
  private blockScalar(header: string, parentIndent: number): string {
    const m = /^([|>])([-+]?)$/.exec(header);
    if (!m) bail('block scalar header');
    const folded = m[1] === '>';
    const chomp = m[2];
    const content: string[] = [];
    let blockIndent = -1;
    for (let line = this.lines[this.pos]; line; line = this.lines[this.pos]) {
      const empty = line.raw.trim() === '';
      if (empty) {
        if (blockIndent < 0) bail('leading empty line in block scalar');
        if (line.raw.length > blockIndent) bail('spaces-only line in block scalar');
        content.push('');
        this.pos++;
        continue;
      }
      if (blockIndent < 0) {
        if (line.indent <= parentIndent) break;
        blockIndent = line.indent;
      }
      if (line.indent < blockIndent) break;
      const body = line.raw.slice(blockIndent);
      if (folded && body.startsWith(' ')) bail('more-indented line in folded scalar');
      content.push(body);
      this.pos++;
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

  /** A single- or double-quoted scalar, possibly over several lines. */
  private quoted(rawFirst: string, parentIndent: number): string {
    const q = rawFirst.charAt(0);
    const pieces: string[] = [];
    let text = rawFirst.slice(1);
    for (;;) {
      const end = closingQuote(text, q);
      if (end >= 0) {
        pieces.push(text.slice(0, end));
        const after = text.slice(end + 1).trim();
        if (after !== '' && !after.startsWith('#')) bail();
        break;
      }
      pieces.push(text);
      const line = this.lines[this.pos];
      if (!line) bail();
      if (!line.blank && line.indent <= parentIndent) bail();
      this.pos++;
      text = line.comment ? '#' + line.text.slice(1) : line.text;
      if (line.blank && !line.comment) text = '';
    }
    this.pos += 0;
    return foldQuoted(pieces, q);
  }
}

function isSeqItem(text: string): boolean {
  return text === '-' || text.startsWith('- ');
}

/** `key: rest` / `key:` with a simple key, or undefined. */
function splitKey(text: string): [string, string] | undefined {
  const i = text.indexOf(':');
  if (i <= 0) return undefined;
  if (i + 1 < text.length && text.charAt(i + 1) !== ' ') {
    // `http://x` is a scalar, not a key; a key never contains `:`
    return undefined;
  }
  const key = text.slice(0, i);
  if (!KEY_RE.test(key) || SPECIAL_KEY_RE.test(key)) {
    if (/^[^'"#\s][^#]*$/.test(key) && !key.startsWith('- ')) bail(); // odd key: let `yaml` decide
    return undefined;
  }
  return [key, text.slice(i + 1)];
}

/** Removes a trailing ` #comment` from a plain-scalar line and trims it. */
function stripComment(text: string): string {
  const t = text.trim();
  if (t.startsWith('#')) return '';
  if (t.startsWith("'") || t.startsWith('"')) return t;
  const i = t.indexOf(' #');
  return (i >= 0 ? t.slice(0, i) : t).trim();
}

function hasComment(text: string): boolean {
  return text.trim().startsWith('#') || text.includes(' #');
}

function checkPlain(text: string): void {
  if (text.includes(': ') || text.endsWith(':') || text.includes(' #')) bail();
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
  const c = s.charCodeAt(0);
  // fast path: most scalars start with a letter other than n/t/f/N/T/F
  if (
    !(c >= 48 && c <= 57) &&
    c !== 45 &&
    c !== 43 &&
    c !== 46 &&
    c !== 126 &&
    !/^[nNtTfF]/.test(s)
  )
    return s;
  if (CORE_NULL.test(s)) return null;
  if (CORE_BOOL.test(s)) return s.charAt(0) === 't' || s.charAt(0) === 'T';
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
function closingQuote(text: string, q: string): number {
  for (let i = 0; i < text.length; i++) {
    const ch = text.charAt(i);
    if (q === "'" && ch === "'") {
      if (text.charAt(i + 1) === "'") {
        i++;
        continue;
      }
      return i;
    }
    if (q === '"') {
      if (ch === '\\') {
        i++;
        continue;
      }
      if (ch === '"') return i;
    }
  }
  return -1;
}

/** Line folding of a quoted scalar, then unescaping. */
function foldQuoted(pieces: string[], q: string): string {
  let out = '';
  for (let i = 0; i < pieces.length; i++) {
    let p = pieces[i] ?? '';
    if (i > 0) p = p.replace(/^ +/, '');
    if (i < pieces.length - 1) {
      if (q === '"' && /(^|[^\\])(\\\\)*\\$/.test(p)) bail(); // escaped line break
      p = p.replace(/ +$/, '');
    }
    if (i === 0) out = p;
    else if (pieces[i - 1] !== undefined && i > 0) {
      // an empty piece (blank line) stands for a newline; otherwise a space joins
      out += p === '' && i < pieces.length - 1 ? '\n' : out.endsWith('\n') ? p : ' ' + p;
    }
  }
  out = out.replace(/ \n/g, '\n');
  if (q === "'") {
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

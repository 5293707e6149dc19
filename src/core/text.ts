/**
 * The one rule for text that came from elsewhere (Launchpad titles, Gerrit
 * subjects, governance names, schedule headings, config titles) on its way to
 * a terminal, a Markdown/IRC paste or a calendar: it is stored and put in
 * `--json` exactly as received, but printed as inert text. And the one rule
 * for links taken from data. Every text renderer uses these two.
 */

/**
 * Characters a terminal (or a bidi-aware viewer) acts on instead of showing:
 * C0 controls but tab and newline, DEL, C1 controls (U+009B is a one-byte
 * CSI on many terminals), the bidi marks, embeddings, overrides and isolates
 * (they reorder what is shown: "Trojan Source"), and the Unicode line and
 * paragraph separators.
 */
const UNSAFE =
  // eslint-disable-next-line no-control-regex -- control characters are what it matches
  /[\u0000-\u0008\u000b-\u001f\u007f-\u009f\u061c\u200e\u200f\u2028\u2029\u202a-\u202e\u2066-\u2069]/g;

/** Whitespace that ends a line or aligns a column: flattened in one-line text. */
const BREAKS = /[\t\n]+/g;

/** `\x1b`, `\x9b`, `\u202e`: a visible, inert spelling of an unsafe character. */
function visible(ch: string): string {
  const code = ch.charCodeAt(0);
  return code <= 0xff
    ? `\\x${code.toString(16).padStart(2, '0')}`
    : `\\u${code.toString(16).padStart(4, '0')}`;
}

export interface InertOptions {
  /** One line: tabs and newlines become a space (a title must not forge the next line). */
  readonly line?: boolean;
  /** Longer text is cut and ends with `…`. */
  readonly max?: number;
}

/**
 * Text safe to print: every unsafe character becomes a visible escape
 * (`\x1b`), so a hostile value can neither drive the terminal nor hide what
 * it says; with `line`, it stays on one line; with `max`, it is bounded.
 */
export function inertText(text: string, opts: InertOptions = {}): string {
  let s = opts.max !== undefined && text.length > opts.max ? text.slice(0, opts.max) : text;
  if (opts.line) s = s.replace(BREAKS, ' ');
  s = s.replace(UNSAFE, visible);
  return opts.max !== undefined && text.length > opts.max ? `${s.trimEnd()}…` : s;
}

/** True when the text holds a character `inertText` would escape. */
export function hasUnsafeText(text: string): boolean {
  UNSAFE.lastIndex = 0;
  const found = UNSAFE.test(text);
  UNSAFE.lastIndex = 0;
  return found;
}

/**
 * A link taken from data, or null: only absolute http(s) URLs without
 * spaces or control characters. `javascript:`, `data:` and the like are
 * never shown as a link, on a page or in a paste. The value is returned as
 * given (not normalised), so the JSON keeps what the source said.
 */
export function safeUrl(url: string | null | undefined): string | null {
  if (typeof url !== 'string' || !/^https?:\/\/[^\s]+$/i.test(url) || hasUnsafeText(url))
    return null;
  try {
    const u = new URL(url);
    return u.protocol === 'http:' || u.protocol === 'https:' ? url : null;
  } catch {
    return null;
  }
}

/** Characters JSON.stringify leaves raw that a terminal or a viewer would act on. */
const JSON_RAW = /[\u007f-\u009f\u061c\u200e\u200f\u2028\u2029\u202a-\u202e\u2066-\u2069]/g;

/**
 * `JSON.stringify` for output: the same data, with the characters it leaves
 * raw (DEL, C1 such as U+009B, bidi controls, U+2028/9) written as `\uXXXX`
 * escapes. They can only occur inside strings, so the JSON means the same.
 */
export function jsonText(value: unknown, indent = 2): string {
  return (JSON.stringify(value, null, indent) ?? 'null').replace(
    JSON_RAW,
    (ch) => `\\u${ch.charCodeAt(0).toString(16).padStart(4, '0')}`,
  );
}

/** `inertText` for a value shown on one line (a title, a name, a subject), cut at `max` characters. */
export function inertLine(text: string, max?: number): string {
  return inertText(text, { line: true, ...(max !== undefined ? { max } : {}) }).trim();
}

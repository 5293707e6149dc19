/**
 * reno's regex options are Python patterns compiled with re.VERBOSE and
 * re.UNICODE. This turns one into a JavaScript RegExp: verbose whitespace
 * and `#` comments are dropped (outside character classes and escapes),
 * `(?P<name>` becomes `(?<name>` and `(?P=name)` becomes `\k<name>`.
 */
export function pythonVerboseToJs(pattern: string): string {
  let out = '';
  let inClass = false;
  for (let i = 0; i < pattern.length; i++) {
    const ch = pattern[i] ?? '';
    if (ch === '\\') {
      out += ch + (pattern[i + 1] ?? '');
      i++;
      continue;
    }
    if (inClass) {
      if (ch === ']') inClass = false;
      out += ch;
      continue;
    }
    if (ch === '[') {
      inClass = true;
      out += ch;
      // a `]` right after `[` or `[^` is literal in Python
      if (pattern[i + 1] === '^') out += pattern[++i] ?? '';
      if (pattern[i + 1] === ']') out += pattern[++i] ?? '';
      continue;
    }
    if (/\s/.test(ch)) continue;
    if (ch === '#') {
      while (i < pattern.length && pattern[i] !== '\n') i++;
      continue;
    }
    if (pattern.startsWith('(?P<', i)) {
      out += '(?<';
      i += 3;
      continue;
    }
    const backref = /^\(\?P=(\w+)\)/.exec(pattern.slice(i));
    if (backref) {
      out += `\\k<${backref[1] ?? ''}>`;
      i += backref[0].length - 1;
      continue;
    }
    out += ch;
  }
  return out;
}

/** A compiled Python pattern with Python's `match` (anchored at the start) and `search`. */
export class PyRegex {
  private readonly anchored: RegExp;
  readonly search: RegExp;

  constructor(readonly source: string) {
    const js = pythonVerboseToJs(source);
    this.search = new RegExp(js, 'u');
    this.anchored = new RegExp(`^(?:${js})`, 'u');
  }

  /** Python's re.match: anchored at the start only, not at the end. */
  matches(text: string): boolean {
    return this.anchored.test(text);
  }

  searches(text: string): boolean {
    return this.search.test(text);
  }

  exec(text: string): RegExpExecArray | null {
    return this.search.exec(text);
  }
}

import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { join } from 'node:path';
import { packageRoot } from '../../core/package-root.js';
import type { RenoConfig } from './config.js';

// The YAML library loads on first parse: a report whose notes all come
// from the parsed-note cache never loads it.
type YamlLib = typeof import('yaml');
let yamlLib: YamlLib | undefined;
export function yaml(): YamlLib {
  yamlLib ??= createRequire(import.meta.url)('yaml') as YamlLib;
  return yamlLib;
}

let parser: string | undefined;
/** The YAML library and version, part of the parsed-note cache key (read without loading the library). */
export function yamlParserVersion(): string {
  if (parser) return parser;
  let version: string;
  try {
    // where npm installs it next to us; resolving through require costs more
    const file = join(packageRoot(), 'node_modules', 'yaml', 'package.json');
    version = (JSON.parse(readFileSync(file, 'utf8')) as { version: string }).version;
  } catch {
    version = (createRequire(import.meta.url)('yaml/package.json') as { version: string }).version;
  }
  parser = `yaml@${version}`;
  return parser;
}

/**
 * The note's identity: the last 16 characters of the name without its
 * extension, or the first 16 when those contain a dash (old-style names
 * that began with the UUID).
 */
export function uidOf(path: string): string {
  const base = path.slice(path.lastIndexOf('/') + 1);
  const dot = base.lastIndexOf('.');
  // Python's splitext ignores leading dots (".yaml" has no extension)
  const root = dot > 0 && /[^.]/.test(base.slice(0, dot)) ? base.slice(0, dot) : base;
  const tail = root.slice(-16);
  return tail.includes('-') ? root.slice(0, 16) : tail;
}

/** reno counts `*.yaml` (case-sensitive) anywhere below the notes folder. */
export function isNoteFile(path: string): boolean {
  return path.endsWith('.yaml');
}

/** A section value as reno keeps it: prelude as is, other sections as a list when they were a string. */
export type NoteValue = unknown;

export interface ParsedNote {
  /** Keys in file order (last duplicate wins). */
  readonly content: ReadonlyMap<string, NoteValue>;
  readonly warnings: readonly string[];
}

export class NoteParseError extends Error {
  constructor(
    readonly file: string,
    detail: string,
  ) {
    super(`${file}: ${detail}`);
  }
}

/** Decodes blob bytes as PyYAML does: UTF-16 with a BOM, else UTF-8. */
export function decodeNoteBytes(bytes: Uint8Array, file: string): string {
  let encoding = 'utf-8';
  if (bytes[0] === 0xff && bytes[1] === 0xfe) encoding = 'utf-16le';
  else if (bytes[0] === 0xfe && bytes[1] === 0xff) encoding = 'utf-16be';
  try {
    return new TextDecoder(encoding, { fatal: true }).decode(bytes);
  } catch {
    throw new NoteParseError(file, `not valid ${encoding.toUpperCase()} text`);
  }
}

/**
 * Parses a note (YAML 1.1: yes/on are booleans, duplicate keys allowed,
 * the last one wins) and collects reno's warnings. Throws NoteParseError
 * for invalid YAML or a top level that is not a mapping.
 */
export function parseNoteText(
  text: string,
  file: string,
  config: Pick<RenoConfig, 'preludeSectionName' | 'sections'>,
): ParsedNote {
  return noteOfMapping(parseNoteYaml(text, file), file, config);
}

/** The top-level mapping of a note as YAML 1.1 reads it (keys and values as parsed). */
export function parseNoteYaml(text: string, file: string): Map<unknown, unknown> {
  const doc = yaml().parseDocument(text, {
    version: '1.1',
    uniqueKeys: false,
    prettyErrors: false,
  });
  const err = doc.errors[0];
  if (err) {
    const line = err.linePos?.[0]?.line ?? lineAt(text, err.pos[0]);
    throw new NoteParseError(
      file,
      `invalid YAML${line ? ` at line ${line}` : ''}: ${err.message.split('\n')[0] ?? ''}`,
    );
  }
  const raw: unknown = doc.toJS({ mapAsMap: true, maxAliasCount: 1000 });
  if (!(raw instanceof Map)) {
    throw new NoteParseError(
      file,
      'does not appear to be structured as a YAML mapping. Did you forget a top-level key?',
    );
  }
  return raw as Map<unknown, unknown>;
}

/**
 * A note's mapping in the form the parsed-note cache keeps: string keys
 * with a string or a list of strings each (what nearly every note is).
 * Null for anything else, which is parsed again each time instead (JSON
 * would not keep dates, number keys and the like exactly).
 */
export type NoteEntries = readonly (readonly [string, string | readonly string[]])[];

export function cacheableEntries(raw: ReadonlyMap<unknown, unknown>): NoteEntries | null {
  const out: [string, string | readonly string[]][] = [];
  for (const [k, v] of raw) {
    if (typeof k !== 'string') return null;
    if (typeof v === 'string') out.push([k, v]);
    else if (Array.isArray(v) && v.every((x) => typeof x === 'string')) out.push([k, v]);
    else return null;
  }
  return out;
}

/** The mapping back from cached entries (same order, fresh arrays). */
export function mappingOfEntries(entries: NoteEntries): Map<unknown, unknown> {
  return new Map(entries.map(([k, v]) => [k, typeof v === 'string' ? v : [...v]]));
}

/** reno's reading of a note's mapping: sections checked, strings made lists, warnings. */
export function noteOfMapping(
  raw: ReadonlyMap<unknown, unknown>,
  file: string,
  config: Pick<RenoConfig, 'preludeSectionName' | 'sections'>,
): ParsedNote {
  const warnings: string[] = [];
  const valid = config.sections.map((s) => s.name);
  const content = new Map<string, NoteValue>();
  for (const [key, value] of raw) {
    const name = pyStr(key);
    let v: unknown = value;
    if (name === config.preludeSectionName) {
      if (typeof v !== 'string')
        warnings.push(
          `The ${name} section of ${file} does not parse as a single string. Is the YAML input escaped properly?`,
        );
    } else {
      if (!valid.includes(name)) {
        warnings.push(
          `The ${name} section of ${file} is not a recognized section. It should be one of: ${valid.join(', ')}. This will be an error in a future release.`,
        );
      }
      if (typeof v === 'string') v = [v];
      else if (!Array.isArray(v)) {
        warnings.push(
          `The ${name} section of ${file} does not parse as a string or list of strings. Is the YAML input escaped properly?`,
        );
      } else {
        for (const item of v as unknown[]) {
          if (typeof item !== 'string') {
            warnings.push(
              `The item ${pyRepr(item)} in the ${name} section of ${file} parses as a ${pyTypeName(item)} instead of a string. Is the YAML input escaped properly?`,
            );
          }
        }
      }
    }
    content.set(name, toPlain(v));
  }
  return { content, warnings };
}

function lineAt(text: string, offset: number): number {
  let line = 1;
  for (let i = 0; i < offset && i < text.length; i++) if (text.charCodeAt(i) === 10) line++;
  return line;
}

/** Maps (from mapAsMap) become plain objects again below the top level. */
function toPlain(v: unknown): unknown {
  if (v instanceof Map) {
    const o: Record<string, unknown> = {};
    for (const [k, x] of v as Map<unknown, unknown>) o[pyStr(k)] = toPlain(x);
    return o;
  }
  if (Array.isArray(v)) return v.map(toPlain);
  return v;
}

/** Python's str() of a YAML key (True, None, 1.5...). */
export function pyStr(v: unknown): string {
  if (typeof v === 'string') return v;
  if (v === true) return 'True';
  if (v === false) return 'False';
  if (v === null || v === undefined) return 'None';
  if (v instanceof Date) return v.toISOString().slice(0, 10);
  if (typeof v === 'number' || typeof v === 'bigint') return String(v);
  return JSON.stringify(v);
}

function pyRepr(v: unknown): string {
  if (typeof v === 'string') return `'${v}'`;
  if (Array.isArray(v)) return `[${v.map(pyRepr).join(', ')}]`;
  if (v instanceof Map || (typeof v === 'object' && v !== null && !(v instanceof Date))) {
    const entries = v instanceof Map ? [...(v as Map<unknown, unknown>)] : Object.entries(v);
    return `{${entries.map(([k, x]) => `${pyRepr(k)}: ${pyRepr(x)}`).join(', ')}}`;
  }
  return pyStr(v);
}

function pyTypeName(v: unknown): string {
  if (typeof v === 'boolean') return "<class 'bool'>";
  if (typeof v === 'number') return Number.isInteger(v) ? "<class 'int'>" : "<class 'float'>";
  if (v === null) return "<class 'NoneType'>";
  if (v instanceof Date) return "<class 'datetime.date'>";
  if (Array.isArray(v)) return "<class 'list'>";
  return "<class 'dict'>";
}

/**
 * Python's str.splitlines(): splits on \n, \r, \r\n, \v, \f, \x1c-\x1e,
 * \x85, \u2028, \u2029; a trailing line break makes no extra line.
 */
// \x1c-\x1e (file/group/record separators) are line breaks for Python's splitlines, on purpose
// eslint-disable-next-line no-control-regex
const LINE_BREAK = /\r\n|[\n\r\v\f\x1c\x1d\x1e\x85\u2028\u2029]/;
// eslint-disable-next-line no-control-regex
const ENDS_WITH_BREAK = /(?:\r\n|[\n\r\v\f\x1c\x1d\x1e\x85\u2028\u2029])$/;

export function pySplitLines(text: string): string[] {
  if (text === '') return [];
  const lines = text.split(LINE_BREAK);
  if (ENDS_WITH_BREAK.test(text)) lines.pop();
  return lines;
}

/** Python's str.title(): upper-case after a non-letter, lower-case after a letter. */
export function pyTitle(text: string): string {
  let out = '';
  let prevCased = false;
  for (const ch of text) {
    const cased = ch.toLowerCase() !== ch.toUpperCase();
    out += cased ? (prevCased ? ch.toLowerCase() : ch.toUpperCase()) : ch;
    prevCased = cased;
  }
  return out;
}

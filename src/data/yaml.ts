import { createRequire } from 'node:module';
import type { Document, Node } from 'yaml';
import { ConfigError } from '../core/errors.js';

// The YAML library is loaded on first parse: commands that run on compiled
// snapshot data never pay for it at start-up.
type YamlLib = typeof import('yaml');
let lib: YamlLib | undefined;
function yamlLib(): YamlLib {
  lib ??= createRequire(import.meta.url)('yaml') as YamlLib;
  return lib;
}
/**
 * YAML 1.2 core-schema reading (so `yes` stays a string, as upstream's
 * loader does) with errors that name the file and line.
 */
export interface ParsedYaml {
  readonly doc: Document.Parsed;
  readonly value: unknown;
  readonly text: string;
  readonly file: string;
}

export function parseYaml(text: string, file: string): ParsedYaml {
  const hazard = textHazard(text);
  if (hazard) throw new ConfigError(hazard.message, file, undefined, hazard.line);
  let doc: Document.Parsed;
  try {
    doc = yamlLib().parseDocument(text, { version: '1.2', prettyErrors: false, uniqueKeys: false });
  } catch (e) {
    throw new ConfigError(hostileYaml(e), file);
  }
  const first = doc.errors[0];
  if (first) {
    const line = first.linePos?.[0]?.line ?? lineAt(text, first.pos[0]);
    const said = firstLine(first.message);
    const message = /call stack/i.test(said) ? TOO_DEEP : `invalid YAML: ${said}`;
    throw new ConfigError(message, file, undefined, line);
  }
  return { doc, value: documentValue(doc, file), text, file };
}

/** Limits that make a hostile YAML file one clear error instead of a crash or a memory blow-up. */
export const YAML_LIMITS = {
  /** Alias uses before the `yaml` package stops ("billion laughs"); real files have none. */
  maxAliasCount: 1000,
  /** Nesting of mappings and sequences; deliverable files go 4 deep, configs 5. */
  maxDepth: 100,
} as const;

const TOO_DEEP = `invalid YAML: nested more than ${YAML_LIMITS.maxDepth} levels deep`;

/** A NUL byte: not a text file (and a way to hide text from some viewers). */
export function textHazard(text: string): { message: string; line: number } | undefined {
  const nul = text.indexOf('\0');
  if (nul < 0) return undefined;
  return { message: 'invalid YAML: contains a NUL byte (not a text file)', line: lineAt(text, nul) };
}

/** The words for what the `yaml` package (or the stack) threw on a hostile text. */
function hostileYaml(e: unknown): string {
  if (e instanceof RangeError) return TOO_DEEP;
  const message = e instanceof Error ? e.message : String(e);
  if (/alias/i.test(message))
    return `invalid YAML: more than ${YAML_LIMITS.maxAliasCount} alias expansions (an alias bomb)`;
  return `invalid YAML: ${firstLine(message)}`;
}

/**
 * The plain value of a parsed document, with the limits applied: an alias
 * bomb or a too-deep nesting is a ConfigError naming the file.
 */
export function documentValue(doc: Document, file: string): unknown {
  let value: unknown;
  try {
    value = doc.toJS({ maxAliasCount: YAML_LIMITS.maxAliasCount }) as unknown;
  } catch (e) {
    throw new ConfigError(hostileYaml(e), file);
  }
  if (depthOver(value, YAML_LIMITS.maxDepth)) throw new ConfigError(TOO_DEEP, file);
  return value;
}

/** True when the value nests deeper than `max` (iterative: no stack to overflow). */
export function depthOver(value: unknown, max: number): boolean {
  // two parallel stacks of containers only (scalars are never pushed): cheap on wide maps
  const nodes: object[] = [];
  const depths: number[] = [];
  const seen = new Set<object>();
  const push = (v: unknown, d: number) => {
    if (typeof v === 'object' && v !== null && !seen.has(v)) {
      seen.add(v);
      nodes.push(v);
      depths.push(d);
    }
  };
  push(value, 0);
  while (nodes.length > 0) {
    const v = nodes.pop() as object;
    const d = depths.pop() as number;
    if (d >= max) return true;
    if (Array.isArray(v)) for (const child of v) push(child, d + 1);
    else for (const k in v) push((v as Record<string, unknown>)[k], d + 1);
  }
  return false;
}

/** The scalar text exactly as written in the file (e.g. `2026.10` stays so). */
export function rawScalar(parsed: ParsedYaml, path: readonly (string | number)[]): string | undefined {
  const node = parsed.doc.getIn(path, true) as Node | undefined;
  if (!node || !yamlLib().isScalar(node) || !node.range) return undefined;
  let raw = parsed.text.slice(node.range[0], node.range[1]).trim();
  if (/^(['"]).*\1$/s.test(raw)) raw = raw.slice(1, -1);
  return raw;
}

function lineAt(text: string, offset: number): number {
  let line = 1;
  for (let i = 0; i < offset && i < text.length; i++) if (text.charCodeAt(i) === 10) line++;
  return line;
}

/** 1-based line number of the node at `path`, when it exists. */
export function lineOf(parsed: ParsedYaml, path: readonly (string | number)[]): number | undefined {
  const node = parsed.doc.getIn(path, true) as Node | undefined;
  const start = node?.range?.[0];
  return start === undefined ? undefined : lineAt(parsed.text, start);
}

function firstLine(message: string): string {
  return message.split('\n')[0] ?? message;
}

/** Small typed accessors for plain parsed YAML values. */
export function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

export function asString(value: unknown): string | undefined {
  if (typeof value === 'string') return value;
  if (typeof value === 'number' || typeof value === 'boolean') return String(value);
  if (value instanceof Date) return value.toISOString().slice(0, 10);
  return undefined;
}

/** A date-like YAML value (`2026-09-30` unquoted or quoted) as YYYY-MM-DD. */
export function asIsoDate(value: unknown): string | undefined {
  if (value instanceof Date) return value.toISOString().slice(0, 10);
  if (typeof value === 'string' && /^\d{4}-\d{2}-\d{2}$/.test(value)) return value;
  return undefined;
}

import { createRequire } from 'node:module';
import type { Document, Node } from 'yaml';
import { ConfigError } from '../core/errors.js';

// The YAML library is loaded on first parse: commands that run on compiled
// snapshot data, or on cached notes, never pay for it at start-up. The one
// loader of the program; everything else that parses YAML goes through it.
type YamlLib = typeof import('yaml');
let lib: YamlLib | undefined;
export function yamlLib(): YamlLib {
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
  const doc = yamlLib().parseDocument(text, { version: '1.2', prettyErrors: false, uniqueKeys: false });
  const first = doc.errors[0];
  if (first) {
    const line = first.linePos?.[0]?.line ?? lineAt(text, first.pos[0]);
    throw new ConfigError(`invalid YAML: ${firstLine(first.message)}`, file, undefined, line);
  }
  return { doc, value: doc.toJS({ maxAliasCount: 1000 }) as unknown, text, file };
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

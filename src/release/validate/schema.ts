import { existsSync } from 'node:fs';
import { createRequire } from 'node:module';
import { fileURLToPath } from 'node:url';
import type { ErrorObject, ValidateFunction } from 'ajv';
import { ConfigError, SourceUnavailableError } from '../../core/errors.js';
import { documentValue } from '../../data/yaml.js';
import { parseSubsetYaml } from './fast-yaml.js';
import type { Finding } from './plan-types.js';

/**
 * The upstream JSON schemas (`openstack_releases/schema.yaml`,
 * `series_status_schema.yaml`) compiled once with ajv. Upstream uses a
 * draft-4 validator with a custom `date` type ("a YAML date"); with YAML
 * 1.2 reading a date is a `YYYY-MM-DD` string, so that type becomes a
 * string pattern here.
 *
 * Loading ajv and compiling costs ~0.1 s per process (and per worker), so
 * `npm run build` also writes ajv's standalone code for the schemas of the
 * embedded snapshot next to this module (PRECOMPILED_FILE); a schema with
 * exactly that text uses that code, any other is compiled here. Neither ajv
 * nor the general YAML parser is loaded unless needed (the worker threads
 * of parallel.ts import this module).
 */
export type SchemaCheck = (value: unknown, file: string) => Finding[];

export const SCHEMA_FILE = 'openstack_releases/schema.yaml';
export const SERIES_SCHEMA_FILE = 'openstack_releases/series_status_schema.yaml';

/** Written by scripts/precompile-validate-schemas.ts into dist (not in the source tree). */
export const PRECOMPILED_FILE = 'schemas.precompiled.cjs';

const require = createRequire(import.meta.url);

export function compileUpstreamSchema(
  schemaText: string,
  schemaFile: string,
  precompiled: string | undefined = defaultPrecompiledPath(),
): SchemaCheck {
  let schema: object | undefined;
  const prepared = (): object => (schema ??= prepareSchema(schemaText, schemaFile));
  const quick: ValidateFunction =
    precompiledValidator(schemaText, precompiled) ?? compileOrFail(false, prepared(), schemaFile);
  // every violation is reported, but collecting all errors is slower: that
  // validator is compiled only when a file fails the quick one
  let full: ValidateFunction | undefined;
  return (value, file) => {
    if (quick(value)) return [];
    full ??= compileOrFail(true, prepared(), schemaFile);
    full(value);
    return describeErrors(full.errors ?? quick.errors ?? [], file);
  };
}

/**
 * A schema that cannot be used is a missing data source (exit 3), never an
 * empty schema: an empty, non-mapping or uncompilable schema would accept
 * every file and report "0 errors".
 */
function schemaUnusable(file: string, why: string): SourceUnavailableError {
  return new SourceUnavailableError(`cannot read the schema ${file}: ${why}`, 'schema');
}

/** A schema constrains something: at least one of these at its top. */
const CONSTRAINTS = ['type', 'properties', 'items', 'required', 'oneOf', 'anyOf', 'allOf', '$ref'];

function compileOrFail(allErrors: boolean, schema: object, file: string): ValidateFunction {
  try {
    return newAjv(allErrors).compile(schema);
  } catch (e) {
    throw schemaUnusable(file, `not a JSON schema (${e instanceof Error ? e.message : String(e)})`);
  }
}

/** The schema object ajv compiles: the upstream text with the date type mapped and no draft id. */
export function prepareSchema(schemaText: string, schemaFile: string): object {
  let parsed: unknown;
  try {
    parsed = parseSubsetYaml(schemaText)?.value ?? parseWithYaml(schemaText, schemaFile);
  } catch (e) {
    throw schemaUnusable(schemaFile, e instanceof ConfigError ? e.detail : 'invalid YAML');
  }
  const schema = withDateType(parsed);
  if (!isRecord(schema) || !CONSTRAINTS.some((k) => k in schema))
    throw schemaUnusable(
      schemaFile,
      schemaText.trim() === '' || parsed === null
        ? 'the file is empty'
        : 'not a JSON schema (a mapping with type, properties, items…)',
    );
  delete schema.$schema; // draft id ajv does not know; nothing draft-specific is used
  return schema;
}

/** A schema outside the subset reader's reach, read as src/data/yaml.ts reads YAML. */
function parseWithYaml(text: string, file: string): unknown {
  const { parseDocument } = require('yaml') as typeof import('yaml');
  const doc = parseDocument(text, { version: '1.2', prettyErrors: false, uniqueKeys: false });
  const first = doc.errors[0];
  if (first) throw new ConfigError(`invalid YAML: ${first.message.split('\n')[0] ?? ''}`, file);
  return documentValue(doc, file);
}

/** ajv as the schemas need it (loaded only when something must be compiled). */
export function newAjv(allErrors: boolean, standalone = false): import('ajv').Ajv {
  const { Ajv } = require('ajv') as typeof import('ajv');
  // strict:false: the schema omits `type: object` beside `properties` and nests keywords oddly
  // validateSchema:false: upstream's series schema puts `required` lists under `properties` (never enforced there either)
  return new Ajv({
    strict: false,
    validateSchema: false,
    ...(allErrors ? { allErrors: true, verbose: true } : {}),
    ...(standalone ? { code: { source: true } } : {}),
  });
}

/** One entry of the precompiled module: the schema text and its validator. */
export interface PrecompiledSchema {
  readonly text: string;
  readonly validate: ValidateFunction;
}

function defaultPrecompiledPath(): string | undefined {
  const here = import.meta.url;
  if (!here.startsWith('file:')) return undefined;
  return fileURLToPath(new URL(PRECOMPILED_FILE, here));
}

const loaded = new Map<string, readonly PrecompiledSchema[]>();

/** The precompiled validator for exactly this schema text, if the build wrote one. */
export function precompiledValidator(
  schemaText: string,
  path: string | undefined,
): ValidateFunction | undefined {
  if (!path) return undefined;
  let entries = loaded.get(path);
  if (!entries) {
    entries = existsSync(path) ? (require(path) as readonly PrecompiledSchema[]) : [];
    loaded.set(path, entries);
  }
  return entries.find((e) => e.text === schemaText)?.validate;
}

const isRecord = (v: unknown): v is Record<string, unknown> =>
  typeof v === 'object' && v !== null && !Array.isArray(v);

function withDateType(node: unknown): unknown {
  if (Array.isArray(node)) return node.map(withDateType);
  if (!isRecord(node)) return node;
  const out: Record<string, unknown> = {};
  for (const [k, v] of Object.entries(node)) out[k] = withDateType(v);
  if (out.type === 'date') {
    out.type = 'string';
    out.pattern = '^[0-9]{4}-[0-9]{2}-[0-9]{2}$';
  }
  return out;
}

/** Ajv errors as findings; the branch errors under a failed `oneOf` are folded into it. */
function describeErrors(errors: readonly ErrorObject[], file: string): Finding[] {
  const oneOfPaths = errors
    .filter((e) => e.keyword === 'oneOf')
    .map((e) => e.schemaPath.replace(/\/oneOf$/, '/oneOf/'));
  const seen = new Set<string>();
  const out: Finding[] = [];
  for (const e of errors) {
    if (e.keyword !== 'oneOf' && oneOfPaths.some((p) => e.schemaPath.startsWith(p))) continue;
    const field = fieldOf(e.instancePath);
    let message: string;
    let at = field;
    if (e.keyword === 'additionalProperties') {
      const key = String((e.params as { additionalProperty?: unknown }).additionalProperty);
      at = field ? `${field}.${key}` : key;
      message = `unknown key "${key}"`;
    } else if (e.keyword === 'required') {
      const key = String((e.params as { missingProperty?: unknown }).missingProperty);
      at = field ? `${field}.${key}` : key;
      message = `required key "${key}" is missing`;
    } else if (e.keyword === 'enum') {
      const allowed = (e.params as { allowedValues?: unknown[] }).allowedValues ?? [];
      message = `must be one of ${allowed.map((a) => JSON.stringify(a)).join(', ')}, got ${JSON.stringify(e.data)}`;
    } else if (e.keyword === 'type') {
      message = `${e.message ?? 'wrong type'}, got ${describeValue(e.data)}`;
    } else if (e.keyword === 'oneOf') {
      message = `must be a string or a mapping, got ${describeValue(e.data)}`;
    } else {
      message = e.message ?? e.keyword;
    }
    const text = `${at ? `${at}: ` : ''}${message}`;
    if (seen.has(text)) continue;
    seen.add(text);
    out.push({
      file,
      level: 'error',
      rule: 'schema',
      check: 'schema',
      message: text,
      ...(at ? { field: at } : {}),
    });
  }
  return out;
}

/** `/releases/0/version` → `releases[0].version`. */
function fieldOf(pointer: string): string {
  if (pointer === '') return '';
  return pointer
    .slice(1)
    .split('/')
    .map((p) => p.replace(/~1/g, '/').replace(/~0/g, '~'))
    .reduce((acc, p) => (/^\d+$/.test(p) ? `${acc}[${p}]` : acc ? `${acc}.${p}` : p), '');
}

function describeValue(v: unknown): string {
  if (v === null) return 'null';
  if (Array.isArray(v)) return 'a list';
  if (typeof v === 'object') return 'a mapping';
  if (typeof v === 'number') return `the number ${String(v)} (quote it to keep it text)`;
  return `${typeof v} ${JSON.stringify(v)}`;
}

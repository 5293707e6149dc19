import { Ajv, type ErrorObject, type ValidateFunction } from 'ajv';
import { isRecord, parseYaml } from '../../data/yaml.js';
import type { Finding } from './model.js';

/**
 * The upstream JSON schemas (`openstack_releases/schema.yaml`,
 * `series_status_schema.yaml`) compiled once with ajv. Upstream uses a
 * draft-4 validator with a custom `date` type ("a YAML date"); with YAML
 * 1.2 reading a date is a `YYYY-MM-DD` string, so that type becomes a
 * string pattern here.
 */
export type SchemaCheck = (value: unknown, file: string) => Finding[];

export function compileUpstreamSchema(schemaText: string, schemaFile: string): SchemaCheck {
  const schema = withDateType(parseYaml(schemaText, schemaFile).value);
  if (isRecord(schema)) delete schema.$schema; // draft id ajv does not know; nothing draft-specific is used
  // strict:false: the schema omits `type: object` beside `properties` and nests keywords oddly
  // validateSchema:false: upstream's series schema puts `required` lists under `properties` (never enforced there either)
  const quick: ValidateFunction = new Ajv({ strict: false, validateSchema: false }).compile(
    schema as object,
  );
  // every violation is reported, but collecting all errors is slower: that
  // validator is compiled only when a file fails the quick one
  let full: ValidateFunction | undefined;
  return (value, file) => {
    if (quick(value)) return [];
    full ??= new Ajv({
      strict: false,
      allErrors: true,
      verbose: true,
      validateSchema: false,
    }).compile(schema as object);
    full(value);
    return describeErrors(full.errors ?? quick.errors ?? [], file);
  };
}

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

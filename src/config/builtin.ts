import { join } from 'node:path';
import type { z } from 'zod';
import { ConfigError, UsageError } from '../core/errors.js';
import { isTeamName, TEAM_NAME_RULE } from '../core/names.js';
import { readRegularFile } from '../core/files.js';
import { packageRoot } from '../core/package-root.js';
import { parseYaml } from '../data/yaml.js';

/**
 * Built-in planner data (checklists, reminder rules, post-final tasks) lives
 * in data/<kind>/<team>.yaml, validated by the same zod schema as the
 * config section that overrides it.
 */
export function builtinPath(kind: string, name: string): string {
  // the name is a team's: a name, never a path out of data/<kind>/
  if (!isTeamName(name)) throw new UsageError(`team "${name}": expected ${TEAM_NAME_RULE}`);
  return join(packageRoot(), 'data', kind, `${name.toLowerCase()}.yaml`);
}

export function readBuiltin<T>(
  kind: string,
  name: string,
  schema: z.ZodType<T>,
): { value: T; file: string } | undefined {
  const file = builtinPath(kind, name);
  // the package's data does not change while we run: parse each file once (many teams read the same one)
  const key = `${file}\u0000`;
  const hit = builtinMemo.get(key) as
    { schema: unknown; value: { value: T; file: string } | undefined } | undefined;
  if (hit && hit.schema === schema) return hit.value && structuredClone(hit.value);
  const value = readBuiltinFile(file, schema);
  builtinMemo.set(key, { schema, value });
  return value && structuredClone(value);
}

const builtinMemo = new Map<string, unknown>();

function readBuiltinFile<T>(
  file: string,
  schema: z.ZodType<T>,
): { value: T; file: string } | undefined {
  const text = readRegularFile(file);
  if (text === undefined) return undefined;
  const parsed = parseYaml(text, file);
  const r = schema.safeParse(parsed.value ?? {});
  if (!r.success) {
    const issue = r.error.issues[0];
    const field = (issue?.path ?? []).map(String).join('.');
    throw new ConfigError(issue?.message ?? 'invalid', file, field || undefined);
  }
  return { value: r.data, file };
}

/** Where an entry came from, so a later error can name the file and field. */
export interface Sourced<T> {
  readonly value: T;
  readonly file: string;
  readonly field: string;
}

/**
 * Built-in entries, then the config's: an entry with a built-in id replaces
 * the fields it gives (so `owner: Jane` re-assigns one item), a new id is
 * added, and `remove` drops built-in ids.
 */
export function mergeById<T extends { id: string }>(
  builtin: { items: readonly T[]; file: string; field: string } | undefined,
  extra: { items: readonly T[]; file: string; field: string },
  remove: readonly string[],
): Sourced<T>[] {
  const out: Sourced<T>[] = [];
  builtin?.items.forEach((value, i) => {
    if (!remove.includes(value.id))
      out.push({ value, file: builtin.file, field: `${builtin.field}[${i}]` });
  });
  extra.items.forEach((value, i) => {
    const field = `${extra.field}[${i}]`;
    const at = out.findIndex((e) => e.value.id === value.id);
    const existing = out[at];
    if (existing) {
      const given = Object.fromEntries(
        Object.entries(value).filter(([, v]) => v !== undefined),
      ) as Partial<T>;
      out[at] = { value: { ...existing.value, ...given }, file: extra.file, field };
    } else out.push({ value, file: extra.file, field });
  });
  return out;
}

/** A required field, or a ConfigError naming where it is missing. */
export function required<T, K extends keyof T>(entry: Sourced<T>, key: K): NonNullable<T[K]> {
  const v = entry.value[key];
  if (v === undefined || v === null) {
    throw new ConfigError(`missing "${String(key)}"`, entry.file, `${entry.field}.${String(key)}`);
  }
  return v;
}

import { derive } from './derived.js';
import type { DeliverableDoc, Finding, RuleEnv } from './plan-types.js';
import { gatesOpen, type Rule } from './rule.js';
import { BRANCH_RULES } from './rules-branches.js';
import { FILE_RULES } from './rules-file.js';
import { SERIES_RULES } from './rules-series.js';
import type { SchemaCheck } from './schema.js';

/** Every data rule, in upstream's execution order. */
export const DATA_RULES: readonly Rule[] = [...FILE_RULES, ...SERIES_RULES, ...BRANCH_RULES].sort(
  (a, b) => a.number - b.number,
);

/** A deliverable file as read at the edge: parsed, or why it could not be. */
export interface LoadedFile {
  readonly file: string;
  readonly series: string;
  readonly name: string;
  readonly parsed:
    | { readonly ok: true; readonly value: unknown }
    | { readonly ok: false; readonly message: string };
  /** Which releases/branches are new (relative to --base); nothing is new without a base. */
  readonly newness: Newness;
}

export interface Newness {
  readonly release: (version: string) => boolean;
  readonly branch: (name: string) => boolean;
}

const never = (): boolean => false;
export const NOTHING_NEW: Newness = { release: never, branch: never };
export const ALL_NEW: Newness = { release: () => true, branch: () => true };

/**
 * Validates one file: YAML, then the upstream schema, then (when the schema
 * holds and the series is not closed) every data rule whose gates open.
 */
export function validateFile(f: LoadedFile, env: RuleEnv, schema: SchemaCheck): Finding[] {
  return checkShape(f, schema) ?? checkRules(f, env);
}

/** The YAML and schema findings, or undefined when the file is fit for the data rules. */
export function checkShape(f: LoadedFile, schema: SchemaCheck): Finding[] | undefined {
  if (!f.parsed.ok)
    return [{ file: f.file, level: 'error', check: 'yaml', message: f.parsed.message }];
  const schemaFindings = schema(f.parsed.value, f.file);
  return schemaFindings.length > 0 ? schemaFindings : undefined;
}

/** The data rules on a file that passed checkShape. */
export function checkRules(f: LoadedFile, env: RuleEnv): Finding[] {
  if (!f.parsed.ok || env.constants.closedSeries.has(f.series)) return [];
  const doc = f.parsed.value as DeliverableDoc;
  const releases = doc.releases ?? [];
  const nothingNew = f.newness === NOTHING_NEW;
  const d = derive(
    {
      file: f.file,
      series: f.series,
      name: f.name,
      doc,
      isNewRelease: nothingNew ? never : (i) => f.newness.release(releases[i]?.version ?? ''),
      isNewBranch: nothingNew ? never : (name) => f.newness.branch(name),
    },
    env,
  );
  const out: Finding[] = [];
  for (const rule of DATA_RULES) {
    if (!gatesOpen(rule.gates, d, env)) continue;
    for (const issue of rule.run(d, env)) {
      out.push({
        file: f.file,
        level: issue.level,
        check: rule.check,
        message: issue.message,
        ...(issue.field ? { field: issue.field } : {}),
      });
    }
  }
  return out;
}

export interface ValidateView {
  readonly files: number;
  readonly errors: number;
  readonly warnings: number;
  /** The series the "current series only" rules applied to, and why. */
  readonly currentSeries: string;
  readonly base: string | null;
  readonly findings: readonly Finding[];
  readonly notes: readonly string[];
}

export function summarize(
  findings: readonly Finding[],
  meta: { files: number; currentSeries: string; base: string | null; notes: readonly string[] },
): ValidateView {
  return {
    files: meta.files,
    errors: findings.filter((f) => f.level === 'error').length,
    warnings: findings.filter((f) => f.level === 'warning').length,
    currentSeries: meta.currentSeries,
    base: meta.base,
    findings,
    notes: meta.notes,
  };
}

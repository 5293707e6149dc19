import { derive } from './derived.js';
import type { DeliverableDoc, Finding, RuleEnv } from './plan-types.js';
import { gatesOpen, infoOf, type Rule, type RuleInfo } from './rule.js';
import { BRANCH_RULES } from './rules-branches.js';
import { FILE_RULES } from './rules-file.js';
import { SERIES_RULES } from './rules-series.js';
import { agesOf, NOTHING_NEW, type Newness } from './plan-newness.js';
import { BEYOND_RULES } from './plan-rules-beyond.js';
import type { SchemaCheck } from './schema.js';

export { NOTHING_NEW, type Newness };

/** Every data rule: upstream's in its execution order, then the rules beyond upstream. */
export const DATA_RULES: readonly Rule[] = [
  ...[...FILE_RULES, ...SERIES_RULES, ...BRANCH_RULES].sort(
    (a, b) => (a.number ?? 0) - (b.number ?? 0),
  ),
  ...BEYOND_RULES,
];

/** The checks before the data rules: a file that fails them goes no further. */
export const SHAPE_RULES: readonly RuleInfo[] = [
  {
    id: 'yaml',
    upstreamCheck: null,
    what: 'the file is YAML 1.2 a reader can load',
    upstream: 'upstream stops on it too (yamllint, then its loader)',
    applies: 'every file checked',
    level: 'error',
  },
  {
    id: 'schema',
    upstreamCheck: null,
    what: 'the file fits openstack_releases/schema.yaml (and data/series_status.yaml its schema, when every file is checked)',
    upstream: 'same as upstream check-schema',
    applies: 'every file checked',
    level: 'error',
  },
];

/** Every rule of `release validate` but the --git ones (git-checks.ts), as the rules table lists them. */
export function validateRuleInfos(): RuleInfo[] {
  return [...SHAPE_RULES, ...DATA_RULES.map(infoOf)];
}

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
    return [
      { file: f.file, level: 'error', rule: 'yaml', check: 'yaml', message: f.parsed.message },
    ];
  // the upstream schema has no top-level `type: object`: an empty, comment-only or `~` file
  // (null) or a list would pass it and reach rules that read its keys
  const v = f.parsed.value;
  if (typeof v !== 'object' || v === null || Array.isArray(v))
    return [
      {
        file: f.file,
        level: 'error',
        rule: 'yaml',
        check: 'yaml',
        message:
          v === null || v === undefined
            ? 'the file is empty (a deliverable file is a mapping: team, type, releases…)'
            : `expected a mapping (team, type, releases…), got ${Array.isArray(v) ? 'a list' : typeof v}`,
      },
    ];
  const schemaFindings = schema(f.parsed.value, f.file);
  return schemaFindings.length > 0 ? schemaFindings : undefined;
}

/** The data rules on a file that passed checkShape. */
export function checkRules(f: LoadedFile, env: RuleEnv): Finding[] {
  if (!f.parsed.ok || env.constants.closedSeries.has(f.series)) return [];
  const doc = f.parsed.value as DeliverableDoc;
  const d = derive(
    { file: f.file, series: f.series, name: f.name, doc, ages: agesOf(doc, f.newness) },
    env,
  );
  const out: Finding[] = [];
  for (const rule of DATA_RULES) {
    if (!gatesOpen(rule.gates, d, env)) continue;
    for (const issue of rule.run(d, env)) {
      out.push({
        file: f.file,
        level: issue.level,
        rule: rule.id,
        check: rule.id,
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

import type { Context } from '../../cli/context.js';
import { UsageError } from '../../core/errors.js';
import type { FileTree } from '../../data/file-tree.js';
import { loadEmbeddedSnapshot } from '../../data/snapshot.js';
import { effectiveStatus } from '../../data/releases/series.js';
import { isRecord, parseYaml } from '../../data/yaml.js';
import { CONSTANTS_FILE, parseToolingConstants, type ToolingConstants } from './constants.js';
import {
  changedDeliverables,
  listDeliverableFiles,
  loadFile,
  newnessAgainst,
  parseDeliverableText,
  readRef,
  releasesCheckout,
  resolveFileArg,
  type FileRef,
} from './load.js';
import type { DeliverableDoc, Finding, RuleEnv } from './model.js';
import {
  NOTHING_NEW,
  summarize,
  validateFile,
  type LoadedFile,
  type ValidateView,
} from './plan.js';
import { compileUpstreamSchema } from './schema.js';

export interface ValidateOptions {
  readonly files: readonly string[];
  readonly base?: string;
  readonly currentSeries?: string;
  /** Extra findings from the git checks, given the loaded files. */
  readonly gitChecks?: (files: readonly LoadedFile[], env: RuleEnv) => Finding[];
}

export const SCHEMA_FILE = 'openstack_releases/schema.yaml';
export const SERIES_SCHEMA_FILE = 'openstack_releases/series_status_schema.yaml';

/** Reads the files to validate, runs every check, and returns the view. */
export function buildValidation(ctx: Context, opts: ValidateOptions): ValidateView {
  const tree = ctx.data.releases.tree;
  const notes: string[] = [];
  let refs: FileRef[];
  let newness = new Map<
    string,
    ReturnType<typeof newnessAgainst> extends Map<string, infer N> ? N : never
  >();
  if (opts.base !== undefined) {
    const root = releasesCheckout(tree);
    refs =
      opts.files.length > 0
        ? opts.files.map((a) => resolveFileArg(a, tree, ctx.io.cwd))
        : changedDeliverables(root, opts.base);
    newness = newnessAgainst(
      root,
      opts.base,
      refs.flatMap((r) => (r.rel ? [r.rel] : [])),
    );
  } else {
    refs =
      opts.files.length > 0
        ? opts.files.map((a) => resolveFileArg(a, tree, ctx.io.cwd))
        : listDeliverableFiles(tree);
    notes.push(
      'no --base: every release and branch counts as already made, so the rules for new releases did not run',
    );
  }
  const env = ruleEnv(ctx, opts.currentSeries);
  const schema = compileUpstreamSchema(requiredText(tree, SCHEMA_FILE), SCHEMA_FILE);
  // one file at a time, dropped once checked (holding 6,000 parsed files
  // costs more in garbage collection than the checks); the --git checks
  // need them all, so only then are they kept
  const kept: LoadedFile[] = [];
  const findings: Finding[] = [];
  for (const r of refs) {
    const f = loadFile(r, readRef(r, tree), (r.rel && newness.get(r.rel)) || NOTHING_NEW);
    findings.push(...validateFile(f, env, schema));
    if (opts.gitChecks) kept.push(f);
  }
  if (opts.files.length === 0 && opts.base === undefined)
    findings.push(...seriesStatusFindings(tree));
  if (opts.gitChecks) findings.push(...opts.gitChecks(kept, env));
  return summarize(findings, {
    files: refs.length,
    currentSeries: env.currentSeries,
    base: opts.base ?? null,
    notes,
  });
}

/** The series list checked against its own schema, as upstream does when validating everything. */
function seriesStatusFindings(tree: FileTree): Finding[] {
  const schemaText = tree.read(SERIES_SCHEMA_FILE);
  const text = tree.read('data/series_status.yaml');
  if (!schemaText || !text) return [];
  const parsed = parseDeliverableText(text);
  if (!parsed.ok)
    return [
      { file: 'data/series_status.yaml', level: 'error', check: 'yaml', message: parsed.message },
    ];
  return compileUpstreamSchema(schemaText, SERIES_SCHEMA_FILE)(
    parsed.value,
    'data/series_status.yaml',
  );
}

function requiredText(tree: FileTree, path: string): string {
  const text = tree.read(path) ?? loadEmbeddedSnapshot().releases[path];
  if (text === undefined) throw new UsageError(`${tree.label}: ${path} not found`);
  return text;
}

/** Everything the rules read besides the files: series, constants, governance. */
export function ruleEnv(ctx: Context, currentOverride?: string): RuleEnv {
  const releases = ctx.data.releases;
  const tree = releases.tree;
  const own = tree.read(CONSTANTS_FILE);
  const constants: ToolingConstants = parseToolingConstants(
    requiredText(tree, CONSTANTS_FILE),
    CONSTANTS_FILE,
  );
  const series = releases.series();
  const current =
    currentOverride ?? (own !== undefined ? constants.currentSeries : developmentSeries(ctx, tree));
  if (!series.some((s) => s.name === current))
    throw new UsageError(`--current-series ${current}: not a series of data/series_status.yaml`);
  const cache = new Map<string, DeliverableDoc | undefined>();
  return {
    series,
    currentSeries: current,
    constants,
    teams: ctx.data.governance.teams(),
    otherOwners: otherOwners(ctx),
    deliverableIn: (s, name) => {
      const key = `deliverables/${s}/${name}.yaml`;
      if (!cache.has(key)) {
        const text = tree.read(key);
        const parsed = text === undefined ? undefined : parseDeliverableText(text);
        cache.set(key, parsed?.ok ? (parsed.value as DeliverableDoc) : undefined);
      }
      return cache.get(key);
    },
  };
}

/**
 * Without upstream's constant (a plain releases checkout): the series in
 * development at --date that has a deliverables directory, else the newest
 * series that has one.
 */
function developmentSeries(ctx: Context, tree: FileTree): string {
  const withFiles = ctx.data.releases
    .series()
    .filter((s) => tree.list(`deliverables/${s.name}`).length > 0);
  const dev = withFiles.find((s) => effectiveStatus(s, ctx.today) === 'development');
  const pick = dev ?? withFiles[0];
  if (!pick) throw new UsageError(`${tree.label}: no series has deliverable files`);
  return pick.name;
}

/** Owners that are not project teams: the TC and every SIG (`<name> SIG`). */
function otherOwners(ctx: Context): Set<string> {
  const out = new Set(['Technical Committee']);
  const text = ctx.data.governance.text('reference/sigs-repos.yaml');
  if (text) {
    const { value } = parseYaml(text, 'reference/sigs-repos.yaml');
    if (isRecord(value)) for (const sig of Object.keys(value)) out.add(`${sig} SIG`);
  }
  return out;
}

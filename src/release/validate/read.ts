import type { Deps } from '../../core/deps.js';
import { ConfigError, SourceUnavailableError, UsageError } from '../../core/errors.js';
import type { FileTree } from '../../data/file-tree.js';
import { snapshotPart } from '../../data/snapshot.js';
import { seriesStatusAt } from '../../calendar/series-status.js';
import { CONSTANTS_FILE, parseToolingConstants, type ToolingConstants } from './constants.js';
import { envOver, type EnvData } from './env.js';
import { changedDeliverables, newnessAgainst, releasesCheckout } from './base.js';
import {
  listDeliverableFiles,
  loadFile,
  parseDeliverableText,
  readRef,
  resolveFileArg,
  seriesAndName,
  type FileRef,
} from './load.js';
import type { Finding, RuleEnv } from './plan-types.js';
import { FileCache, cachePath, cacheStamp } from './file-cache.js';
import {
  NOTHING_NEW,
  checkRules,
  checkShape,
  summarize,
  validateFile,
  type LoadedFile,
  type Newness,
  type ValidateView,
} from './plan.js';
import { SCHEMA_FILE, SERIES_SCHEMA_FILE, compileUpstreamSchema } from './schema.js';

export { SCHEMA_FILE, SERIES_SCHEMA_FILE };

export interface ValidateOptions {
  readonly files: readonly string[];
  readonly base?: string;
  readonly currentSeries?: string;
  /** Reuse the parse and schema results of unchanged files from the user's cache dir (default: yes). */
  readonly cache?: boolean;
  /** Extra findings from the git checks, given the loaded files. */
  readonly gitChecks?: (files: readonly LoadedFile[], env: RuleEnv) => Finding[];
}

/** Reads the files to validate, runs every check, and returns the view. */
export function buildValidation(ctx: Deps, opts: ValidateOptions): ValidateView {
  const tree = ctx.data.releases.tree;
  const notes: string[] = [];
  let refs: FileRef[];
  let newness = new Map<string, Newness>();
  if (opts.base !== undefined) {
    const root = releasesCheckout(tree);
    refs =
      opts.files.length > 0
        ? opts.files.map((a) => resolveFileArg(a, tree, ctx.cwd))
        : changedDeliverables(root, opts.base);
    newness = newnessAgainst(
      root,
      opts.base,
      refs.flatMap((r) => (r.rel ? [r.rel] : [])),
    );
  } else {
    refs =
      opts.files.length > 0
        ? opts.files.map((a) => resolveFileArg(a, tree, ctx.cwd))
        : listDeliverableFiles(tree);
    notes.push(
      'no --base: every release and branch counts as already made, so the rules for new releases did not run',
    );
  }
  const schemaText = readSchemaText(tree, SCHEMA_FILE);
  const env = ruleEnv(ctx, opts.currentSeries);
  const schema = compileUpstreamSchema(schemaText, SCHEMA_FILE);
  const root = tree.absolute('');
  const cache =
    opts.cache !== false && root !== undefined
      ? FileCache.open(cachePath(root, ctx.env), cacheStamp(schemaText))
      : undefined;
  const check = (r: FileRef): { file: LoadedFile; findings: Finding[] } => {
    const newnessOf = (r.rel && newness.get(r.rel)) || NOTHING_NEW;
    const abs = r.rel !== undefined ? tree.absolute(r.rel) : undefined;
    if (!cache || r.rel === undefined || abs === undefined) {
      const file = loadFile(r, readRef(r, tree), newnessOf);
      return { file, findings: validateFile(file, env, schema) };
    }
    // parse and schema are per file and cached; the data rules run every time
    const stage = cache.stage(r.rel, abs, () => {
      const loaded = loadFile(r, readRef(r, tree));
      return { parsed: loaded.parsed, shape: checkShape(loaded, schema) };
    });
    const file: LoadedFile = {
      file: r.display,
      ...seriesAndName(r.display),
      parsed: stage.parsed,
      newness: newnessOf,
    };
    return { file, findings: stage.shape ?? checkRules(file, env) };
  };
  const findings: Finding[] = [];
  // one file at a time, dropped once checked (holding 6,000 parsed files
  // costs more in garbage collection than the checks); the --git checks
  // need them all, so only then are they kept
  const kept: LoadedFile[] = [];
  for (const r of refs) {
    const checked = check(r);
    findings.push(...checked.findings);
    if (opts.gitChecks) kept.push(checked.file);
  }
  if (opts.gitChecks) findings.push(...opts.gitChecks(kept, env));
  cache?.save(opts.files.length > 0 || opts.base !== undefined);
  if (opts.files.length === 0 && opts.base === undefined)
    findings.push(...seriesStatusFindings(tree));
  return summarize(findings, {
    files: refs.length,
    currentSeries: env.currentSeries,
    base: opts.base ?? null,
    notes,
  });
}

/** The series list checked against its own schema, as upstream does when validating everything. */
function seriesStatusFindings(tree: FileTree): Finding[] {
  const schemaText = optionalSchemaText(tree, SERIES_SCHEMA_FILE);
  const text = tree.read('data/series_status.yaml');
  if (!schemaText || !text) return [];
  const parsed = parseDeliverableText(text);
  if (!parsed.ok)
    return [
      {
        file: 'data/series_status.yaml',
        level: 'error',
        rule: 'yaml',
        check: 'yaml',
        message: parsed.message,
      },
    ];
  return compileUpstreamSchema(schemaText, SERIES_SCHEMA_FILE)(
    parsed.value,
    'data/series_status.yaml',
  );
}

/**
 * The schema's text. Absent from a checkout, the snapshot's schema is used;
 * present but unreadable (a directory, a link loop, a FIFO) it is a missing
 * source (exit 3): validating against nothing would pass every file.
 */
function readSchemaText(tree: FileTree, path: string): string {
  try {
    return requiredText(tree, path);
  } catch (e) {
    if (e instanceof ConfigError)
      throw new SourceUnavailableError(`cannot read the schema ${e.message}`, 'schema');
    throw e;
  }
}

function optionalSchemaText(tree: FileTree, path: string): string | undefined {
  try {
    return tree.read(path);
  } catch (e) {
    if (e instanceof ConfigError)
      throw new SourceUnavailableError(`cannot read the schema ${e.message}`, 'schema');
    throw e;
  }
}

function requiredText(tree: FileTree, path: string): string {
  const text = tree.read(path) ?? snapshotPart('files').releases[path];
  if (text === undefined) throw new UsageError(`${tree.label}: ${path} not found`);
  return text;
}

/** Everything the rules read besides the files: series, constants, governance. */
export function ruleEnv(ctx: Deps, currentOverride?: string): RuleEnv {
  return envOver(ruleEnvData(ctx, currentOverride), ctx.data.releases.tree);
}

/** The plain-data part of the rule environment (the data layer's series, teams and SIGs). */
function ruleEnvData(ctx: Deps, currentOverride?: string): EnvData {
  const releases = ctx.data.releases;
  const tree = releases.tree;
  const own = tree.read(CONSTANTS_FILE);
  const constants: ToolingConstants = parseToolingConstants(
    own ?? requiredText(tree, CONSTANTS_FILE),
    CONSTANTS_FILE,
  );
  const series = releases.series();
  const current =
    currentOverride ?? (own !== undefined ? constants.currentSeries : developmentSeries(ctx, tree));
  if (!series.some((s) => s.name === current))
    throw new UsageError(`--current-series ${current}: not a series of data/series_status.yaml`);
  return {
    series,
    currentSeries: current,
    today: ctx.today,
    dataDate: releases.stamp.date,
    constants,
    teams: ctx.data.governance.teams(),
    // owners that are not project teams: the TC and every SIG (`<name> SIG`)
    otherOwners: new Set([
      'Technical Committee',
      ...ctx.data.governance.sigs().map((sig) => `${sig} SIG`),
    ]),
  };
}

/**
 * Without upstream's constant (a plain releases checkout): the series in
 * development at --date that has a deliverables directory, else the newest
 * series that has one.
 */
function developmentSeries(ctx: Deps, tree: FileTree): string {
  const withFiles = ctx.data.releases
    .series()
    .filter((s) => tree.list(`deliverables/${s.name}`).length > 0);
  const all = ctx.data.releases.series();
  const asOf = ctx.data.releases.stamp.date;
  const dev = withFiles.find((s) => seriesStatusAt(all, s, ctx.today, asOf) === 'development');
  const pick = dev ?? withFiles[0];
  if (!pick) throw new UsageError(`${tree.label}: no series has deliverable files`);
  return pick.name;
}

import type { Deps } from '../core/deps.js';
import { LiaisonError, UsageError } from '../core/errors.js';
import type { Db } from '../store/db.js';
import { httpSettings, resolveEndpoints } from '../sources/endpoints.js';
import { HttpClient } from '../sources/http/client.js';
import type { SourceEntry, SyncSource } from '../sources/registry.js';
import { readSourceState, recordSyncFailure, recordSyncSuccess } from '../sources/state.js';
import { fetchRepo, gitTargets, refreshCommitGraph } from './apply-git.js';
import { debugLog } from '../core/debug-log.js';
import { syncCheckout } from './apply-checkouts.js';
import { dataDirOf, MANAGED, readManagedStates, type ManagedName } from '../data/managed.js';

/** What `liaison sync` did, per source (the view model of the command). */
export interface SyncView {
  readonly date: string;
  readonly sources: readonly SyncReport[];
  /** HTTP requests made in total (attempts, retries included). */
  readonly requests: number;
  readonly failed: number;
}

export interface SyncReport {
  readonly name: string;
  readonly title: string;
  /** updated: new data stored · unchanged: nothing new · failed: kept the previous data · skipped: nothing to do. */
  readonly status: 'updated' | 'unchanged' | 'failed' | 'skipped';
  readonly summary: string;
  readonly requests: number;
  readonly error: string | null;
  /** Last successful sync after this run (the age of the data views show). */
  readonly lastSuccessAt: string | null;
}

export interface SyncRunOptions {
  /** Only these sources (names as in the report, `git` for every checkout). */
  readonly only?: readonly string[];
  /** Tests inject their own; the global fetch otherwise. */
  readonly fetch?: typeof globalThis.fetch;
  /** The sources to refresh (the command passes every source of src/app/sync-sources.ts). */
  readonly sources: readonly SourceEntry[];
  readonly progress?: (line: string) => void;
  /** Touch no network: every source is reported as skipped, with the age of what is kept. */
  readonly offline?: boolean;
}

/**
 * Refreshes every source, one after the other (each service has its own
 * polite queue anyway, and a failing one must not stop the others). Each
 * source's data, HTTP cache entries and sync record are written in one
 * transaction, so a run killed half way leaves the previous data usable.
 */
export async function runSync(ctx: Deps, opts: SyncRunOptions): Promise<SyncView> {
  const db = await ctx.store();
  const progress = opts.progress ?? (() => undefined);
  // groups: `data` (the two checkouts), `services` (the HTTP sources), `git` (the user's checkouts)
  const entries = opts.sources;
  const services = entries.map((e) => e.name);
  const wanted = (name: string) =>
    !opts.only?.length ||
    opts.only.some(
      (o) =>
        o === name ||
        (o === 'git' && name.startsWith('git:')) ||
        (o === 'data' && (CHECKOUTS as readonly string[]).includes(name)) ||
        (o === 'services' && services.includes(name)),
    );
  // a bad base URL is the user's config error (exit 2), not a failing source
  resolveEndpoints(ctx.config, ctx.env);
  const known = [...services, ...CHECKOUTS, 'data', 'services', 'git'];
  for (const o of opts.only ?? []) {
    if (!known.includes(o) && !o.startsWith('git:'))
      throw new UsageError(`--only ${o}: unknown source; expected ${known.join(', ')}`);
  }
  const reports: SyncReport[] = [];
  let requests = 0;

  for (const name of CHECKOUTS) {
    if (!wanted(name)) continue;
    reports.push(await checkoutReport(ctx, name, opts, progress));
  }

  for (const entry of entries) {
    if (!wanted(entry.name)) continue;
    if (opts.offline) {
      const lastSuccessAt = readSourceState(db, entry.name)?.lastSuccessAt ?? null;
      reports.push({
        name: entry.name,
        title: entry.name,
        status: 'skipped',
        summary: offlineSummary(lastSuccessAt),
        requests: 0,
        error: null,
        lastSuccessAt,
      });
      continue;
    }
    const source = await entry.load();
    progress(`${source.name}: syncing ${source.title}…`);
    const started = performance.now();
    const report = await syncOne(ctx, db, source, opts);
    debugLog('sync source', {
      source: source.name,
      status: report.status,
      requests: report.requests,
      ms: Math.round(performance.now() - started),
    });
    requests += report.requests;
    progress(
      `${source.name}: ${report.status === 'failed' ? `FAILED: ${report.error ?? ''}` : report.summary}`,
    );
    reports.push(report);
  }

  for (const target of gitTargets(ctx)) {
    if (!wanted(target.name)) continue;
    if (opts.offline) {
      reports.push(gitReport(db, target.name, target.dir, 'skipped', 'offline: not fetched', null));
      continue;
    }
    progress(`${target.name}: git fetch in ${target.dir}…`);
    const at = ctx.instant().toISOString();
    try {
      const outcome = await fetchRepo(target.dir);
      if (outcome === 'no-remote') {
        reports.push(
          gitReport(db, target.name, target.dir, 'skipped', 'no remote to fetch from', null),
        );
        continue;
      }
      // project clones are scanned for release notes: keep git's history index for them
      const graphed =
        target.name.startsWith('git:clone:') &&
        (await refreshCommitGraph(target.dir, outcome.changed));
      const summary = graphed ? `${outcome.summary}; commit-graph written` : outcome.summary;
      recordSyncSuccess(db, target.name, at, summary);
      reports.push(
        gitReport(
          db,
          target.name,
          target.dir,
          outcome.changed ? 'updated' : 'unchanged',
          summary,
          null,
        ),
      );
    } catch (e) {
      const message = messageOf(e);
      recordSyncFailure(db, target.name, at, message);
      reports.push(
        gitReport(db, target.name, target.dir, 'failed', 'kept the previous checkout', message),
      );
    }
    progress(`${target.name}: ${reports[reports.length - 1]?.summary ?? ''}`);
  }

  return {
    date: ctx.today,
    sources: reports,
    requests,
    failed: reports.filter((r) => r.status === 'failed').length,
  };
}

/** The managed checkouts, first: every command reads them. */
const CHECKOUTS: readonly ManagedName[] = ['releases', 'governance'];

async function checkoutReport(
  ctx: Deps,
  name: ManagedName,
  opts: SyncRunOptions,
  progress: (line: string) => void,
): Promise<SyncReport> {
  const spec = MANAGED[name];
  const title = `${spec.repo} checkout`;
  const dataDir = ctx.dataLocation.dataDir ?? dataDirOf(ctx.env, ctx.config['data-dir']);
  const explicit = explicitCheckout(ctx, name);
  const state = readManagedStates(dataDir)[name];
  const skipped = (summary: string): SyncReport => ({
    name,
    title,
    status: 'skipped',
    summary,
    requests: 0,
    error: null,
    lastSuccessAt: state?.fetchedAt ?? null,
  });
  // the user's own checkout is used instead: cloning ours would cost time and disk for nothing
  if (explicit) return skipped(`commands use ${explicit}`);
  if (opts.offline) return skipped(offlineSummary(state?.fetchedAt ?? null));
  const url = ctx.config.sources?.[name]?.url ?? spec.defaultUrl;
  progress(`${name}: ${state ? 'fetching' : 'cloning'} ${url}…`);
  const out = await syncCheckout({
    name,
    url,
    dataDir,
    at: ctx.instant().toISOString(),
    ...(opts.progress ? { progress } : {}),
  });
  progress(`${name}: ${out.status === 'failed' ? `FAILED: ${out.error ?? ''}` : out.summary}`);
  return {
    name,
    title,
    status: out.status,
    summary: out.summary,
    requests: 0,
    error: out.error,
    lastSuccessAt: out.fetchedAt,
  };
}

/** The checkout the user names for this data set (option, environment, config), if any. */
function explicitCheckout(ctx: Deps, name: ManagedName): string | undefined {
  const loc = ctx.dataLocation;
  return name === 'releases' ? loc.releasesRepo : loc.governanceRepo;
}

function offlineSummary(lastSuccessAt: string | null): string {
  return `offline: kept the data of ${lastSuccessAt ? `${lastSuccessAt.slice(0, 16).replace('T', ' ')} UTC` : 'no sync yet'}`;
}

async function syncOne(
  ctx: Deps,
  db: Db,
  source: SyncSource,
  opts: SyncRunOptions,
): Promise<SyncReport> {
  const http = new HttpClient({
    ...httpSettings(ctx.config),
    ...(opts.fetch ? { fetch: opts.fetch } : {}),
    db,
    now: () => ctx.instant(),
    source: source.name,
    deferCacheWrites: true,
  });
  const at = ctx.instant().toISOString();
  let committed = false;
  const commit = (write: () => void, detail?: string) => {
    db.transaction(() => {
      write();
      http.commitCache(db);
      recordSyncSuccess(db, source.name, at, detail ?? null);
    })();
    committed = true;
  };
  const base = { name: source.name, title: source.title };
  try {
    const result = await source.sync(ctx, {
      db,
      http,
      endpoints: resolveEndpoints(ctx.config, ctx.env),
      now: () => ctx.instant(),
      progress: opts.progress ?? (() => undefined),
      commit,
    });
    if (!committed) commit(() => undefined, result.summary);
    const status = result.notModified || result.items === 0 ? 'unchanged' : 'updated';
    return {
      ...base,
      status,
      summary: result.summary,
      requests: http.stats.requests,
      error: null,
      lastSuccessAt: at,
    };
  } catch (e) {
    const message = messageOf(e);
    recordSyncFailure(db, source.name, at, message);
    const previous = readSourceState(db, source.name)?.lastSuccessAt ?? null;
    const summary = previous
      ? `kept the data of ${previous.slice(0, 16).replace('T', ' ')} UTC`
      : 'no data yet';
    return {
      ...base,
      status: 'failed',
      summary,
      requests: http.stats.requests,
      error: message,
      lastSuccessAt: previous,
    };
  }
}

function gitReport(
  db: Db,
  name: string,
  dir: string,
  status: SyncReport['status'],
  summary: string,
  error: string | null,
): SyncReport {
  const lastSuccessAt = readSourceState(db, name)?.lastSuccessAt ?? null;
  return { name, title: `git checkout ${dir}`, status, summary, requests: 0, error, lastSuccessAt };
}

/** A user-facing one-line reason; an unexpected error is flagged as a bug. */
function messageOf(e: unknown): string {
  if (e instanceof LiaisonError) return e.message;
  const err = e instanceof Error ? e : new Error(String(e));
  return `internal error (a bug in release-liaison): ${err.message}`;
}

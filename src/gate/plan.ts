import { buildPageUrl } from '../sources/zuul/builds.js';
import type { BuildRef, JobSeries } from '../sources/zuul/store.js';
import { safeUrl } from '../core/text.js';
import type { Deps } from '../core/deps.js';
import type { SourceAge } from '../sources/age.js';

/**
 * Gate health of periodic jobs: pure computation over the counted builds
 * of each job and branch (the store decides what counts: final attempts,
 * no SKIPPED — see `readGateSeries`). A build passes when its result is
 * SUCCESS; every other final result (FAILURE, POST_FAILURE, TIMED_OUT,
 * NODE_FAILURE, RETRY_LIMIT, …) is a failure, as the builds page colours it.
 */
export interface GateJob {
  readonly name: string;
  readonly project: string;
  readonly branch: string;
  readonly pipeline: string;
  /** Result string of the newest counted build. */
  readonly latest: string;
  readonly latestAt: string;
  /** Counted builds in the window. */
  readonly runs: number;
  /** Share of SUCCESS among them, 0–1. */
  readonly passRate: number;
  /** The current run of passes (`SUCCESS`) or failures (`FAILURE`) ending with the newest build. */
  readonly streak: { readonly result: 'SUCCESS' | 'FAILURE'; readonly length: number };
  /** Results alternate: at least two pass↔fail flips in the window. */
  readonly flaky: boolean;
  readonly flips: number;
  /** Logs of the newest build (http(s) only), else its Zuul build page. */
  readonly lastLog: string | null;
  readonly lastBuild: string;
  /** First failure of the current failing streak (null when the job passes). */
  readonly failingSince: {
    readonly at: string;
    readonly result: string;
    readonly log: string | null;
    readonly build: string;
  } | null;
  /** Results oldest → newest, for sparklines. */
  readonly history: readonly string[];
}

export interface GateComputeOptions {
  readonly zuulBase: string;
  readonly tenant: string;
}

const passed = (result: string) => result === 'SUCCESS';

/** The view model of `liaison gate` (also the dashboard's gate page). */
export interface GateView {
  readonly team: string;
  readonly date: string;
  readonly days: number;
  /** First day of the window (builds started on or after it count). */
  readonly since: string;
  readonly projects: readonly string[];
  readonly pipelines: readonly string[];
  /** Last successful Zuul sync (the age of this data), or null when never synced. */
  readonly dataAsOf: string | null;
  readonly source: SourceAge;
  readonly jobs: readonly GateJob[];
  /** Jobs named in config `gate.jobs` with no counted build in the window. */
  readonly missing: readonly string[];
  readonly counts: {
    readonly jobs: number;
    readonly passing: number;
    readonly failing: number;
    readonly flaky: number;
  };
}

export interface GateOptions {
  /** Window in days (default: config `gate.days`, else 14). */
  readonly days?: number;
}

/** Series of the configured jobs only (all when `jobs` is null). */
export function wantedSeries(
  series: readonly JobSeries[],
  jobs: readonly string[] | null,
): JobSeries[] {
  const wanted = jobs ? new Set(jobs) : null;
  return series.filter((s) => s.results.length > 0 && (!wanted || wanted.has(s.jobName)));
}

/** Length of the run of passes or failures that ends with the newest build. */
function streakLength(newestFirst: readonly string[]): number {
  const ok = passed(newestFirst[0] ?? '');
  const end = newestFirst.findIndex((r) => passed(r) !== ok);
  return end === -1 ? newestFirst.length : end;
}

/** Row ids of the builds the view links to: the newest, and the first of a failing streak. */
export function linkedBuilds(series: readonly JobSeries[]): number[] {
  return series.flatMap((s) => {
    const length = streakLength(s.results);
    return passed(s.results[0] ?? '')
      ? s.ids.slice(0, 1)
      : [...s.ids.slice(0, 1), ...s.ids.slice(length - 1, length)];
  });
}

/**
 * One row per job and branch, most in need of attention first. `series`
 * must be `wantedSeries` (non-empty, newest first); `refs` holds at least
 * the `linkedBuilds` of it.
 */
export function computeGateJobs(
  series: readonly JobSeries[],
  refs: ReadonlyMap<number, BuildRef>,
  opts: GateComputeOptions,
): GateJob[] {
  return series.map((s) => jobOf(s, refs, opts)).sort(byAttention);
}

function jobOf(
  s: JobSeries,
  refs: ReadonlyMap<number, BuildRef>,
  opts: GateComputeOptions,
): GateJob {
  const results = s.results;
  const build = (i: number): { ref: BuildRef; result: string } => {
    const ref = refs.get(s.ids[i] ?? -1);
    const result = results[i];
    if (!ref || result === undefined)
      throw new Error(`gate: build ${i} of ${s.jobName} was not read`);
    return { ref, result };
  };
  const latest = build(0);
  const ok = passed(latest.result);
  const length = streakLength(results);
  let flips = 0;
  let passes = 0;
  results.forEach((r, i) => {
    if (passed(r)) passes++;
    if (i > 0 && passed(r) !== passed(results[i - 1] ?? '')) flips++;
  });
  const page = (b: BuildRef) => buildPageUrl(opts.zuulBase, opts.tenant, b.uuid);
  const first = ok ? undefined : build(length - 1);
  return {
    name: s.jobName,
    project: s.project,
    branch: s.branch,
    pipeline: latest.ref.pipeline,
    latest: latest.result,
    latestAt: latest.ref.startTime,
    runs: results.length,
    passRate: Math.round((passes / results.length) * 1000) / 1000,
    streak: { result: ok ? 'SUCCESS' : 'FAILURE', length },
    flaky: flips >= 2,
    flips,
    lastLog: safeUrl(latest.ref.logUrl) ?? page(latest.ref),
    lastBuild: page(latest.ref),
    failingSince: first
      ? {
          at: first.ref.startTime,
          result: first.result,
          log: safeUrl(first.ref.logUrl),
          build: page(first.ref),
        }
      : null,
    history: [...results].reverse(),
  };
}

/** Failing first (longest streak first), then flaky, then by project, job and branch. */
function byAttention(a: GateJob, b: GateJob): number {
  const rank = (j: GateJob) => (j.streak.result === 'FAILURE' ? 0 : j.flaky ? 1 : 2);
  return (
    rank(a) - rank(b) ||
    (rank(a) === 0 ? b.streak.length - a.streak.length : 0) ||
    cmp(a.project, b.project) ||
    cmp(a.name, b.name) ||
    cmp(a.branch, b.branch)
  );
}

/** Plain code-unit order: stable across locales, and cheap. */
function cmp(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

declare module '../core/deps.js' {
  interface Views {
    /** `liaison gate`: periodic jobs over the window, from the stored builds. */
    gate(ctx: Deps, opts?: GateOptions): Promise<GateView>;
  }
}

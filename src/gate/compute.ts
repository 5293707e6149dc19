import { buildPageUrl } from '../sources/zuul/builds.js';
import type { GateBuild as Build } from '../sources/zuul/store.js';
import { safeUrl } from '../sources/text.js';

/**
 * Gate health of periodic jobs: pure computation over stored builds.
 *
 * Counted builds are those the builds page shows: final attempts only (a
 * RETRY row is superseded by its retry) and no SKIPPED. A build passes
 * when its result is SUCCESS; every other final result (FAILURE,
 * POST_FAILURE, TIMED_OUT, NODE_FAILURE, RETRY_LIMIT, …) is a failure, as
 * the builds page colours it.
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
  /** Only these job names (config `gate.jobs`); null = all. */
  readonly jobs: readonly string[] | null;
}

export const counted = (b: Build): boolean => b.final && b.result !== 'SKIPPED';
const passed = (result: string) => result === 'SUCCESS';

/** Builds must be newest first (as the store returns them). */
export function computeGateJobs(builds: readonly Build[], opts: GateComputeOptions): GateJob[] {
  const wanted = opts.jobs ? new Set(opts.jobs) : null;
  const groups = new Map<string, [Build, ...Build[]]>();
  for (const b of builds) {
    if (!counted(b) || (wanted && !wanted.has(b.jobName))) continue;
    const key = `${b.project}\u0000${b.jobName}\u0000${b.branch}`;
    const list = groups.get(key);
    if (list) list.push(b);
    else groups.set(key, [b]);
  }
  const jobs: GateJob[] = [];
  for (const list of groups.values()) jobs.push(jobOf(list, opts));
  return jobs.sort(byAttention);
}

function jobOf(newestFirst: readonly [Build, ...Build[]], opts: GateComputeOptions): GateJob {
  const latest = newestFirst[0];
  const ok = passed(latest.result);
  const outcomes = newestFirst.map((b) => passed(b.result));
  let length = 0;
  while (length < outcomes.length && outcomes[length] === ok) length++;
  const flips = outcomes.filter((o, i) => i > 0 && o !== outcomes[i - 1]).length;
  const passes = newestFirst.filter((b) => passed(b.result)).length;
  const page = (b: Build) => buildPageUrl(opts.zuulBase, opts.tenant, b.uuid);
  const first = ok ? undefined : newestFirst[length - 1];
  return {
    name: latest.jobName,
    project: latest.project,
    branch: latest.branch,
    pipeline: latest.pipeline,
    latest: latest.result,
    latestAt: latest.startTime,
    runs: newestFirst.length,
    passRate: Math.round((passes / newestFirst.length) * 1000) / 1000,
    streak: { result: ok ? 'SUCCESS' : 'FAILURE', length },
    flaky: flips >= 2,
    flips,
    lastLog: safeUrl(latest.logUrl) ?? page(latest),
    lastBuild: page(latest),
    failingSince: first
      ? {
          at: first.startTime,
          result: first.result,
          log: safeUrl(first.logUrl),
          build: page(first),
        }
      : null,
    history: newestFirst.map((b) => b.result).reverse(),
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

import { calendarInput } from '../calendar/input.js';
import { cycleWindow } from '../calendar/cycle.js';
import { addDays, compareDates, mondayOf, type IsoDate } from '../core/dates.js';
import { MemoryTree } from '../data/file-tree.js';
import type { Team } from '../data/governance/projects.js';
import { readReleaseDates, type ReleaseDates } from '../data/releases/release-dates.js';
import { ReleasesData } from '../data/releases/releases-data.js';
import { readBlobsSync } from '../git/blobs.js';
import { gitSync } from '../git/run.js';
import { planActions } from './plan.js';
import type { OpenRequest, PlanActionsInput } from './plan-types.js';
import { readActions } from './read.js';
import { judgeReplay, truthReleases, type ReplayRun, type ReplayVerdict } from './plan-replay.js';

/**
 * Replays a past cycle of a team on a clone of openstack/releases with its
 * history: on every Monday 00:00 UTC from the series' first week to one
 * week after its release, the tree as it was then (the last first-parent
 * commit before that instant, extracted with `git archive`) and the dates
 * read from the history at that commit go through the same reader and
 * planner as `liaison brief --series S --json`. The review source is
 * stood in for by the history: a request proposed before the Monday and
 * merged after it was open then (`review: false` leaves it out).
 */
export interface ReplayOptions {
  /** A clone of openstack/releases (work tree with `.git`). */
  readonly repo: string;
  readonly team: Team;
  readonly series: string;
  readonly review?: boolean;
  /** Tag/branch/commit whose history is the truth (default HEAD). */
  readonly head?: string;
  /**
   * Replay on to one week after the last window ends (trailing deliverables
   * release after the series; the range stops one week after the release).
   */
  readonly throughLastWindow?: boolean;
  /**
   * Conventions compiled beforehand (the embedded snapshot's), for a history
   * that lacks the series they look back at (the CI mini-history).
   */
  readonly conventions?: ReleaseDates['conventions'];
}

export interface ReplayResult {
  readonly verdict: ReplayVerdict;
  readonly runs: readonly ReplayRun[];
  readonly truth: PlanActionsInput;
}

const TRUTH_AFTER_DAYS = 730;

export function replayCycle(opts: ReplayOptions): ReplayResult {
  const head = opts.head ?? 'HEAD';
  const truthTree = treeAt(opts.repo, head, opts.series);
  const truthSeries = calendarInput(truthTree).series.find((s) => s.name === opts.series);
  if (!truthSeries) throw new Error(`${opts.series}: not a series of the releases history`);
  const window = cycleWindow(calendarInput(truthTree), truthSeries);
  const release = truthSeries.initialRelease;
  if (!window || !release) throw new Error(`${opts.series}: no cycle dates in the history`);
  const farDay = addDays(release, TRUTH_AFTER_DAYS);
  const truth = plan(truthTree, opts, farDay, [], head);
  if (!truth) throw new Error(`${opts.series}: no schedule in the history`);
  const truthActions = planActions(truth.input);
  const releases = truthReleases(truth.input);
  const firstMonday = mondayOf(addDays(window.start, 6));
  const lastEnd = truthActions.reduce(
    (max, a) => (compareDates(a.window.end, max) > 0 ? a.window.end : max),
    release,
  );
  const lastMonday = mondayOf(addDays(opts.throughLastWindow ? lastEnd : release, 7 + 6));
  const mondays: IsoDate[] = [];
  for (let m = firstMonday; compareDates(m, lastMonday) <= 0; m = addDays(m, 7)) mondays.push(m);
  const runAt = (monday: IsoDate): ReplayRun => {
    const commit = gitSync(opts.repo, [
      'rev-list',
      '-1',
      '--first-parent',
      `--before=${monday}T00:00:00Z`,
      head,
    ]).trim();
    const tree = treeAt(opts.repo, commit, opts.series);
    const requests = opts.review === false ? [] : openAt(truth.input, monday);
    const read = plan(tree, opts, monday, requests, commit);
    return { monday, actions: read ? planActions(read.input) : [] };
  };
  const runs = mondays.map(runAt);
  const extra = [runAt(addDays(lastMonday, 7))];
  const verdict = judgeReplay({
    team: opts.team.name,
    series: opts.series,
    runs,
    truth: truthActions,
    releases,
    extra,
  });
  return { verdict, runs, truth: truth.input };
}

function plan(
  data: ReleasesData,
  opts: ReplayOptions,
  today: IsoDate,
  openRequests: readonly OpenRequest[],
  commit?: string,
) {
  const dataAt = commit
    ? new ReleasesData(data.tree, data.stamp, undefined, (files, since) =>
        withConventions(
          readReleaseDates(opts.repo, { files, rev: commit, ...(since ? { since } : {}) }),
          opts.conventions,
        ),
      )
    : data;
  return readActions(
    {
      releases: dataAt,
      calendar: calendarInput(dataAt),
      team: opts.team,
      config: {},
      today,
      openRequests,
    },
    opts.series,
  );
}

function withConventions(
  dates: ReleaseDates,
  conventions: ReleaseDates['conventions'],
): ReleaseDates {
  return conventions ? { ...dates, conventions } : dates;
}

/** Requests of the final history that were open on `monday`: proposed before it, merged on or after it. */
export function openAt(truth: PlanActionsInput, monday: IsoDate): OpenRequest[] {
  const out: OpenRequest[] = [];
  const pending = (p: string | null, m: string | null) =>
    p !== null && m !== null && compareDates(p, monday) < 0 && compareDates(m, monday) >= 0;
  for (const d of truth.deliverables) {
    const f = d.file;
    if (!f) continue;
    const base = { deliverable: d.name, series: f.series, number: null };
    for (const r of f.releases)
      if (pending(r.proposed, r.merged))
        out.push({
          ...base,
          version: r.version,
          branches: [],
          highlights: false,
          proposed: r.proposed,
        });
    for (const b of f.branches)
      if (pending(b.proposed, b.merged))
        out.push({
          ...base,
          version: null,
          branches: [b.name],
          highlights: false,
          proposed: b.proposed,
        });
    if (f.highlights && pending(f.highlights.proposed, f.highlights.merged))
      out.push({
        ...base,
        version: null,
        branches: [],
        highlights: true,
        proposed: f.highlights.proposed,
      });
  }
  return out;
}

/**
 * The files the planner reads, as they were at `rev`, in memory: the
 * series list, the schedules, and the deliverable files of the series and
 * the six before it (for the conventions) — one `ls-tree` and one
 * `cat-file --batch`, no work tree.
 */
function treeAt(repo: string, rev: string, series: string): ReleasesData {
  const status = gitSync(repo, ['show', `${rev}:data/series_status.yaml`]);
  const order = [...status.matchAll(/^- name: (\S+)/gm)].map((m) => m[1] ?? '');
  const i = order.indexOf(series);
  const dirs = (i < 0 ? [series] : order.slice(Math.max(0, i - 1), i + 7)).map(
    (s) => `deliverables/${s}`,
  );
  const paths = gitSync(repo, ['ls-tree', '-r', '--name-only', rev, '--', 'doc/source', ...dirs])
    .split('\n')
    .filter((p) => p.endsWith('/schedule.yaml') || p.startsWith('deliverables/'));
  paths.push('data/series_status.yaml');
  const texts = readBlobsSync(
    repo,
    paths.map((p) => `${rev}:${p}`),
  );
  const files: Record<string, string> = {};
  paths.forEach((path, i) => {
    const text = texts[i];
    if (text !== undefined) files[path] = text;
  });
  return new ReleasesData(new MemoryTree(files, `releases at ${rev.slice(0, 10)}`), {
    repo: 'openstack/releases',
    commit: rev,
  });
}

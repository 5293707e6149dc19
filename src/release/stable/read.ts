import type { Deps } from '../../core/deps.js';
import { seriesStatusAt } from '../../calendar/series-status.js';
import { seriesId, type Series } from '../../data/releases/series.js';
import { isLifecycleTag } from '../../data/releases/deliverables.js';
import { releasedDeliverables } from '../../data/governance/projects.js';
import { gitSync } from '../../git/run.js';
import { cloneLocator } from '../../git/clones.js';
import { resolveEndpoints } from '../../sources/endpoints.js';
import { bugFooters } from '../../sources/gerrit/parse.js';
import { openChangesQuery } from '../../sources/gerrit/sync.js';
import { loadChangeSnapshot } from '../../sources/gerrit/store.js';
import type { Db } from '../../store/db.js';
import { sourceAge } from '../../sources/age.js';
import {
  bugLink,
  planStableRows,
  planStableView,
  seriesWindow,
  stableCandidates,
  UNRELEASED_LIMIT,
  type OpenBackport,
  type SeriesFileFacts,
  type StableBranchRow,
  type StableCandidate,
  type StableView,
  type Unreleased,
} from './plan.js';

/**
 * What the stable rows are read from: the deliverable files of every
 * listed series, the project clones (unreleased commits with their
 * `Closes-Bug:` footers) and the store (open backports synced from Gerrit
 * by the `stable` source).
 */

/** Key of the `stable` source in `source_sync`. */
export const STABLE_SOURCE = 'stable';

export interface StableReadOptions {
  /** Folder of project clones (`--clones`); default config `clones-dir`. */
  readonly clones?: string;
  /** The store; without it open backports are unknown (null). */
  readonly db?: Db;
}

/** The team's released deliverables with their file of each listed series. */
export function deliverableFiles(
  ctx: Deps,
  series: readonly Series[],
): { name: string; files: Map<string, SeriesFileFacts> }[] {
  const ignored = ctx.config.deliverables ?? {};
  return releasedDeliverables(ctx.team)
    .filter((g) => !ignored[g.name]?.ignore)
    .map((g) => {
      const files = new Map<string, SeriesFileFacts>();
      let oldest: SeriesFileFacts | undefined;
      for (const s of series) {
        const d = ctx.data.releases.deliverable(s.name, g.name);
        if (!d) {
          // the data has no file of this series at all (the embedded snapshot keeps the
          // newest series): assume the deliverable as the oldest file known describes it
          if (oldest && ctx.data.releases.deliverableNames(s.name).length === 0)
            files.set(s.name, {
              ...oldest,
              series: s.name,
              branches: [],
              versions: [],
              missing: true,
            });
          continue;
        }
        oldest = {
          series: s.name,
          repos: (d.repos.length ? d.repos : g.repos).filter((r) => !d.retiredRepos.includes(r)),
          branches: d.branches,
          versions: d.releases.map((r) => r.version).filter((v) => !isLifecycleTag(v)),
          ...(d.stableBranchType ? { stableBranchType: d.stableBranchType } : {}),
          ...(d.type ? { type: d.type } : {}),
        };
        files.set(s.name, oldest);
      }
      return { name: g.name, files };
    });
}

/**
 * The Gerrit query of the `stable` source: open changes on the current
 * branch of every listed series that is not end of life, for every
 * repository of the team's deliverables. Clones play no part, so sync and
 * views agree on it.
 */
export function stableGerritScope(ctx: Deps): {
  query: string;
  projects: string[];
  branches: string[];
} {
  const all = ctx.data.releases.series();
  const asOf = ctx.data.releases.stamp.date;
  const phase = (s: Series) => seriesStatusAt(all, s, ctx.today, asOf);
  const window = seriesWindow(all, ctx.today, asOf).filter((s) => phase(s) !== 'end of life');
  const branches = window.map(
    (s) => `${phase(s) === 'unmaintained' ? 'unmaintained' : 'stable'}/${seriesId(s)}`,
  );
  const projects = [
    ...new Set(
      releasedDeliverables(ctx.team)
        .filter((g) => !ctx.config.deliverables?.[g.name]?.ignore)
        .flatMap((g) => g.repos),
    ),
  ].sort();
  const query = projects.length && branches.length ? openChangesQuery(projects, branches) : '';
  return { query, projects, branches };
}

/** The rows of every stable branch of the team at --date. */
export function readStableRows(ctx: Deps, opts: StableReadOptions = {}): StableBranchRow[] {
  const all = ctx.data.releases.series();
  const asOf = ctx.data.releases.stamp.date;
  const window = seriesWindow(all, ctx.today, asOf);
  const locator = cloneLocator(ctx, opts.clones);
  const dirs = new Map<string, string | undefined>();
  const dirOf = (repo: string) => {
    if (!dirs.has(repo)) dirs.set(repo, locator.find(repo));
    return dirs.get(repo);
  };
  const branchSets = new Map<string, Set<string>>();
  const clonesHave = (repo: string, branch: string) => {
    const dir = dirOf(repo);
    if (!dir) return false;
    let set = branchSets.get(dir);
    if (!set) {
      set = readBranches(dir);
      branchSets.set(dir, set);
    }
    return set.has(branch);
  };
  const candidates = stableCandidates(
    all,
    ctx.today,
    deliverableFiles(ctx, window),
    { has: clonesHave, known: (repo) => dirOf(repo) !== undefined },
    asOf,
  );
  const backports = readBackports(ctx, opts.db);
  return planStableRows(candidates, {
    unreleased: (c) => {
      const dir = dirOf(c.repo);
      return dir && clonesHave(c.repo, c.branch) ? readUnreleased(dir, c.branch) : null;
    },
    backports: (c: StableCandidate) =>
      backports === null
        ? null
        : backports.filter((b) => b.project === c.repo && b.branch === c.branch),
  });
}

/** Local and `origin` branches of a clone. */
export function readBranches(dir: string): Set<string> {
  const out = gitSync(dir, [
    'for-each-ref',
    '--format=%(refname)',
    'refs/heads',
    'refs/remotes/origin',
  ]);
  const set = new Set<string>();
  for (const ref of out.split('\n')) {
    if (ref.startsWith('refs/heads/')) set.add(ref.slice(11));
    else if (ref.startsWith('refs/remotes/origin/') && ref !== 'refs/remotes/origin/HEAD')
      set.add(ref.slice(20));
  }
  return set;
}

/**
 * Commits on `branch` since its newest reachable tag, newest first, with
 * the bugs their `Closes-Bug:` footers close (merge commits left out).
 */
export function readUnreleased(dir: string, branch: string): Unreleased {
  const local = gitSync(dir, ['rev-parse', '--verify', '--quiet', `refs/heads/${branch}`], {
    okCodes: [1],
  }).trim();
  const ref = local ? `refs/heads/${branch}` : `refs/remotes/origin/${branch}`;
  const since =
    gitSync(dir, ['describe', '--tags', '--abbrev=0', ref], { okCodes: [128] }).trim() || null;
  const log = gitSync(dir, [
    'log',
    '--no-merges',
    '--format=%H%x1f%cs%x1f%s%x1f%B%x1e',
    since ? `${since}..${ref}` : ref,
  ]);
  const records = log.split('\x1e').filter((r) => r.trim() !== '');
  const changes = records.slice(0, UNRELEASED_LIMIT).map((r) => {
    const [commit = '', date = '', subject = '', body = ''] = r.replace(/^\n/, '').split('\x1f');
    const bugs = [...new Set(bugFooters(body).closes)];
    return { commit, date, subject, bugs, bugLinks: bugs.map(bugLink) };
  });
  return { since, count: records.length, changes };
}

interface StoredBackport extends OpenBackport {
  readonly branch: string;
}

/** Open changes of the `stable` scope in the store; null when never synced. */
function readBackports(ctx: Deps, db: Db | undefined): StoredBackport[] | null {
  if (!db) return null;
  const scope = stableGerritScope(ctx);
  if (!scope.query) return [];
  const snap = loadChangeSnapshot(db, scope.query);
  if (!snap) return null;
  const base = resolveEndpoints(ctx.config, ctx.env).gerrit.replace(/\/+$/, '');
  return snap.changes.map((c) => ({
    number: c.number,
    project: c.project,
    branch: c.branch,
    subject: c.subject,
    owner: c.owner.username ?? c.owner.name ?? null,
    updated: c.updated ?? null,
    url: `${base}/c/${c.project}/+/${c.number}`,
    bugs: [...new Set(bugFooters(c.message).closes)],
  }));
}

/** `liaison release stable` and the Stable page: the rows, counts and how old the backports are. */
export async function buildStableView(
  ctx: Deps,
  opts: { readonly clones?: string } = {},
): Promise<StableView> {
  const db = await ctx.store();
  const rows = readStableRows(ctx, { ...opts, db });
  const source = sourceAge(db, STABLE_SOURCE, ctx.today, { title: 'Gerrit (stable backports)' });
  return planStableView(rows, { today: ctx.today, team: ctx.team.name, source });
}

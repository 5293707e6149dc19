import { existsSync } from 'node:fs';
import { resolve } from 'node:path';
import { positionAt } from '../../calendar/cycle.js';
import type { Deps } from '../../core/deps.js';
import { UsageError } from '../../core/errors.js';
import { deliverablePath, parseDeliverable } from '../../data/releases/deliverables.js';
import { seriesStatusAt } from '../../calendar/series-status.js';
import { newSeriesFile } from '../edits/new-series-file.js';
import { effectiveModel, INDEPENDENT, loadHistory } from '../versions/load-history.js';
import { computeNextRelease, type NextRelease } from '../versions/next-version.js';
import { ProposalRefused, refuseUnless } from '../versions/refusals.js';
import { isReleaseType, RELEASE_TYPES } from '../versions/release-types.js';
import { cloneLocator } from '../../git/clones.js';
import { isGitRepo } from '../../git/run.js';
import { commitExists, firstBranchHead, gitIdentity, isAncestor, onelineLog } from './read-git.js';
import type { ProposalInput, RepoCommit, RepoLog } from './plan.js';
import { milestoneHint } from './plan-milestone-hint.js';

export interface ProposeOptions {
  readonly series?: string;
  readonly hash?: string;
  readonly repo?: string;
  readonly stableBranch?: boolean;
  readonly intermediateBranch?: boolean;
  readonly milestone?: string;
  /** Set by the command when `--milestone` is absent: the team's convention names betas by milestone. */
  readonly conventionMilestone?: { readonly milestone: number; readonly basis: string };
  readonly force?: boolean;
  readonly write?: boolean;
  readonly commit?: boolean;
  readonly topic?: string;
  /** Rules of versions/refusals.ts to write the request anyway (repeatable). */
  readonly override?: readonly string[];
}

export function checkName(name: string): void {
  if (!/^[A-Za-z0-9][A-Za-z0-9._-]*$/.test(name))
    throw new UsageError(`${JSON.stringify(name)}: not a deliverable name`);
}

/**
 * Everything `release propose` plans from: the deliverable's history and
 * file, the next version, the commits to tag (clones or --hash), the git
 * identity. Every git and file read happens here; `planProposal` is pure.
 */
export function readProposal(
  ctx: Deps,
  name: string,
  typeArg: string,
  opts: ProposeOptions,
  overrides: ReadonlySet<string> = new Set(),
): ProposalInput {
  checkName(name);
  if (!isReleaseType(typeArg))
    throw new UsageError(
      `${typeArg}: unknown release type (one of ${RELEASE_TYPES.join(', ')}, or branch)`,
    );
  const type = typeArg;
  if (opts.hash !== undefined && !/^[0-9a-f]{40}$/.test(opts.hash)) {
    throw new UsageError(
      `--hash ${opts.hash}: expected a full commit SHA (40 lower-case hex characters)`,
    );
  }
  const byConvention = typeArg === 'milestone' && opts.milestone === undefined;
  const milestone =
    opts.milestone !== undefined
      ? Number(opts.milestone)
      : byConvention
        ? opts.conventionMilestone?.milestone
        : undefined;
  if (milestone !== undefined && (!Number.isInteger(milestone) || milestone < 1 || milestone > 9)) {
    throw new UsageError(`--milestone ${opts.milestone}: expected a milestone number from 1 to 9`);
  }
  if (milestone !== undefined && type !== 'milestone')
    throw new UsageError('--milestone applies to the milestone type only');
  const data = ctx.data.releases;
  const position = opts.series === undefined ? positionAt(ctx.calendarInput, ctx.today) : undefined;
  const seriesArg = opts.series ?? position?.series.name ?? '';
  const h = loadHistory(data, seriesArg, name);
  const file = deliverablePath(h.seriesName, name);
  const notes: string[] = [];
  const before = data.text(file);
  let base = before;
  let createdFrom: string | undefined;
  if (base === undefined) {
    const previous = h.series ? h.history[1] : undefined;
    const previousText = previous ? data.text(deliverablePath(previous.series, name)) : undefined;
    const noDir = data.deliverableNames(h.seriesName).length === 0;
    if (!previous || previousText === undefined) {
      const known = previous
        ? data.deliverableNames(previous.series)
        : data.deliverableNames(h.seriesName);
      const near = known.filter((k) => k.includes(name) || name.includes(k)).slice(0, 5);
      throw new UsageError(
        `unknown deliverable ${name}: no ${file}${previous ? ` nor deliverables/${previous.series}/${name}.yaml` : ''}` +
          (near.length ? ` (did you mean ${near.join(', ')}?)` : ''),
      );
    }
    base = newSeriesFile(previousText, previous.series, previous.releases.length > 0);
    createdFrom = previous.series;
    notes.push(
      `${file} does not exist yet${noDir ? ` (deliverables/${h.seriesName}/ has no files: the release team creates them with init-series)` : ''}; ` +
        `this proposal creates it from ${previous.series}'s file as init-series would`,
    );
  }
  const deliverable = parseDeliverable(base, data.where(file));
  const model = effectiveModel(deliverable, h.seriesName);
  const status = h.series
    ? seriesStatusAt(data.series(), h.series, ctx.today, data.stamp.date)
    : undefined;
  if (position && h.series)
    notes.push(
      `series ${h.series.name} (${position.week} at ${ctx.today}); pass --series for another`,
    );
  const next = computeNextRelease({
    deliverable: name,
    type,
    model,
    ...(deliverable.type ? { deliverableType: deliverable.type } : {}),
    history: h.history,
    newer: h.newer,
    seriesName: h.seriesName,
    // upstream picks the series branch from the recorded status (not the date-projected one)
    ...(h.series ? { seriesStatus: h.series.status } : {}),
    ...(h.alphabeticalPrevious ? { alphabeticalPrevious: h.alphabeticalPrevious } : {}),
    ...(milestone !== undefined ? { milestone } : {}),
    ...(opts.stableBranch ? { stableBranch: true } : {}),
    ...(opts.intermediateBranch ? { intermediateBranch: true } : {}),
    overrides,
    today: ctx.today,
    ...(h.series?.nextPhase ? { nextPhase: h.series.nextPhase } : {}),
  });
  if (byConvention && opts.conventionMilestone)
    notes.push(
      `beta numbered after milestone ${opts.conventionMilestone.milestone}, the milestone of ${ctx.today} (convention: ${opts.conventionMilestone.basis}); --milestone N for another`,
    );
  if (type === 'milestone' && milestone === undefined && h.series) {
    const hint = milestoneHint(ctx.calendarInput, h.series.name, ctx.today, next.version);
    if (hint) notes.push(hint);
  }
  const repos = deliverable.repos.filter((r) => !deliverable.retiredRepos.includes(r));
  const findClone = cloneFinder(ctx, name, repos, opts.repo);
  const { commits, logs } = readCommits(name, repos, next, opts, findClone, notes, overrides);
  const identityDir = ctx.data.releases.tree.absolute('') ?? ctx.cwd;
  const identity = gitIdentity(identityDir);
  if (!identity)
    notes.push('no git identity (user.name/user.email): the message has no Signed-off-by line');
  const development = status === 'development' || status === 'future';
  return {
    deliverable: name,
    type,
    seriesName: h.seriesName,
    seriesId: h.history[0]?.id ?? h.seriesName,
    developmentSeries: development || h.seriesName === INDEPENDENT,
    file,
    before,
    base,
    ...(createdFrom ? { createdFrom } : {}),
    repos,
    next,
    commits,
    logs,
    force: opts.force === true || overrides.has('already-tagged'),
    ...(identity ? { identity } : {}),
    notes,
  };
}

/** The commit of each repository: --hash, or the head of the series branch in its clone. */
/**
 * Where the deliverable's clones are: `--repo DIR` for a deliverable with
 * one repository (checked now: a wrong path is the user's error), else the
 * clones the config names (src/git/clones.ts).
 */
function cloneFinder(
  ctx: Deps,
  name: string,
  repos: readonly string[],
  repoFlag: string | undefined,
): (repo: string) => string | undefined {
  const locator = cloneLocator(ctx);
  if (repoFlag === undefined) return (repo) => locator.find(repo, name);
  const dir = resolve(ctx.cwd, repoFlag);
  if (!existsSync(dir) || !isGitRepo(dir))
    throw new UsageError(`--repo ${repoFlag}: not a git repository`);
  return (repo) => (repos.length === 1 ? dir : locator.find(repo, name));
}

function readCommits(
  name: string,
  repos: readonly string[],
  next: NextRelease,
  opts: ProposeOptions,
  findClone: (repo: string) => string | undefined,
  notes: string[],
  overrides: ReadonlySet<string>,
): { commits: Map<string, RepoCommit>; logs: RepoLog[] } {
  const commits = new Map<string, RepoCommit>();
  const logs: RepoLog[] = [];
  const source = next.source;
  const single = repos.length === 1;
  if (source.kind === 'retag') {
    if (opts.hash)
      notes.push(`--hash ignored: ${next.version} re-tags the commits of an existing release`);
    return { commits, logs };
  }
  if (opts.hash && !single)
    throw new ProposalRefused(
      'multi-repository-hash',
      `--hash: ${name} has ${repos.length} repositories (${repos.join(', ')}); use clones (--repo for one, clones-dir for all)`,
      `upstream new-release takes no hash: it would write ${next.version} at the head of each repository's ${source.branches.join(' or ')}`,
    );
  for (const repo of repos) {
    const clone = findClone(repo);
    let sha: string;
    let from: string;
    if (opts.hash) {
      sha = opts.hash;
      from = '--hash';
      if (clone) {
        if (!commitExists(clone, sha))
          throw new UsageError(`--hash ${sha}: no such commit in ${clone} (fetch it first)`);
        const head = firstBranchHead(clone, source.branches);
        if (head && !isAncestor(clone, sha, head.ref))
          notes.push(`${sha} is not on ${head.branch} in ${clone}`);
        else if (head && head.sha !== sha)
          notes.push(`${sha} is not the head of ${head.branch} (${head.sha.slice(0, 12)})`);
      }
    } else {
      if (!clone) {
        const where = source.branches.join(' or ');
        notes.push(
          `no clone of ${repo} to read the head of ${where} from: pass --hash SHA or --repo DIR, or set clones-dir in liaison.yaml`,
        );
        commits.set(repo, { from: `HEAD of ${where}` });
        continue;
      }
      let head = firstBranchHead(clone, source.branches);
      if (source.requireFirst && head?.branch !== source.branches[0]) {
        // upstream would silently tag master here
        refuseUnless(
          overrides,
          notes,
          'branch-missing',
          `${source.branches[0] ?? ''} does not exist in ${clone}: cannot tag its head`,
          () => `upstream new-release would silently write ${next.version} at the head of master`,
        );
        head = firstBranchHead(clone, [...source.branches, 'master']);
      }
      if (!head) throw new UsageError(`${clone} has no branch ${source.branches.join(' or ')}`);
      sha = head.sha;
      from = `head of ${head.branch} in ${clone}`;
    }
    commits.set(repo, { sha, from, ...(clone ? { clone } : {}) });
    const last = next.last?.version;
    if (clone && last) {
      const lines = onelineLog(clone, last, sha);
      if (lines) logs.push({ repo, from: last, to: sha, lines });
      else
        notes.push(
          `tag ${last} is not in ${clone}: no change list in the commit message (git fetch --tags)`,
        );
    }
  }
  return { commits, logs };
}

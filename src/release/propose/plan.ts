import { parseDeliverable, type ReleaseEntry } from '../../data/releases/deliverables.js';
import { addBranch, appendRelease, type NewProject } from '../edits/deliverable-edits.js';
import { unifiedDiff } from '../../core/unified-diff.js';
import type { NextRelease } from '../versions/next-version.js';
import { ProposalRefused } from '../versions/refusals.js';
import type { ReleaseType } from '../versions/release-types.js';
import { commitMessage } from './plan-commit-message.js';
import type { Identity } from './read-git.js';

/** Where the commit of one repository came from. */
export interface RepoCommit {
  /** Undefined when no clone nor --hash says it (dry run only: a placeholder is shown). */
  readonly sha?: string;
  /** `--hash`, `head of stable/2026.2 in /src/glance`, `re-tag of 33.0.0.0rc1`. */
  readonly from: string;
  readonly clone?: string;
}

export interface RepoLog {
  readonly repo: string;
  readonly from: string;
  readonly to: string;
  readonly lines: readonly string[];
}

export interface ProposalInput {
  readonly deliverable: string;
  readonly type: ReleaseType;
  readonly seriesName: string;
  readonly seriesId: string;
  /** The series in development (or future): titles say "for Hibiscus", not "for stable/…". */
  readonly developmentSeries: boolean;
  /** Relative path of the deliverable file. */
  readonly file: string;
  /** The file as it is, undefined when it does not exist yet. */
  readonly before: string | undefined;
  /** The text the edit starts from (the new series' file when `before` is undefined). */
  readonly base: string;
  readonly createdFrom?: string;
  /** Active repositories in `repository-settings` order. */
  readonly repos: readonly string[];
  readonly next: NextRelease;
  /** Commits for branch-head sources, by repository. */
  readonly commits: ReadonlyMap<string, RepoCommit>;
  readonly logs: readonly RepoLog[];
  readonly force: boolean;
  readonly identity?: Identity;
  readonly notes: readonly string[];
}

/** The view model of `liaison release propose` (also what --json prints). */
export interface ProposalView {
  readonly deliverable: string;
  readonly series: string;
  readonly type: ReleaseType;
  readonly version: string;
  /** Commit of the first (usually only) repository; null when it is not known yet. */
  readonly hash: string | null;
  /** True when a commit could not be read (no clone, no --hash): the diff shows a placeholder. */
  readonly pendingHash: boolean;
  readonly projects: readonly (NewProject & { readonly from: string })[];
  readonly skipped: readonly { readonly repo: string; readonly reason: string }[];
  readonly branchesAdded: readonly { readonly name: string; readonly location: string }[];
  readonly diffStart: string | null;
  readonly last: { readonly version: string; readonly series: string } | null;
  readonly file: string;
  readonly newFile: boolean;
  readonly diff: string;
  readonly commitMessage: string;
  readonly notes: readonly string[];
  /** The edited file's text (not printed; what --write writes). */
  readonly text: string;
}

/**
 * The pure plan of a release request: which commits, the edited file, its
 * diff and the commit message. Refuses when every repository is already
 * tagged at its commit (unless forced).
 */
export function planProposal(input: ProposalInput): ProposalView {
  const { next } = input;
  const notes = [...input.notes, ...next.notes];
  const projects: (NewProject & { from: string })[] = [];
  const skipped: { repo: string; reason: string }[] = [];
  let pending = false;
  if (next.source.kind === 'retag') {
    const comment = next.source.comment;
    for (const p of next.source.projects) {
      projects.push({
        repo: p.repo,
        hash: p.hash,
        ...(comment ? { comment } : {}),
        from: `re-tag of ${next.last?.version ?? 'the last release'}`,
      });
    }
  } else {
    const currentReleases = parseDeliverable(input.base, input.file).releases;
    for (const repo of input.repos) {
      const commit = input.commits.get(repo);
      if (!commit) continue;
      if (commit.sha === undefined) {
        pending = true;
        projects.push({ repo, hash: `<${commit.from}>`, from: commit.from });
        continue;
      }
      const previous = previousRelease(currentReleases, repo);
      const already = previous?.projects.find((p) => p.repo === repo)?.hash === commit.sha;
      if (already && !next.forceTag && !input.force && !next.includeAll) {
        skipped.push({
          repo,
          reason: `already tagged at ${commit.sha} as ${previous?.version ?? ''}`,
        });
        continue;
      }
      if (already)
        notes.push(`${repo} is tagged again at ${commit.sha} (already ${previous?.version ?? ''})`);
      projects.push({ repo, hash: commit.sha, from: commit.from });
    }
  }
  if (projects.length === 0) {
    const why = skipped.map((s) => `${s.repo} ${s.reason}`).join('; ');
    throw new ProposalRefused(
      'already-tagged',
      `nothing to release for ${input.deliverable}: ${why || 'no repository to tag'} (--force tags it again)`,
      'upstream new-release would write nothing and exit 0',
    );
  }
  if (skipped.length > 0)
    notes.push(
      `only ${projects.length} of ${input.repos.length} repositories tagged; the validator wants every repository in a current-series release (use --force)`,
    );

  let text = appendRelease(input.base, {
    version: next.version,
    projects: projects.map(({ repo, hash, comment }) => ({
      repo,
      hash,
      ...(comment ? { comment } : {}),
    })),
    ...(next.diffStart ? { diffStart: next.diffStart } : {}),
  });
  for (const b of next.branchesAdded) {
    if (typeof b.location === 'string')
      text = addBranch(text, { name: b.name, location: b.location });
  }
  checkReadsBack(text, input.file, next.version);
  const view = {
    deliverable: input.deliverable,
    series: input.seriesName,
    type: input.type,
    version: next.version,
    hash: pending ? null : (projects[0]?.hash ?? null),
    pendingHash: pending,
    projects,
    skipped,
    branchesAdded: next.branchesAdded.map((b) => ({
      name: b.name,
      location: typeof b.location === 'string' ? b.location : '',
    })),
    diffStart: next.diffStart ?? null,
    last: next.last ? { version: next.last.version, series: next.last.series } : null,
    file: input.file,
    newFile: input.before === undefined,
    diff: unifiedDiff(input.before, text, input.file),
    notes,
    text,
  };
  return { ...view, commitMessage: commitMessage(input, view) };
}

function previousRelease(
  releases: readonly ReleaseEntry[],
  repo: string,
): ReleaseEntry | undefined {
  for (let i = releases.length - 1; i >= 0; i--) {
    const r = releases[i];
    if (r?.projects.some((p) => p.repo === repo)) return r;
  }
  return undefined;
}

/** The edit must read back as the same file plus the new release. */
function checkReadsBack(text: string, file: string, version: string): void {
  const d = parseDeliverable(text, file);
  if (d.releases[d.releases.length - 1]?.version !== version) {
    throw new Error(`the edited ${file} does not end with release ${version}`);
  }
}

/** What `--write` / `--commit` did: the file written, the commit made (null without --commit). */
export interface WriteOutcome {
  readonly written: boolean;
  readonly commit: { readonly branch: string; readonly sha: string } | null;
}

/** What `release propose` prints and returns as JSON: the view without the edited text, and what was written. */
export type ProposalResult = Omit<ProposalView, 'text'> & WriteOutcome;

/**
 * The result of a proposal, a release or a branch-only one: the diff
 * already shows what changes, so the full text is left out.
 */
export function proposalResult<V extends { readonly text: string }>(
  plan: V,
  applied: WriteOutcome,
): Omit<V, 'text'> & WriteOutcome {
  const view: Partial<V> = { ...plan };
  Reflect.deleteProperty(view, 'text');
  return { ...(view as Omit<V, 'text'>), ...applied };
}

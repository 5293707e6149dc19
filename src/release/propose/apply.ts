import { join } from 'node:path';
import { writeFileAtomic } from '../../core/files.js';
import { RefusedError, UsageError } from '../../core/errors.js';
import { gitSync, isGitRepo } from '../../git/run.js';
import type { Deps } from '../../core/deps.js';
import type { Identity } from './read-git.js';
import type { BranchInput, BranchProposalView } from './plan-branch.js';
import type { ProposalInput, ProposalView, WriteOutcome } from './plan.js';

export interface CommitRequest {
  /** Root of the releases checkout. */
  readonly root: string;
  /** Path of the deliverable file relative to the root. */
  readonly file: string;
  readonly text: string;
  readonly message: string;
  readonly topic: string;
  readonly identity: Identity | undefined;
}

/** Checks the checkout before anything changes, so a refusal leaves it untouched. */
export function checkCommitPossible(req: CommitRequest): void {
  if (!isGitRepo(req.root)) throw new UsageError(`--commit: ${req.root} is not a git checkout`);
  if (!req.identity)
    throw new UsageError(
      '--commit: set git config user.name and user.email (needed for Signed-off-by)',
    );
  if (!/^[A-Za-z0-9][A-Za-z0-9._/-]*$/.test(req.topic) || req.topic.includes('..')) {
    throw new UsageError(`--topic ${req.topic}: not a valid branch name`);
  }
  const exists = gitSync(
    req.root,
    ['rev-parse', '--verify', '--quiet', `refs/heads/${req.topic}`],
    { okCodes: [1] },
  ).trim();
  if (exists)
    throw new RefusedError(`branch ${req.topic} already exists in ${req.root}; pass --topic NAME`);
  const dirty = gitSync(req.root, ['status', '--porcelain', '--', req.file]).trim();
  if (dirty)
    throw new RefusedError(
      `${req.file} has uncommitted changes in ${req.root}; commit or discard them first`,
    );
}

/** New topic branch from HEAD, the file written, one signed-off commit of just that file. */
export function commitOnTopicBranch(req: CommitRequest): { branch: string; sha: string } {
  gitSync(req.root, ['checkout', '-q', '-b', req.topic]);
  writeFileAtomic(join(req.root, req.file), req.text);
  gitSync(req.root, ['add', '--', req.file]);
  gitSync(req.root, ['commit', '-q', '-F', '-', '--', req.file], { input: req.message });
  return { branch: req.topic, sha: gitSync(req.root, ['rev-parse', 'HEAD']).trim() };
}

export function defaultTopic(deliverable: string, version: string): string {
  return `release-${deliverable}-${version}`.replace(/[^A-Za-z0-9._-]/g, '-');
}

/**
 * `--write`: the edited file into the releases checkout; `--commit`: also
 * committed on a topic branch. Refuses while a commit to tag is unknown.
 */
export function applyProposal(
  ctx: Deps,
  input: ProposalInput,
  plan: ProposalView,
  opts: { readonly commit?: boolean; readonly topic?: string },
): WriteOutcome {
  if (plan.pendingHash)
    throw new UsageError(
      `no commit for ${input.deliverable}: pass --hash SHA or --repo DIR (or set clones-dir in liaison.yaml) before --write`,
    );
  return writeOrCommit(
    ctx,
    { ...plan, topic: defaultTopic(input.deliverable, plan.version), identity: input.identity },
    opts,
  );
}

/** The same for a branch-only request (`release propose DELIVERABLE branch`). */
export function applyBranchProposal(
  ctx: Deps,
  input: BranchInput,
  plan: BranchProposalView,
  opts: { readonly commit?: boolean; readonly topic?: string },
): WriteOutcome {
  const topic = `branch-${input.deliverable}-${plan.branch.name}`.replace(/[^A-Za-z0-9._-]/g, '-');
  return writeOrCommit(ctx, { ...plan, topic, identity: input.identity }, opts);
}

function writeOrCommit(
  ctx: Deps,
  edit: {
    readonly file: string;
    readonly text: string;
    readonly commitMessage: string;
    readonly topic: string;
    readonly identity: Identity | undefined;
  },
  opts: { readonly commit?: boolean; readonly topic?: string },
): WriteOutcome {
  const root = ctx.data.releases.tree.absolute('');
  if (!root)
    throw new UsageError(
      '--write needs a releases checkout: pass --releases-repo DIR (the embedded snapshot is read-only)',
    );
  if (!opts.commit) {
    writeFileAtomic(ctx.data.releases.where(edit.file), edit.text);
    return { written: true, commit: null };
  }
  const req = {
    root,
    file: edit.file,
    text: edit.text,
    message: edit.commitMessage,
    topic: opts.topic ?? edit.topic,
    identity: edit.identity,
  };
  checkCommitPossible(req);
  return { written: true, commit: commitOnTopicBranch(req) };
}

import { inertLine } from '../core/text.js';
import { postReview, reviewUrl } from '../sources/gerrit/review.js';
import type { HttpClient } from '../sources/http/client.js';
import type { GerritCredentials } from '../sources/gerrit/credentials.js';
import { short } from './plan-checks.js';
import type { ReviewDeliverable, ReviewRequest } from './plan.js';
import { plain } from './render.js';

/**
 * Answering a release request: the drafted message (what was checked,
 * and what was found) and the authenticated Code-Review post on the exact
 * revision that was reviewed — a newer patch set makes Gerrit refuse, so
 * a vote never lands on something nobody looked at.
 */

export type VoteValue = 1 | -1;

export function parseVoteValue(text: string): VoteValue | undefined {
  const t = text.trim();
  if (t === '+1' || t === '1') return 1;
  if (t === '-1') return -1;
  return undefined;
}

export function draftVoteMessage(
  r: ReviewRequest,
  value: VoteValue,
  userMessage: string | undefined,
): string {
  const lines: string[] = [];
  const own = userMessage?.trim();
  lines.push(
    own && own !== ''
      ? own
      : value > 0
        ? 'Thanks, this release looks right to the team.'
        : 'Please hold this release for now.',
  );
  lines.push('', `Checked with release-liaison on patch set ${r.patchset ?? '?'}:`);
  for (const d of r.deliverables) lines.push(...checkedLines(d));
  if (r.problems.length) {
    lines.push('Problems with the change:');
    for (const p of r.problems) lines.push(`- ${plain(p)}`);
  }
  return lines.join('\n');
}

function checkedLines(d: ReviewDeliverable): string[] {
  const out: string[] = [];
  if (!d.newVersion) {
    out.push(
      d.kind === 'branch-only'
        ? `* ${d.name}: branch-only request, creates ${d.branchesAdded.join(', ')}${d.oldVersion ? ` at the last release ${d.oldVersion}` : ''}`
        : `* ${d.name}: no new version${d.branchesAdded.length ? `; adds ${d.branchesAdded.join(', ')}` : ''}`,
    );
    for (const w of d.warnings) out.push(`  - note: ${plain(w)}`);
    return out;
  }
  out.push(
    `* ${d.name} ${d.newVersion}${d.oldVersion ? ` (${d.jump ?? 'step'} after ${d.oldVersion})` : ' (first release)'}${d.hash ? ` at ${short(d.hash)}` : ''}`,
  );
  for (const repo of d.repos) {
    const prefix = d.repos.length > 1 ? `${repo.repo}: ` : '';
    if (repo.onExpectedBranch === true)
      out.push(`  - ${prefix}the commit is on ${repo.expectedBranch ?? 'the expected branch'}`);
    if (repo.commitCount !== null) {
      const bugs = repo.closesBugs.length
        ? `, closing bug${repo.closesBugs.length === 1 ? '' : 's'} ${repo.closesBugs.map((b) => `#${b}`).join(', ')}`
        : '';
      out.push(
        `  - ${prefix}${repo.commitCount} commit${repo.commitCount === 1 ? '' : 's'} since ${d.oldVersion ?? 'the previous release'}${bugs}`,
      );
      const sections = [...new Set(repo.notes.flatMap((n) => n.sections))];
      out.push(
        `  - ${prefix}${repo.notes.length} release note${repo.notes.length === 1 ? '' : 's'} added${sections.length ? ` (${sections.join(', ')})` : ''}`,
      );
    }
  }
  const checked = d.repos.some((r) => r.commitCount !== null);
  if (
    checked &&
    !d.warnings.some((w) => /semantic versioning/.test(w)) &&
    d.jump &&
    ['major', 'minor', 'patch'].includes(d.jump)
  ) {
    out.push(`  - the ${d.jump} version step matches the changes`);
  }
  for (const w of d.warnings) out.push(`  - note: ${plain(w)}`);
  return out;
}

export interface VoteTarget {
  readonly project: string;
  readonly number: number;
  readonly revision: string;
}

export type VoteOutcome =
  { readonly ok: true } | { readonly ok: false; readonly status: number; readonly reason: string };

/** The review endpoint of the reviewed sha (a vote never lands on a newer patch set). */
export function voteUrl(baseUrl: string, t: VoteTarget): string {
  return reviewUrl(baseUrl, t, t.revision);
}

export function voteInput(value: VoteValue, message: string): Record<string, unknown> {
  return { message, labels: { 'Code-Review': value } };
}

export async function postVote(
  http: HttpClient,
  baseUrl: string,
  t: VoteTarget,
  value: VoteValue,
  message: string,
  creds: GerritCredentials,
): Promise<VoteOutcome> {
  const r = await postReview(
    http,
    voteUrl(baseUrl, t),
    voteInput(value, message),
    creds,
    explainVoteError,
  );
  return r.ok ? { ok: true } : r;
}

/** Gerrit's error texts are not a stable API: quoted, never parsed. */
export function explainVoteError(status: number, body: string): string {
  const said = inertLine(body, 200);
  const quote = said ? ` (Gerrit said: "${said}")` : '';
  switch (status) {
    case 401:
      return `Gerrit rejected the credentials (HTTP 401): check the username and the generated HTTP password${quote}`;
    case 403:
      return `Gerrit refused the vote (HTTP 403)${quote}`;
    case 404:
      return `the change or patch set is not visible to this account (HTTP 404)${quote}`;
    case 409:
      return `the change was merged, abandoned or got a new patch set (HTTP 409)${quote}; run \`liaison sync\` and review again`;
    default:
      return `Gerrit answered HTTP ${status}${quote}`;
  }
}

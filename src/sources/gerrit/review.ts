import { inertLine } from '../../core/text.js';
import type { HttpClient } from '../http/client.js';
import { changeId, gerritUrl, revisionId } from './ids.js';
import { HttpStatusError } from '../http/errors.js';
import type { GerritCredentials } from './credentials.js';

/**
 * Posting a Code-Review -2 with a message through Gerrit's authenticated
 * API (`/a/` + HTTP Basic). `strict_labels` is left at its default (true),
 * so a -2 the account may not give fails instead of being quietly lowered.
 */

export interface ReviewTarget {
  readonly project: string;
  readonly number: number;
}

export type ReviewOutcome =
  | { readonly ok: true; readonly labels: Readonly<Record<string, number>> }
  | { readonly ok: false; readonly status: number; readonly reason: string };

/**
 * The review endpoint of a change's `revision` (a sha; default the current
 * patch set). `<url-encoded project>~<number>` is the identifier Gerrit
 * recommends; each id is checked again (a store synced before ids were
 * checked) and each segment encoded.
 */
export function reviewUrl(baseUrl: string, change: ReviewTarget, revision?: string): string {
  return gerritUrl(
    baseUrl,
    'a',
    'changes',
    changeId(change.project, change.number),
    'revisions',
    revision === undefined ? 'current' : revisionId(revision),
    'review',
  );
}

export function reviewInput(message: string): Record<string, unknown> {
  return { message, labels: { 'Code-Review': -2 }, notify: 'OWNER_REVIEWERS' };
}

/** Gerrit's error text as one plain line (it is not a stable API; shown, never parsed beyond a hint). */
function oneLine(text: string): string {
  return inertLine(text, 200);
}

/** What an error answer means for the liaison, in words. */
export function explainReviewError(status: number, body: string, branch: string): string {
  const said = oneLine(body);
  const quote = said ? ` (Gerrit said: "${said}")` : '';
  switch (status) {
    case 401:
      return `Gerrit rejected the credentials (HTTP 401): check the username and the generated HTTP password${quote}`;
    case 403:
      if (/restricted|not permitted|may not|-2/i.test(said)) {
        return `your account may not vote Code-Review -2 on ${branch} (HTTP 403)${quote}; ask a core reviewer or the PTL to block it, or set Review-Priority -1`;
      }
      return `Gerrit refused the review (HTTP 403)${quote}`;
    case 404:
      return `the change is not visible to this account (HTTP 404)${quote}`;
    case 409:
      return `the change is closed or changed meanwhile (HTTP 409)${quote}`;
    default:
      return `Gerrit answered HTTP ${status}${quote}`;
  }
}

export async function postMinus2(
  http: HttpClient,
  baseUrl: string,
  change: ReviewTarget & { readonly branch: string },
  message: string,
  creds: GerritCredentials,
): Promise<ReviewOutcome> {
  return postReview(http, reviewUrl(baseUrl, change), reviewInput(message), creds, (status, body) =>
    explainReviewError(status, body, change.branch),
  );
}

/**
 * POSTs a review input with the account's HTTP password: the labels Gerrit
 * says it applied, or, for a refusal (4xx), its status and `explain`'s
 * words for it. A 5xx or a network failure is thrown (the source is down).
 */
export async function postReview(
  http: HttpClient,
  url: string,
  input: Record<string, unknown>,
  creds: GerritCredentials,
  explain: (status: number, body: string) => string,
): Promise<ReviewOutcome> {
  try {
    const r = await http.send<{ labels?: Record<string, number> }>('POST', url, input, {
      auth: { username: creds.username, password: creds.password },
    });
    const body = r.body;
    const labels =
      typeof body === 'object' && body !== null && typeof body.labels === 'object'
        ? body.labels
        : {};
    return { ok: true, labels };
  } catch (e) {
    if (e instanceof HttpStatusError && e.status < 500)
      return { ok: false, status: e.status, reason: explain(e.status, e.body) };
    throw e;
  }
}

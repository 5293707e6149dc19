import type { Deps } from '../core/deps.js';
import { RefusedError, UsageError } from '../core/errors.js';
import { loadGerritCredentials } from '../sources/gerrit/credentials.js';
import { httpSettings, resolveEndpoints } from '../sources/endpoints.js';
import { HttpClient } from '../sources/http/client.js';
import { buildReviewView } from './read.js';
import { parseChangeArg } from './plan-query.js';
import { findPostedVote, recordPostedVote } from './store.js';
import { draftVoteMessage, parseVoteValue, postVote } from './apply-vote.js';

/** What `liaison review vote` did (also its `--json`). */
export interface VoteResult {
  readonly number: number;
  readonly patchset: number | null;
  readonly revision: string;
  readonly value: number;
  readonly message: string;
  /** `dry-run`: nothing sent; `posted`; `already-posted`: the ledger had this revision. */
  readonly outcome: 'dry-run' | 'posted' | 'already-posted';
  readonly postedAt: string | null;
  readonly dataAsOf: string | null;
}

/** `liaison review vote`: the vote drafted, posted (--apply) or found in the ledger. */
export async function runVote(
  ctx: Deps,
  changeArg: string,
  valueArg: string,
  opts: { message?: string; apply?: boolean; credentials?: string; clones?: string },
): Promise<VoteResult> {
  const number = parseChangeArg(changeArg);
  if (number === undefined)
    throw new UsageError(
      `CHANGE: expected a change number or URL, got "${changeArg.slice(0, 80)}"`,
    );
  const value = parseVoteValue(valueArg);
  if (value === undefined)
    throw new UsageError(`VALUE: expected +1 or -1, got "${valueArg.slice(0, 20)}"`);
  const db = await ctx.store();
  const view = await buildReviewView(ctx, {
    db,
    ...(opts.clones !== undefined ? { clones: opts.clones } : {}),
  });
  const request = view.requests.find((r) => r.number === number);
  if (!request) {
    throw new UsageError(
      `change ${number} is not among the stored open release requests of ${view.team} (${view.dataLine}); run \`liaison sync\` or check the number`,
    );
  }
  const message = draftVoteMessage(request, value, opts.message);
  const base = {
    number,
    patchset: request.patchset,
    revision: request.revision,
    value,
    message,
    dataAsOf: view.dataAsOf,
  };
  const already = findPostedVote(db, number, request.revision);
  let result: VoteResult;
  if (already) {
    result = {
      ...base,
      value: already.value,
      message: already.message,
      outcome: 'already-posted',
      postedAt: already.postedAt,
    };
  } else if (!opts.apply) {
    result = { ...base, outcome: 'dry-run', postedAt: null };
  } else {
    const creds = loadGerritCredentials(ctx.env, ctx.cwd, opts.credentials);
    const endpoints = resolveEndpoints(ctx.config, ctx.env);
    const http = new HttpClient({
      ...httpSettings(ctx.config),
      now: () => ctx.now(),
      source: 'gerrit',
    });
    const outcome = await postVote(
      http,
      endpoints.gerrit,
      { project: request.project, number, revision: request.revision },
      value,
      message,
      creds,
    );
    if (!outcome.ok) throw new RefusedError(`change ${number}: ${outcome.reason}`);
    const postedAt = ctx.now().toISOString();
    recordPostedVote(db, {
      number,
      revision: request.revision,
      value,
      postedAt,
      postedBy: creds.username,
      message,
    });
    result = { ...base, outcome: 'posted', postedAt };
  }
  return result;
}

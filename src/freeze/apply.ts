import type { Deps } from '../core/deps.js';
import { RefusedError } from '../core/errors.js';
import { httpSettings, resolveEndpoints } from '../sources/endpoints.js';
import { loadGerritCredentials } from '../sources/gerrit/credentials.js';
import { postMinus2 } from '../sources/gerrit/review.js';
import { loadLedger, recordVote } from '../sources/gerrit/store.js';
import { HttpClient } from '../sources/http/client.js';
import type { FreezeChange, FreezeView } from './plan.js';
import { readFreezeConfig } from './read-config.js';

export interface VoteResult {
  readonly number: number;
  readonly outcome: 'posted' | 'failed' | 'skipped';
  readonly detail: string;
}

/** The changes a run would vote on, and why the others are left alone. */
export function votePlan(view: FreezeView): { post: FreezeChange[]; skipped: VoteResult[] } {
  const post: FreezeChange[] = [];
  const skipped: VoteResult[] = [];
  for (const c of view.changes) {
    if (c.class !== 'other' || c.draft === null) continue;
    if (c.posted)
      skipped.push({
        number: c.number,
        outcome: 'skipped',
        detail: `already voted by this tool on ${c.posted.at.slice(0, 10)}`,
      });
    else if (c.blockedBy)
      skipped.push({
        number: c.number,
        outcome: 'skipped',
        detail: `already has a Code-Review -2 from ${c.blockedBy}`,
      });
    else post.push(c);
  }
  return { post, skipped };
}

/**
 * Posts the drafted -2 votes, each once: the ledger is checked again just
 * before each post and written right after it, so a second run (or two
 * overlapping runs) never votes twice on a change. A refused vote (403:
 * the account may not give -2) is reported and left out of the ledger.
 */
export async function applyVotes(
  ctx: Deps,
  view: FreezeView,
  fetchFn?: typeof globalThis.fetch,
): Promise<VoteResult[]> {
  if (!view.active)
    throw new RefusedError(
      `the freeze is not active on ${view.today} (${view.phase}); no vote posted`,
    );
  const { post, skipped } = votePlan(view);
  if (post.length === 0) return skipped;
  const config = readFreezeConfig(ctx.config.freeze, ctx.loadedConfig.origin, ctx.env.HOME);
  const creds = loadGerritCredentials(ctx.env, ctx.cwd, config.credentialsFile);
  const db = await ctx.store();
  // a vote is a write: never retried, so a slow answer cannot turn into a second message
  const http = new HttpClient({
    ...httpSettings(ctx.config),
    retries: 0,
    source: 'gerrit',
    ...(fetchFn ? { fetch: fetchFn } : {}),
  });
  const base = resolveEndpoints(ctx.config, ctx.env).gerrit;
  const results: VoteResult[] = [...skipped];
  for (const c of post) {
    if (loadLedger(db).has(c.number)) {
      results.push({ number: c.number, outcome: 'skipped', detail: 'already voted by this tool' });
      continue;
    }
    let outcome;
    try {
      outcome = await postMinus2(http, base, c, c.draft ?? '', creds);
    } catch (e) {
      results.push({
        number: c.number,
        outcome: 'failed',
        detail: e instanceof Error ? e.message : String(e),
      });
      continue;
    }
    if (!outcome.ok) {
      results.push({ number: c.number, outcome: 'failed', detail: outcome.reason });
      continue;
    }
    recordVote(db, {
      number: c.number,
      project: c.project,
      branch: c.branch,
      postedAt: ctx.now().toISOString(),
      postedBy: creds.username,
      message: c.draft ?? '',
    });
    results.push({
      number: c.number,
      outcome: 'posted',
      detail: `Code-Review -2 posted as ${creds.username}`,
    });
  }
  return results.sort((a, b) => a.number - b.number);
}

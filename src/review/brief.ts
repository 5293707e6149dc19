import type { BriefSection } from '../brief/plan.js';
import type { Context } from '../cli/context.js';
import { existsSync } from 'node:fs';
import { humanDate } from '../core/dates.js';

/**
 * The review desk's block in the brief: how many release requests wait
 * for the team's +1 and the oldest, from the store only (no network, no
 * git). Absent when requests were never synced; marked stale when old.
 */
export async function reviewBriefSection(ctx: Context): Promise<BriefSection | undefined> {
  // cheap check first: on a machine that never synced, load none of the review code
  if (ctx.dbPath !== ':memory:' && !existsSync(ctx.dbPath)) return undefined;
  const [{ readSourceState }, { buildReviewView }, { plain, reviewSummaryLine }] =
    await Promise.all([import('../sources/state.js'), import('./read.js'), import('./render.js')]);
  const REVIEW_SOURCE = 'review'; // same id as the sync source in ./sync.ts
  const db = await ctx.store();
  if (!readSourceState(db, REVIEW_SOURCE)) return undefined;
  const view = await buildReviewView(ctx, { db, ships: false });
  const waiting = view.requests.filter((r) => !r.acknowledged && !r.held);
  const lines = [
    reviewSummaryLine(view),
    ...waiting.map(
      (r) =>
        `#${r.number} ${plain(r.subject)} — ${r.ageDays} day${r.ageDays === 1 ? '' : 's'} old${r.mergeBy ? `, merged by ${humanDate(r.mergeBy)} without an answer` : ''}`,
    ),
  ];
  if (waiting.length)
    lines.push(
      'run `liaison review` to see what each ships and `liaison review vote CHANGE +1` to answer',
    );
  return {
    id: 'review',
    title: 'Release requests',
    lines,
    stale: view.dataState === 'fresh' ? null : view.dataLine,
  };
}

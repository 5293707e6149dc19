import type { BriefSection } from '../brief/plan.js';
import type { Context } from '../cli/context.js';
import { humanDate } from '../core/dates.js';
import { readSourceState } from '../sources/state.js';
import { buildReviewView, storeExists } from './build.js';
import { plain, reviewSummaryLine } from './render.js';
import { REVIEW_SOURCE } from './sync.js';

/**
 * The review desk's block in the brief: how many release requests wait
 * for the team's +1 and the oldest, from the store only (no network, no
 * git). Absent when requests were never synced; marked stale when old.
 */
export async function reviewBriefSection(ctx: Context): Promise<BriefSection | undefined> {
  if (!storeExists(ctx)) return undefined;
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
  if (waiting.length) lines.push('run `liaison review` to see what each ships and `liaison review vote CHANGE +1` to answer');
  return { id: 'review', title: 'Release requests', lines, stale: view.dataState === 'fresh' ? null : view.dataLine };
}

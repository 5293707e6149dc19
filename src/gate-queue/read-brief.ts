import { existsSync } from 'node:fs';
import type { BriefSection } from '../brief/plan.js';
import type { Context } from '../cli/context.js';

/**
 * The gate's advice in the brief: a team deadline less than a week before
 * a cross-project milestone after a slow gate before the last one. Absent
 * when there is nothing to advise (or nothing was ever synced).
 */
export async function queueBriefSection(ctx: Context): Promise<BriefSection | undefined> {
  if (ctx.dbPath !== ':memory:' && !existsSync(ctx.dbPath)) return undefined;
  const [{ buildGateQueueView }, { adviceLine }] = await Promise.all([
    import('./read.js'),
    import('./render.js'),
  ]);
  const view = await buildGateQueueView(ctx);
  if (view.advice.length === 0) return undefined;
  const src = view.sources.buildsets;
  return {
    id: 'gate-queue',
    title: 'Gate load near deadlines',
    lines: view.advice.map(adviceLine),
    stale: src.state === 'fresh' ? null : src.line,
  };
}

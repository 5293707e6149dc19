import { hasStore, type Deps } from '../core/deps.js';
import type { QueueAdvice } from './plan-queue.js';
import { buildGateQueueView } from './read-queue.js';

/**
 * The gate's advice for the brief: a team deadline less than a week before
 * a cross-project milestone after a slow gate before the last one. Empty
 * when nothing was ever synced.
 */
export async function readGateAdvice(ctx: Deps): Promise<readonly QueueAdvice[]> {
  if (!hasStore(ctx)) return [];
  return (await buildGateQueueView(ctx)).advice;
}

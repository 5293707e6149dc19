import type { Context } from '../cli/context.js';
import { RefusedError } from '../core/errors.js';
import { applyTask, type ApplyResult } from './apply.js';
import { buildPostFinal, type PostFinalOptions, type PostFinalView } from './read.js';

export interface PostFinalRun extends PostFinalView {
  readonly mode: 'dry-run' | 'write' | 'commit';
  readonly applied: readonly ApplyResult[];
}

/**
 * Plans the tasks; with --write/--commit applies the pending ones. Asked to
 * write when nothing is pending (already up to date, or no clone), it
 * refuses (exit 1) instead of pretending.
 */
export function runPostFinal(
  ctx: Context,
  opts: PostFinalOptions & { write?: boolean; commit?: boolean },
): PostFinalRun {
  const view = buildPostFinal(ctx, opts);
  const mode = opts.commit ? 'commit' : opts.write ? 'write' : 'dry-run';
  if (mode === 'dry-run') return { ...view, mode, applied: [] };
  const pending = view.tasks.filter((t) => t.status === 'pending');
  if (pending.length === 0) {
    const why = view.tasks.map((t) => `${t.id}: ${t.detail}`).join('; ') || 'no post-final tasks';
    throw new RefusedError(`nothing to ${mode}: ${why}`);
  }
  const applied = pending.map((t) => applyTask(t, { commit: mode === 'commit' }));
  return { ...view, mode, applied };
}

import { mkdirSync, renameSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { gitSync } from '../git/run.js';
import { RefusedError } from '../core/errors.js';
import type { Deps } from '../core/deps.js';
import type { ApplyResult, PostFinalOptions, PostFinalRun, TaskPlan } from './plan.js';
import { buildPostFinal } from './read.js';

/**
 * Writes a pending task's changes into its clone, and with `commit` makes
 * the commit the team uses (subject + Signed-off-by of the git identity).
 * Refuses to commit over staged work, so the commit holds only this change.
 */
export function applyTask(plan: TaskPlan, opts: { commit: boolean }): ApplyResult {
  const dir = plan.dir;
  if (plan.status !== 'pending' || !dir)
    throw new RefusedError(`${plan.id}: nothing to apply (${plan.detail})`);
  if (opts.commit) {
    const staged = gitSync(dir, ['diff', '--cached', '--name-only']).trim();
    if (staged)
      throw new RefusedError(
        `${dir} has staged changes (${staged.split('\n').join(', ')}); commit or unstage them first`,
      );
  }
  const written: string[] = [];
  for (const c of plan.changes) {
    if (c.kind === 'edit') {
      writeFileSync(join(dir, c.path), c.after);
      written.push(c.path);
    } else {
      mkdirSync(dirname(join(dir, c.to)), { recursive: true });
      if (opts.commit) gitSync(dir, ['mv', c.path, c.to]);
      else renameSync(join(dir, c.path), join(dir, c.to));
      written.push(c.to);
    }
  }
  if (!opts.commit) return { id: plan.id, written, commit: null };
  // moves are staged by git mv; edits are added by path so nothing else rides along
  const edited = plan.changes.flatMap((c) => (c.kind === 'edit' ? [c.path] : []));
  if (edited.length) gitSync(dir, ['add', '--', ...edited]);
  gitSync(dir, ['commit', '-q', '--signoff', '-m', plan.message ?? plan.title]);
  return { id: plan.id, written, commit: gitSync(dir, ['rev-parse', 'HEAD']).trim() };
}

/**
 * Plans the tasks; with --write/--commit applies the pending ones. Asked to
 * write when nothing is pending (already up to date, or no clone), it
 * refuses (exit 1) instead of pretending.
 */
export function runPostFinal(
  ctx: Deps,
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

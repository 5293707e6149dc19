import type { Colors } from '../core/terminal.js';
import type { ApplyResult, PostFinalView } from './plan.js';

export function renderPostFinalText(
  v: PostFinalView & { applied?: readonly ApplyResult[]; mode?: string },
  c: Colors,
): string {
  const out: string[] = [];
  const after = v.released ? `after ${v.released.name} (${v.released.id})` : '';
  const next = v.next.name
    ? `${v.next.name} (${v.next.id})`
    : `${v.next.id} (beyond the releases data: id computed, name not chosen yet)`;
  out.push(c.bold(`${v.team} post-final tasks ${after}, preparing ${next}`));
  if (v.tasks.length === 0)
    out.push(
      '  no post-final tasks for this team (declare some under post-final.tasks in liaison.yaml)',
    );
  for (const t of v.tasks) {
    const mark =
      t.status === 'done'
        ? c.green('up to date')
        : t.status === 'pending'
          ? c.yellow('to do')
          : c.dim('not available');
    out.push('');
    out.push(`${c.bold(t.id)}  ${t.title}  [${mark}]`);
    out.push(`  ${t.detail}`);
    if (t.dir) out.push(c.dim(`  clone: ${t.dir}`));
    if (t.diff)
      out.push(
        ...t.diff
          .trimEnd()
          .split('\n')
          .map((l) => `  ${l}`),
      );
    if (t.status === 'pending' && t.message)
      out.push(`  commit message: ${t.message}  (+ Signed-off-by)`);
  }
  out.push('');
  for (const a of v.applied ?? []) {
    out.push(
      a.commit
        ? `${a.id}: committed ${a.commit.slice(0, 12)} (${a.written.join(', ')})`
        : `${a.id}: wrote ${a.written.join(', ')}`,
    );
  }
  if (v.mode === 'dry-run' && v.tasks.some((t) => t.status === 'pending')) {
    out.push(c.dim('dry run: --write changes the files, --commit also commits them'));
  }
  return out.join('\n');
}

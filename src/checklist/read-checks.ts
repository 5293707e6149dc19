import type { Deps } from '../core/deps.js';
import type { ExternalCheckKind } from './plan-checks.js';
import type { CheckResult } from './plan.js';

/** The capability each external check asks, named in "failed"/"not available" evidence. */
const CAPABILITY: Record<ExternalCheckKind, string> = {
  'libraries-released': 'release status (liaison release status)',
  prelude: 'release notes check (liaison notes check)',
  goals: 'community goals (liaison goals)',
};

/**
 * A check another capability answers, from its own view (through
 * `ctx.views`): a missing or failing capability makes the check
 * "unavailable" with the reason, never the checklist broken.
 */
export async function externalCheck(
  ctx: Deps,
  kind: ExternalCheckKind,
  item: { readonly deliverable?: string; readonly due: string },
): Promise<CheckResult> {
  try {
    if (kind === 'libraries-released') return await librariesReleased(ctx, item.due);
    if (kind === 'prelude') return await preludeCheck(ctx, item.deliverable ?? 'glance');
    return await goalsCheck(ctx);
  } catch (e) {
    return {
      status: 'unavailable',
      evidence: `${CAPABILITY[kind]} failed: ${(e as Error).message}`,
    };
  }
}

/** Milestone coverage of the team's libraries from `liaison release status`: the window that ends at or after `due`. */
async function librariesReleased(ctx: Deps, due: string): Promise<CheckResult> {
  const view = await ctx.views.releaseStatus(ctx);
  const rows = view.coverage.rows;
  if (rows.length === 0)
    return { status: 'unavailable', evidence: `no library coverage for ${view.series}` };
  const found = rows.map((row) => {
    const w = row.windows.find((x) => x.to >= due) ?? row.windows[row.windows.length - 1];
    return { name: row.deliverable, window: w };
  });
  const bad = found.filter(
    (f) => !f.window || !['released', 'no-changes', 'not-planned'].includes(f.window.state),
  );
  const words = found.map(
    (f) =>
      `${f.name} ${f.window ? `${f.window.label}: ${f.window.state}${f.window.releases.length ? ` (${f.window.releases.join(', ')})` : ''}` : 'no window'}`,
  );
  if (bad.length === 0) return { status: 'pass', evidence: words.join('; ') };
  // unknown changes, or data too old to tell: not a failure
  if (bad.every((f) => f.window?.state === 'unknown' || f.window?.state === 'unconfirmed'))
    return { status: 'unavailable', evidence: words.join('; ') };
  return { status: 'fail', evidence: words.join('; ') };
}

/** The release-notes prelude check of `liaison notes check`, on the deliverable's clone. */
async function preludeCheck(ctx: Deps, deliverable: string): Promise<CheckResult> {
  const c = await ctx.views.notesPrelude(ctx, deliverable);
  if (!c)
    return {
      status: 'unavailable',
      evidence: `no clone of ${deliverable} (deliverables.${deliverable}.clone or clones-dir)`,
    };
  return { status: c.ok ? 'pass' : 'fail', evidence: c.summary };
}

/** Goals of the series with a status other than done/not-applicable mean work is left. */
async function goalsCheck(ctx: Deps): Promise<CheckResult> {
  const v = await ctx.views.goals(ctx);
  if (v.goals.length === 0)
    return { status: 'pass', evidence: `no community goals for ${v.series}` };
  const open = v.goals.filter((g) => !['done', 'not-applicable', 'completed'].includes(g.status));
  const words = v.goals.map((g) => `${g.id}: ${g.status}`).join('; ');
  return open.length === 0
    ? { status: 'pass', evidence: words }
    : { status: 'fail', evidence: words };
}

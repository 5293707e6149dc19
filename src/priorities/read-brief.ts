import type { BriefSection } from '../brief/plan.js';
import type { Context } from '../cli/context.js';
import { LiaisonError } from '../core/errors.js';

/**
 * The priorities' block in the brief (and the meeting): "Priorities for
 * milestone N: X of Y merged, at risk: …", overdue ones, and the number of
 * feature-freeze exception drafts in the freeze week. Absent when the team
 * has neither a specs repository nor config priorities.
 */
export async function prioritiesBriefSection(ctx: Context): Promise<BriefSection | undefined> {
  // cheap check first: a team without specs repository or config priorities loads none of this
  const { locateSpecsRepo } = await import('./read-specs-repo.js');
  if (!ctx.config.priorities?.length && !safeLocate(() => locateSpecsRepo(ctx))) return undefined;
  const [{ buildPrioritiesView }, { prioritiesLine }] = await Promise.all([
    import('./read.js'),
    import('./render.js'),
  ]);
  let view: Awaited<ReturnType<typeof buildPrioritiesView>>;
  try {
    view = await buildPrioritiesView(ctx);
  } catch (e) {
    // the brief still shows; the section says why it is empty
    if (!(e instanceof LiaisonError)) throw e;
    return { id: 'priorities', title: 'Cycle priorities', lines: [], stale: e.message };
  }
  const line = prioritiesLine(view);
  const lines = line ? [line] : [`no priorities for ${view.series} yet`];
  if (view.ffeDrafts.length)
    lines.push(
      `feature freeze ${view.featureFreeze.date ?? ''}: ${view.ffeDrafts.length} exception request${view.ffeDrafts.length === 1 ? '' : 's'} drafted — run \`liaison priorities\``,
    );
  const stale = [view.sources.launchpad, view.sources.gerrit].filter((s) => s.state !== 'fresh');
  return {
    id: 'priorities',
    title: 'Cycle priorities',
    lines,
    stale: stale.length ? stale.map((s) => s.line).join('; ') : null,
  };
}

/** A configured specs path that is no checkout is the priorities command's error to report, not the brief's. */
function safeLocate(f: () => unknown): unknown {
  try {
    return f();
  } catch {
    return null;
  }
}

/**
 * The `{priorities}` text of the milestone reminder: the milestone's line
 * and one line per priority targeted to it; null when it has none.
 */
export async function prioritiesOfMilestone(ctx: Context, n: number): Promise<string | null> {
  const { locateSpecsRepo } = await import('./read-specs-repo.js');
  if (!ctx.config.priorities?.length && !safeLocate(() => locateSpecsRepo(ctx))) return null;
  const [{ buildPrioritiesView }, { prioritiesLine }] = await Promise.all([
    import('./read.js'),
    import('./render.js'),
  ]);
  let view: Awaited<ReturnType<typeof buildPrioritiesView>>;
  try {
    view = await buildPrioritiesView(ctx);
  } catch (e) {
    if (e instanceof LiaisonError) return null;
    throw e;
  }
  const m = view.milestones.find((x) => x.number === n);
  const line = m ? prioritiesLine(view, m) : null;
  if (!m || !line) return null;
  const mine = view.priorities.filter((p) => p.milestone === m.name);
  return [
    `${line}.`,
    '',
    ...mine.map(
      (p) =>
        `  - ${p.title} (${p.name}): ${p.state}${p.atRisk ? ', at risk' : ''}, ${p.changes.open} open / ${p.changes.merged} merged change${p.changes.merged === 1 ? '' : 's'}${p.owner ? `, ${p.owner}` : ''}`,
    ),
  ].join('\n');
}

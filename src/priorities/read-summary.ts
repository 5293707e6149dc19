import type { Deps } from '../core/deps.js';
import { LiaisonError } from '../core/errors.js';
import { summarizePriorities, type PrioritiesSummary, type PrioritiesView } from './plan.js';
import { buildPrioritiesView } from './read.js';
import { locateSpecsRepo } from './read-specs-repo.js';

/**
 * The team's priorities for other views (brief, meeting, milestone
 * reminder): null when the team has neither a specs repository nor config
 * priorities, so those views stay as they were for such a team.
 */
export async function readTeamPriorities(ctx: Deps): Promise<PrioritiesView | null> {
  if (!ctx.config.priorities?.length) {
    let repo: unknown = null;
    try {
      repo = locateSpecsRepo(ctx);
    } catch {
      // a configured path that is no checkout: `liaison priorities` names the problem
    }
    if (!repo) return null;
  }
  return buildPrioritiesView(ctx);
}

/** The brief's block: the current milestone's summary; a read error becomes its stale note. */
export async function readPrioritiesSummary(ctx: Deps): Promise<PrioritiesSummary | null> {
  try {
    const view = await readTeamPriorities(ctx);
    return view ? summarizePriorities(view) : null;
  } catch (e) {
    if (!(e instanceof LiaisonError)) throw e;
    return {
      series: '',
      milestone: null,
      risks: [],
      overdue: [],
      ffeDrafts: 0,
      featureFreeze: null,
      stale: [e.message],
    };
  }
}

import type { Deps } from '../core/deps.js';
import type { Series } from '../data/releases/series.js';
import type { SourceAge } from '../sources/age.js';
import { safeUrl } from '../core/text.js';
import type { StoredTask } from '../sources/launchpad/store.js';
import { CLOSED_STATUSES, rcTag } from '../sources/launchpad/vocabulary.js';
import { teamDeliverables } from '../team/plan.js';

export {
  CLOSED_STATUSES,
  OPEN_STATUSES,
  nextMilestone,
  rcTag,
} from '../sources/launchpad/vocabulary.js';

/**
 * The bug rules, as pure functions over stored Launchpad data: which
 * milestone is next, which bugs are release-critical, and one row per bug
 * however many tasks (projects, series) it has.
 */

const IMPORTANCE_ORDER = ['Critical', 'High', 'Medium', 'Low', 'Wishlist', 'Undecided', 'Unknown'];

export interface BugItem {
  readonly id: number;
  readonly title: string;
  /** The first watched project the bug affects (config order). */
  readonly project: string;
  /** Every watched project it affects. */
  readonly projects: readonly string[];
  readonly status: string;
  readonly importance: string;
  readonly tags: readonly string[];
  readonly milestone: string | null;
  readonly rcCritical: boolean;
  readonly targeted: boolean;
  readonly fixCommitted: boolean;
  /** Why the bug is listed, in words. */
  readonly reasons: readonly string[];
  readonly url: string;
}

export interface BugRules {
  readonly codename: string;
  /** Project → name of its next milestone. */
  readonly nextMilestones: ReadonlyMap<string, string | undefined>;
  /** Watched projects in config order. */
  readonly projects: readonly string[];
}

/** The view of `liaison bugs` (terminal, --json and the dashboard render this same object). */
export interface BugsView {
  readonly team: string;
  readonly series: string;
  readonly rcTag: string;
  readonly today: string;
  readonly projects: readonly {
    readonly name: string;
    readonly nextMilestone: string | null;
    readonly syncedAt: string | null;
  }[];
  readonly bugs: readonly BugItem[];
  readonly counts: {
    readonly rcCritical: number;
    readonly targeted: number;
    readonly fixCommitted: number;
  };
  /** When the oldest project's data was fetched; null when there is none (a project never synced has `syncedAt: null`). */
  readonly dataAsOf: string | null;
  readonly freshness: SourceAge;
}

/**
 * One row per bug. The first task (in project order) gives status,
 * importance and milestone; a bug is release-critical when it is open and
 * tagged `<codename>-rc-potential` or of Critical importance in any task.
 */
export function planBugs(tasks: readonly StoredTask[], rules: BugRules): BugItem[] {
  const tag = rcTag(rules.codename);
  const order = (p: string) => {
    const i = rules.projects.indexOf(p);
    return i < 0 ? rules.projects.length : i;
  };
  const byBug = new Map<number, StoredTask[]>();
  for (const t of [...tasks].sort((a, b) => order(a.project) - order(b.project))) {
    const list = byBug.get(t.bugId) ?? [];
    list.push(t);
    byBug.set(t.bugId, list);
  }
  const items: BugItem[] = [];
  for (const [id, list] of byBug) {
    const first = list[0];
    if (!first) continue;
    const tags = first.tags ?? [];
    const reasons: string[] = [];
    const open = (t: StoredTask) => !CLOSED_STATUSES.has(t.status);
    const tagged = tags.includes(tag) && list.some(open);
    const critical = list.some((t) => open(t) && t.importance === 'Critical');
    if (tagged) reasons.push(`tagged ${tag}`);
    if (critical) reasons.push('importance Critical');
    const targetedTask = list.find(
      (t) => t.milestone !== undefined && t.milestone === rules.nextMilestones.get(t.project),
    );
    if (targetedTask) reasons.push(`targeted to ${targetedTask.milestone}`);
    const fixCommitted = list.some((t) => t.status === 'Fix Committed');
    if (fixCommitted) reasons.push('Fix Committed, not released yet');
    if (reasons.length === 0) continue;
    items.push({
      id,
      title: first.bugTitle ?? first.title,
      project: first.project,
      projects: [...new Set(list.map((t) => t.project))],
      status: first.status,
      importance: first.importance,
      tags,
      milestone: (targetedTask ?? first).milestone ?? null,
      rcCritical: tagged || critical,
      targeted: targetedTask !== undefined,
      fixCommitted,
      reasons,
      // a link from the source is shown only when it is http(s); else Launchpad's own page of the bug
      url: safeUrl(first.webLink) ?? `https://bugs.launchpad.net/bugs/${id}`,
    });
  }
  return items.sort(
    (a, b) =>
      Number(b.rcCritical) - Number(a.rcCritical) ||
      rank(a.importance) - rank(b.importance) ||
      a.id - b.id,
  );
}

function rank(importance: string): number {
  const i = IMPORTANCE_ORDER.indexOf(importance);
  return i < 0 ? IMPORTANCE_ORDER.length : i;
}

export interface BugsOptions {
  /** Series name or id; default: the series at --date. */
  readonly series?: string;
  /** Only the release-critical bugs (the freeze guard's question). */
  readonly onlyRcCritical?: boolean;
}

declare module '../core/deps.js' {
  interface Views {
    /** `liaison bugs`: the team's bugs for the next milestone and release-critical ones, from the store. */
    bugs(ctx: Deps, opts?: BugsOptions): Promise<BugsView>;
  }
}

/**
 * Launchpad projects to watch: config `launchpad:`, else the `launchpad`
 * keys of the team's deliverables. The bugs view and the priorities'
 * blueprints watch the same projects.
 */
export function launchpadProjects(ctx: Deps, series: Series): string[] {
  if (ctx.config.launchpad && ctx.config.launchpad.length > 0)
    return [...new Set(ctx.config.launchpad)];
  const ds = teamDeliverables(
    ctx.team,
    ctx.calendarInput.series,
    series.name,
    ctx.data.releases,
    ctx.config,
  );
  return [...new Set(ds.map((d) => d.launchpad).filter((l): l is string => !!l))];
}

import type { Context } from '../cli/context.js';
import { seriesTitle } from '../data/releases/series.js';
import { buildBugsView } from '../bugs/read.js';
import { sourceAge, type SourceAge } from '../sources/age.js';
import { resolveEndpoints } from '../sources/endpoints.js';
import { loadChangeSnapshot, loadLedger } from '../sources/gerrit/store.js';
import { classifyChange, type ChangeClass, type ReleaseCriticalBug } from './plan-classify.js';
import { readFreezeConfig } from './read-config.js';
import { draftMinus2 } from './plan-draft.js';
import { freezeScope } from './read-scope.js';
import type { FreezePhase, RcRelease } from './plan-window.js';

export interface FreezeChange {
  readonly number: number;
  readonly project: string;
  readonly branch: string;
  readonly subject: string;
  readonly class: ChangeClass;
  readonly reason: string;
  /** The Code-Review -2 message for `other` changes; null otherwise. */
  readonly draft: string | null;
  readonly owner: string | null;
  readonly workInProgress: boolean;
  /** Who already holds a Code-Review -2 on it, if anyone. */
  readonly blockedBy: string | null;
  /** When this tool posted its -2 (from the ledger). */
  readonly posted: { readonly at: string; readonly by: string } | null;
  readonly url: string;
}

export interface FreezeView {
  readonly team: string;
  readonly series: string;
  readonly seriesId: string;
  readonly today: string;
  readonly active: boolean;
  readonly phase: FreezePhase;
  readonly stableBranch: string;
  readonly rc1Date: string | null;
  readonly finalDate: string | null;
  readonly finalRcDeadline: string | null;
  readonly rcCount: number;
  readonly rcs: readonly RcRelease[];
  readonly lastRc: RcRelease | null;
  readonly daysSinceLastRc: number | null;
  readonly warnings: readonly string[];
  readonly projects: readonly string[];
  readonly branches: readonly string[];
  readonly rcTag: string;
  readonly rcBugs: readonly ReleaseCriticalBug[];
  readonly changes: readonly FreezeChange[];
  readonly counts: {
    readonly automated: number;
    readonly releaseCritical: number;
    readonly other: number;
  };
  /** When the open changes shown were fetched; null when there are none stored. */
  readonly dataAsOf: string | null;
  readonly sources: { readonly gerrit: SourceAge; readonly launchpad: SourceAge };
}

const CLASS_ORDER: Record<ChangeClass, number> = { other: 0, 'release-critical': 1, automated: 2 };

export async function buildFreezeView(
  ctx: Context,
  opts: { series?: string } = {},
): Promise<FreezeView> {
  const db = await ctx.store();
  const scope = freezeScope(ctx, { ...opts, db });
  const w = scope.window;
  const config = readFreezeConfig(ctx.config.freeze, ctx.loadedConfig.origin, ctx.io.env.HOME);
  const bugs = await buildBugsView(ctx, {
    ...(opts.series ? { series: opts.series } : {}),
    onlyRcCritical: true,
  });
  const rcBugs = bugs.bugs
    .filter((b) => b.rcCritical)
    .map((b): ReleaseCriticalBug => ({ id: b.id, why: b.reasons.slice(0, 2).join(', ') }));
  const rcMap = new Map(rcBugs.map((b) => [b.id, b]));
  const snapshot = scope.query ? loadChangeSnapshot(db, scope.query) : undefined;
  const ledger = loadLedger(db);
  const gerritBase = resolveEndpoints(ctx.config, ctx.io.env).gerrit;
  const channel = ctx.team.ircChannel ? `#${ctx.team.ircChannel.replace(/^#/, '')}` : undefined;
  const changes: FreezeChange[] = !w.active
    ? []
    : (snapshot?.changes ?? [])
        .filter((c) => scope.branches.includes(c.branch))
        .map((c) => {
          const k = classifyChange(c, rcMap, config.bots);
          const entry = ledger.get(c.number);
          return {
            number: c.number,
            project: c.project,
            branch: c.branch,
            subject: c.subject,
            class: k.class,
            reason: k.reason,
            draft:
              k.class === 'other'
                ? draftMinus2({
                    branch: c.branch,
                    stableBranch: w.stableBranch,
                    seriesTitle: seriesTitle(w.series),
                    rcTag: scope.rcTag,
                    ...(w.finalDate ? { finalDate: w.finalDate } : {}),
                    ...(channel ? { channel } : {}),
                  })
                : null,
            owner: c.owner.username ?? c.owner.name ?? null,
            workInProgress: c.workInProgress,
            blockedBy: c.codeReviewRejectedBy ?? null,
            posted: entry ? { at: entry.postedAt, by: entry.postedBy } : null,
            url: `${gerritBase.replace(/\/+$/, '')}/c/${c.project}/+/${c.number}`,
          };
        })
        .sort(
          (a, b) =>
            CLASS_ORDER[a.class] - CLASS_ORDER[b.class] ||
            a.branch.localeCompare(b.branch) ||
            a.number - b.number,
        );
  return {
    team: ctx.team.name,
    series: w.series,
    seriesId: w.seriesId,
    today: ctx.today,
    active: w.active,
    phase: w.phase,
    stableBranch: w.stableBranch,
    rc1Date: w.rc1Date ?? null,
    finalDate: w.finalDate ?? null,
    finalRcDeadline: w.finalRcDeadline ?? null,
    rcCount: w.rcCount,
    rcs: w.deliverables.flatMap((d) => d.rcs),
    lastRc: w.lastRc ?? null,
    daysSinceLastRc: w.daysSinceLastRc ?? null,
    warnings: w.warnings,
    projects: scope.projects,
    branches: scope.branches,
    rcTag: scope.rcTag,
    rcBugs,
    changes,
    counts: {
      automated: changes.filter((c) => c.class === 'automated').length,
      releaseCritical: changes.filter((c) => c.class === 'release-critical').length,
      other: changes.filter((c) => c.class === 'other').length,
    },
    dataAsOf: snapshot?.syncedAt ?? null,
    sources: {
      gerrit: sourceAge(db, 'gerrit', ctx.today, { title: 'Gerrit' }),
      launchpad: sourceAge(db, 'launchpad', ctx.today, { title: 'Launchpad' }),
    },
  };
}

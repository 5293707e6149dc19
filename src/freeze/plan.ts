import type { Deps } from '../core/deps.js';
import { seriesTitle } from '../data/releases/series.js';
import type { BugItem } from '../bugs/plan.js';
import type { SourceAge } from '../sources/age.js';
import type { GerritChange } from '../sources/gerrit/parse.js';
import type { LedgerEntry } from '../sources/gerrit/store.js';
import {
  classifyChange,
  type BotAccounts,
  type ChangeClass,
  type ReleaseCriticalBug,
} from './plan-classify.js';
import { draftMinus2 } from './plan-draft.js';
import type { FreezePhase, RcRelease } from './plan-window.js';
import type { FreezeScope } from './read-scope.js';

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

/** What the freeze guard plans from: everything read beforehand (read.ts). */
export interface FreezeInput {
  readonly team: string;
  readonly today: string;
  readonly scope: FreezeScope;
  readonly bots: BotAccounts;
  /** The series' release-critical bugs (the bugs capability's view). */
  readonly bugs: readonly BugItem[];
  /** Open changes of the stored Gerrit snapshot, and when it was taken. */
  readonly changes: readonly GerritChange[];
  readonly syncedAt: string | null;
  /** -2 votes this tool posted, by change number. */
  readonly ledger: ReadonlyMap<number, LedgerEntry>;
  readonly gerritBase: string;
  /** The team's IRC channel (`#glance`), named in the -2 message. */
  readonly channel?: string;
  readonly sources: FreezeView['sources'];
}

export interface FreezeOptions {
  /** Series name or id; default: the series at --date. */
  readonly series?: string;
}

declare module '../core/deps.js' {
  interface Views {
    /** `liaison freeze`: open changes classified after RC1, with the drafted -2 messages. */
    freeze(ctx: Deps, opts?: FreezeOptions): Promise<FreezeView>;
  }
}

const CLASS_ORDER: Record<ChangeClass, number> = { other: 0, 'release-critical': 1, automated: 2 };

/** Pure: the freeze view from the scope, the RC bugs and the stored open changes. */
export function planFreeze(input: FreezeInput): FreezeView {
  const { scope, channel } = input;
  const w = scope.window;
  const rcBugs = input.bugs
    .filter((b) => b.rcCritical)
    .map((b): ReleaseCriticalBug => ({ id: b.id, why: b.reasons.slice(0, 2).join(', ') }));
  const rcMap = new Map(rcBugs.map((b) => [b.id, b]));
  const { ledger, gerritBase } = input;
  const changes: FreezeChange[] = !w.active
    ? []
    : input.changes
        .filter((c) => scope.branches.includes(c.branch))
        .map((c) => {
          const k = classifyChange(c, rcMap, input.bots);
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
    team: input.team,
    series: w.series,
    seriesId: w.seriesId,
    today: input.today,
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
    dataAsOf: input.syncedAt,
    sources: input.sources,
  };
}

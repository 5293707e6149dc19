import type { Deps } from '../core/deps.js';
import type { IsoDate } from '../core/dates.js';
import type { ReviewView } from './plan.js';

/** A request that waits for the team's answer, as the brief lists it. */
export interface ReviewWaiting {
  readonly number: number;
  readonly subject: string;
  readonly url: string;
  readonly ageDays: number;
  /** When it merges without an answer (the release team's deadline), if known. */
  readonly mergeBy: IsoDate | null;
}

/** The review desk in the brief: how many requests are open, which wait for the team, how old the data is. */
export interface ReviewSummary {
  readonly open: number;
  readonly waiting: readonly ReviewWaiting[];
  readonly oldestWaitingDays: number | null;
  readonly dataAsOf: string | null;
  readonly dataState: ReviewView['dataState'];
  readonly dataLine: string;
  /** Every open request's deliverable changes: what makes a release action `proposed`. */
  readonly requests: readonly ReviewRequestChanges[];
}

/** What an open request adds to which deliverable files. */
export interface ReviewRequestChanges {
  readonly number: number;
  readonly created: IsoDate;
  readonly deliverables: readonly {
    readonly name: string;
    readonly series: string;
    readonly oldVersion: string | null;
    readonly newVersion: string | null;
    readonly branchesAdded: readonly string[];
  }[];
}

export function summarizeReview(v: ReviewView): ReviewSummary {
  return {
    open: v.requests.length,
    waiting: v.requests
      .filter((r) => !r.acknowledged && !r.held)
      .map((r) => ({
        number: r.number,
        subject: r.subject,
        url: r.url,
        ageDays: r.ageDays,
        mergeBy: r.mergeBy,
      })),
    oldestWaitingDays: v.oldestWaitingDays,
    dataAsOf: v.dataAsOf,
    dataState: v.dataState,
    dataLine: v.dataLine,
    requests: v.requests.map((r) => ({
      number: r.number,
      created: r.created,
      deliverables: r.deliverables.map((d) => ({
        name: d.name,
        series: d.series,
        oldVersion: d.oldVersion,
        newVersion: d.newVersion,
        branchesAdded: d.branchesAdded,
      })),
    })),
  };
}

declare module '../core/deps.js' {
  interface Views {
    /** The review desk for the brief, from the store only; null when requests were never synced. */
    reviewSummary(ctx: Deps): Promise<ReviewSummary | null>;
  }
}

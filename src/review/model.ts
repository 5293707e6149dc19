import type { IsoDate } from '../core/dates.js';

/**
 * The review desk's data, from the stored Gerrit snapshot of open
 * openstack/releases changes to the view every face renders (terminal,
 * `--json`, brief, dashboard, meeting report).
 */

export interface Account {
  readonly name?: string;
  readonly email?: string;
  readonly username?: string;
}

/** A Code-Review vote standing on the change. */
export interface StoredVote {
  readonly account: Account;
  readonly value: number;
}

export interface StoredMessage {
  readonly author?: Account;
  /** ISO instant. */
  readonly date: string;
  readonly text: string;
}

/** A file the current revision touches (`/revisions/{rev}/files`; `/COMMIT_MSG` left out). */
export interface StoredFile {
  readonly path: string;
  /** Gerrit's FileInfo status: A added, D deleted, R renamed, C copied, W rewritten, M modified (absent in Gerrit). */
  readonly status: 'A' | 'D' | 'R' | 'C' | 'W' | 'M';
  readonly oldPath?: string;
}

/** One open openstack/releases change as the sync stored it. */
export interface StoredRequest {
  readonly number: number;
  readonly project: string;
  readonly branch: string;
  readonly subject: string;
  readonly topic?: string;
  readonly workInProgress: boolean;
  readonly owner: Account;
  /** ISO instants. */
  readonly created: string;
  readonly updated?: string;
  readonly revision: string;
  readonly patchset?: number;
  /** Full commit message of the current revision. */
  readonly message: string;
  readonly votes: readonly StoredVote[];
  readonly messages: readonly StoredMessage[];
  readonly files: readonly StoredFile[];
}

/** Content of a deliverable file on one side of the change (`old` = the parent commit). */
export interface FileContent {
  readonly text: string | null;
  /** Why there is no text (fetch failed), one line. */
  readonly error?: string;
}

export type ContentLookup = (
  revision: string,
  path: string,
  side: 'old' | 'new',
) => FileContent | undefined;

export type ProposerRole = 'release-team' | 'ptl' | 'liaison' | 'other';

/** What the version change says about the kind of release (semantic-version terms). */
export type VersionJump =
  | 'major'
  | 'minor'
  | 'patch'
  | 'pre-release'
  | 'final'
  | 'first'
  | 'same-or-lower'
  | 'lifecycle'
  | 'unknown';

export interface CommitInfo {
  readonly hash: string;
  readonly subject: string;
  readonly author: string;
  readonly closesBugs: readonly number[];
  /** Why it counts as a feature (`Sem-Ver: feature`, `Implements: blueprint x`), or null. */
  readonly feature: string | null;
  readonly apiBreak: boolean;
  /** Release notes this commit adds. */
  readonly notes: readonly string[];
}

export interface NoteInfo {
  readonly path: string;
  /** Sections the note fills (`features`, `fixes`, `upgrade`...). */
  readonly sections: readonly string[];
}

/** What the local clone says about one repository of a new version. */
export interface ShipFacts {
  readonly repo: string;
  /** Path of the clone, or null when none is configured or found. */
  readonly clone: string | null;
  readonly hashFound: boolean;
  readonly startFound: boolean;
  /** The branch the hash should be on, and whether it is. */
  readonly expectedBranch: string;
  readonly onExpectedBranch: boolean | null;
  readonly commits: readonly CommitInfo[];
  readonly notes: readonly NoteInfo[];
  /** Range start used (`diff-start` or the previous release's hash). */
  readonly start: string | null;
  readonly error?: string;
}

export interface ShippedRepo {
  readonly repo: string;
  readonly hash: string;
  readonly commitCount: number | null;
  readonly commits: readonly CommitInfo[];
  readonly closesBugs: readonly number[];
  readonly notes: readonly NoteInfo[];
  readonly expectedBranch: string | null;
  readonly onExpectedBranch: boolean | null;
}

export interface ReviewDeliverable {
  readonly name: string;
  readonly series: string;
  readonly path: string;
  readonly oldVersion: string | null;
  readonly newVersion: string | null;
  /** Hash of the first repository of the new version. */
  readonly hash: string | null;
  readonly jump: VersionJump | null;
  /** Commits shipped (all repositories); null when not checked. */
  readonly commits: number | null;
  readonly repos: readonly ShippedRepo[];
  readonly branchesAdded: readonly string[];
  /**
   * `release`: adds a version; `branch-only`: only creates branches (the
   * release team's end-of-cycle request for libraries); `no-release`:
   * neither (highlights, release-notes links, deletions).
   */
  readonly kind: 'release' | 'branch-only' | 'no-release';
  readonly warnings: readonly string[];
}

export interface ReviewVoteView {
  readonly name: string;
  readonly email: string | null;
  readonly role: ProposerRole;
  readonly value: number;
}

export interface ReviewRequest {
  readonly number: number;
  readonly project: string;
  readonly url: string;
  readonly subject: string;
  readonly topic: string | null;
  readonly owner: string;
  readonly ownerEmail: string | null;
  readonly proposer: ProposerRole;
  readonly created: IsoDate;
  readonly ageDays: number;
  readonly revision: string;
  readonly patchset: number | null;
  readonly deliverables: readonly ReviewDeliverable[];
  readonly votes: readonly ReviewVoteView[];
  /** The approval rule holds: owned by, or +1 from, the PTL or a release liaison. */
  readonly acknowledged: boolean;
  /** A -1 from the PTL or a liaison stands. */
  readonly held: boolean;
  readonly mergeBy: IsoDate | null;
  readonly mergeBySource: 'body' | 'schedule' | null;
  /** Problems with the change itself (one line each): bad YAML, deleted file, other teams' files. */
  readonly problems: readonly string[];
  /** Our own vote already posted on this revision, if any. */
  readonly ourVote: { readonly value: number; readonly postedAt: string } | null;
}

export interface ReviewView {
  readonly team: string;
  readonly date: IsoDate;
  readonly requests: readonly ReviewRequest[];
  /** Requests that still need the team's +1. */
  readonly waiting: number;
  readonly oldestWaitingDays: number | null;
  /** ISO instant of the last successful sync, or null. */
  readonly dataAsOf: string | null;
  readonly dataState: 'fresh' | 'stale' | 'never' | 'failing';
  readonly dataLine: string;
  readonly notes: readonly string[];
}

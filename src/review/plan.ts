import { daysBetween, type IsoDate } from '../core/dates.js';

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

import { shipWarnings, short } from './plan-checks.js';
import { endOfWeek, mergeDeadline, parseTopic } from './plan-deadline.js';
import { acknowledgement, displayName, roleOf } from './plan-people.js';
import { changeUrl } from './plan-query.js';
import type { FileChangeAnalysis } from './plan-diff.js';
import {
  shipKey,
  type ReviewEnv,
  type RequestAnalysis,
  type VersionItem,
} from './plan-requests.js';
import type { PostedVote } from './store.js';

export interface ReviewPlanInput {
  readonly analyses: readonly RequestAnalysis[];
  readonly env: ReviewEnv;
  /** Facts by `shipKey`; a missing key means no clone was found for the repository. */
  readonly facts: ReadonlyMap<string, ShipFacts>;
  readonly clonesHint: string;
  readonly posted: readonly PostedVote[];
  readonly featureSections?: readonly string[];
  readonly data: {
    readonly asOf: string | null;
    readonly state: ReviewView['dataState'];
    readonly line: string;
  };
  readonly notes?: readonly string[];
}

export function planReview(input: ReviewPlanInput): ReviewView {
  const { env } = input;
  const requests = input.analyses
    .map((a) => planRequest(a, input))
    .sort((x, y) => y.created.localeCompare(x.created) || y.number - x.number);
  const waiting = requests.filter((r) => !r.acknowledged && !r.held);
  return {
    team: env.team,
    date: env.today,
    requests,
    waiting: waiting.length,
    oldestWaitingDays: waiting.length ? Math.max(...waiting.map((r) => r.ageDays)) : null,
    dataAsOf: input.data.asOf,
    dataState: input.data.state,
    dataLine: input.data.line,
    notes: input.notes ?? [],
  };
}

function planRequest(a: RequestAnalysis, input: ReviewPlanInput): ReviewRequest {
  const { env } = input;
  const r = a.request;
  const created = r.created.slice(0, 10);
  const ack = acknowledgement(r.owner, r.votes, env.roster, r.message);
  const deliverables: ReviewDeliverable[] = a.items.map((item) => planDeliverable(item, input));
  // files of the team that add no version (highlights, branches, deletions) still show
  for (const f of a.files) {
    if (a.items.some((i) => i.file === f)) continue;
    deliverables.push({
      name: f.name,
      series: f.series,
      path: f.path,
      oldVersion: f.releases[f.releases.length - 1]?.version ?? null,
      newVersion: null,
      hash: null,
      jump: null,
      commits: null,
      repos: [],
      branchesAdded: f.branchesAdded,
      kind: f.newBranches.length > 0 ? 'branch-only' : 'no-release',
      warnings: f.problem
        ? []
        : f.newBranches.length > 0
          ? branchOnlyWarnings(f)
          : ['adds no release'],
    });
  }
  const releaseTeamTexts = r.messages
    .filter(
      (m) => m.author && ['release-team', 'ptl', 'liaison'].includes(roleOf(m.author, env.roster)),
    )
    .map((m) => m.text);
  // the change's date gives the year of a deadline written without one
  const bodyDate = mergeDeadline([r.message, ...releaseTeamTexts], created)?.date;
  const topic = parseTopic(r.topic, env.knownSeries);
  const week = topic ? env.eventWeek(topic.series, topic.label) : undefined;
  const posted = input.posted.find((p) => p.number === r.number && p.revision === r.revision);
  return {
    number: r.number,
    project: r.project,
    url: changeUrl(env.gerritBase, r.project, r.number),
    subject: r.subject,
    topic: r.topic ?? null,
    owner: displayName(r.owner),
    ownerEmail: r.owner.email ?? null,
    proposer: roleOf(r.owner, env.roster, r.message),
    created,
    ageDays: Math.max(0, daysBetween(created, env.today)),
    revision: r.revision,
    patchset: r.patchset ?? null,
    deliverables,
    votes: r.votes.map((v) => ({
      name: displayName(v.account),
      email: v.account.email ?? null,
      role: roleOf(v.account, env.roster),
      value: v.value,
    })),
    acknowledged: ack.acknowledged,
    held: ack.held,
    mergeBy: bodyDate ?? (week ? endOfWeek(week) : null),
    mergeBySource: bodyDate ? 'body' : week ? 'schedule' : null,
    problems: a.problems,
    ourVote: posted ? { value: posted.value, postedAt: posted.postedAt } : null,
  };
}

function planDeliverable(item: VersionItem, input: ReviewPlanInput): ReviewDeliverable {
  const facts = item.repos.map((r) => ({
    repo: r.repo,
    hash: r.hash,
    facts: input.facts.get(shipKey(r.query)) ?? null,
  }));
  const warnings = shipWarnings({
    deliverable: item.file.name,
    version: item.entry.version,
    previous: item.repos[0]?.previous,
    jump: item.jump,
    facts,
    clonesHint: input.clonesHint,
    ...(input.featureSections ? { featureSections: input.featureSections } : {}),
  });
  const repos: ShippedRepo[] = facts.map(({ repo, hash, facts: f }) => {
    const counted = f !== null && f.hashFound && f.startFound;
    return {
      repo,
      hash,
      commitCount: counted ? f.commits.length : null,
      commits: f?.commits ?? [],
      closesBugs: [...new Set((f?.commits ?? []).flatMap((c) => c.closesBugs))].sort(
        (x, y) => x - y,
      ),
      notes: f?.notes ?? [],
      expectedBranch: f?.expectedBranch ?? null,
      onExpectedBranch: f?.onExpectedBranch ?? null,
    };
  });
  const counts = repos.map((r) => r.commitCount);
  return {
    name: item.file.name,
    series: item.file.series,
    path: item.file.path,
    oldVersion: item.previousVersion ?? null,
    newVersion: item.entry.version,
    hash: item.repos[0]?.hash ?? null,
    jump: item.jump,
    commits:
      counts.length > 0 && counts.every((c) => c !== null)
        ? counts.reduce<number>((s, c) => s + (c ?? 0), 0)
        : null,
    repos,
    branchesAdded: item.file.branchesAdded,
    kind: 'release',
    warnings,
  };
}

export { short };

/**
 * A branch-only change is what the release team sends for libraries at the
 * end of a cycle: each new stable branch sits on the last release of the
 * file (the validator's rule), never on an older one or a lifecycle tag.
 */
function branchOnlyWarnings(f: FileChangeAnalysis): string[] {
  const last = f.releases[f.releases.length - 1]?.version;
  const out: string[] = [];
  for (const b of f.newBranches) {
    if (!b.name.startsWith('stable/') && !b.name.startsWith('unmaintained/')) continue;
    if (b.name.startsWith('unmaintained/')) {
      out.push(`${b.name} is created without its -eom tag in the same change`);
      continue;
    }
    if (last === undefined) out.push(`${b.name}: ${f.series} has no release to branch at`);
    else if (b.location !== last)
      out.push(`${b.name} at ${b.location} is not at the last release of ${f.series} (${last})`);
  }
  return out;
}

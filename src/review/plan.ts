import { daysBetween, type IsoDate } from '../core/dates.js';
import type { ReleaseEntry } from '../data/releases/deliverables.js';
import { shipWarnings, short } from './plan-checks.js';
import { endOfWeek, mergeAfterDate, parseTopic } from './plan-deadline.js';
import {
  analyseFile,
  previousRelease,
  versionJump,
  type FileChangeAnalysis,
  type PreviousRelease,
} from './plan-diff.js';
import type {
  ContentLookup,
  ReviewDeliverable,
  ReviewRequest,
  ReviewView,
  ShipFacts,
  ShippedRepo,
  StoredRequest,
  VersionJump,
} from './model.js';
import { acknowledgement, displayName, roleOf, type Roster } from './plan-people.js';
import { changeUrl } from './plan-query.js';
import type { ShipQuery } from './read-ships.js';
import type { PostedVote } from './store.js';

/**
 * The review desk as a pure plan: stored requests + file contents + the
 * team's roster and schedule + what the clones say → the view model. Two
 * steps so git stays outside: `analyseRequests` says which ranges to read
 * (`shipQueries`), the adapter reads them, `planReview` assembles.
 */
export interface ReviewEnv {
  readonly today: IsoDate;
  readonly team: string;
  readonly gerritBase: string;
  readonly roster: Roster;
  readonly teamDeliverables: ReadonlySet<string>;
  /** Governance team owning a deliverable name, if any. */
  readonly ownerTeam: (deliverable: string) => string | undefined;
  readonly knownSeries: readonly string[];
  /** Monday of the week the schedule lists `label` in, for `series`. */
  readonly eventWeek: (series: string, label: string) => IsoDate | undefined;
  /** Older series' releases of a deliverable, newest series first. */
  readonly olderReleases: (
    series: string,
    deliverable: string,
  ) => readonly { series: string; releases: readonly ReleaseEntry[] }[];
  /** Branches a new tag of `series` should be on, best first (`stable/2026.2`, `master`). */
  readonly branchesFor: (series: string) => readonly string[];
  readonly content: ContentLookup;
}

interface VersionItem {
  readonly file: FileChangeAnalysis;
  readonly entry: ReleaseEntry;
  readonly previousVersion: string | undefined;
  readonly jump: VersionJump;
  readonly repos: readonly {
    readonly repo: string;
    readonly hash: string;
    readonly previous: PreviousRelease | undefined;
    readonly query: ShipQuery;
  }[];
}

export interface RequestAnalysis {
  readonly request: StoredRequest;
  readonly files: readonly FileChangeAnalysis[];
  readonly items: readonly VersionItem[];
  readonly problems: readonly string[];
}

export function analyseRequests(
  requests: readonly StoredRequest[],
  env: ReviewEnv,
): RequestAnalysis[] {
  return requests.map((request) => analyseRequest(request, env));
}

function analyseRequest(r: StoredRequest, env: ReviewEnv): RequestAnalysis {
  const ps = `patch set ${r.patchset ?? '?'}`;
  const files = r.files
    .map((f) =>
      analyseFile(
        f,
        env.content(r.revision, f.oldPath ?? f.path, 'old'),
        env.content(r.revision, f.path, 'new'),
        ps,
      ),
    )
    .filter((a): a is FileChangeAnalysis => a !== undefined);
  const problems: string[] = [];
  const ours = files.filter((f) => env.teamDeliverables.has(f.name));
  const others = files.filter((f) => !env.teamDeliverables.has(f.name));
  if (others.length > 0) {
    const who = others.map(
      (f) => `${f.path} (${f.team ?? env.ownerTeam(f.name) ?? 'unknown team'})`,
    );
    problems.push(
      `also touches other teams' deliverable files: ${who.join(', ')}; the team answers only for its own`,
    );
  }
  if (files.length === 0)
    problems.push("touches none of the team's deliverable files at this patch set");
  const items: VersionItem[] = [];
  for (const f of ours) {
    if (f.problem) problems.push(f.problem);
    if (f.added.length > 1)
      problems.push(
        `${f.path}: adds ${f.added.length} releases (${f.added.map((a) => a.version).join(', ')}); the release team asks for one release per change`,
      );
    for (const v of f.editedReleases)
      problems.push(
        `${f.path}: edits the already released entry ${v} (released entries never change)`,
      );
    for (const entry of f.added) {
      const repos = entry.projects.map((p) => {
        const previous = previousRelease(f.releases, entry, p.repo, f.series, () =>
          env.olderReleases(f.series, f.name),
        );
        const start = entry.diffStart ?? previous?.hash ?? null;
        return {
          repo: p.repo,
          hash: p.hash,
          previous,
          query: { repo: p.repo, hash: p.hash, start, branches: env.branchesFor(f.series) },
        };
      });
      const previousVersion = repos[0]?.previous?.version;
      items.push({
        file: f,
        entry,
        previousVersion,
        jump: versionJump(previousVersion, entry.version),
        repos,
      });
    }
  }
  return { request: r, files: ours, items, problems };
}

/** The ranges the clones must be asked about. */
export function shipQueries(
  analyses: readonly RequestAnalysis[],
): { deliverable: string; query: ShipQuery }[] {
  return analyses.flatMap((a) =>
    a.items.flatMap((i) => i.repos.map((r) => ({ deliverable: i.file.name, query: r.query }))),
  );
}

export const shipKey = (q: ShipQuery): string =>
  [q.repo, q.hash, q.start ?? '', ...q.branches].join('\u0000');

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
      warnings: f.problem
        ? []
        : [
            `adds no release${f.branchesAdded.length ? ` (branches: ${f.branchesAdded.join(', ')})` : ''}`,
          ],
    });
  }
  const releaseTeamTexts = r.messages
    .filter(
      (m) => m.author && ['release-team', 'ptl', 'liaison'].includes(roleOf(m.author, env.roster)),
    )
    .map((m) => m.text);
  const bodyDate = mergeAfterDate([r.message, ...releaseTeamTexts], Number(created.slice(0, 4)));
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
    warnings,
  };
}

export { short };

import { type IsoDate } from '../core/dates.js';
import type { ReleaseEntry } from '../data/releases/deliverables.js';
import {
  analyseFile,
  previousRelease,
  versionJump,
  type FileChangeAnalysis,
  type PreviousRelease,
} from './plan-diff.js';
import type { ContentLookup, StoredRequest, VersionJump } from './plan.js';
import { type Roster } from './plan-people.js';
import type { ShipQuery } from './read-ships.js';

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

export interface VersionItem {
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

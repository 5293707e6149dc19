import { UsageError } from '../../core/errors.js';
import type { BranchEntry, ReleaseProject } from '../../data/releases/deliverables.js';
import { lifecycleTag } from '../../data/releases/pbr-version.js';
import { bump, firstThree, fourthPiece, markerNumber } from './bump.js';
import { finalRelease } from './final.js';
import {
  firstStableBranch,
  releaseByVersion,
  type HistoryWalk,
  type LastRelease,
  type SeriesFile,
} from './history.js';
import type { NextReleaseRequest, TagSource } from './next-version.js';
import { ProposalRefused, refuseUnless } from './refusals.js';
import { MODELS_USING_RCS, RETAG_COMMENTS, type ReleaseType } from './release-types.js';

/** What a strategy knows: the request, the series' files and what the history walk found. */
export interface Situation {
  readonly req: NextReleaseRequest;
  /** The requested series' file. */
  readonly current: SeriesFile;
  /** The files the walk saw: the requested one, then older series (only it for `_independent`). */
  readonly history: readonly SeriesFile[];
  readonly walk: HistoryWalk;
  readonly independent: boolean;
  readonly notes: string[];
  readonly overrides: ReadonlySet<string>;
}

/** What a strategy decides; the rest of the release (tag flags, branches) follows its row. */
export interface Planned {
  readonly version: string;
  /** What upstream would write where it differs from us (milestone numbers, -em ids). */
  readonly upstreamVersion?: string;
  /** Where the commits come from; default: the head of the series branch. */
  readonly source?: TagSource;
  readonly diffStart?: string;
  /** The last release the version follows, when it is not the walk's (a final). */
  readonly last?: LastRelease;
  readonly branches?: readonly BranchEntry[];
}

/** One release type: how it behaves, and how it computes its version. */
export interface Strategy {
  /**
   * For a deliverable never released: start at 0.1.0 (`first-version`),
   * refuse (`refuse`: a re-tag needs an earlier release), or plan anyway
   * (`plan`: lifecycle tags, finals, which say themselves what is missing).
   */
  readonly neverReleased: 'first-version' | 'refuse' | 'plan';
  /** Tag every repository even when its commit is already the last release. */
  readonly forceTag: boolean;
  /** Include every repository, never skip one (re-tags, lifecycle tags). */
  readonly includeAll: boolean;
  /** Whether --stable-branch, --intermediate-branch and an rc1 add branches (not for a final). */
  readonly addsBranches: boolean;
  /** Refusals of this type that come before any version is computed. */
  readonly check?: (s: Situation) => void;
  readonly plan: (s: Situation) => Planned;
}

/** The last release, which every strategy but the lifecycle tags needs. */
export function lastRelease(s: Situation): LastRelease {
  if (s.walk.last) return s.walk.last;
  throw new ProposalRefused(
    'no-earlier-release',
    `${s.req.deliverable} has no earlier release for a ${s.req.type} release`,
    'upstream new-release crashes on it',
  );
}

/** The branches whose head a release tags, first found wins. */
export function headBranches(s: Situation): readonly string[] {
  const id = s.current.id;
  if (s.independent) return ['master'];
  // the unmaintained branch appears only with the -eom tag: until then the stable branch is the series'
  return s.req.seriesStatus === 'unmaintained'
    ? [`unmaintained/${id}`, `stable/${id}`, 'master']
    : [`stable/${id}`, 'master'];
}

/** A version bump from the last release (x.y.z pieces). */
const bumped = (delta: (s: Situation) => readonly [number, number, number]): Strategy => ({
  neverReleased: 'first-version',
  forceTag: false,
  includeAll: false,
  addsBranches: true,
  plan: (s) => ({ version: bump(lastRelease(s).version, delta(s)) }),
});

/** milestone and rc: pre-releases, tagged even on the last release's commit. */
const preRelease = (next: (last: string, s: Situation) => Planned): Strategy => ({
  neverReleased: 'first-version',
  forceTag: true,
  includeAll: false,
  addsBranches: true,
  check: (s) => {
    if (s.walk.last) requireRcModel(s.req);
  },
  plan: (s) => next(lastRelease(s).version, s),
});

/** eol and eom tag the branch head; em re-tags the last release. */
const lifecycle = (plan: (s: Situation, id: string) => Planned): Strategy => ({
  neverReleased: 'plan',
  forceTag: true,
  includeAll: true,
  addsBranches: true,
  plan: (s) => {
    seriesOnly(s);
    return plan(s, s.current.id);
  },
});

/**
 * One strategy per release type, as upstream `new-release` (and
 * `propose-final-releases` for `final`) computes them; where we differ,
 * a note says what upstream would write.
 */
export const STRATEGIES: { readonly [T in ReleaseType]: Strategy } = {
  bugfix: {
    ...bumped(() => [0, 0, 1]),
    check: (s) => {
      if (s.walk.emptySeries.length === 0) return;
      refuseUnless(
        s.overrides,
        s.notes,
        'first-bugfix',
        `${s.req.deliverable} has no release in ${s.walk.emptySeries.join(', ')}: The first release for a series must be at least a feature release to allow for stable releases from the previous series.`,
        () => 'upstream new-release refuses too, with the same words',
      );
    },
  },
  // a feature release after series without releases bumps the minor once per series
  feature: bumped((s) => [0, Math.max(1, lastRelease(s).depth), 0]),
  major: bumped(() => [1, 0, 0]),
  milestone: preRelease((last, s) => {
    const m = nextMilestone(last, s.req, s.notes);
    if (lastRelease(s).depth === 0 && /rc/.test(fourthPiece(last)))
      s.notes.push(
        `a beta after ${last} jumps a major version (upstream behaviour); did you mean rc?`,
      );
    return {
      version: m.version,
      ...(m.upstream !== m.version ? { upstreamVersion: m.upstream } : {}),
    };
  }),
  rc: preRelease((last) => ({ version: nextRc(last) })),
  procedural: {
    neverReleased: 'refuse',
    forceTag: false,
    includeAll: true,
    addsBranches: true,
    plan: (s) => {
      seriesOnly(s);
      const previous = s.history[1];
      const projects = branchPointProjects(s.req, previous);
      noteAlphabetical(s, previous, 'copies the commits of the stable branch point');
      return {
        version: bump(lastRelease(s).version, [0, Math.max(1, lastRelease(s).depth), 0]),
        source: { kind: 'retag', projects, comment: RETAG_COMMENTS.procedural },
      };
    },
  },
  releasefix: {
    neverReleased: 'refuse',
    forceTag: false,
    includeAll: true,
    addsBranches: true,
    plan: (s) => {
      const last = lastRelease(s);
      const mine = s.current.releases;
      let diffStart: string | undefined;
      if (mine.length >= 2) diffStart = mine[mine.length - 2]?.version;
      else {
        const loc = firstStableBranch(s.history[1])?.location;
        if (typeof loc === 'string') diffStart = loc;
        noteAlphabetical(s, s.history[1], 'takes diff-start from the first stable branch');
      }
      return {
        version: bump(last.version, [0, 0, 1]),
        source: {
          kind: 'retag',
          projects: last.entry.projects,
          comment: RETAG_COMMENTS.releasefix,
        },
        ...(diffStart ? { diffStart } : {}),
      };
    },
  },
  eol: lifecycle((s, id) => ({
    version: lifecycleTag(id, 'eol'),
    // upstream silently falls back to master when the branch is gone: refuse instead
    source: { kind: 'branch-head', branches: [seriesBranch(s, id)], requireFirst: true },
  })),
  eom: lifecycle((_s, id) => {
    const version = lifecycleTag(id, 'eom');
    return {
      version,
      // eom tags the stable branch the unmaintained one is then cut from
      source: { kind: 'branch-head', branches: [`stable/${id}`], requireFirst: true },
      branches: [{ name: `unmaintained/${id}`, location: version }],
    };
  }),
  em: lifecycle((s, id) => {
    // the validator wants `<name>-em`; upstream writes `<id>-em` (wrong for id-named series)
    const version = lifecycleTag(s.current.series, 'em');
    let upstreamVersion: string | undefined;
    if (id !== s.current.series) {
      upstreamVersion = lifecycleTag(id, 'em');
      s.notes.push(
        `upstream new-release would write ${upstreamVersion}, which its validator rejects`,
      );
    }
    const last = s.walk.last;
    return {
      version,
      ...(upstreamVersion ? { upstreamVersion } : {}),
      ...(s.req.model !== 'untagged' && last
        ? { source: { kind: 'retag', projects: last.entry.projects } }
        : {}),
    };
  }),
  final: {
    neverReleased: 'plan',
    forceTag: true,
    includeAll: true,
    addsBranches: false,
    plan: (s) => {
      const f = finalRelease(s.req, s.current, s.history[1], s.notes);
      return {
        version: f.version,
        ...(f.last ? { last: f.last } : {}),
        source: f.source,
        ...(f.diffStart ? { diffStart: f.diffStart } : {}),
      };
    },
  },
};

/** The series branch an eol tags: unmaintained once the series is, else stable. */
function seriesBranch(s: Situation, id: string): string {
  return `${s.req.seriesStatus === 'unmaintained' ? 'unmaintained' : 'stable'}/${id}`;
}

function seriesOnly(s: Situation): void {
  if (s.independent)
    throw new UsageError(`${s.req.type} applies to a series, not to _independent deliverables`);
}

function requireRcModel(req: NextReleaseRequest): void {
  if (!(MODELS_USING_RCS as readonly string[]).includes(req.model ?? '')) {
    throw new ProposalRefused(
      'model-without-rc',
      `cannot compute ${req.type === 'rc' ? 'an RC' : 'a milestone'} for ${req.model ?? 'independent'} deliverable ${req.deliverable}: only ${MODELS_USING_RCS.join(', ')} use them`,
      req.model === 'independent' || req.model === undefined
        ? 'upstream new-release crashes on it'
        : `upstream new-release refuses too ("Cannot compute RC for ${req.model} project ${req.deliverable}")`,
    );
  }
}

function nextMilestone(
  last: string,
  req: NextReleaseRequest,
  notes: string[],
): { version: string; upstream: string } {
  const piece = fourthPiece(last);
  const wanted = req.milestone;
  let upstream: string;
  let base: string;
  let minimum: number;
  if (piece.includes('b')) {
    const n = markerNumber(piece, 'b');
    base = firstThree(last);
    upstream = `${base}.0b${n + 1}`;
    minimum = n + 1;
  } else {
    base = bump(last, [1, 0, 0]);
    upstream = `${base}.0b1`;
    minimum = 1;
  }
  if (wanted === undefined) return { version: upstream, upstream };
  if (wanted < minimum)
    throw new ProposalRefused(
      'milestone-number',
      `--milestone ${wanted}: the last beta is ${last}; the next beta number must be at least ${minimum}`,
      `upstream new-release would write ${upstream}`,
    );
  const version = `${base}.0b${wanted}`;
  if (version !== upstream)
    notes.push(
      `numbered after milestone ${wanted}; upstream new-release would propose ${upstream}`,
    );
  return { version, upstream };
}

function nextRc(last: string): string {
  const piece = fourthPiece(last);
  if (piece.includes('b')) return `${firstThree(last)}.0rc1`;
  if (piece.includes('rc')) return `${firstThree(last)}.0rc${markerNumber(piece, 'rc') + 1}`;
  return `${bump(last, [1, 0, 0])}.0rc1`;
}

/** Procedural: the commits of the release at the previous series' stable branch point. */
function branchPointProjects(
  req: NextReleaseRequest,
  previous: SeriesFile | undefined,
): readonly ReleaseProject[] {
  const branch = firstStableBranch(previous);
  if (!previous?.exists || !branch || typeof branch.location !== 'string') {
    throw new ProposalRefused(
      'procedural-without-branch',
      `procedural: ${req.deliverable} has no stable branch in ${previous?.series ?? 'the previous series'} to copy commits from`,
      'upstream new-release crashes on it',
    );
  }
  const release = releaseByVersion(previous, branch.location);
  if (!release)
    throw new ProposalRefused(
      'procedural-without-branch',
      `procedural: ${previous.series} branch ${branch.name} points at ${branch.location}, which is not a release of the file`,
      'upstream new-release crashes on it',
    );
  return release.projects;
}

function noteAlphabetical(s: Situation, previous: SeriesFile | undefined, what: string): void {
  const alpha = s.req.alphabeticalPrevious;
  if (alpha && alpha !== previous?.series) {
    s.notes.push(
      `used ${previous?.series ?? 'no previous series'} (series order); upstream new-release ${what} of deliverables/${alpha}/ (alphabetical order, a known bug)`,
    );
  }
}

import { UsageError } from '../../core/errors.js';
import type { BranchEntry, ReleaseProject } from '../../data/releases/deliverables.js';
import { bump, firstThree, fourthPiece, markerNumber } from './bump.js';
import { guardAfterComputing } from './guards.js';
import { finalRelease } from './final.js';
import {
  firstStableBranch,
  releaseByVersion,
  walkHistory,
  type LastRelease,
  type SeriesFile,
} from './history.js';
import { lifecycleTag } from '../../data/releases/pbr-version.js';
import { ProposalRefused, refuseUnless } from './refusals.js';
import {
  FIRST_RELEASE_VERSION,
  MODELS_USING_RCS,
  RETAG_COMMENTS,
  type ReleaseType,
} from './release-types.js';

export interface NextReleaseRequest {
  readonly deliverable: string;
  readonly type: ReleaseType;
  /** Effective model: the file's `release-model`, `independent` for `_independent` files without one. */
  readonly model: string | undefined;
  /** Deliverable type (`service`, `library`, ...), for notes. */
  readonly deliverableType?: string;
  /** The requested series' file first, then older series, in series_status order. */
  readonly history: readonly SeriesFile[];
  /** Files of newer series (for the "never reuse a version" check). */
  readonly newer: readonly SeriesFile[];
  /** Series name of the requested file (`_independent` for independent). */
  readonly seriesName: string;
  /** Status of the requested series (decides stable vs unmaintained branch). */
  readonly seriesStatus?: string;
  /** Directory upstream would take as "previous series" (alphabetical), for notes. */
  readonly alphabeticalPrevious?: string;
  readonly milestone?: number;
  readonly stableBranch?: boolean;
  readonly intermediateBranch?: boolean;
  /** Rules of refusals.ts to write the request anyway (`--override`). */
  readonly overrides?: ReadonlySet<string>;
  /** --date, and the next phase of the requested series: when an eol/eom tag is due. */
  readonly today?: string;
  readonly nextPhase?: { readonly status: string; readonly date?: string };
}

/** Where the commit of each repository comes from. */
export type TagSource =
  /** Head of the series branch (or master when it does not exist yet). */
  | {
      readonly kind: 'branch-head';
      readonly branches: readonly string[];
      readonly requireFirst: boolean;
    }
  /** Re-tag the commits of an existing release. */
  | {
      readonly kind: 'retag';
      readonly projects: readonly ReleaseProject[];
      readonly comment?: string;
    };

export interface NextRelease {
  readonly version: string;
  readonly last?: LastRelease;
  readonly source: TagSource;
  /** Tag every repository even when its commit is already the last release (milestone, rc, lifecycle). */
  readonly forceTag: boolean;
  /** Include every repository, never skip one (re-tags, lifecycle tags). */
  readonly includeAll: boolean;
  readonly diffStart?: string;
  readonly branchesAdded: readonly BranchEntry[];
  readonly notes: readonly string[];
}

/**
 * What `new-release` (or `propose-final-releases` for `final`) computes,
 * reproducing upstream's numbers, refusing what would hurt (each refusal
 * names its rule of refusals.ts and what upstream would have written),
 * and noting where upstream would differ.
 */
export function computeNextRelease(req: NextReleaseRequest): NextRelease {
  const current = req.history[0];
  if (!current) throw new UsageError('no series given');
  const independent = current.series === '_independent';
  const notes: string[] = [];
  const overrides = req.overrides ?? new Set<string>();
  const history = independent ? [current] : req.history;
  const walk = walkHistory(history);
  const last = walk.last;
  if (walk.upstreamLast && last && walk.upstreamLast.version !== last.version && !walk.terminal) {
    notes.push(
      `skipped the lifecycle tag ${walk.upstreamLast.version} (${walk.upstreamLast.series}) when looking for the last version; ` +
        `upstream new-release would take it and fail or compute garbage`,
    );
  }
  if (walk.terminal?.kind === 'eol') {
    throw new ProposalRefused(
      'after-eol',
      `cannot create a release after EOL tagging: ${req.deliverable} ${current.series} ends with ${walk.terminal.version}`,
      'upstream new-release refuses too ("Cannot create new release after EOL tagging.")',
    );
  }
  if (walk.terminal?.kind === 'eom' && req.type !== 'eol') {
    throw new ProposalRefused(
      'after-eom',
      `cannot create a ${req.type} release after EOM tagging (${walk.terminal.version}); only eol can follow`,
      ['bugfix', 'feature', 'major'].includes(req.type)
        ? 'upstream new-release refuses too ("Cannot create new release after EOM tagging.")'
        : req.type === 'eom'
          ? `upstream new-release would write ${walk.terminal.version} a second time`
          : `upstream new-release crashes on it (it cannot increment ${walk.terminal.version})`,
    );
  }
  if (req.type === 'bugfix' && walk.emptySeries.length > 0) {
    refuseUnless(
      overrides,
      notes,
      'first-bugfix',
      `${req.deliverable} has no release in ${walk.emptySeries.join(', ')}: The first release for a series must be at least a feature release to allow for stable releases from the previous series.`,
      () => 'upstream new-release refuses too, with the same words',
    );
  }
  if ((req.type === 'milestone' || req.type === 'rc') && last) requireRcModel(req);
  if (req.type === 'final') {
    const final = finalRelease(req, current, history[1], notes);
    guardAfterComputing(req, current, final, notes, overrides);
    return final;
  }

  const id = current.id;
  const unmaintained = req.seriesStatus === 'unmaintained';
  const seriesBranch = independent
    ? undefined
    : `${unmaintained ? 'unmaintained' : 'stable'}/${id}`;
  // the unmaintained branch appears only with the -eom tag: until then the stable branch is the series'
  const headBranches = independent
    ? ['master']
    : unmaintained
      ? [`unmaintained/${id}`, `stable/${id}`, 'master']
      : [`stable/${id}`, 'master'];
  const headOf: TagSource = { kind: 'branch-head', branches: headBranches, requireFirst: false };
  let version: string;
  /** What upstream would write where it differs from us (milestone numbers, -em ids). */
  let upstreamVersion: string | undefined;
  let source: TagSource = headOf;
  let forceTag = false;
  let includeAll = false;
  let diffStart: string | undefined;
  const branches: BranchEntry[] = [];

  if (!last && (req.type === 'procedural' || req.type === 'releasefix'))
    throw new ProposalRefused(
      'no-earlier-release',
      `${req.deliverable} was never released: a ${req.type} release re-tags an earlier one`,
      'upstream new-release crashes on it',
    );
  if (!last && !['eol', 'eom', 'em'].includes(req.type)) {
    version = FIRST_RELEASE_VERSION;
    notes.push(`${req.deliverable} was never released: first version ${FIRST_RELEASE_VERSION}`);
    if (req.type === 'milestone' || req.type === 'rc') forceTag = true;
  } else {
    const requireLast = (): LastRelease => {
      if (last) return last;
      throw new ProposalRefused(
        'no-earlier-release',
        `${req.deliverable} has no earlier release for a ${req.type} release`,
        'upstream new-release crashes on it',
      );
    };
    switch (req.type) {
      case 'milestone':
      case 'rc': {
        forceTag = true;
        const lastVersion = requireLast().version;
        if (req.type === 'milestone') {
          const m = nextMilestone(lastVersion, req, notes);
          version = m.version;
          if (m.upstream !== version) upstreamVersion = m.upstream;
        } else version = nextRc(lastVersion);
        if (
          req.type === 'milestone' &&
          requireLast().depth === 0 &&
          /rc/.test(fourthPiece(lastVersion))
        ) {
          notes.push(
            `a beta after ${lastVersion} jumps a major version (upstream behaviour); did you mean rc?`,
          );
        }
        break;
      }
      case 'bugfix':
      case 'feature':
      case 'major': {
        const delta =
          req.type === 'bugfix'
            ? ([0, 0, 1] as const)
            : req.type === 'feature'
              ? ([0, Math.max(1, requireLast().depth), 0] as const)
              : ([1, 0, 0] as const);
        version = bump(requireLast().version, delta);
        break;
      }
      case 'eol':
      case 'eom':
      case 'em': {
        if (independent)
          throw new UsageError(`${req.type} applies to a series, not to _independent deliverables`);
        includeAll = true;
        forceTag = true;
        if (req.type === 'em') {
          // the validator wants `<name>-em`; upstream writes `<id>-em` (wrong for id-named series)
          version = lifecycleTag(current.series, 'em');
          if (id !== current.series) {
            upstreamVersion = lifecycleTag(id, 'em');
            notes.push(
              `upstream new-release would write ${upstreamVersion}, which its validator rejects`,
            );
          }
          if (req.model !== 'untagged' && last)
            source = { kind: 'retag', projects: last.entry.projects };
        } else {
          version = lifecycleTag(id, req.type);
          // upstream silently falls back to master when the branch is gone: refuse instead
          source = {
            kind: 'branch-head',
            // eom tags the stable branch the unmaintained one is then cut from
            branches: [req.type === 'eom' ? `stable/${id}` : (seriesBranch ?? 'master')],
            requireFirst: true,
          };
          if (req.type === 'eom') branches.push({ name: `unmaintained/${id}`, location: version });
        }
        break;
      }
      case 'procedural': {
        if (independent)
          throw new UsageError('procedural applies to a series, not to _independent deliverables');
        version = bump(requireLast().version, [0, Math.max(1, requireLast().depth), 0]);
        const previous = history[1];
        source = {
          kind: 'retag',
          projects: branchPointProjects(req, previous),
          comment: RETAG_COMMENTS.procedural,
        };
        includeAll = true;
        noteAlphabetical(req, previous, notes, 'copies the commits of the stable branch point');
        break;
      }
      case 'releasefix': {
        version = bump(requireLast().version, [0, 0, 1]);
        source = {
          kind: 'retag',
          projects: requireLast().entry.projects,
          comment: RETAG_COMMENTS.releasefix,
        };
        includeAll = true;
        const mine = current.releases;
        if (mine.length >= 2) diffStart = mine[mine.length - 2]?.version;
        else {
          const loc = firstStableBranch(history[1])?.location;
          if (typeof loc === 'string') diffStart = loc;
          noteAlphabetical(req, history[1], notes, 'takes diff-start from the first stable branch');
        }
        break;
      }
    }
  }

  const stable = `stable/${id}`;
  if (req.stableBranch || req.type === 'procedural' || version.endsWith('rc1')) {
    if (independent) {
      if (req.stableBranch)
        throw new UsageError(
          '--stable-branch: an _independent deliverable has no series to branch for',
        );
    } else branches.push({ name: stable, location: version });
  }
  if (req.intermediateBranch) {
    branches.push({
      name: `bugfix/${version.split('.').slice(0, -1).join('.')}`,
      location: version,
    });
  }
  const existing = new Set(current.branches.map((b) => b.name));
  const branchesAdded = branches.filter((b) => !existing.has(b.name));
  for (const b of branches)
    if (existing.has(b.name)) notes.push(`${b.name} already exists in the file; not added again`);

  const next: NextRelease = {
    version,
    ...(last ? { last } : {}),
    source,
    forceTag,
    includeAll,
    ...(diffStart ? { diffStart } : {}),
    branchesAdded,
    notes,
  };
  guardAfterComputing(req, current, next, notes, overrides, upstreamVersion);
  return next;
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

function noteAlphabetical(
  req: NextReleaseRequest,
  previous: SeriesFile | undefined,
  notes: string[],
  what: string,
): void {
  const alpha = req.alphabeticalPrevious;
  if (alpha && alpha !== previous?.series) {
    notes.push(
      `used ${previous?.series ?? 'no previous series'} (series order); upstream new-release ${what} of deliverables/${alpha}/ (alphabetical order, a known bug)`,
    );
  }
}

import { UsageError } from '../../core/errors.js';
import type { BranchEntry, ReleaseProject } from '../../data/releases/deliverables.js';
import { guardAfterComputing } from './guards.js';
import { walkHistory, type LastRelease, type SeriesFile } from './history.js';
import { ProposalRefused } from './refusals.js';
import { FIRST_RELEASE_VERSION, type ReleaseType } from './release-types.js';
import { headBranches, STRATEGIES, type Planned, type Situation } from './strategies.js';

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
 * and noting where upstream would differ. The refusals every type shares
 * come first; then the release type's strategy (strategies.ts) computes
 * the version and where the commits come from; branches and the guards
 * after computing are again the same for all.
 */
export function computeNextRelease(req: NextReleaseRequest): NextRelease {
  const current = req.history[0];
  if (!current) throw new UsageError('no series given');
  const independent = current.series === '_independent';
  const notes: string[] = [];
  const history = independent ? [current] : req.history;
  const walk = walkHistory(history);
  const s: Situation = {
    req,
    current,
    history,
    walk,
    independent,
    notes,
    overrides: req.overrides ?? new Set<string>(),
  };
  refuseAfterTerminalTag(s);
  const strategy = STRATEGIES[req.type];
  strategy.check?.(s);
  const last = walk.last;
  let planned: Planned;
  if (last || strategy.neverReleased === 'plan') planned = strategy.plan(s);
  else if (strategy.neverReleased === 'refuse')
    throw new ProposalRefused(
      'no-earlier-release',
      `${req.deliverable} was never released: a ${req.type} release re-tags an earlier one`,
      'upstream new-release crashes on it',
    );
  else {
    planned = { version: FIRST_RELEASE_VERSION };
    notes.push(`${req.deliverable} was never released: first version ${FIRST_RELEASE_VERSION}`);
  }
  const branches = [...(planned.branches ?? [])];
  if (strategy.addsBranches) branches.push(...requestedBranches(s, planned.version));
  const existing = new Set(current.branches.map((b) => b.name));
  const branchesAdded = branches.filter((b) => !existing.has(b.name));
  for (const b of branches)
    if (existing.has(b.name)) notes.push(`${b.name} already exists in the file; not added again`);
  const lastUsed = planned.last ?? last;
  const next: NextRelease = {
    version: planned.version,
    ...(lastUsed ? { last: lastUsed } : {}),
    source: planned.source ?? {
      kind: 'branch-head',
      branches: headBranches(s),
      requireFirst: false,
    },
    forceTag: strategy.forceTag,
    includeAll: strategy.includeAll,
    ...(planned.diffStart ? { diffStart: planned.diffStart } : {}),
    branchesAdded,
    notes,
  };
  guardAfterComputing(req, current, next, notes, s.overrides, planned.upstreamVersion);
  return next;
}

/** Nothing follows an EOL tag, and only an EOL follows an EOM tag (upstream's rules, and its gaps). */
function refuseAfterTerminalTag({ req, walk, notes, current }: Situation): void {
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
}

/** The stable branch (asked for, procedural, or at rc1) and the intermediate bugfix branch. */
function requestedBranches(
  { req, current, independent }: Situation,
  version: string,
): BranchEntry[] {
  const out: BranchEntry[] = [];
  if (req.stableBranch || req.type === 'procedural' || version.endsWith('rc1')) {
    if (independent) {
      if (req.stableBranch)
        throw new UsageError(
          '--stable-branch: an _independent deliverable has no series to branch for',
        );
    } else out.push({ name: `stable/${current.id}`, location: version });
  }
  if (req.intermediateBranch)
    out.push({ name: `bugfix/${version.split('.').slice(0, -1).join('.')}`, location: version });
  return out;
}

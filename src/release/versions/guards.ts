import { checkVersionAgainstHistory } from './collisions.js';
import type { LastRelease, SeriesFile } from './history.js';
import type { NextRelease, NextReleaseRequest } from './next-version.js';
import { refuseUnless, type RefusalId } from './refusals.js';
import { MILESTONE_BASED_MODELS } from './release-types.js';

/**
 * The refusals of `release propose` that judge a computed release (pure):
 * they run after the version is known, so each can say what upstream's
 * new-release would have written.
 */

/** What upstream's new-release would write for this request, as a clause. */
export function upstreamWould(next: NextRelease, upstreamVersion?: string): string {
  const version = upstreamVersion ?? next.version;
  const branches = next.branchesAdded.map((b) =>
    typeof b.location === 'string' ? `${b.name} at ${b.location}` : b.name,
  );
  return `upstream new-release would write ${version}${branches.length > 0 ? ` and ${branches.join(', ')}` : ''}`;
}

/**
 * The refusals that need the computed version (to say what upstream would
 * have written): in the order a release manager would give them.
 */
export function guardAfterComputing(
  req: NextReleaseRequest,
  current: SeriesFile,
  next: NextRelease,
  notes: string[],
  overrides: ReadonlySet<string>,
  upstreamVersion?: string,
): void {
  const refuse = (rule: RefusalId, reason: string) => {
    refuseUnless(overrides, notes, rule, reason, () => upstreamWould(next, upstreamVersion));
  };
  if (req.model === 'abandoned')
    refuse('abandoned', `${req.deliverable} is abandoned: no new releases`);
  if (req.model === 'untagged' && !['eol', 'eom', 'em'].includes(req.type))
    refuse('untagged', `${req.deliverable} is untagged: it gets branches, never releases`);
  if (['bugfix', 'feature', 'major'].includes(req.type) && next.last)
    guardModelForStableTypes(req, current, next.last, refuse);
  if ((req.type === 'milestone' || req.type === 'rc') && next.last?.depth === 0) {
    const final = current.releases.find((r) => isFinalVersion(r.version));
    if (final)
      refuse(
        'rc-after-final',
        `${current.series} already has its final release ${final.version}: ${req.type === 'rc' ? 'an RC' : 'a beta'} now would start the next major version (${next.version}), which belongs to the next series; a fix of ${current.series} is a bugfix release`,
      );
  }
  if ((req.type === 'eol' || req.type === 'eom') && req.today !== undefined) {
    const early = lifecycleTooEarly(req, current.series);
    if (early) refuse('lifecycle-too-early', early);
  }
  checkVersionAgainstHistory(next.version, req, notes, refuse);
}

const isFinalVersion = (v: string): boolean => /^\d+\.\d+\.\d+$/.test(v);

/** Days an eol/eom tag may come before its phase starts (the release team proposes them ahead). */
export const LIFECYCLE_LEAD_DAYS = 28;

/**
 * Why an eol/eom tag is not due at --date, or undefined when it is: the
 * series is already in that phase (or, for eol, unmaintained), or its next
 * phase is that one and starts within four weeks.
 */
function lifecycleTooEarly(req: NextReleaseRequest, series: string): string | undefined {
  const today = req.today ?? '';
  const target = req.type === 'eol' ? 'end of life' : 'unmaintained';
  const next = req.nextPhase;
  const now = next?.date !== undefined && today >= next.date ? next.status : req.seriesStatus;
  if (now === target) return undefined;
  if (req.type === 'eol' && (now === 'unmaintained' || now === 'extended maintenance'))
    return undefined;
  if (next?.status === target && next.date !== undefined && now === req.seriesStatus) {
    const days = (Date.parse(next.date) - Date.parse(today)) / 86_400_000;
    if (days <= LIFECYCLE_LEAD_DAYS) return undefined;
    return `${series} becomes ${target} on ${next.date}, ${Math.round(days)} days after ${today}: the ${req.type} tag comes at most 4 weeks ahead`;
  }
  const phase =
    next && next.status !== now
      ? `its next phase is ${next.status}${next.date ? ` on ${next.date}` : ''}`
      : 'it has no next phase';
  return `${series} is ${now ?? 'of unknown status'} at ${today} and ${phase}, not ${target}: no ${req.type} tag is due`;
}

/**
 * bugfix/feature/major on a cycle-with-rc deliverable before its final
 * release gives a number the model does not allow (33.0.0.0b2 → 33.0.1).
 */
function guardModelForStableTypes(
  req: NextReleaseRequest,
  current: SeriesFile,
  last: LastRelease,
  refuse: (rule: RefusalId, reason: string) => void,
): void {
  if (!(MILESTONE_BASED_MODELS as readonly string[]).includes(req.model ?? '')) return;
  if (current.releases.some((r) => isFinalVersion(r.version))) return;
  const why =
    last.depth === 0
      ? `${req.deliverable} is ${req.model} and ${current.series} has only pre-releases so far (last ${last.version})`
      : `${req.deliverable} is ${req.model}: its first release in ${current.series} must be a milestone or rc`;
  refuse(
    'stable-type-before-final',
    `${why}; a ${req.type} release would break the model: use milestone, rc or final`,
  );
}

import { firstStableBranch, lastRealEntry, releaseByVersion, type SeriesFile } from './history.js';
import { isLifecycleVersion, looksLikePreRelease } from '../../data/releases/pbr-version.js';
import type { NextRelease, NextReleaseRequest } from './next-version.js';
import { ProposalRefused } from './refusals.js';

/**
 * The final release the release team's `propose-final-releases` appends:
 * the last pre-release without its suffix, the same commits, and
 * `diff-start` at the previous series' branch point. Upstream finds the
 * branch point with `git describe`; the data-only equivalent (matches every
 * glance, nova and cinder final from 2023.1 to 2026.1) is the last release
 * of the previous series' file that has the hash of its stable branch's
 * location.
 */
export function finalRelease(
  req: NextReleaseRequest,
  current: SeriesFile,
  previous: SeriesFile | undefined,
  notes: string[],
): NextRelease {
  const lastEntry = lastRealEntry(current.releases);
  if (!lastEntry || !looksLikePreRelease(lastEntry.version)) {
    throw new ProposalRefused(
      'final-without-prerelease',
      `final: the last release of ${req.deliverable} in ${current.series} is ${lastEntry?.version ?? 'none'}, not a pre-release; nothing to finalise`,
      'upstream propose-final-releases skips the deliverable',
    );
  }
  const pieces = lastEntry.version.split('.');
  pieces[pieces.length - 1] = '0';
  const version = pieces.slice(0, 3).join('.');
  if (req.deliverableType === 'trailing')
    notes.push('propose-final-releases skips trailing deliverables unless run with --all');
  const diffStart = branchPointTag(previous);
  if (!diffStart)
    notes.push(
      `no stable branch point found in ${previous?.series ?? 'the previous series'}: no diff-start`,
    );
  return {
    version,
    last: { entry: lastEntry, version: lastEntry.version, series: current.series, depth: 0 },
    source: { kind: 'retag', projects: lastEntry.projects },
    forceTag: true,
    includeAll: true,
    ...(diffStart ? { diffStart } : {}),
    branchesAdded: [],
    notes,
  };
}

/** The tag `git describe` finds at the fork point of the previous series' stable branch. */
export function branchPointTag(previous: SeriesFile | undefined): string | undefined {
  const branch = previous
    ? (previous.branches.find((b) => b.name === `stable/${previous.id}`) ??
      firstStableBranch(previous))
    : undefined;
  if (!previous || !branch || typeof branch.location !== 'string') return undefined;
  const at = releaseByVersion(previous, branch.location);
  const hash = at?.projects[0]?.hash;
  if (!hash) return undefined;
  let found: string | undefined;
  // a later lifecycle tag on the same commit (2024.2-eol) is not what git describe found at branch time
  for (const r of previous.releases)
    if (r.projects[0]?.hash === hash && !isLifecycleVersion(r.version)) found = r.version;
  return found;
}

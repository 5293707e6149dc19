import { ProposalRefused, type RefusalId } from './refusals.js';
import type { SeriesFile } from './history.js';
import { compareVersionText, isLifecycleVersion } from '../../data/releases/pbr-version.js';

interface CollisionInput {
  readonly deliverable: string;
  readonly history: readonly SeriesFile[];
  readonly newer: readonly SeriesFile[];
}

/**
 * Beyond upstream: a version is never reused, and a release of a series is
 * greater than every version of older series (gazpacho's glance beta was
 * first requested as 31.0.0.0b2, below flamingo's 31.0.0, and had to be
 * re-released as 32.0.0.0b2).
 */
export function checkVersionAgainstHistory(
  version: string,
  req: CollisionInput,
  notes: string[],
  refuse: (rule: RefusalId, reason: string) => void = (rule, reason) => {
    throw new ProposalRefused(rule, reason, `upstream new-release would write ${version}`);
  },
): void {
  const [current, ...older] = req.history;
  const reused = [current, ...req.newer].find((file) =>
    file?.releases.some((r) => r.version === version),
  );
  if (reused)
    refuse(
      'version-reused',
      `${req.deliverable} ${version} already exists in ${reused.series}: versions are never reused`,
    );
  if (isLifecycleVersion(version)) return;
  const semantic = !isDateBased(version);
  let highest: { version: string; series: string } | undefined;
  for (const file of older) {
    for (const r of file.releases) {
      if (semantic && isDateBased(r.version)) continue;
      const order = compareVersionText(version, r.version);
      if (order === undefined || order > 0) continue;
      if (!highest || (compareVersionText(r.version, highest.version) ?? 0) > 0)
        highest = { version: r.version, series: file.series };
    }
  }
  if (highest) {
    refuse(
      'below-older-series',
      `${req.deliverable} ${version} is not greater than ${highest.version} of the older series ${highest.series}`,
    );
  }
  let unparsable = 0;
  for (const file of req.newer)
    for (const r of file.releases)
      if (!isLifecycleVersion(r.version) && compareVersionText(version, r.version) === undefined)
        unparsable++;
  if (unparsable > 0)
    notes.push(`${unparsable} version(s) of newer series could not be compared (not pbr versions)`);
}

/**
 * Services used date-based versions (`2015.1.0`) until kilo and semantic
 * ones from liberty on (glance 11.0.0); the two schemes do not compare.
 */
function isDateBased(version: string): boolean {
  const major = Number(version.split('.')[0]);
  return Number.isInteger(major) && major >= 2000;
}

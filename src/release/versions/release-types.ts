/**
 * The release types of upstream `new-release`, plus `final` (what the
 * release team's `propose-final-releases` appends for one deliverable).
 */
export const RELEASE_TYPES = [
  'bugfix',
  'feature',
  'major',
  'milestone',
  'rc',
  'procedural',
  'releasefix',
  'eol',
  'eom',
  'em',
  'final',
] as const;

export type ReleaseType = (typeof RELEASE_TYPES)[number];

export function isReleaseType(value: string): value is ReleaseType {
  return (RELEASE_TYPES as readonly string[]).includes(value);
}

/** Models for which upstream accepts `milestone` and `rc`. */
export const MODELS_USING_RCS = [
  'cycle-with-milestones',
  'cycle-trailing',
  'cycle-with-rc',
] as const;

/** Models whose cycle ends with one final after pre-releases. */
export const MILESTONE_BASED_MODELS = ['cycle-with-milestones', 'cycle-with-rc'] as const;

/** Comments new-release writes on re-tagged projects. */
export const RETAG_COMMENTS = {
  procedural: 'procedural tag to support creating stable branch',
  releasefix: 'procedural tag to handle release job failure',
} as const;

export const FIRST_RELEASE_VERSION = '0.1.0';

import { RefusedError } from '../../core/errors.js';

/**
 * The rules `release propose` refuses by (pure data plus one error type).
 * Every refusal names its rule and what upstream's new-release would have
 * done with the same request, and ends with exit 1; a refusal the release
 * team may have reasons to overrule is written anyway with `--override ID`
 * (`--force` keeps its upstream meaning: tag a commit already tagged).
 */
export interface RefusalRule {
  readonly id: string;
  /** When the rule refuses, in one line (the rules table). */
  readonly what: string;
  /** Where upstream's new-release stands, in one line (the rules table). */
  readonly upstream: string;
  /** Whether `--override ID` writes the request anyway. */
  readonly overridable: boolean;
  /** Which requests it applies to (the rules table). */
  readonly applies: string;
}

const rule = <const I extends string>(
  id: I,
  applies: string,
  what: string,
  upstream: string,
  overridable: boolean,
): RefusalRule & { readonly id: I } => ({ id, applies, what, upstream, overridable });

export const REFUSAL_RULES = [
  rule(
    'abandoned',
    'every type',
    'the deliverable is abandoned',
    'new-release writes the release; validate then rejects it',
    true,
  ),
  rule(
    'untagged',
    'every type but eol, eom, em',
    'the deliverable is untagged: it gets branches, never releases',
    'new-release writes the release; validate then rejects it',
    true,
  ),
  rule(
    'after-eol',
    'every type',
    'the series file ends with its -eol tag',
    'new-release refuses too ("Cannot create new release after EOL tagging")',
    false,
  ),
  rule(
    'after-eom',
    'every type but eol',
    'the series file ends with its -eom tag: only eol may follow',
    'new-release refuses bugfix, feature and major, and crashes on the others',
    false,
  ),
  rule(
    'first-bugfix',
    'bugfix',
    'a first release of a series (or the first ever) of type bugfix',
    'new-release refuses too ("The first release for a series must be at least a feature release to allow for stable releases from the previous series.")',
    true,
  ),
  rule(
    'model-without-rc',
    'milestone, rc',
    'the release model has no betas or release candidates',
    'new-release refuses too (and crashes for an independent deliverable)',
    false,
  ),
  rule(
    'rc-after-final',
    'milestone, rc',
    'the series already has its final release: a beta or RC now starts the next major version, which belongs to the next series',
    'new-release writes it (gazpacho glance rc → 33.0.0.0rc1, colliding with hibiscus)',
    true,
  ),
  rule(
    'stable-type-before-final',
    'bugfix, feature, major',
    'a cycle-with-rc deliverable has only pre-releases in the series (33.0.0.0b2 → 33.0.1 breaks the model)',
    'new-release writes it',
    true,
  ),
  rule(
    'milestone-number',
    'milestone --milestone N',
    'the beta number is below the next one',
    'new-release numbers betas 0b1, 0b2… whatever the milestone',
    false,
  ),
  rule(
    'lifecycle-too-early',
    'eol, eom',
    "the series' next phase (end of life for eol, unmaintained for eom) is not due within 4 weeks of --date",
    'new-release writes the tag whenever asked (hibiscus eol during its development → 2026.2-eol)',
    true,
  ),
  rule(
    'version-reused',
    'every type',
    'the version already exists in this series or a newer one',
    'new-release writes it (gazpacho glance-store feature → 5.5.0, already hibiscus)',
    true,
  ),
  rule(
    'below-older-series',
    'every type but lifecycle tags',
    'the version is not above every version of older series',
    'new-release writes it (gazpacho glance 31.0.0.0b2, below flamingo 31.0.0)',
    true,
  ),
  rule(
    'procedural-without-branch',
    'procedural',
    'the previous series has no stable branch (or it points at no release) to copy commits from',
    'new-release crashes',
    false,
  ),
  rule(
    'no-earlier-release',
    'procedural, releasefix',
    'nothing was released before to re-tag',
    'new-release crashes',
    false,
  ),
  rule(
    'final-without-prerelease',
    'final',
    'the last release of the series is not a pre-release: there is nothing to finalise',
    'propose-final-releases skips the deliverable',
    false,
  ),
  rule(
    'unreadable-version',
    'every type that increments',
    'the last version has a piece that is not a number (or an unreadable beta/RC number)',
    'new-release crashes',
    false,
  ),
  rule(
    'already-tagged',
    'every type that tags branch heads',
    'every repository is already tagged at the commit to release',
    'new-release writes nothing and exits 0 ("already tagged at most recent commit"); --force tags it again',
    true,
  ),
  rule(
    'branch-missing',
    'eol, eom with clones',
    'the branch to tag does not exist in the clone',
    'new-release silently tags the head of master',
    true,
  ),
  rule(
    'multi-repository-hash',
    '--hash',
    'one --hash for a deliverable with several repositories',
    'new-release takes no hash: it tags the head of each repository',
    false,
  ),
  rule(
    'branch-exists',
    'branch',
    'the file already has stable/<id>',
    'propose-library-branches skips the deliverable',
    false,
  ),
  rule(
    'branch-without-release',
    'branch',
    'the series has no release to branch at ("Creating a tag is mandatory before creating a branch")',
    'propose-library-branches skips the deliverable',
    false,
  ),
  rule(
    'branch-after-lifecycle',
    'branch',
    'the series file ends with a lifecycle tag: there is nothing left to branch',
    'propose-library-branches would branch at the tag; validate then rejects it',
    false,
  ),
  rule(
    'branchless',
    'branch',
    'the deliverable has no stable branches (tempest plugins, stable-branch-type none) or branches at commits (untagged, tagless)',
    'propose-library-branches takes libraries and clients only',
    false,
  ),
  rule(
    'branch-at-prerelease',
    'branch',
    'the last release of the series is an alpha or beta (cycle-with-rc deliverables branch at RC1)',
    'propose-library-branches takes cycle-with-intermediary deliverables only',
    true,
  ),
] as const;

export type RefusalId = (typeof REFUSAL_RULES)[number]['id'];

const BY_ID: ReadonlyMap<string, RefusalRule> = new Map(REFUSAL_RULES.map((r) => [r.id, r]));

export function refusalRule(id: string): RefusalRule | undefined {
  return BY_ID.get(id);
}

/**
 * A refusal: exit 1, one line naming the rule, the reason, what upstream's
 * new-release would have done, and whether `--override` can lift it.
 */
export class ProposalRefused extends RefusedError {
  constructor(
    readonly rule: RefusalId,
    readonly reason: string,
    /** What upstream would have done, as a sentence ("upstream new-release would write 33.0.0.0rc1"). */
    readonly upstream: string,
  ) {
    const overridable = BY_ID.get(rule)?.overridable === true;
    super(
      `refused by rule ${rule}: ${reason}; ${upstream}; ${overridable ? `--override ${rule} writes it anyway` : 'this rule cannot be overridden'}`,
    );
  }
}

/**
 * Refuses by `rule` unless it was overridden, in which case the reason
 * becomes a note of the proposal.
 */
export function refuseUnless(
  overrides: ReadonlySet<string>,
  notes: string[],
  rule: RefusalId,
  reason: string,
  upstream: () => string,
): void {
  if (overrides.has(rule) && BY_ID.get(rule)?.overridable) {
    notes.push(`written despite rule ${rule} (--override): ${reason}`);
    return;
  }
  throw new ProposalRefused(rule, reason, upstream());
}

/** `--override` values, checked: unknown ids and rules that cannot be lifted are usage errors. */
export function checkOverrides(ids: readonly string[]): { ok: Set<string>; problem?: string } {
  for (const id of ids) {
    const r = BY_ID.get(id);
    if (!r)
      return {
        ok: new Set(),
        problem: `--override ${id}: no such rule (one of ${REFUSAL_RULES.filter(
          (x) => x.overridable,
        )
          .map((x) => x.id)
          .join(', ')})`,
      };
    if (!r.overridable)
      return { ok: new Set(), problem: `--override ${id}: this rule cannot be overridden` };
  }
  return { ok: new Set(ids) };
}

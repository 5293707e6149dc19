import type { Account, ProposerRole, StoredVote } from './plan.js';

/**
 * Who is who on a release request, by e-mail as the release team's
 * approval rule matches (release-tooling.md §5.6): the team's PTL (when
 * the team has one) and release liaisons from governance, plus the people
 * of the team config; the release team is the "Release Management" team's
 * PTL and liaisons, and anyone whose commit carries the release tools'
 * `Generated-By: openstack/releases:tools/…` trailer.
 */
export interface Roster {
  readonly ptl: readonly string[];
  readonly liaisons: readonly string[];
  readonly releaseTeam: readonly string[];
}

const norm = (email: string | undefined): string | undefined =>
  email?.trim().toLowerCase() || undefined;

export function roleOf(account: Account, roster: Roster, commitMessage?: string): ProposerRole {
  const email = norm(account.email);
  if (email && roster.ptl.includes(email)) return 'ptl';
  if (email && roster.liaisons.includes(email)) return 'liaison';
  if (email && roster.releaseTeam.includes(email)) return 'release-team';
  if (
    commitMessage !== undefined &&
    /^Generated-By:\s*openstack\/releases:tools\//m.test(commitMessage)
  )
    return 'release-team';
  return 'other';
}

export function makeRoster(input: {
  ptl?: (string | undefined)[];
  liaisons?: (string | undefined)[];
  releaseTeam?: (string | undefined)[];
}): Roster {
  const clean = (xs: (string | undefined)[] = []) => [
    ...new Set(xs.map(norm).filter((x): x is string => x !== undefined)),
  ];
  return {
    ptl: clean(input.ptl),
    liaisons: clean(input.liaisons),
    releaseTeam: clean(input.releaseTeam),
  };
}

/** The team's deciders: the people whose +1 (or ownership) satisfies the approval rule. */
const isDecider = (role: ProposerRole) => role === 'ptl' || role === 'liaison';

export interface Acknowledgement {
  readonly acknowledged: boolean;
  readonly held: boolean;
}

export function acknowledgement(
  owner: Account,
  votes: readonly StoredVote[],
  roster: Roster,
  message: string,
): Acknowledgement {
  const ownedByTeam = isDecider(roleOf(owner, roster, message));
  const deciderVotes = votes.filter((v) => isDecider(roleOf(v.account, roster)));
  return {
    acknowledged: ownedByTeam || deciderVotes.some((v) => v.value > 0),
    held: deciderVotes.some((v) => v.value < 0),
  };
}

export function displayName(a: Account): string {
  return a.name ?? a.username ?? a.email ?? 'unknown';
}

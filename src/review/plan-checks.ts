import { parsePbrVersion } from '../data/releases/pbr-version.js';
import type { PreviousRelease } from './plan-diff.js';
import type { ShipFacts, VersionJump } from './plan.js';

/**
 * Warnings on one new version from what the clone says it ships (pure).
 * Semantic-version rule the release team uses: new features → at least a
 * minor bump, only fixes → a patch bump; pbr's `Sem-Ver: api-break` → major.
 */
export interface ShipCheckInput {
  readonly deliverable: string;
  readonly version: string;
  readonly previous: PreviousRelease | undefined;
  readonly jump: VersionJump;
  /** Per repository; null when no clone of it was found. */
  readonly facts: readonly {
    readonly repo: string;
    readonly hash: string;
    readonly facts: ShipFacts | null;
  }[];
  /** Where clones were looked for ("under /src", "anywhere (set --clones DIR…)"). */
  readonly clonesHint: string;
  /** Note sections that mean "new features" (reno's semver_minor, default `features`). */
  readonly featureSections?: readonly string[];
}

export const short = (hash: string): string => hash.slice(0, 12);

export function shipWarnings(input: ShipCheckInput): string[] {
  const out: string[] = [];
  const featureSections = input.featureSections ?? ['features'];
  if (input.jump === 'same-or-lower' && input.previous)
    out.push(`${input.version} is not higher than the previous release ${input.previous.version}`);
  if (input.jump === 'unknown')
    out.push(
      `${input.version} is not a version the release tooling accepts (pbr semantic version or lifecycle tag)`,
    );
  const checked = input.facts.filter((f) => f.facts !== null);
  for (const { repo, hash, facts } of input.facts) {
    if (!facts) {
      out.push(`${repo}: no local clone ${input.clonesHint}; commits not checked`);
      continue;
    }
    if (!facts.hashFound) {
      out.push(
        `${repo}: ${short(hash)} is not in the local clone ${facts.clone ?? ''}; run \`liaison sync\` (or git fetch in the clone) and look again`,
      );
      continue;
    }
    if (facts.onExpectedBranch === false)
      out.push(`${repo}: ${short(hash)} is not on ${facts.expectedBranch}`);
    if (facts.start !== null && !facts.startFound) {
      out.push(
        `${repo}: the previous release's commit ${short(facts.start)} is not in the local clone; run \`liaison sync\` and look again`,
      );
      continue;
    }
    if (facts.start === null) continue;
    if (facts.commits.length === 0 && input.jump !== 'final' && input.jump !== 'lifecycle') {
      out.push(`${repo}: no changes since ${input.previous?.version ?? 'the previous release'}`);
    }
    const featureNotes = facts.notes.filter((n) =>
      n.sections.some((s) => featureSections.includes(s)),
    );
    for (const c of facts.commits) {
      if (c.feature && c.notes.length === 0 && featureNotes.length === 0) {
        out.push(
          `${repo}: feature commit ${short(c.hash)} "${c.subject}" (${c.feature}) has no release note`,
        );
      }
    }
  }
  const allCommits = checked.flatMap((f) => f.facts?.commits ?? []);
  const allNotes = checked.flatMap((f) => f.facts?.notes ?? []);
  const featureWhy = [
    ...allCommits.filter((c) => c.feature).map((c) => `${short(c.hash)} ${c.feature ?? ''}`),
    ...allNotes
      .filter((n) => n.sections.some((s) => featureSections.includes(s)))
      .map((n) => `note ${n.path.split('/').pop() ?? n.path}`),
  ];
  if (input.jump === 'patch' && featureWhy.length > 0) {
    out.push(
      `${input.version} is a bugfix (patch) release but the range has new features (${featureWhy.slice(0, 3).join('; ')}${featureWhy.length > 3 ? '; …' : ''}); semantic versioning asks for ${suggest(input.previous?.version, 'minor') ?? 'a minor release'}`,
    );
  }
  if ((input.jump === 'patch' || input.jump === 'minor') && allCommits.some((c) => c.apiBreak)) {
    out.push(
      `${input.version} is not a major release but a commit says Sem-Ver: api-break; semantic versioning asks for ${suggest(input.previous?.version, 'major') ?? 'a major release'}`,
    );
  }
  return out;
}

function suggest(previous: string | undefined, level: 'minor' | 'major'): string | undefined {
  const v = previous ? parsePbrVersion(previous) : undefined;
  if (!v) return undefined;
  return level === 'major' ? `${v.major + 1}.0.0` : `${v.major}.${v.minor + 1}.0`;
}

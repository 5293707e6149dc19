import { UsageError } from '../../core/errors.js';
import type { Deliverable } from '../../data/releases/deliverables.js';
import { parseDeliverable } from '../../data/releases/deliverables.js';
import { isLifecycleVersion, parsePbrVersion } from '../../data/releases/pbr-version.js';
import { seriesTitle } from '../../data/releases/series.js';
import { addBranch } from '../edits/deliverable-edits.js';
import { unifiedDiff } from '../../core/unified-diff.js';
import { ProposalRefused, refuseUnless, refusalRule } from '../versions/refusals.js';
import type { WriteOutcome } from './plan.js';
import type { Identity } from './read-git.js';

/**
 * A branch-only request (pure): `stable/<id>` at the deliverable's last
 * release of the series, the request the release team sends for
 * cycle-with-intermediary libraries and clients at the end of a cycle
 * ("[glance] Create 2026.1 branch for client and non-client libs",
 * openstack/releases 8d96234d4). The file gets two lines appended to its
 * branches; nothing else changes.
 */
export interface BranchInput {
  readonly deliverable: string;
  readonly seriesName: string;
  readonly seriesId: string;
  /** Relative path of the series file. */
  readonly file: string;
  readonly text: string;
  readonly doc: Deliverable;
  /** The library or client-library freeze of the series, when the type has one. */
  readonly freeze?: { readonly what: string; readonly date: string };
  readonly today: string;
  readonly overrides: ReadonlySet<string>;
  readonly identity?: Identity;
  readonly notes: readonly string[];
}

/** The view model of `liaison release propose DELIVERABLE branch` (also --json). */
export interface BranchProposalView {
  readonly deliverable: string;
  readonly series: string;
  readonly type: 'branch';
  readonly branch: { readonly name: string; readonly location: string };
  readonly file: string;
  readonly diff: string;
  readonly commitMessage: string;
  readonly notes: readonly string[];
  /** The edited file's text (not printed; what --write writes). */
  readonly text: string;
}

const BRANCH_TYPES_BY_NAME = new Set(['std', 'std-with-versions']);

export function planBranch(input: BranchInput): BranchProposalView {
  const { doc } = input;
  const notes = [...input.notes];
  const name = `stable/${input.seriesId}`;
  const why = (rule: Parameters<typeof refusalRule>[0]) =>
    `upstream ${refusalRule(rule)?.upstream ?? ''}`;
  const branchType = doc.stableBranchType ?? 'std';
  if (input.deliverable.includes('tempest-plugin') || branchType === 'none')
    throw new ProposalRefused(
      'branchless',
      `${input.deliverable} has no stable branches (${branchType === 'none' ? 'stable-branch-type none' : 'tempest plugins are branchless'})`,
      why('branchless'),
    );
  if (doc.model === 'untagged' || !BRANCH_TYPES_BY_NAME.has(branchType))
    throw new ProposalRefused(
      'branchless',
      `${input.deliverable} is ${doc.model === 'untagged' ? 'untagged' : `stable-branch-type ${branchType}`}: its branches are not made at a release (write the location by hand)`,
      why('branchless'),
    );
  const existing = doc.branches.find((b) => b.name === name);
  if (existing)
    throw new ProposalRefused(
      'branch-exists',
      `${input.file} already has ${name} at ${typeof existing.location === 'string' ? existing.location : 'its commits'}`,
      why('branch-exists'),
    );
  const last = doc.releases[doc.releases.length - 1];
  if (!last)
    throw new ProposalRefused(
      'branch-without-release',
      `${input.deliverable} has no release in ${input.seriesName}: creating a tag is mandatory before creating a branch (propose a release with --stable-branch)`,
      why('branch-without-release'),
    );
  if (isLifecycleVersion(last.version))
    throw new ProposalRefused(
      'branch-after-lifecycle',
      `the ${input.seriesName} file ends with ${last.version}: there is nothing left to branch`,
      why('branch-after-lifecycle'),
    );
  const pre = parsePbrVersion(last.version)?.pre?.kind;
  if (pre === 'a' || pre === 'b')
    refuseUnless(
      input.overrides,
      notes,
      'branch-at-prerelease',
      `the last release of ${input.seriesName} is ${last.version}, a ${pre === 'a' ? 'alpha' : 'beta'}: ${doc.model ?? 'this'} deliverables branch at their first RC (propose rc)`,
      () => why('branch-at-prerelease'),
    );
  if (doc.model !== 'cycle-with-intermediary' && doc.model !== undefined)
    notes.push(
      `${input.deliverable} is ${doc.model}: the release team branches such deliverables with their first RC, not in a branch-only request`,
    );
  const text = addBranch(input.text, { name, location: last.version });
  const after = parseDeliverable(text, input.file);
  if (!after.branches.some((b) => b.name === name && b.location === last.version))
    throw new Error(`the edited ${input.file} does not have ${name} at ${last.version}`);
  let pastFreeze = false;
  if (input.freeze) {
    pastFreeze = input.today >= input.freeze.date;
    if (!pastFreeze)
      notes.push(
        `the ${input.freeze.what} is on ${input.freeze.date}: the release team branches libraries after it, at their last release`,
      );
  }
  return {
    deliverable: input.deliverable,
    series: input.seriesName,
    type: 'branch',
    branch: { name, location: last.version },
    file: input.file,
    diff: unifiedDiff(input.text, text, input.file),
    commitMessage: branchCommitMessage(input, name, last.version, pastFreeze),
    notes,
    text,
  };
}

/** The release team's wording for branch requests, for one deliverable. */
function branchCommitMessage(
  input: BranchInput,
  name: string,
  location: string,
  pastFreeze: boolean,
): string {
  const team = input.doc.team ?? input.deliverable;
  const series =
    input.seriesId === input.seriesName
      ? seriesTitle(input.seriesName)
      : `${input.seriesId} ${seriesTitle(input.seriesName)}`;
  const because =
    pastFreeze && input.freeze ? `, now that we are past the ${input.freeze.what}` : '';
  const body = wrap(
    `This creates the ${name} branch of ${input.deliverable} at ${location}, its last release in ${series}${because}.`,
  );
  const signOff = input.identity
    ? [`Signed-off-by: ${input.identity.name} <${input.identity.email}>`]
    : [];
  return (
    [
      `[${team}] Create ${input.seriesId} branch for ${input.deliverable}`,
      '',
      ...body,
      ...(signOff.length ? ['', ...signOff] : []),
    ].join('\n') + '\n'
  );
}

/** Wraps a paragraph at 72 columns (commit message bodies). */
function wrap(text: string, width = 72): string[] {
  const lines: string[] = [];
  let line = '';
  for (const word of text.split(' ')) {
    if (line && line.length + 1 + word.length > width) {
      lines.push(line);
      line = word;
    } else line = line ? `${line} ${word}` : word;
  }
  if (line) lines.push(line);
  return lines;
}

/** What `--json` prints: the view without the edited text, and what was written. */
export type BranchProposalResult = Omit<BranchProposalView, 'text'> & WriteOutcome;

/** `branch` applies to a series' file only. */
export function checkBranchSeries(seriesName: string): void {
  if (seriesName === '_independent')
    throw new UsageError(
      'branch: an _independent deliverable has no series file to branch; name the series with --series',
    );
}

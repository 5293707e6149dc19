import { seriesTitle } from '../../data/releases/series.js';
import { fourthPiece, markerNumber } from '../versions/bump.js';
import type { ProposalInput } from './plan.js';

interface Planned {
  readonly version: string;
  readonly branchesAdded: readonly { readonly name: string; readonly location: string }[];
  readonly diffStart: string | null;
  readonly last: { readonly version: string } | null;
}

/**
 * The commit message of a release request, after the reference template:
 * a summary naming deliverable, version and purpose, the one-line log of
 * what the release ships, and the DCO sign-off (Change-Id comes from the
 * Gerrit hook).
 */
export function commitMessage(input: ProposalInput, plan: Planned): string {
  const body: string[] = [];
  for (const log of input.logs) {
    if (input.logs.length > 1) body.push(`${log.repo}:`);
    body.push(`$ git log --oneline --no-merges ${log.from}..${log.to}`, ...log.lines, '');
  }
  if (input.type === 'releasefix')
    body.push(
      `Re-tags the commits of ${plan.last?.version ?? 'the last release'} to handle a release job failure.`,
      '',
    );
  if (input.type === 'procedural')
    body.push(
      'Procedural tag at the previous series branch point, to create the stable branch.',
      '',
    );
  if (plan.diffStart && input.type === 'final')
    body.push(
      `Same commits as ${plan.last?.version ?? 'the last release candidate'}; release notes start at ${plan.diffStart}.`,
      '',
    );
  for (const b of plan.branchesAdded) body.push(`Also creates ${b.name} at ${b.location}.`);
  if (plan.branchesAdded.length > 0) body.push('');
  const signOff = input.identity
    ? [`Signed-off-by: ${input.identity.name} <${input.identity.email}>`]
    : [];
  return (
    [summary(input, plan.version), '', ...body, ...signOff]
      .join('\n')
      .replace(/\n{3,}/g, '\n\n')
      .trimEnd() + '\n'
  );
}

function summary(input: ProposalInput, version: string): string {
  const d = input.deliverable;
  const title = seriesTitle(input.seriesName);
  const named = input.seriesId === input.seriesName ? title : `${input.seriesId} ${title}`;
  switch (input.type) {
    case 'milestone':
      if (!fourthPiece(version).includes('b')) return `Release ${d} ${version} for ${title}`;
      return `Release ${d} ${version} for ${title}-${markerNumber(fourthPiece(version), 'b')} milestone`;
    case 'rc':
      if (!fourthPiece(version).includes('rc')) return `Release ${d} ${version} for ${named}`;
      return `Release ${d} ${version} for ${named} RC${markerNumber(fourthPiece(version), 'rc')}`;
    case 'final':
      return `Release final ${d} ${version} for ${named}`;
    case 'eol':
      return `[${d}] Transition ${named} to End of Life`;
    case 'eom':
      return `[${d}] Transition ${named} to Unmaintained`;
    case 'em':
      return `[${d}] Transition ${named} to Extended Maintenance`;
    case 'procedural':
      return `Release ${d} ${version} for stable/${input.seriesId}`;
    case 'releasefix':
      return `Re-release ${d} ${version} to fix the release jobs`;
    case 'bugfix':
    case 'feature':
    case 'major':
      if (input.seriesName === '_independent') return `Release ${d} ${version}`;
      return input.developmentSeries
        ? `Release ${d} ${version} for ${title}`
        : `Release ${d} ${version} for stable/${input.seriesId}`;
  }
}

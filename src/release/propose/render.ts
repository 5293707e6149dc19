import { type Colors, table } from '../../core/terminal.js';
import type { BranchProposalResult } from './plan-branch.js';
import type { ProposalResult } from './plan.js';

/** Terminal text of a proposal: what, from which commits, the diff, the message. */
export function renderProposal(v: ProposalResult, c: Colors): string {
  const out: string[] = [];
  const last = v.last
    ? ` (after ${v.last.version}${v.last.series !== v.series ? ` of ${v.last.series}` : ''})`
    : '';
  out.push(`${c.bold(`${v.deliverable} ${v.version}`)} — ${v.type} in ${v.series}${last}`);
  out.push(`file: ${v.file}${v.newFile ? ' (new)' : ''}`);
  out.push(
    table(
      v.projects.map((p) => [p.repo, p.hash, p.from]),
      '  ',
    ),
  );
  for (const s of v.skipped) out.push(`  ${s.repo}: skipped, ${s.reason}`);
  for (const b of v.branchesAdded) out.push(`  + branch ${b.name} at ${b.location}`);
  if (v.diffStart) out.push(`  diff-start: ${v.diffStart}`);
  for (const n of v.notes) out.push(c.yellow(`note: ${n}`));
  out.push('', colorDiff(v.diff, c), 'Commit message:', '', indent(v.commitMessage), '');
  out.push(outcome(v, c));
  return out.join('\n');
}

/** Terminal text of a branch-only request. */
export function renderBranchProposal(v: BranchProposalResult, c: Colors): string {
  const out: string[] = [
    `${c.bold(`${v.deliverable} ${v.branch.name}`)} — branch at ${v.branch.location} in ${v.series}`,
    `file: ${v.file}`,
  ];
  for (const n of v.notes) out.push(c.yellow(`note: ${n}`));
  out.push('', colorDiff(v.diff, c), 'Commit message:', '', indent(v.commitMessage), '');
  out.push(outcome(v, c));
  return out.join('\n');
}

function outcome(
  v: { written: boolean; commit: { branch: string; sha: string } | null; file: string },
  c: Colors,
): string {
  if (v.commit)
    return c.green(
      `committed ${v.commit.sha.slice(0, 12)} on branch ${v.commit.branch}; push it for review (git review)`,
    );
  if (v.written) return c.green(`wrote ${v.file}`);
  return 'Dry run: nothing written. Use --write (and --commit) with --releases-repo DIR to apply.';
}

function colorDiff(diff: string, c: Colors): string {
  return diff
    .split('\n')
    .map((l) =>
      l.startsWith('+') && !l.startsWith('+++')
        ? c.green(l)
        : l.startsWith('-') && !l.startsWith('---')
          ? c.red(l)
          : l,
    )
    .join('\n');
}

function indent(text: string): string {
  return text
    .trimEnd()
    .split('\n')
    .map((l) => (l ? `    ${l}` : ''))
    .join('\n');
}

import type { Colors } from '../core/terminal.js';
import { humanDate } from '../core/dates.js';
import { inertLine } from '../core/text.js';
import type { ProposerRole, ReviewRequest, ReviewView } from './plan.js';
import type { VoteResult } from './apply.js';

const ROLE: Record<ProposerRole, string> = {
  'release-team': 'release team',
  ptl: 'PTL',
  liaison: 'liaison',
  other: 'other',
};

/** Shown as text, whatever a change's subject or message holds. */
export function plain(s: string): string {
  return inertLine(s);
}

const signed = (n: number) => (n > 0 ? `+${n}` : String(n));

/** One line for the review desk and the brief: open requests, and how many wait for the team. */
export function reviewSummaryLine(
  open: number,
  waiting: number,
  oldestWaitingDays: number | null,
): string {
  if (open === 0) return 'no open release requests for the team';
  if (waiting === 0)
    return `${open} open release request${open === 1 ? '' : 's'}, all acknowledged by the team`;
  const days = oldestWaitingDays ?? 0;
  return `${waiting} release request${waiting === 1 ? '' : 's'} wait${waiting === 1 ? 's' : ''} for your +1, oldest ${days} day${days === 1 ? '' : 's'}`;
}

export function renderReviewText(
  v: ReviewView,
  c: Colors,
  opts: { maxCommits?: number } = {},
): string {
  const out: string[] = [];
  out.push(
    c.bold(
      `Release requests for ${v.team} — ${reviewSummaryLine(v.requests.length, v.waiting, v.oldestWaitingDays)}`,
    ),
  );
  out.push(v.dataState === 'fresh' ? c.dim(v.dataLine) : c.yellow(v.dataLine));
  for (const n of v.notes) out.push(c.dim(n));
  for (const r of v.requests) out.push('', ...renderRequest(r, c, opts.maxCommits ?? 10));
  return out.join('\n');
}

function renderRequest(r: ReviewRequest, c: Colors, maxCommits: number): string[] {
  const out: string[] = [];
  const who = `${ROLE[r.proposer]}: ${plain(r.owner)}`;
  out.push(
    `${c.bold(`#${r.number}`)}  ${plain(r.subject)}  ${c.dim(`(${r.ageDays} day${r.ageDays === 1 ? '' : 's'}, ${who})`)}`,
  );
  out.push(`  ${r.url}`);
  const state = r.held
    ? c.red('held with a -1 by the team')
    : r.acknowledged
      ? c.green('acknowledged by the team')
      : c.yellow('waiting for a +1 from the PTL or a release liaison');
  const merge = r.mergeBy
    ? `merge by ${humanDate(r.mergeBy)}${r.mergeBySource === 'body' ? ' (stated in the change)' : ' (end of the milestone week)'}`
    : 'no merge deadline known';
  out.push(`  ${r.topic ? `topic ${plain(r.topic)} · ` : ''}${merge} · ${state}`);
  if (r.votes.length)
    out.push(
      `  votes: ${r.votes.map((x) => `${plain(x.name)}${x.role === 'other' ? '' : ` (${ROLE[x.role]})`} ${signed(x.value)}`).join(', ')}`,
    );
  if (r.ourVote)
    out.push(
      c.dim(
        `  you voted ${signed(r.ourVote.value)} on this patch set (${r.ourVote.postedAt.slice(0, 16).replace('T', ' ')} UTC)`,
      ),
    );
  for (const d of r.deliverables) {
    const step = d.newVersion
      ? `${d.oldVersion ?? '(first release)'} → ${d.newVersion}${d.jump ? ` (${d.jump})` : ''}`
      : d.kind === 'branch-only'
        ? `branch-only: creates ${d.branchesAdded.join(', ')}${d.oldVersion ? ` (last release ${d.oldVersion})` : ''}`
        : 'no new version';
    const shipped =
      d.commits === null
        ? ''
        : `: ${d.commits} commit${d.commits === 1 ? '' : 's'}${bugsAndNotes(
            d.repos.flatMap((x) => x.closesBugs),
            d.repos.reduce((s, x) => s + x.notes.length, 0),
          )}`;
    out.push(`  ${c.bold(d.name)} ${step}${d.hash ? ` at ${d.hash.slice(0, 12)}` : ''}${shipped}`);
    for (const repo of d.repos) {
      if (d.repos.length > 1) out.push(`    ${repo.repo}: ${repo.commitCount ?? '?'} commits`);
      for (const commit of repo.commits.slice(0, maxCommits)) {
        const bugs = commit.closesBugs.length
          ? c.dim(`  Closes-Bug ${commit.closesBugs.map((b) => `#${b}`).join(' ')}`)
          : '';
        const feat = commit.feature ? c.cyan('  [feature]') : '';
        out.push(
          `    ${commit.hash.slice(0, 12)} ${plain(commit.subject)} ${c.dim(`(${plain(commit.author)})`)}${feat}${bugs}`,
        );
      }
      if (repo.commits.length > maxCommits)
        out.push(c.dim(`    … ${repo.commits.length - maxCommits} more`));
      for (const note of repo.notes)
        out.push(
          c.dim(
            `    note ${note.path.split('/').pop() ?? note.path}: ${note.sections.join(', ') || '(empty)'}`,
          ),
        );
    }
    for (const w of d.warnings) out.push(`    ${c.yellow('!')} ${plain(w)}`);
  }
  for (const p of r.problems) out.push(`  ${c.red('!')} ${plain(p)}`);
  return out;
}

function bugsAndNotes(bugs: readonly number[], notes: number): string {
  const parts: string[] = [];
  const unique = [...new Set(bugs)];
  if (unique.length) parts.push(`closes ${unique.length} bug${unique.length === 1 ? '' : 's'}`);
  parts.push(`${notes} release note${notes === 1 ? '' : 's'}`);
  return `, ${parts.join(', ')}`;
}

/** What `liaison review vote` did, and the message it posted (or would post). */
export function renderVoteText(r: VoteResult): string {
  const v = r.value > 0 ? `+${r.value}` : String(r.value);
  const head =
    r.outcome === 'dry-run'
      ? `Dry run: would post Code-Review${v} on change ${r.number} patch set ${r.patchset ?? '?'} (add --apply to post):`
      : r.outcome === 'posted'
        ? `Posted Code-Review${v} on change ${r.number} patch set ${r.patchset ?? '?'}:`
        : `Already voted Code-Review${v} on change ${r.number} patch set ${r.patchset ?? '?'} at ${r.postedAt ?? '?'}; nothing posted again:`;
  return [head, '', ...r.message.split('\n').map((l) => `  ${l}`)].join('\n');
}

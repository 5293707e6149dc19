import { table, type Colors } from '../core/terminal.js';
import { humanDate } from '../core/dates.js';
import { seriesTitle } from '../data/releases/series.js';
import { inertLine } from '../core/text.js';
import type { VoteResult } from './apply.js';
import type { FreezeChange, FreezeView } from './plan.js';

export interface FreezeOutput extends FreezeView {
  /** What --apply did; null on a dry run. */
  readonly votes: readonly VoteResult[] | null;
}

function sourceLine(view: FreezeView, c: Colors): string[] {
  return [view.sources.gerrit, view.sources.launchpad].map((s) =>
    s.state === 'fresh' ? c.dim(s.line) : c.yellow(s.line),
  );
}

function rcLine(view: FreezeView): string {
  const parts = [`${view.rcCount} RC${view.rcCount === 1 ? '' : 's'} so far`];
  if (view.lastRc) {
    const age =
      view.daysSinceLastRc !== null
        ? `, ${view.daysSinceLastRc} day${view.daysSinceLastRc === 1 ? '' : 's'} ago`
        : ' (date unknown)';
    parts.push(
      `last ${view.lastRc.deliverable} ${view.lastRc.version}${view.lastRc.date ? ` on ${view.lastRc.date}` : ''}${age}`,
    );
  }
  if (view.finalRcDeadline) parts.push(`final-RC deadline ${humanDate(view.finalRcDeadline)}`);
  if (view.finalDate) parts.push(`final release ${humanDate(view.finalDate)}`);
  return parts.join(' · ');
}

function changeRows(changes: readonly FreezeChange[], c: Colors): string {
  return table(
    changes.map((ch) => [
      String(ch.number),
      ch.class === 'other'
        ? c.red(ch.class)
        : ch.class === 'release-critical'
          ? c.yellow(ch.class)
          : c.green(ch.class),
      ch.branch,
      inertLine(ch.subject, 70) + (ch.workInProgress ? ' [WIP]' : ''),
      inertLine(ch.reason, 100),
    ]),
    '  ',
  );
}

export function renderFreezeText(view: FreezeOutput, c: Colors): string {
  const title = `${view.seriesId} ${seriesTitle(view.series)}`;
  const lines: string[] = [];
  if (view.projects.length === 0) {
    return `Freeze for ${title} (${view.team}): the team has no cycle-with-rc deliverable in ${view.series}; nothing to freeze.`;
  }
  if (!view.active) {
    const why =
      view.phase === 'before-rc1'
        ? `not active yet: it starts with RC1${view.rc1Date ? ` (${humanDate(view.rc1Date)})` : ''}`
        : `over: the final release${view.finalDate ? ` was on ${humanDate(view.finalDate)}` : ' is out'}`;
    lines.push(c.bold(`Freeze for ${title} (${view.team}): ${why}`), rcLine(view));
    for (const w of view.warnings) lines.push(c.yellow(`warning: ${w}`));
    return lines.join('\n');
  }
  lines.push(
    c.bold(
      `Freeze for ${title} (${view.team}): active on master and ${view.stableBranch} of ${view.projects.join(', ')}`,
    ),
  );
  lines.push(rcLine(view));
  for (const w of view.warnings) lines.push(c.yellow(`warning: ${w}`));
  lines.push(...sourceLine(view, c));
  const rc = view.rcBugs.map((b) => `#${b.id} (${b.why})`).join(', ');
  lines.push(`Release-critical bugs: ${rc || 'none known'}`);
  if (view.dataAsOf === null) {
    lines.push('', 'No open changes stored yet: run `liaison sync` (Gerrit).');
  } else if (view.changes.length === 0) {
    lines.push('', 'No open changes on the frozen branches.');
  } else {
    lines.push(
      '',
      c.bold(
        `Open changes: ${view.counts.other} other, ${view.counts.releaseCritical} release-critical, ${view.counts.automated} automated`,
      ),
    );
    lines.push(changeRows(view.changes, c));
  }
  const others = view.changes.filter((ch) => ch.class === 'other');
  if (view.votes) {
    lines.push('', c.bold('Code-Review -2 votes'));
    for (const v of view.votes)
      lines.push(
        `  ${v.number}: ${v.outcome === 'failed' ? c.red(v.outcome) : v.outcome} — ${inertLine(v.detail, 240)}`,
      );
  } else if (others.length > 0) {
    const pending = others.filter((o) => !o.posted && !o.blockedBy);
    for (const o of others) {
      const state = o.posted
        ? `voted -2 on ${o.posted.at.slice(0, 10)}`
        : o.blockedBy
          ? `already -2 from ${inertLine(o.blockedBy, 40)}`
          : 'draft';
      lines.push(
        '',
        c.bold(`${o.number} (${state}): ${inertLine(o.subject, 80)}`),
        ...(o.draft ?? '').split('\n').map((l) => `  | ${l}`),
      );
    }
    if (pending.length > 0)
      lines.push(
        '',
        c.dim(
          `Dry run: ${pending.length} vote(s) would be posted; run again with --apply to post them.`,
        ),
      );
  }
  return lines.join('\n');
}

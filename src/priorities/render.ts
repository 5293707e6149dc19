import { table, type Colors } from '../core/terminal.js';
import { inertLine } from '../core/text.js';
import {
  summarizePriorities,
  type MilestoneSummary,
  type PrioritiesSummary,
  type Priority,
  type PrioritiesView,
  type Risk,
} from './plan.js';

/** `no activity for 20 days on 12345`, `Code-Review -1 on 12346 (by jdoe)`. */
export function riskText(r: Risk): string {
  if (r.kind === 'no-activity') return `no activity for ${r.days} days on ${r.change}`;
  const value = r.vote === 'rejected' ? (r.label === 'Workflow' ? '-1' : '-2') : '-1';
  return `${r.label} ${value} on ${r.change}${r.by ? ` (by ${inertLine(r.by, 60)})` : ''}`;
}

function milestoneLabel(m: MilestoneSummary): string {
  return m.number !== null ? `milestone ${m.number}` : m.name;
}

/** The milestone line of a view (`view.current` by default), as the brief and the meeting say it. */
export function prioritiesLine(view: PrioritiesView, m = view.current): string | null {
  return summaryLine(summarizePriorities(view, m));
}

/**
 * "Priorities for milestone 2 (2026-01-08): 1 of 3 merged; at risk: foo
 * (no activity for 20 days on 12345); not started: bar" — the brief, the
 * meeting and the milestone reminder carry it.
 */
export function summaryLine(s: PrioritiesSummary): string | null {
  const m = s.milestone;
  if (!m || m.total === 0) return null;
  const risky = s.risks.map((r) => `${inertLine(r.name, 80)} (${riskText(r.risk)})`);
  const parts = [
    `${m.done} of ${m.total} merged`,
    `at risk: ${risky.length ? risky.join(', ') : 'none'}`,
  ];
  if (m.names.notStarted.length)
    parts.push(`not started: ${m.names.notStarted.map((n) => inertLine(n, 80)).join(', ')}`);
  if (m.names.deferred.length)
    parts.push(`deferred: ${m.names.deferred.map((n) => inertLine(n, 80)).join(', ')}`);
  if (s.overdue.length)
    parts.push(
      `overdue: ${s.overdue
        .map((o) => `${inertLine(o.name, 80)}${o.milestone ? ` (milestone ${o.milestone})` : ''}`)
        .join(', ')}`,
    );
  return `Priorities for ${milestoneLabel(m)}${m.date ? ` (${m.date})` : ''}: ${parts.join('; ')}`;
}

/** The summary's lines: the milestone line and the feature-freeze drafts, as the brief prints them. */
export function summaryLines(s: PrioritiesSummary): string[] {
  const lines = [summaryLine(s) ?? `no priorities for ${s.series} yet`];
  if (s.ffeDrafts > 0)
    lines.push(
      `feature freeze ${s.featureFreeze ?? ''}: ${s.ffeDrafts} exception request${s.ffeDrafts === 1 ? '' : 's'} drafted — run \`liaison priorities\``,
    );
  return lines;
}

/** The `{priorities}` text of a milestone reminder: its line and one line per priority targeted to it. */
export function milestoneReminderText(view: PrioritiesView, n: number): string | null {
  const m = view.milestones.find((x) => x.number === n);
  const line = m ? prioritiesLine(view, m) : null;
  if (!m || !line) return null;
  const mine = view.priorities.filter((p) => p.milestone === m.name);
  return [
    `${line}.`,
    '',
    ...mine.map(
      (p) =>
        `  - ${inertLine(p.title, 120)} (${inertLine(p.name, 80)}): ${p.state}${p.atRisk ? ', at risk' : ''}, ${p.changes.open} open / ${p.changes.merged} merged change${p.changes.merged === 1 ? '' : 's'}${p.owner ? `, ${inertLine(p.owner, 60)}` : ''}`,
    ),
  ].join('\n');
}

function changeCount(p: Priority): string {
  return `${p.changes.open} open / ${p.changes.merged} merged`;
}

export function renderPrioritiesText(view: PrioritiesView, c: Colors): string {
  const source =
    view.source === 'config'
      ? `config priorities (${view.priorities.length})`
      : `every spec of the series (${view.priorities.length})`;
  const out = [
    c.bold(
      `Priorities of ${view.team} for ${view.series} (${view.seriesId}) on ${view.date}: ${source}`,
    ),
  ];
  for (const s of [view.sources.launchpad, view.sources.gerrit])
    out.push(s.state === 'fresh' ? c.dim(s.line) : c.yellow(s.line));
  if (view.specsRepo)
    out.push(
      c.dim(
        `specs: ${view.specsRepo.dir} at ${view.specsRepo.commit.slice(0, 12)} (${view.specsRepo.commitDate.slice(0, 10)}), specs/${view.specsRepo.seriesDir ?? '-'}/`,
      ),
    );
  for (const m of view.milestones) {
    const line = prioritiesLine(view, m);
    if (line) out.push(m.names.atRisk.length ? c.yellow(line) : line);
  }
  if (view.priorities.length === 0) out.push('  no priorities for this series');
  else {
    const rows = [
      ['priority', 'milestone', 'state', 'changes', 'last activity', 'owner'].map((h) => c.bold(h)),
    ];
    for (const p of view.priorities) {
      const state = p.atRisk ? c.yellow(`${p.state}, at risk`) : p.state;
      rows.push([
        inertLine(p.name, 70),
        `${p.milestone ?? '-'}${p.milestoneSource === 'default' ? ' (default)' : ''}`,
        state,
        changeCount(p),
        p.lastActivity ? p.lastActivity.slice(0, 10) : '-',
        inertLine(p.owner ?? '-', 40),
      ]);
    }
    out.push(table(rows, '  '));
    for (const p of view.priorities) {
      out.push(c.dim(`  ${inertLine(p.name, 70)}: ${inertLine(p.title, 120)}`));
      for (const r of p.risks) out.push(c.yellow(`    at risk: ${riskText(r)}`));
      for (const ch of p.changes.items)
        out.push(
          c.dim(
            `    ${ch.status} ${ch.url} ${inertLine(ch.subject, 90)} (${inertLine(ch.project, 60)} ${inertLine(ch.branch, 40)})`,
          ),
        );
    }
  }
  if (view.otherBlueprints.length)
    out.push(
      `Also targeted to ${view.series} in Launchpad: ${view.otherBlueprints.map((b) => `${inertLine(b.project, 40)}/${inertLine(b.name, 70)}`).join(', ')}`,
    );
  if (view.ffeDrafts.length) {
    out.push(
      '',
      c.bold(
        `Feature-freeze exception drafts (${view.ffeDrafts.length}), feature freeze ${view.featureFreeze.date ?? '?'}:`,
      ),
    );
    for (const d of view.ffeDrafts) {
      out.push(
        '',
        `To: ${d.to ?? '<the team mailing list>'}`,
        `Subject: ${inertLine(d.subject, 200)}`,
        '',
      );
      out.push(
        ...d.body
          .trimEnd()
          .split('\n')
          .map((l) => inertLine(l, 300)),
      );
    }
  }
  for (const n of view.notes) out.push(c.dim(`note: ${n}`));
  return out.join('\n');
}

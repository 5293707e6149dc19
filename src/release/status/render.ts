import { table, type Colors } from '../../core/terminal.js';
import { renderStableRows } from '../stable/render.js';
import type { CoverageView, DeliverableStatus, ReleaseStatusView, WindowState } from './plan.js';

export function renderStatusText(view: ReleaseStatusView, c: Colors): string {
  const out: string[] = [
    c.bold(
      `Release status of ${view.team} in ${view.series} (${view.seriesId})${view.week ? `, ${view.week}` : ''} on ${view.today}`,
    ),
  ];
  for (const d of view.deliverables) out.push('', ...renderDeliverable(d, c));
  out.push('', renderCoverageText(view.coverage, c));
  out.push('', c.bold('Stable branches'), ...renderStableRows(view.stable, c));
  for (const n of view.notes) out.push(c.dim(`note: ${n}`));
  out.push(c.dim(`data: ${view.dataSource}`));
  return out.join('\n');
}

function renderDeliverable(d: DeliverableStatus, c: Colors): string[] {
  const latest = d.latestInSeries
    ? `${d.latestInSeries.version}${d.latestInSeries.date ? ` (${d.latestInSeries.date}, ${d.latestInSeries.dateSource})` : ' (date unknown)'}`
    : 'none in this series';
  const rows: string[][] = [
    ['model / type', `${d.model ?? '?'} / ${d.type ?? '?'}`],
    ['latest release', latest],
    ['before', d.latestBefore ? `${d.latestBefore.version} (${d.latestBefore.series})` : 'none'],
    [
      'releases',
      d.releases.length
        ? d.releases.map((r) => `${r.version}${r.date ? ` ${r.date}` : ''}`).join(', ')
        : '-',
    ],
    [
      'stable branch',
      d.type === 'tempest-plugin'
        ? 'none (branchless)'
        : `${d.stableBranch.name}: ${d.stableBranch.inFile ? 'in the file' : 'not in the file'}, ${d.stableBranch.inClone === null ? 'no clone' : d.stableBranch.inClone ? 'in the clone' : 'not in the clone'}`,
    ],
  ];
  if (d.unreleased === null) rows.push(['unreleased', 'no clone']);
  else
    for (const u of d.unreleased)
      rows.push([
        `unreleased ${u.branch}`,
        `${u.count} commit${u.count === 1 ? '' : 's'}${u.since ? ` since ${u.since}` : ' (never tagged)'}${d.repos.length > 1 ? ` in ${u.repo}` : ''}`,
      ]);
  const out = [
    c.bold(d.name) + (d.file ? '' : c.dim(' (no file in this series)')),
    table(rows, '  '),
  ];
  for (const u of d.unreleased ?? [])
    for (const s of u.subjects.slice(0, 5)) out.push(c.dim(`    ${u.branch}: ${s}`));
  for (const item of d.due)
    out.push(`  ${c.yellow('due')}: ${item.what}${item.by ? ` (by ${item.by})` : ''}`);
  return out;
}

const MARK: Record<WindowState, string> = {
  released: 'released',
  missed: 'MISSED',
  'no-changes': 'no release, no changes',
  'not-planned': 'not planned (team convention)',
  unknown: 'no release; changes unknown',
  open: 'open',
};

export function renderCoverageText(view: CoverageView, c: Colors): string {
  const out = [c.bold(`Milestone coverage (${view.series})`)];
  if (view.rows.length === 0) out.push('  no library or client library');
  for (const r of view.rows) {
    out.push(`  ${r.deliverable} (${r.type})`);
    const rows = r.windows.map((w) => {
      const mark =
        w.state === 'missed'
          ? c.red(MARK[w.state])
          : w.state === 'released'
            ? c.green(MARK[w.state])
            : MARK[w.state];
      const extra = w.releases.length
        ? ` ${w.releases.join(', ')}`
        : w.unreleasedChanges
          ? ` (${w.unreleasedChanges} unreleased commits)`
          : '';
      return [w.label, `${w.from} → ${w.to}`, mark + extra];
    });
    out.push(rows.length ? table(rows, '    ') : '    no milestones in the schedule');
  }
  for (const n of view.notes) out.push(c.dim(`  note: ${n}`));
  return out.join('\n');
}

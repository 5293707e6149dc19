import { table, type Colors } from '../../core/terminal.js';
import { renderStableRows } from '../stable/render.js';
import type {
  ChangesUnknown,
  CloneBehind,
  CoverageView,
  DeliverableStatus,
  ReleaseStatusView,
  WindowState,
} from './plan.js';

/** "the clone of openstack/glance_store (DIR) does not have 149c159… released as 5.6.0: fetch it". */
export function cloneBehindText(b: CloneBehind): string {
  return `the clone of ${b.repo} (${b.dir}) does not have ${b.hash.slice(0, 7)}… released as ${b.version}: fetch it (liaison sync --only git)`;
}

/** Why a library's window changes are unknown, as one sentence about the deliverable. */
export function changesUnknownText(deliverable: string, u: ChangesUnknown): string {
  const then = 'a window without a release is reported, not failed';
  switch (u.reason) {
    case 'no-clone':
      return `${deliverable}: no clone, so unreleased changes are unknown; ${then}`;
    case 'clone-behind':
      return `${deliverable}: ${cloneBehindText(u)}; until then unreleased changes are unknown and ${then}`;
    case 'no-start':
      return `${deliverable}: the clone ${u.dir} has neither the commit nor the tag of the release the windows count from, so unreleased changes are unknown; ${then}`;
  }
}

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
  for (const b of d.cloneBehind) rows.push(['unreleased', `unknown: ${cloneBehindText(b)}`]);
  if (d.clone === null) rows.push(['unreleased', 'no clone']);
  for (const u of d.unreleased ?? [])
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
  unconfirmed: 'no release in the data',
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
      const asOf = w.asOf ? ` as of ${w.asOf}` : '';
      const extra = w.releases.length
        ? ` ${w.releases.join(', ')}`
        : w.unreleasedChanges
          ? ` (${w.unreleasedChanges} unreleased commits)`
          : '';
      return [w.label, `${w.from} → ${w.to}`, mark + asOf + extra];
    });
    out.push(rows.length ? table(rows, '    ') : '    no milestones in the schedule');
  }
  for (const r of view.rows)
    if (r.changesUnknown)
      out.push(c.dim(`  note: ${changesUnknownText(r.deliverable, r.changesUnknown)}`));
  for (const n of view.notes) out.push(c.dim(`  note: ${n}`));
  return out.join('\n');
}

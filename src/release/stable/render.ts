import { table, type Colors } from '../../core/terminal.js';
import { inertLine } from '../../core/text.js';
import type { BranchVerdictReason } from './plan-rule.js';
import type { StableBranchRow, StableView } from './plan.js';

/** Why a branch is or is not released from, in words. */
export const REASON_TEXT: Record<BranchVerdictReason, string> = {
  maintained: 'maintained: stable releases',
  'release-candidates': 'new branch of the series in development: RCs and the final release only',
  'extended-maintenance': 'extended maintenance: no releases',
  unmaintained: 'unmaintained: never released from',
  'end-of-life': 'end of life: never released from',
  future: 'series not started',
  'unknown-series': 'series unknown: not released from',
  'not-stable': 'not a stable branch',
};

/** The stable part of `release status` and all of `release stable`. */
export function renderStableRows(
  rows: readonly StableBranchRow[],
  c: Colors,
  opts: { readonly details?: boolean } = {},
): string[] {
  if (rows.length === 0) return ['  no stable or unmaintained branches in the listed series'];
  const table1 = [
    ['deliverable', 'branch', 'phase', 'unreleased', 'backports', ''].map((h) => c.bold(h)),
  ];
  for (const r of rows) {
    const unreleased =
      r.unreleased === null
        ? 'no clone'
        : `${r.unreleased.count}${r.unreleased.since ? ` since ${inertLine(r.unreleased.since, 40)}` : ''}`;
    const backports = r.openBackports === null ? 'not synced' : String(r.openBackports.length);
    const verdict = r.suggest
      ? c.yellow(`release ${r.nextVersion ?? 'a bugfix version'}`)
      : r.releasable
        ? r.unreleased === null
          ? 'unknown without a clone'
          : 'nothing to release'
        : c.dim(REASON_TEXT[r.reason]);
    table1.push([r.deliverable, r.branch, r.phase, unreleased, backports, verdict]);
  }
  const out = [table(table1, '  ')];
  if (opts.details !== false) {
    for (const r of rows.filter((x) => x.releasable)) {
      for (const ch of r.unreleased?.changes.slice(0, 10) ?? []) {
        const bugs = ch.bugLinks.length ? ` (${ch.bugLinks.join(', ')})` : '';
        out.push(c.dim(`    ${r.branch} ${r.repo}: ${inertLine(ch.subject, 100)}${bugs}`));
      }
      for (const b of r.openBackports ?? [])
        out.push(c.dim(`    ${r.branch} open: ${inertLine(b.subject, 100)} ${b.url}`));
    }
  }
  return out;
}

export function renderStableText(view: StableView, c: Colors): string {
  const n = view.counts;
  const out = [
    c.bold(`Stable branches of ${view.team} on ${view.today}`),
    view.source.state === 'fresh' ? c.dim(view.source.line) : c.yellow(view.source.line),
    `${n.branches} branches, ${n.releasable} released from; ${n.suggested} to release (${n.unreleased} unreleased changes, ${n.openBackports} open backports)`,
    ...renderStableRows(view.branches, c),
  ];
  if (view.seriesWithoutFiles.length)
    out.push(
      c.dim(
        `note: the releases data has no deliverable files of ${view.seriesWithoutFiles.join(', ')}: their branches are assumed and their last releases unknown (--releases-repo DIR)`,
      ),
    );
  if (view.withoutClone.length)
    out.push(
      c.dim(
        `note: no clone for ${view.withoutClone.join(', ')}: unreleased changes unknown (--clones DIR or clones-dir)`,
      ),
    );
  return out.join('\n');
}

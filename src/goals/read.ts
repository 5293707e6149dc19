import type { Context } from '../cli/context.js';
import type { IsoDate } from '../core/dates.js';
import type { FileTree } from '../data/file-tree.js';
import { effectiveStatus, type Series } from '../data/releases/series.js';
import { viewSeries } from '../bugs/read.js';
import { governanceStatus, parseGoalDoc, type GoalDoc } from './read-goal-doc.js';
import { loadGoalRecords, type GoalRecord } from './store.js';

export interface GoalItem {
  readonly id: string;
  readonly title: string;
  /** done · in-progress · not-started (liaison) · not-completed · not-applicable (governance) · unknown. */
  readonly status: string;
  readonly owner: string | null;
  /** Who says so: the goal document in governance, the liaison's record, or nobody. */
  readonly statusSource: 'governance' | 'liaison' | 'none';
  /** The governance entry in short, when it has one. */
  readonly detail: string | null;
  readonly recordedOn: string | null;
  readonly kind: 'selected' | 'completed';
  readonly champions: readonly string[];
  readonly gerritTopic: string | null;
  readonly trackingUrl: string | null;
  /** Completion criteria that name this series. */
  readonly criteria: readonly string[];
  readonly path: string;
}

export interface GoalsView {
  readonly team: string;
  readonly series: string;
  readonly seriesId: string;
  readonly today: string;
  readonly goals: readonly GoalItem[];
  /** Date of the governance data the goals come from. */
  readonly dataAsOf: string | null;
  readonly governance: string;
  readonly notes: readonly string[];
}

/**
 * The goal documents of a series: `goals/completed/<id or name>/`, plus the
 * active ones in `goals/selected/` while the series is still being built.
 */
export function goalPaths(
  tree: FileTree,
  series: Series,
  today: IsoDate,
): { path: string; kind: 'selected' | 'completed' }[] {
  const rst = (dir: string) =>
    tree
      .list(dir)
      .filter((f) => f.endsWith('.rst') && f !== 'index.rst')
      .map((f) => `${dir}/${f}`);
  const completed = [
    ...new Set([series.releaseId, series.name].filter((s): s is string => !!s)),
  ].flatMap((d) => rst(`goals/completed/${d}`));
  const status = effectiveStatus(series, today);
  const selected = status === 'development' || status === 'future' ? rst('goals/selected') : [];
  return [
    ...selected.map((path) => ({ path, kind: 'selected' as const })),
    ...completed.map((path) => ({ path, kind: 'completed' as const })),
  ];
}

export function trackingUrl(topic: string, repos: readonly string[]): string {
  const projects =
    repos.length === 0
      ? ''
      : repos.length === 1
        ? ` project:${repos[0]}`
        : ` (${repos.map((r) => `project:${r}`).join(' OR ')})`;
  // ':' and '/' may stay literal in Gerrit queries; parentheses are escaped so the URL survives Markdown
  const q = encodeURIComponent(`topic:${topic}${projects}`)
    .replace(/%20/g, '+')
    .replace(/%3A/gi, ':')
    .replace(/%2F/gi, '/')
    .replace(/\(/g, '%28')
    .replace(/\)/g, '%29');
  return `https://review.opendev.org/q/${q}`;
}

/** Pure: one goal item from its document, the team's names and the liaison's record. */
export function planGoal(
  doc: GoalDoc,
  kind: 'selected' | 'completed',
  names: readonly string[],
  record: GoalRecord | undefined,
  series: Series,
  repos: readonly string[],
): GoalItem {
  const entry = names.map((n) => doc.teamEntries.get(n.toLowerCase())).find((e) => e !== undefined);
  const gov = entry !== undefined ? governanceStatus(entry) : undefined;
  const useGov = gov !== undefined && gov.status !== 'unknown';
  const ids = [series.releaseId, series.name].filter((s): s is string => !!s);
  return {
    id: doc.id,
    title: doc.title,
    status: useGov ? gov.status : (record?.status ?? 'unknown'),
    owner: record?.owner ?? null,
    statusSource: useGov ? 'governance' : record ? 'liaison' : 'none',
    detail: gov?.detail ?? null,
    recordedOn: record?.recordedOn ?? null,
    kind,
    champions: doc.champions,
    gerritTopic: doc.gerritTopic ?? null,
    trackingUrl: doc.gerritTopic ? trackingUrl(doc.gerritTopic, repos) : null,
    criteria: doc.criteria.filter((c) => c.series.some((s) => ids.includes(s))).map((c) => c.text),
    path: doc.path,
  };
}

export async function buildGoalsView(
  ctx: Context,
  opts: { series?: string } = {},
): Promise<GoalsView> {
  const series = viewSeries(ctx, opts.series);
  const gov = ctx.data.governance;
  const team = ctx.team;
  const names = [team.name, ...team.deliverables.map((d) => d.name)];
  const repos = team.deliverables
    .filter((d) => d.releaseManagement === undefined)
    .flatMap((d) => d.repos);
  const db = await ctx.store();
  const records = loadGoalRecords(db, team.name, series.name);
  const goals = goalPaths(gov.tree, series, ctx.today).map(({ path, kind }) => {
    const doc = parseGoalDoc(gov.text(path) ?? '', path);
    return planGoal(doc, kind, names, records.get(doc.id), series, repos);
  });
  const notes: string[] = [];
  if (goals.length === 0) notes.push(`governance lists no community goals for ${series.name}`);
  const unknown = goals.filter((g) => g.statusSource === 'none').map((g) => g.id);
  if (unknown.length > 0)
    notes.push(
      `no status recorded for ${unknown.join(', ')}: record it with \`liaison goals set GOAL STATUS --owner NAME\``,
    );
  const stamp = gov.stamp;
  return {
    team: team.name,
    series: series.name,
    seriesId: series.releaseId ?? series.name,
    today: ctx.today,
    goals,
    dataAsOf: stamp.date ?? null,
    governance:
      `openstack/governance ${stamp.commit ? stamp.commit.slice(0, 10) + ' ' : ''}${stamp.date ? `of ${stamp.date}` : ''}`.trim(),
    notes,
  };
}

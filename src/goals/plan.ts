import type { Deps } from '../core/deps.js';
import type { Series } from '../data/releases/series.js';
import { governanceStatus, type GoalDoc } from './plan-goal-doc.js';
import type { GoalRecord } from './store.js';

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

export interface GoalsOptions {
  /** Series name or id; default: the series at --date. */
  readonly series?: string;
}

declare module '../core/deps.js' {
  interface Views {
    /** `liaison goals`: the series' community goals and the team's status on each. */
    goals(ctx: Deps, opts?: GoalsOptions): Promise<GoalsView>;
  }
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

import { compareDates, daysBetween, type IsoDate } from '../core/dates.js';
import type { Deps } from '../core/deps.js';
import type { CycleEvent } from '../calendar/model.js';
import type { SourceAge } from '../sources/age.js';
import type { ImplementingChange } from './read-gerrit.js';
import type { Blueprint } from './read-launchpad.js';
import { specPageUrl, type SpecFacts, type SpecStatus } from './read-spec.js';

/**
 * The cycle's priorities and their progress (pure): each priority's
 * target milestone, state, implementing changes and risks, and per
 * milestone how many are done, at risk or not started.
 */

/** An open change without an update for this many days puts its priority at risk. */
export const STALE_DAYS = 14;
/** The milestone a priority without a target is due by: feature freeze. */
export const DEFAULT_MILESTONE = 3;

export type PriorityState = 'not started' | 'in review' | 'merged' | 'implemented' | 'deferred';

/** A priority as the config or the specs repository states it (before any service data). */
export interface PriorityDef {
  readonly name: string;
  readonly source: 'config' | 'specs';
  readonly owner: string | null;
  /** Config target: 1–3, `m2`, `gazpacho-2`. */
  readonly milestone: number | string | null;
  readonly topic: string | null;
  readonly blueprint: { readonly project: string | null; readonly name: string } | null;
  readonly spec: SpecFacts | null;
}

export type Risk =
  | { readonly kind: 'no-activity'; readonly change: number; readonly days: number }
  | {
      readonly kind: 'negative-vote';
      readonly change: number;
      readonly label: string;
      readonly vote: 'rejected' | 'disliked';
      readonly by: string | null;
    };

export interface PriorityChange {
  readonly number: number;
  readonly project: string;
  readonly branch: string;
  readonly subject: string;
  readonly status: 'open' | 'merged';
  readonly workInProgress: boolean;
  /** Only `Partially-Implements:` (or a `bp/` topic): more changes will follow. */
  readonly partial: boolean;
  readonly owner: string | null;
  readonly updated: string | null;
  readonly submitted: string | null;
  readonly url: string;
}

export interface Priority {
  /** The blueprint name, else the spec file name. */
  readonly name: string;
  readonly title: string;
  readonly source: 'config' | 'specs';
  readonly owner: string | null;
  /** The spec's folder (`glance_store`) or the blueprint's Launchpad project. */
  readonly project: string | null;
  readonly spec: {
    readonly path: string;
    readonly status: SpecStatus;
    readonly url: string | null;
  } | null;
  readonly blueprint: {
    readonly project: string | null;
    readonly name: string;
    readonly url: string;
    /** What Launchpad says; null fields when it was not read. */
    readonly priority: string | null;
    readonly definitionStatus: string | null;
    readonly implementationStatus: string | null;
    readonly milestone: string | null;
    readonly assignee: string | null;
  } | null;
  /** `gazpacho-2`; another Launchpad milestone name; null when unknown. */
  readonly milestone: string | null;
  readonly milestoneNumber: number | null;
  readonly milestoneDate: IsoDate | null;
  readonly milestoneSource: 'config' | 'launchpad' | 'default';
  readonly state: PriorityState;
  readonly changes: {
    readonly open: number;
    readonly merged: number;
    readonly links: readonly string[];
    readonly items: readonly PriorityChange[];
  };
  /** ISO instant of the newest update of its changes; null without changes. */
  readonly lastActivity: string | null;
  readonly atRisk: boolean;
  readonly risks: readonly Risk[];
}

export interface MilestoneSummary {
  readonly number: number | null;
  readonly name: string;
  readonly date: IsoDate | null;
  readonly total: number;
  /** Merged or implemented. */
  readonly done: number;
  readonly names: {
    readonly done: readonly string[];
    readonly inReview: readonly string[];
    readonly atRisk: readonly string[];
    readonly notStarted: readonly string[];
    readonly deferred: readonly string[];
  };
}

export interface OtherBlueprint {
  readonly project: string;
  readonly name: string;
  readonly title: string;
  readonly milestone: string | null;
  readonly implementationStatus: string | null;
  readonly url: string;
}

export interface PlanInput {
  readonly today: IsoDate;
  readonly team: string;
  readonly series: { readonly name: string; readonly id: string };
  /** Codenames of the series after this one (a blueprint moved to their milestones is deferred). */
  readonly laterSeries: readonly string[];
  /** Cross-project events of the series (milestone dates). */
  readonly events: readonly CycleEvent[];
  readonly defs: readonly PriorityDef[];
  readonly blueprints: readonly (Blueprint & { readonly series: string | null })[];
  readonly changes: readonly ImplementingChange[];
  /** Spec stems found in later series' folders. */
  readonly laterStems: ReadonlySet<string>;
  /** The specs repository (`openstack/glance-specs`), for links; and its own changes are no implementation. */
  readonly specsRepo: string | null;
  readonly gerritBase: string;
}

/** Milestone number of `gazpacho-2`, `m2`, `2`; null for anything else. */
export function milestoneNumber(value: string | number | null, series: string): number | null {
  if (value === null) return null;
  if (typeof value === 'number') return value >= 1 && value <= 3 ? value : null;
  const m = /^(?:m|([a-z]+)-)?([1-3])$/i.exec(value);
  if (!m) return null;
  if (m[1] && m[1].toLowerCase() !== series) return null;
  return Number(m[2]);
}

/** Date of milestone N: the series' own `<letter>-N` cross-project event. */
export function milestoneDate(
  events: readonly CycleEvent[],
  series: string,
  n: number,
): IsoDate | null {
  const id = `${series.charAt(0)}-${n}`;
  return (
    events.find((e) => e.id === id && e.series === series && e.scope === 'cross-project')?.date ??
    null
  );
}

export function planPriorities(input: PlanInput): {
  priorities: Priority[];
  milestones: MilestoneSummary[];
  otherBlueprints: OtherBlueprint[];
  overdue: string[];
} {
  const codename = input.series.name;
  const bpKey = (project: string | null, name: string) => `${project ?? ''}/${name}`;
  const byName = new Map<string, (Blueprint & { series: string | null })[]>();
  for (const b of input.blueprints) {
    const list = byName.get(b.name) ?? [];
    list.push(b);
    byName.set(b.name, list);
  }
  const findBlueprint = (project: string | null, name: string) => {
    const list = byName.get(name) ?? [];
    return list.find((b) => project === null || b.project === project) ?? list[0];
  };
  // the changes of the period: none created after --date
  const end = `${input.today}T23:59:59.999Z`;
  const changes = input.changes.filter(
    (c) =>
      c.status !== 'ABANDONED' &&
      c.project !== input.specsRepo &&
      (c.created === null || c.created <= end),
  );
  const implemented = changes.map((c) => ({ c, names: implementedBlueprints(c) }));
  const used = new Set<string>();
  const priorities = input.defs.map((d): Priority => {
    const lp = d.blueprint ? findBlueprint(d.blueprint.project, d.blueprint.name) : undefined;
    if (lp) used.add(bpKey(lp.project, lp.name));
    const mine = implemented.flatMap(({ c, names }) => {
      const hit = d.blueprint ? names.find((n) => n.name === d.blueprint?.name) : undefined;
      if (hit) return [{ c, partial: hit.partial }];
      if (d.topic && c.topic === d.topic) return [{ c, partial: false }];
      return [];
    });
    const items = mine
      .map(({ c, partial }) => changeView(c, partial, input))
      .sort((a, b) => (a.status === b.status ? a.number - b.number : a.status === 'open' ? -1 : 1));
    const open = items.filter((i) => i.status === 'open');
    const merged = items.filter((i) => i.status === 'merged');
    const target = targetOf(d, lp, input);
    const risks = risksOf(
      open,
      mine.map((m) => m.c),
      input.today,
    );
    const state = stateOf(d, lp, open.length, merged.length, input);
    const activity = items
      .map((i) => i.updated)
      .filter((u): u is string => u !== null)
      .sort()
      .pop();
    return {
      name: d.name,
      title: d.spec?.title ?? lp?.title ?? d.name,
      source: d.source,
      owner: d.owner ?? lp?.assignee ?? null,
      project: d.spec?.project ?? lp?.project ?? d.blueprint?.project ?? null,
      spec: d.spec
        ? {
            path: d.spec.path,
            status: d.spec.status,
            url: input.specsRepo ? specPageUrl(input.specsRepo, d.spec.path) : null,
          }
        : null,
      blueprint: d.blueprint
        ? {
            project: lp?.project ?? d.blueprint.project,
            name: d.blueprint.name,
            url:
              lp?.webLink ??
              `https://blueprints.launchpad.net/${d.blueprint.project ?? 'launchpad'}/+spec/${d.blueprint.name}`,
            priority: lp?.priority ?? null,
            definitionStatus: lp?.definitionStatus ?? null,
            implementationStatus: lp?.implementationStatus ?? null,
            milestone: lp?.milestone ?? null,
            assignee: lp?.assignee ?? null,
          }
        : null,
      ...target,
      state,
      changes: {
        open: open.length,
        merged: merged.length,
        links: items.map((i) => i.url),
        items,
      },
      lastActivity: activity ?? null,
      atRisk: state === 'in review' && risks.length > 0,
      risks,
    };
  });
  const otherBlueprints = input.blueprints
    .filter((b) => b.series === codename && !used.has(bpKey(b.project, b.name)))
    .map((b) => ({
      project: b.project,
      name: b.name,
      title: b.title,
      milestone: b.milestone,
      implementationStatus: b.implementationStatus,
      url: b.webLink,
    }))
    .sort((a, b) => a.project.localeCompare(b.project) || a.name.localeCompare(b.name));
  const overdue = priorities
    .filter(
      (p) =>
        (p.state === 'in review' || p.state === 'not started') &&
        p.milestoneDate !== null &&
        compareDates(p.milestoneDate, input.today) < 0,
    )
    .map((p) => p.name);
  return { priorities, milestones: summarize(priorities), otherBlueprints, overdue };
}

function changeView(c: ImplementingChange, partial: boolean, input: PlanInput): PriorityChange {
  const end = `${input.today}T23:59:59.999Z`;
  // merged after --date: it was still open on that day
  const merged = c.status === 'MERGED' && (c.submitted === null || c.submitted <= end);
  return {
    number: c.number,
    project: c.project,
    branch: c.branch,
    subject: c.subject,
    status: merged ? 'merged' : 'open',
    workInProgress: c.workInProgress,
    partial,
    owner: c.owner,
    updated: c.updated,
    submitted: merged ? c.submitted : null,
    url: `${input.gerritBase.replace(/\/+$/, '')}/c/${c.project}/+/${c.number}`,
  };
}

function targetOf(
  d: PriorityDef,
  lp: Blueprint | undefined,
  input: PlanInput,
): Pick<Priority, 'milestone' | 'milestoneNumber' | 'milestoneDate' | 'milestoneSource'> {
  const codename = input.series.name;
  const n = milestoneNumber(d.milestone, codename);
  if (n !== null)
    return {
      milestone: `${codename}-${n}`,
      milestoneNumber: n,
      milestoneDate: milestoneDate(input.events, codename, n),
      milestoneSource: 'config',
    };
  if (lp?.milestone) {
    const ln = milestoneNumber(lp.milestone, codename);
    return {
      milestone: lp.milestone,
      milestoneNumber: ln,
      milestoneDate: ln === null ? null : milestoneDate(input.events, codename, ln),
      milestoneSource: 'launchpad',
    };
  }
  return {
    milestone: `${codename}-${DEFAULT_MILESTONE}`,
    milestoneNumber: DEFAULT_MILESTONE,
    milestoneDate: milestoneDate(input.events, codename, DEFAULT_MILESTONE),
    milestoneSource: 'default',
  };
}

function stateOf(
  d: PriorityDef,
  lp: Blueprint | undefined,
  open: number,
  merged: number,
  input: PlanInput,
): PriorityState {
  const movedOn =
    (lp?.milestone ?? '') !== '' &&
    input.laterSeries.some((s) => (lp?.milestone ?? '').toLowerCase().startsWith(`${s}-`));
  if (
    lp?.implementationStatus === 'Deferred' ||
    lp?.definitionStatus === 'Obsolete' ||
    lp?.definitionStatus === 'Superseded' ||
    movedOn ||
    (d.spec?.status === 'approved' && input.laterStems.has(d.spec.stem))
  )
    return 'deferred';
  if (d.spec?.status === 'implemented' || lp?.implementationStatus === 'Implemented')
    return 'implemented';
  if (open > 0) return 'in review';
  if (merged > 0) return 'merged';
  return 'not started';
}

function risksOf(
  open: readonly PriorityChange[],
  raw: readonly ImplementingChange[],
  today: IsoDate,
): Risk[] {
  const out: Risk[] = [];
  for (const o of open) {
    const c = raw.find((r) => r.number === o.number);
    if (o.updated) {
      const days = daysBetween(o.updated.slice(0, 10), today);
      if (days >= STALE_DAYS) out.push({ kind: 'no-activity', change: o.number, days });
    }
    for (const v of c?.negative ?? [])
      out.push({ kind: 'negative-vote', change: o.number, label: v.label, vote: v.kind, by: v.by });
  }
  return out;
}

function summarize(priorities: readonly Priority[]): MilestoneSummary[] {
  const groups = new Map<string, Priority[]>();
  for (const p of priorities) {
    const key = p.milestone ?? 'unknown';
    groups.set(key, [...(groups.get(key) ?? []), p]);
  }
  const out = [...groups].map(([name, list]): MilestoneSummary => {
    const first = list[0];
    const done = list.filter((p) => p.state === 'merged' || p.state === 'implemented');
    return {
      number: first?.milestoneNumber ?? null,
      name,
      date: first?.milestoneDate ?? null,
      total: list.length,
      done: done.length,
      names: {
        done: done.map((p) => p.name),
        inReview: list.filter((p) => p.state === 'in review').map((p) => p.name),
        atRisk: list.filter((p) => p.atRisk).map((p) => p.name),
        notStarted: list.filter((p) => p.state === 'not started').map((p) => p.name),
        deferred: list.filter((p) => p.state === 'deferred').map((p) => p.name),
      },
    };
  });
  return out.sort(
    (a, b) =>
      compareDates(a.date ?? '9999', b.date ?? '9999') ||
      (a.name < b.name ? -1 : a.name > b.name ? 1 : 0),
  );
}

/** The milestone a brief speaks of: the first not passed, else the last. */
export function currentMilestone(
  milestones: readonly MilestoneSummary[],
  today: IsoDate,
): MilestoneSummary | null {
  const dated = milestones.filter((m) => m.date !== null);
  return (
    dated.find((m) => compareDates(m.date ?? '', today) >= 0) ??
    dated[dated.length - 1] ??
    milestones[0] ??
    null
  );
}

/** The view of `liaison priorities` and the Priorities page. */
export interface PrioritiesView {
  readonly team: string;
  readonly date: IsoDate;
  readonly series: string;
  readonly seriesId: string;
  /** Where the list comes from: config `priorities:`, or every spec of the series. */
  readonly source: 'config' | 'specs';
  readonly priorities: readonly Priority[];
  readonly milestones: readonly MilestoneSummary[];
  /** The milestone the brief and meeting line speak of. */
  readonly current: MilestoneSummary | null;
  /** Unmerged priorities whose target milestone has passed. */
  readonly overdue: readonly string[];
  /** Blueprints targeted to the series in Launchpad that no priority names. */
  readonly otherBlueprints: readonly OtherBlueprint[];
  readonly featureFreeze: {
    readonly date: IsoDate | null;
    /** Monday–Sunday of the feature-freeze week. */
    readonly weekStart: IsoDate | null;
    readonly weekEnd: IsoDate | null;
    /** From the freeze week to RC1: feature-freeze exceptions are asked for. */
    readonly exceptionsOpen: boolean;
  };
  readonly ffeDrafts: readonly FfeDraft[];
  readonly specsRepo: {
    readonly dir: string;
    readonly origin: string;
    readonly commit: string;
    readonly commitDate: string;
    readonly seriesDir: string | null;
  } | null;
  readonly sources: { readonly launchpad: SourceAge; readonly gerrit: SourceAge };
  readonly notes: readonly string[];
}

/** A feature-freeze exception request, ready for the mailing list. */
export interface FfeDraft {
  readonly priority: string;
  readonly to: string | null;
  readonly subject: string;
  readonly body: string;
}

const FOOTER = /^\s*(partially-implements|implements)\s*:\s*(.+)$/i;

/**
 * The blueprints a change implements, fully or partly: commit-message
 * footers (`Implements: blueprint foo`, `Partially-Implements: bp foo`,
 * several names separated by commas) and a `bp/<name>` topic.
 */
export function implementedBlueprints(
  change: Pick<ImplementingChange, 'message' | 'topic'>,
): { readonly name: string; readonly partial: boolean }[] {
  const out = new Map<string, boolean>();
  for (const line of (change.message ?? '').split('\n')) {
    const m = FOOTER.exec(line);
    if (!m) continue;
    const partial = (m[1] ?? '').toLowerCase().startsWith('partially');
    for (const piece of (m[2] ?? '').split(/[,\s]+(?=(?:blueprint|bp)\b)|,/i)) {
      const n = /^\s*(?:blueprint|bp)[\s:/]+([a-z0-9][a-z0-9.+-]*)/i.exec(piece);
      if (n?.[1]) out.set(n[1].toLowerCase(), (out.get(n[1].toLowerCase()) ?? true) && partial);
    }
  }
  const t = /^bp\/([a-z0-9][a-z0-9.+-]*)$/i.exec(change.topic ?? '');
  if (t?.[1] && !out.has(t[1].toLowerCase())) out.set(t[1].toLowerCase(), true);
  return [...out].map(([name, partial]) => ({ name, partial }));
}

/** What the brief and the meeting show of the priorities: one milestone, its risks, the overdue ones. */
export interface PrioritiesSummary {
  readonly series: string;
  readonly milestone: MilestoneSummary | null;
  /** The first risk of each priority at risk in that milestone. */
  readonly risks: readonly { readonly name: string; readonly risk: Risk }[];
  /** Unmerged priorities of earlier milestones (with the current milestone only). */
  readonly overdue: readonly { readonly name: string; readonly milestone: number | null }[];
  readonly ffeDrafts: number;
  readonly featureFreeze: IsoDate | null;
  /** Why the data may be old or missing (source lines, a read error); empty when fresh. */
  readonly stale: readonly string[];
}

/** The summary of one milestone of a view (the current one by default). */
export function summarizePriorities(
  view: PrioritiesView,
  m: MilestoneSummary | null = view.current,
): PrioritiesSummary {
  const byName = new Map(view.priorities.map((p) => [p.name, p]));
  const current = m !== null && m === view.current;
  return {
    series: view.series,
    milestone: m,
    risks: (m?.names.atRisk ?? []).flatMap((name) => {
      const risk = byName.get(name)?.risks[0];
      return risk ? [{ name, risk }] : [];
    }),
    overdue: current
      ? view.overdue
          .filter((n) => !m.names.inReview.includes(n))
          .map((name) => ({ name, milestone: byName.get(name)?.milestoneNumber ?? null }))
      : [],
    ffeDrafts: view.ffeDrafts.length,
    featureFreeze: view.featureFreeze.date,
    stale: [view.sources.launchpad, view.sources.gerrit]
      .filter((s) => s.state !== 'fresh')
      .map((s) => s.line),
  };
}

declare module '../core/deps.js' {
  interface Views {
    /** `liaison priorities`: the cycle's priorities and their progress. */
    priorities(ctx: Deps, opts?: { series?: string; specsRepo?: string }): Promise<PrioritiesView>;
    /** The brief's and the meeting's priorities block; null when the team has no specs repository or config priorities. */
    prioritiesSummary(ctx: Deps): Promise<PrioritiesSummary | null>;
    /** The team's priorities view, or null without a specs repository or config priorities. */
    teamPriorities(ctx: Deps): Promise<PrioritiesView | null>;
  }
}

import { assignChanges, betaNumber, fileChanges, stableBranchOf } from './plan-assign.js';
import type { StoredConventions } from '../data/releases/release-dates.js';
import type {
  ActionDeliverable,
  ActionsCalendar,
  DeliverableConventions,
  SeriesFileHistory,
} from './plan-types.js';
import { actionSpecs, usesRcModel } from './plan-windows.js';

/**
 * A deliverable's conventions (pure): which milestones it releases at,
 * how it numbers betas, whether it adds cycle highlights and gets a stable
 * branch. The team config decides where it says so; otherwise the releases
 * history: what the deliverable did in at least 2 of its last 3 series
 * (all of them when it has fewer than 2 — a new deliverable follows its
 * one series; with none, the defaults below). Libraries are the exception
 * for milestones: every milestone, unless the config narrows it.
 */

/** What the team config may say (`conventions.<deliverable>` in liaison.yaml). */
export interface ConfiguredConventions {
  readonly milestones?: readonly number[];
  readonly 'beta-numbering'?: 'milestone' | 'sequence';
  readonly 'cycle-highlights'?: boolean;
  readonly 'stable-branch'?: boolean;
}

/** An earlier series' file of the deliverable, with that series' calendar. */
export interface PastSeries {
  readonly calendar: ActionsCalendar;
  readonly file: SeriesFileHistory;
}

const HISTORY_DEPTH = 3;
const EVERY = { highlights: true, stableBranch: true, betaNumbering: 'sequence' } as const;

interface SeriesFacts {
  readonly series: string;
  readonly milestones: readonly number[];
  /** Null when the series had no beta; else whether every beta carried its milestone's number. */
  readonly betasByMilestone: boolean | null;
  readonly highlights: boolean;
  readonly stableBranch: boolean;
}

/** What one earlier series shows, by the same windows and rules as the planner. */
function factsOf(d: ActionDeliverable, past: PastSeries): SeriesFacts {
  const file = past.file;
  const model = file.model ?? d.model;
  const type = file.type ?? d.type;
  const shaped: ActionDeliverable = {
    ...d,
    model,
    type,
    stableBranchType: file.stableBranchType ?? d.stableBranchType,
    file,
  };
  const specs = actionSpecs(past.calendar, shaped, {
    ...EVERY,
    milestones: [1, 2, 3],
    source: 'default',
    from: [],
    basis: '',
  });
  const rcModel = usesRcModel(shaped);
  const stable = stableBranchOf(past.calendar);
  const changes = fileChanges(file, rcModel, stable);
  const { attached } = assignChanges(specs, changes);
  const milestones = new Set<number>();
  let numbered: boolean | null = null;
  for (const s of specs) {
    if (s.milestone === null) continue;
    const inWindow = (attached.get(s.id) ?? []).filter((a) => !a.late);
    if (inWindow.length === 0) continue;
    milestones.add(s.milestone);
    for (const a of inWindow) {
      const n = betaNumber(a.change.label);
      if (n !== null) numbered = (numbered ?? true) && n === s.milestone;
    }
  }
  // no schedule for that series: betas tell their milestone by their number
  if (specs.length === 0 && rcModel)
    for (const r of file.releases) {
      const n = betaNumber(r.version);
      if (n !== null) milestones.add(n);
    }
  return {
    series: file.series,
    milestones: [...milestones].sort((a, b) => a - b),
    betasByMilestone: numbered,
    highlights: file.highlights !== null,
    stableBranch: file.branches.some((b) => b.name === stable),
  };
}

export function conventionsFor(
  d: ActionDeliverable,
  past: readonly PastSeries[],
  configured?: ConfiguredConventions,
  /** The history's conventions compiled beforehand (the embedded snapshot): used instead of `past`. */
  stored?: StoredConventions,
): DeliverableConventions {
  const base = stored ? loadConventions(d, stored) : historyConventions(d, past);
  const c = configured ?? {};
  if (Object.keys(c).length === 0) return base;
  const library = isLibrary(d);
  return {
    ...base,
    milestones: c.milestones ? [...c.milestones].sort((a, b) => a - b) : base.milestones,
    betaNumbering: c['beta-numbering'] ?? base.betaNumbering,
    highlights: c['cycle-highlights'] ?? base.highlights,
    stableBranch: c['stable-branch'] ?? base.stableBranch,
    source: 'config',
    basis: `team config conventions.${d.name}${c.milestones ? `: ${describe(c.milestones, library)}` : ''}`,
  };
}

/** The conventions the releases history shows (or the defaults without one). */
export function historyConventions(
  d: ActionDeliverable,
  past: readonly PastSeries[],
): DeliverableConventions {
  const facts = past.slice(0, HISTORY_DEPTH).map((p) => factsOf(d, p));
  const n = facts.length;
  const need = Math.min(2, n);
  const count = (pred: (f: SeriesFacts) => boolean) => facts.filter(pred).length;
  const fromHistory = n > 0;
  // libraries: every milestone — the release team proposes a milestone release of
  // each library with unreleased changes, so the team has one to make or review
  // (the replays: history-based library milestones left 1 release in 10 unannounced)
  const milestones = isLibrary(d)
    ? [1, 2, 3]
    : fromHistory
      ? [1, 2, 3].filter((m) => count((f) => f.milestones.includes(m)) >= need)
      : [];
  const withBetas = facts.filter((f) => f.betasByMilestone !== null);
  const betaNumbering =
    withBetas.length > 0 &&
    withBetas.filter((f) => f.betasByMilestone).length >= Math.min(2, withBetas.length)
      ? 'milestone'
      : 'sequence';
  return withBasis(d, {
    milestones,
    betaNumbering,
    highlights: fromHistory ? count((f) => f.highlights) >= need : false,
    stableBranch: fromHistory ? count((f) => f.stableBranch) >= need : true,
    source: fromHistory ? 'history' : 'default',
    from: facts.map((f) => f.series),
  });
}

function isLibrary(d: Pick<ActionDeliverable, 'model' | 'type'>): boolean {
  return (
    d.model === 'cycle-with-intermediary' && (d.type === 'library' || d.type === 'client-library')
  );
}

/** The conventions with the sentence that says where they come from. */
function withBasis(
  d: ActionDeliverable,
  c: Omit<DeliverableConventions, 'basis'>,
): DeliverableConventions {
  const library = isLibrary(d);
  const basis = library
    ? 'libraries release at every milestone (the release team proposes one where changes are unreleased)'
    : c.from.length > 0
      ? `from ${c.from.join(', ')}: ${describe(c.milestones, library)}`
      : `no earlier series: ${describe(c.milestones, library)} by default`;
  return { ...c, basis };
}

/** The compact form the embedded snapshot stores (release-dates.json). */
export function storeConventions(c: DeliverableConventions): StoredConventions {
  return {
    m: [...c.milestones],
    ...(c.betaNumbering === 'milestone' ? { b: 1 as const } : {}),
    ...(c.highlights ? { h: 1 as const } : {}),
    ...(c.stableBranch ? {} : { s: 0 as const }),
    f: c.from.join(','),
  };
}

function loadConventions(d: ActionDeliverable, s: StoredConventions): DeliverableConventions {
  const from = s.f ? s.f.split(',') : [];
  return withBasis(d, {
    milestones: s.m,
    betaNumbering: s.b ? 'milestone' : 'sequence',
    highlights: s.h === 1,
    stableBranch: s.s !== 0,
    source: from.length > 0 ? 'history' : 'default',
    from,
  });
}

function describe(milestones: readonly number[], library: boolean): string {
  const what = library ? 'releases' : 'betas';
  return milestones.length === 0
    ? `no ${what} at milestones`
    : `${what} at milestone${milestones.length > 1 ? 's' : ''} ${milestones.join(', ')}`;
}

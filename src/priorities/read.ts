import { scheduleEvents } from '../calendar/events.js';
import type { Deps } from '../core/deps.js';
import { seriesId, seriesTitle, type Series } from '../data/releases/series.js';
import { seriesAt } from '../calendar/cycle.js';
import { launchpadProjects } from '../bugs/plan.js';
import { resolveRole, subjectTag } from '../team/plan-people.js';
import { sourceAge } from '../sources/age.js';
import { resolveEndpoints } from '../sources/endpoints.js';
import type { Db } from '../store/db.js';
import { implementingQuery } from './read-gerrit.js';
import { featureFreezeWindow, ffeDraft, needsException } from './plan-ffe.js';
import { currentMilestone, planPriorities, type PrioritiesView, type PriorityDef } from './plan.js';
import { readBlueprints, readChanges } from './store.js';
import {
  locateSpecsRepo,
  readSeriesSpecs,
  specsRepoName,
  type SeriesSpecs,
} from './read-specs-repo.js';
import type { SpecFacts } from './read-spec.js';

/** Keys in `source_sync`. */
export const BLUEPRINTS_SOURCE = 'blueprints';
export const CHANGES_SOURCE = 'bp-changes';

export interface PrioritiesOptions {
  /** Series name or id (default: the cycle at --date). */
  readonly series?: string;
  /** `--specs-repo DIR`. */
  readonly specsRepo?: string;
}

/** What the priorities of a series are, before any service data: the config list or the series' specs. */
export interface PrioritiesScope {
  readonly series: Series;
  readonly later: readonly Series[];
  readonly specs: SeriesSpecs | null;
  readonly specsOrigin: string | null;
  readonly defs: readonly PriorityDef[];
  readonly source: 'config' | 'specs';
  readonly notes: readonly string[];
  /** Launchpad projects whose series collections are read. */
  readonly launchpadProjects: readonly string[];
  /** Repositories whose changes count (the specs repository's own changes never do). */
  readonly gerritProjects: readonly string[];
  /** The Gerrit query; '' when there is nothing to ask. */
  readonly query: string;
}

export function prioritiesScope(ctx: Deps, opts: PrioritiesOptions = {}): PrioritiesScope {
  const series = seriesAt(ctx.calendarInput, ctx.today, opts.series);
  const all = ctx.calendarInput.series;
  const later = all.slice(
    0,
    Math.max(
      0,
      all.findIndex((s) => s.name === series.name),
    ),
  );
  const repo = locateSpecsRepo(ctx, opts.specsRepo);
  const notes: string[] = [];
  const specs = repo ? readSeriesSpecs(repo.dir, series, later, ctx.today) : null;
  if (!repo)
    notes.push(
      "no specs repository: pass --specs-repo DIR or set specs-repo in liaison.yaml (a checkout of the team's specs repository)",
    );
  else if (specs && specs.commit === '')
    notes.push(`${repo.dir} has no commit on or before ${ctx.today}`);
  else if (specs && specs.seriesDir === null)
    notes.push(`${repo.dir} has no specs/${seriesId(series)}/ folder on ${ctx.today}`);
  const configured = ctx.config.priorities;
  const defs = configured?.length
    ? configDefs(configured, specs?.specs ?? [], notes, ctx.loadedConfig.origin)
    : (specs?.specs ?? []).map(specDef);
  const specsRepo = specsRepoName(ctx);
  const gerritProjects = [
    ...new Set(ctx.team.deliverables.flatMap((d) => d.repos).filter((r) => r !== specsRepo)),
  ].sort();
  const blueprints = [
    ...new Set(defs.map((d) => d.blueprint?.name).filter((n): n is string => !!n)),
  ].sort();
  const topics = [...new Set(defs.map((d) => d.topic).filter((t): t is string => !!t))].sort();
  const query =
    blueprints.length + topics.length > 0 && gerritProjects.length > 0
      ? implementingQuery(blueprints, topics, gerritProjects)
      : '';
  return {
    series,
    later,
    specs,
    specsOrigin: repo?.origin ?? null,
    defs,
    source: configured?.length ? 'config' : 'specs',
    notes,
    launchpadProjects: launchpadProjects(ctx, series),
    gerritProjects,
    query,
  };
}

function specDef(s: SpecFacts): PriorityDef {
  return {
    name: s.blueprint?.name ?? s.stem,
    source: 'specs',
    owner: s.assignee,
    milestone: null,
    topic: null,
    blueprint: s.blueprint ? { project: s.blueprint.project, name: s.blueprint.name } : null,
    spec: s,
  };
}

function configDefs(
  items: NonNullable<Deps['config']['priorities']>,
  specs: readonly SpecFacts[],
  notes: string[],
  file: string,
): PriorityDef[] {
  return items.map((item, i) => {
    const where = `${file}: priorities[${i}]`;
    let spec: SpecFacts | null = null;
    if (item.spec) {
      const want = item.spec.replace(/\.rst$/, '');
      spec =
        specs.find((s) => {
          const rel = s.path
            .replace(/^specs\/[^/]+\/(approved|implemented)\//, '')
            .replace(/\.rst$/, '');
          return rel === want || s.stem === want;
        }) ?? null;
      if (!spec) notes.push(`${where}.spec ${item.spec}: no such spec in this series`);
    }
    const named = item.blueprint
      ? item.blueprint.includes('/')
        ? {
            project: item.blueprint.split('/')[0] ?? null,
            name: item.blueprint.split('/')[1] ?? item.blueprint,
          }
        : { project: null, name: item.blueprint }
      : null;
    if (!spec && named) spec = specs.find((s) => s.blueprint?.name === named.name) ?? null;
    const blueprint =
      named ??
      (spec?.blueprint ? { project: spec.blueprint.project, name: spec.blueprint.name } : null);
    return {
      name: blueprint?.name ?? spec?.stem ?? item.spec ?? `priority-${i + 1}`,
      source: 'config',
      owner: item.owner,
      milestone: item.milestone ?? null,
      topic: item.topic ?? null,
      blueprint,
      spec,
    };
  });
}

/** Reads the specs repository and the store (no network) and plans the view for --date. */
export async function buildPrioritiesView(
  ctx: Deps,
  opts: PrioritiesOptions = {},
  db?: Db,
): Promise<PrioritiesView> {
  const scope = prioritiesScope(ctx, opts);
  const store = db ?? (await ctx.store());
  const { blueprints, changes } = store.transaction(() => ({
    blueprints: readBlueprints(store),
    changes: readChanges(store),
  }))();
  const series = scope.series;
  const events = scheduleEvents(ctx.calendarInput, series.name);
  const planned = planPriorities({
    today: ctx.today,
    team: ctx.team.name,
    series: { name: series.name, id: seriesId(series) },
    laterSeries: scope.later.map((s) => s.name),
    events,
    defs: scope.defs,
    blueprints,
    changes,
    laterStems: scope.specs?.laterStems ?? new Set(),
    specsRepo: specsRepoName(ctx),
    gerritBase: resolveEndpoints(ctx.config, ctx.env).gerrit,
  });
  const ff = featureFreezeWindow(events, series.name, ctx.today);
  const list = ctx.config.people?.['mailing-list'] ?? null;
  const ffeDrafts = ff.exceptionsOpen
    ? planned.priorities.filter(needsException).map((p) =>
        ffeDraft(p, {
          team: ctx.team.name,
          tag: subjectTag(ctx.team, ctx.config),
          to: list,
          seriesTitle: seriesTitle(series),
          freezeDate: ff.date,
          rc1: ff.rc1,
          today: ctx.today,
          sender: signature(ctx),
        }),
      )
    : [];
  const specs = scope.specs;
  return {
    team: ctx.team.name,
    date: ctx.today,
    series: series.name,
    seriesId: seriesId(series),
    source: scope.source,
    priorities: planned.priorities,
    milestones: planned.milestones,
    current: currentMilestone(planned.milestones, ctx.today),
    overdue: planned.overdue,
    otherBlueprints: planned.otherBlueprints,
    featureFreeze: {
      date: ff.date,
      weekStart: ff.weekStart,
      weekEnd: ff.weekEnd,
      exceptionsOpen: ff.exceptionsOpen,
    },
    ffeDrafts,
    specsRepo: specs
      ? {
          dir: specs.dir,
          origin: scope.specsOrigin ?? '',
          commit: specs.commit,
          commitDate: specs.commitDate,
          seriesDir: specs.seriesDir,
        }
      : null,
    sources: {
      launchpad: sourceAge(store, BLUEPRINTS_SOURCE, ctx.today, { title: 'Launchpad blueprints' }),
      gerrit: sourceAge(store, CHANGES_SOURCE, ctx.today, {
        title: 'Gerrit (implementing changes)',
      }),
    },
    notes: scope.notes,
  };
}

/** Who signs the drafts: the first release liaison (governance or config), else the PTL. */
function signature(ctx: Deps): string | null {
  for (const role of ['liaison', 'ptl']) {
    const r = resolveRole(role, ctx.team, ctx.config);
    const p = r.ok ? r.people[0] : undefined;
    if (p) return p.name;
  }
  return null;
}

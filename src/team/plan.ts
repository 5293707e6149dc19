import type { TeamConfig } from '../config/schema.js';
import type { Person, Team } from '../data/governance/projects.js';
import { isLifecycleTag, type DeliverableSummary } from '../data/releases/deliverables.js';
import type { Series } from '../data/releases/series.js';

/** What the tool knows of one deliverable of the team. */
export interface TeamDeliverableView {
  readonly name: string;
  readonly repos: readonly string[];
  /** `release-model` from the newest deliverable file, or null when none exists. */
  readonly model: string | null;
  readonly type: string | null;
  readonly launchpad: string | null;
  readonly stableBranchType: string | null;
  /** Latest real version (lifecycle tags skipped), searching back from the series. */
  readonly latest: string | null;
  readonly latestSeries: string | null;
  /** Series whose file supplied model and type. */
  readonly fileSeries: string | null;
  /** Governance `release-management` (none/deprecated/external), null when managed. */
  readonly releaseManagement: string | null;
}

export interface PersonView {
  readonly role: string;
  readonly name: string;
  readonly email: string | null;
  readonly irc: string | null;
}

export interface TeamView {
  readonly team: string;
  readonly service: string | null;
  readonly mission: string | null;
  readonly ircChannel: string | null;
  readonly url: string | null;
  readonly people: readonly PersonView[];
  readonly deliverables: readonly TeamDeliverableView[];
}

/** What `liaison team` prints: the team view with the series it was taken at and the data's date. */
export interface TeamCommandView extends TeamView {
  readonly series: string;
  readonly dataAsOf: string | null;
}

export interface DeliverableLookup {
  summary(series: string, name: string): DeliverableSummary | undefined;
}

/**
 * The team's deliverables as of `series`: model and type from the newest
 * file at or before it, latest version from the newest file with a release.
 * Deliverables governance marks `release-management: none` are listed last.
 */
export function teamDeliverables(
  team: Team,
  series: readonly Series[],
  fromSeries: string,
  files: DeliverableLookup,
  config?: Pick<TeamConfig, 'deliverables'>,
): TeamDeliverableView[] {
  const start = Math.max(
    0,
    series.findIndex((s) => s.name === fromSeries),
  );
  const older = series.slice(start);
  const managed = team.deliverables
    .filter((d) => !config?.deliverables?.[d.name]?.ignore)
    .sort(
      (a, b) =>
        Number(a.releaseManagement !== undefined) - Number(b.releaseManagement !== undefined) ||
        a.name.localeCompare(b.name),
    );
  return managed.map((gd) => {
    let file: (DeliverableSummary & { series: string }) | undefined;
    let latest: string | null = null;
    let latestSeries: string | null = null;
    if (gd.releaseManagement === undefined) {
      for (const s of older) {
        const d = files.summary(s.name, gd.name);
        if (!d) continue;
        file ??= { ...d, series: s.name };
        const v = [...d.versions].reverse().find((version) => !isLifecycleTag(version));
        if (v) {
          latest = v;
          latestSeries = s.name;
          break;
        }
      }
    }
    const override = config?.deliverables?.[gd.name];
    return {
      name: gd.name,
      repos: gd.repos,
      model: file?.model ?? null,
      type: file?.type ?? null,
      launchpad: override?.launchpad ?? file?.launchpad ?? null,
      stableBranchType: file?.stableBranchType ?? null,
      latest,
      latestSeries,
      fileSeries: file?.series ?? null,
      releaseManagement: gd.releaseManagement ?? null,
    };
  });
}

/** PTL and liaisons from governance, replaced by the config's `people` where given. */
export function teamPeople(team: Team, config?: Pick<TeamConfig, 'people'>): PersonView[] {
  const view = (
    role: string,
    p: Person | { name: string; email?: string; irc?: string },
  ): PersonView => ({
    role,
    name: p.name,
    email: p.email ?? null,
    irc: p.irc ?? null,
  });
  const out: PersonView[] = [];
  const ptl = config?.people?.ptl ?? team.ptl;
  if (ptl) out.push(view('ptl', ptl));
  const release = config?.people?.liaisons ?? team.liaisons.release ?? [];
  for (const p of release) out.push(view('release-liaison', p));
  for (const [role, people] of Object.entries(team.liaisons)) {
    if (role === 'release') continue;
    for (const p of people) out.push(view(`${role}-liaison`, p));
  }
  return out;
}

export function teamView(
  team: Team,
  deliverables: TeamDeliverableView[],
  config?: Pick<TeamConfig, 'people'>,
): TeamView {
  return {
    team: team.name,
    service: team.service ?? null,
    mission: team.mission ?? null,
    ircChannel: team.ircChannel ?? null,
    url: team.url ?? null,
    people: teamPeople(team, config),
    deliverables,
  };
}

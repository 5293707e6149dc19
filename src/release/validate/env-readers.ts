import type { GovernanceData } from '../../data/governance/governance-data.js';
import { PROJECTS_FILE } from '../../data/governance/governance-data.js';
import { readDeliverables, type Team } from '../../data/governance/projects.js';
import { SERIES_STATUS_FILE, type ReleasesData } from '../../data/releases/releases-data.js';
import { SERIES_STATUSES } from '../../data/releases/series.js';
import { asIsoDate, isRecord, parseYaml } from '../../data/yaml.js';
import { parseSubsetYaml } from './fast-yaml.js';
import type { RuleSeries } from './series-lookup.js';

/**
 * What the rules read besides the deliverable files, from a checkout read
 * with the subset reader: a cold run of the general YAML parser costs 0.1 to
 * 0.3 s per process on these files, a third of a whole run. Anything the
 * subset reader does not take, or that looks unexpected, goes to the shared
 * readers of src/data, which give the proper errors; tests check both
 * agree on the real files. The embedded snapshot is already compiled.
 */

/** Name, release id (as written), status, next phase and dates of each series, newest first. */
export function seriesForRules(releases: ReleasesData): readonly RuleSeries[] {
  if (releases.tree.absolute('') === undefined) return releases.series();
  const text = releases.tree.read(SERIES_STATUS_FILE);
  const value =
    text === undefined ? undefined : parseSubsetYaml(text, { plainAsText: true })?.value;
  return (Array.isArray(value) && seriesFromValue(value)) || releases.series();
}

/** The series of a parsed series_status.yaml (plain scalars as text), or undefined if one looks odd. */
export function seriesFromValue(value: readonly unknown[]): RuleSeries[] | undefined {
  const out: RuleSeries[] = [];
  const statuses: readonly string[] = SERIES_STATUSES;
  for (const entry of value) {
    if (!isRecord(entry)) return undefined;
    const { name, status } = entry;
    const id = entry['release-id'];
    if (typeof name !== 'string' || name === '' || typeof status !== 'string') return undefined;
    if (!statuses.includes(status) || (id !== undefined && typeof id !== 'string'))
      return undefined;
    const next = entry['next-phase'];
    let nextPhase: RuleSeries['nextPhase'];
    if (next !== undefined) {
      // anything unexpected goes to the shared reader, which names the problem
      if (!isRecord(next) || typeof next.status !== 'string' || !statuses.includes(next.status))
        return undefined;
      const date = next.date;
      if (date !== undefined && (typeof date !== 'string' || !/^\d{4}-\d{2}-\d{2}$/.test(date)))
        return undefined;
      nextPhase = {
        status: next.status as RuleSeries['status'],
        ...(date !== undefined ? { date } : {}),
      };
    }
    // the shared reader's reading: anything but a date is no date
    const initialRelease = asIsoDate(entry['initial-release']);
    const eolDate = asIsoDate(entry['eol-date']);
    out.push({
      name,
      ...(id ? { releaseId: id } : {}),
      status: status as RuleSeries['status'],
      ...(initialRelease ? { initialRelease } : {}),
      ...(eolDate ? { eolDate } : {}),
      ...(nextPhase ? { nextPhase } : {}),
    });
  }
  return out;
}

/** Each team and its deliverables with their repositories (`reference/projects.yaml`). */
export type RuleTeam = Pick<Team, 'name' | 'deliverables'>;

export function teamsForRules(gov: GovernanceData): readonly RuleTeam[] {
  if (gov.tree.absolute('') === undefined) return gov.teams(); // embedded: already compiled
  const text = gov.text(PROJECTS_FILE);
  const value = text === undefined ? undefined : parseSubsetYaml(text)?.value;
  return (isRecord(value) && teamsFromValue(value)) || gov.teams();
}

/** The teams of a parsed projects.yaml, or undefined when a team is not a mapping. */
export function teamsFromValue(value: Readonly<Record<string, unknown>>): RuleTeam[] | undefined {
  const out: RuleTeam[] = [];
  for (const [name, raw] of Object.entries(value)) {
    if (!isRecord(raw)) return undefined;
    out.push({ name, deliverables: readDeliverables(raw.deliverables) });
  }
  return out;
}

/** Owners that are not project teams: the TC and every SIG (`<name> SIG`). */
export function otherOwners(gov: GovernanceData): Set<string> {
  const out = new Set(['Technical Committee']);
  const file = 'reference/sigs-repos.yaml';
  const text = gov.text(file);
  if (text) {
    const value = parseSubsetYaml(text)?.value ?? parseYaml(text, file).value;
    if (isRecord(value)) for (const sig of Object.keys(value)) out.add(`${sig} SIG`);
  }
  return out;
}

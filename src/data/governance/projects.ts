import { ConfigError } from '../../core/errors.js';
import { asString, isRecord, parseYaml } from '../yaml.js';

export interface Person {
  readonly name: string;
  readonly irc?: string;
  readonly email?: string;
}

export interface GovernanceDeliverable {
  readonly name: string;
  readonly repos: readonly string[];
  /** `none`, `deprecated`, `external`, or undefined (managed by the release team). */
  readonly releaseManagement?: string;
}

export interface Team {
  /** Key in projects.yaml and `team:` value of deliverable files. */
  readonly name: string;
  readonly leadershipType?: string;
  readonly ptl?: Person;
  /** Liaison role (`release`, `security`, ...) → people. */
  readonly liaisons: Readonly<Record<string, readonly Person[]>>;
  readonly ircChannel?: string;
  readonly service?: string;
  readonly mission?: string;
  readonly url?: string;
  readonly deliverables: readonly GovernanceDeliverable[];
}

/** A team's `deliverables:` mapping (anything else reads as none). */
export function readDeliverables(value: unknown): GovernanceDeliverable[] {
  if (!isRecord(value)) return [];
  return Object.entries(value).map(([name, d]) => {
    const rec = isRecord(d) ? d : {};
    const rm = asString(rec['release-management']);
    return {
      name,
      repos: Array.isArray(rec.repos) ? rec.repos.map((r) => asString(r) ?? '') : [],
      ...(rm ? { releaseManagement: rm } : {}),
    };
  });
}

/** `reference/projects.yaml` of openstack/governance. */
export function parseProjects(text: string, file: string): Team[] {
  const { value } = parseYaml(text, file);
  if (!isRecord(value)) throw new ConfigError('expected a mapping of teams', file);
  return Object.entries(value).map(([name, raw]) => {
    if (!isRecord(raw)) throw new ConfigError('expected a mapping', file, name);
    const liaisons: Record<string, Person[]> = {};
    if (isRecord(raw.liaisons)) {
      for (const [role, people] of Object.entries(raw.liaisons)) {
        if (Array.isArray(people)) liaisons[role] = people.map(readPerson).filter((p): p is Person => !!p);
      }
    }
    const deliverables = readDeliverables(raw.deliverables);
    const ptl = readPerson(raw.ptl);
    const s = (k: string) => asString(raw[k])?.trim();
    return {
      name,
      ...opt('leadershipType', s('leadership_type')),
      ...(ptl ? { ptl } : {}),
      liaisons,
      ...opt('ircChannel', s('irc-channel')),
      ...opt('service', s('service')),
      ...opt('mission', s('mission')),
      ...opt('url', s('url')),
      deliverables,
    };
  });
}

function readPerson(raw: unknown): Person | undefined {
  if (!isRecord(raw)) return undefined;
  const name = asString(raw.name);
  if (!name) return undefined;
  return { name, ...opt('irc', asString(raw.irc)), ...opt('email', asString(raw.email)) };
}

function opt<K extends string>(key: K, value: string | undefined): { [P in K]?: string } {
  return (value ? { [key]: value } : {}) as { [P in K]?: string };
}

/** Team lookup: exact key first, then case-insensitive (`openstacksdk` finds `OpenStackSDK`). */
export function findTeam(teams: readonly Team[], name: string): Team | undefined {
  return teams.find((t) => t.name === name) ?? teams.find((t) => t.name.toLowerCase() === name.toLowerCase());
}

/** Deliverables that have files in openstack/releases. */
export function releasedDeliverables(team: Team): GovernanceDeliverable[] {
  return team.deliverables.filter((d) => d.releaseManagement === undefined);
}

import type { TeamConfig } from '../config/schema.js';
import type { Team } from '../data/governance/projects.js';
import { teamPeople } from './plan.js';

/** Someone a reminder goes to or an item belongs to. */
export interface Recipient {
  readonly name: string;
  /** Null when governance and config give no address. */
  readonly email: string | null;
  /** The role it was resolved from (`ptl`, `liaison`, `list`, or the literal given). */
  readonly role: string;
}

export const KNOWN_ROLES = [
  'ptl',
  'liaison',
  'list',
  'team',
  'owner',
  '<role>-liaison',
  'an e-mail address',
  "a person's name",
];

const EMAIL = /^[^\s@<>]+@[^\s@<>]+\.[^\s@<>]+$/;

export type RoleResult = { ok: true; people: Recipient[] } | { ok: false; error: string };

/**
 * People for a role: `ptl`, `liaison` (the release liaisons), `list` or
 * `team` (the team's mailing list), `<x>-liaison` (other governance liaison
 * roles), an e-mail address, or the name of a person governance or the
 * config knows. `mail.recipients.<role>` in the config replaces a role's
 * addresses. Unknown roles are errors, never silently nobody.
 */
export function resolveRole(
  role: string,
  team: Team,
  config: Pick<TeamConfig, 'people' | 'mail'>,
): RoleResult {
  const override = config.mail?.recipients?.[role];
  if (override)
    return { ok: true, people: override.map((email) => ({ name: email, email, role })) };
  if (EMAIL.test(role)) return { ok: true, people: [{ name: role, email: role, role }] };
  const people = teamPeople(team, config);
  const pick = (r: string) =>
    people
      .filter((p) => p.role === r)
      .map((p): Recipient => ({ name: p.name, email: p.email, role }));
  switch (role) {
    case 'ptl':
      return { ok: true, people: pick('ptl') };
    case 'liaison':
    case 'release-liaison':
      return { ok: true, people: pick('release-liaison') };
    case 'list':
    case 'team': {
      const list = config.people?.['mailing-list'];
      return {
        ok: true,
        people: list ? [{ name: `${team.name} team list`, email: list, role }] : [],
      };
    }
  }
  if (/^[a-z]+-liaison$/.test(role) && people.some((p) => p.role === role))
    return { ok: true, people: pick(role) };
  const byName = people.find((p) => p.name.toLowerCase() === role.toLowerCase());
  if (byName) return { ok: true, people: [{ name: byName.name, email: byName.email, role }] };
  return {
    ok: false,
    error: `unknown recipient "${role}": use ${KNOWN_ROLES.join(', ')} (people known: ${people.map((p) => p.name).join(', ') || 'none'})`,
  };
}

/** The team's subject tag, `[glance]`. */
export function subjectTag(team: Team, config: Pick<TeamConfig, 'people'>): string {
  return `[${config.people?.['subject-tag'] ?? team.name.toLowerCase()}]`;
}

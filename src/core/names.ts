/**
 * A team name as governance spells them ("glance", "Release Management",
 * "I18n"): letters, digits, space, `_ . -`, starting with a letter or digit.
 * It names built-in files (data/teams/<team>.yaml), so it is a name, never a
 * path: no slash can get in.
 */
const TEAM_NAME = /^[A-Za-z0-9][A-Za-z0-9 _.-]{0,63}$/;

export function isTeamName(value: string): boolean {
  return TEAM_NAME.test(value);
}

/** Why a value is not a team name, for a one-line error. */
export const TEAM_NAME_RULE = 'a team name (letters, digits, space, _ . -; at most 64)';

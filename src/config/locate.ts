import { join } from 'node:path';
import { UsageError } from '../core/errors.js';
import { isTeamName, TEAM_NAME_RULE } from '../core/names.js';
import { packageRoot } from '../core/package-root.js';

/** The team config file name looked for in the working directory. */
export const CONFIG_FILE = 'liaison.yaml';

/** Where the built-in config of a team lives (Glance ships one). */
export function builtinConfigPath(team: string): string {
  if (!isTeamName(team)) throw new UsageError(`team "${team}": expected ${TEAM_NAME_RULE}`);
  return join(packageRoot(), 'data', 'teams', `${team.toLowerCase()}.yaml`);
}

import { join } from 'node:path';
import { packageRoot } from '../core/package-root.js';

/** The team config file name looked for in the working directory. */
export const CONFIG_FILE = 'liaison.yaml';

/** Where the built-in config of a team lives (Glance ships one). */
export function builtinConfigPath(team: string): string {
  return join(packageRoot(), 'data', 'teams', `${team.toLowerCase()}.yaml`);
}

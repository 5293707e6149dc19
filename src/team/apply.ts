import { existsSync, readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { builtinConfigPath, parseConfig } from '../config/load.js';
import { meetingsExample, starterConfig } from '../config/starter.js';
import type { Deps } from '../core/deps.js';
import { RefusedError } from '../core/errors.js';
import { writeOutputFile } from '../core/files.js';

/**
 * `liaison init`: writes the team's config for editing — the built-in one
 * when the tool ships it, else a starter — never over an existing file
 * unless `force`, and never a config the loader would refuse.
 */
export function writeTeamConfig(
  ctx: Deps,
  teamName: string,
  opts: { readonly output: string; readonly force?: boolean },
): { readonly file: string; readonly team: string } {
  const file = resolve(ctx.cwd, opts.output);
  if (existsSync(file) && !opts.force)
    throw new RefusedError(`${file} exists; use --force to overwrite it`);
  const team = ctx.data.governance.team(teamName);
  const builtin = builtinConfigPath(team.name);
  const base = existsSync(builtin) ? readFileSync(builtin, 'utf8') : starterConfig(team.name);
  // a commented example of the meetings section: its values cannot be checked offline
  const text = /^meetings:/m.test(base) ? base : base.trimEnd() + '\n' + meetingsExample();
  parseConfig(text, builtin); // never write a config we would refuse to read
  writeOutputFile(file, text, '--output');
  return { file, team: team.name };
}

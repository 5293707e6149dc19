import { join, resolve } from 'node:path';
import type { z } from 'zod';
import { ConfigError, UsageError } from '../core/errors.js';
import { readRegularFile } from '../core/files.js';
import { inertLine } from '../core/text.js';

/** A team config is a few KB (Glance's: 5 KB); a bigger file is refused before the YAML reader. */
const MAX_CONFIG_BYTES = 1024 * 1024;
import { builtinConfigPath, CONFIG_FILE } from './locate.js';
import { lineOf, parseYaml } from '../data/yaml.js';
import { configSchema, type TeamConfig } from './schema.js';

export { CONFIG_FILE, builtinConfigPath } from './locate.js';

export interface LoadedConfig {
  readonly config: TeamConfig;
  /** The file it came from, `built-in:<team>` or `default`. */
  readonly origin: string;
  readonly notes: readonly string[];
}

/** Parse and validate config text; errors name file, line and field. */
export function parseConfig(text: string, file: string): TeamConfig {
  const parsed = parseYaml(text, file);
  const result = configSchema.safeParse(parsed.value ?? {});
  if (result.success) return result.data;
  const issue = result.error.issues[0] as z.core.$ZodIssue;
  const path = issue.path.filter((p): p is string | number => typeof p !== 'symbol');
  const field = path
    .map((p, i) => (typeof p === 'number' ? `[${p}]` : i === 0 ? p : `.${p}`))
    .join('');
  const line = lineOf(parsed, unrecognizedPath(issue, path)) ?? lineOf(parsed, path);
  const message =
    issue.code === 'unrecognized_keys'
      ? `unknown key ${issue.keys
          .slice(0, 5)
          .map((k) => `"${inertLine(k, 40)}"`)
          .join(', ')}${issue.keys.length > 5 ? ` (and ${issue.keys.length - 5} more)` : ''}`
      : issue.message;
  throw new ConfigError(message, file, field || '(top level)', line);
}

function unrecognizedPath(issue: z.core.$ZodIssue, path: (string | number)[]): (string | number)[] {
  return issue.code === 'unrecognized_keys' && issue.keys[0] ? [...path, issue.keys[0]] : path;
}

/**
 * Which config applies: `--config FILE`, else `$LIAISON_CONFIG`, else
 * `./liaison.yaml`, else the built-in config of the team (Glance ships one),
 * else an empty config for the team. `--team` wins over the file's team; a
 * file written for another team is then left aside with a note.
 */
export function loadConfig(opts: {
  configFile?: string;
  team?: string;
  cwd: string;
  env: NodeJS.ProcessEnv;
}): LoadedConfig {
  const notes: string[] = [];
  const explicit = opts.configFile ?? opts.env.LIAISON_CONFIG;
  const candidate = explicit ? resolve(opts.cwd, explicit) : join(opts.cwd, CONFIG_FILE);
  // a directory, a FIFO or a dangling link is an error naming the file, never "no config"
  const text = readRegularFile(candidate, { maxBytes: MAX_CONFIG_BYTES });
  if (explicit && text === undefined)
    throw new UsageError(`config file ${candidate} does not exist`);
  if (text !== undefined) {
    const config = parseConfig(text, candidate);
    if (!opts.team || sameTeam(opts.team, config.team)) return { config, origin: candidate, notes };
    if (explicit) {
      throw new UsageError(
        `${candidate} is for team "${config.team}", not "${opts.team}"; drop --team or --config`,
      );
    }
    notes.push(`${candidate} is for team ${config.team}; using the defaults of ${opts.team}`);
  }
  const team = opts.team ?? 'glance';
  const builtin = builtinConfigPath(team);
  const builtinText = readRegularFile(builtin);
  if (builtinText !== undefined) {
    return {
      config: parseConfig(builtinText, builtin),
      origin: `built-in:${team}`,
      notes,
    };
  }
  return { config: configSchema.parse({ team }), origin: 'default', notes };
}

function sameTeam(a: string, b: string): boolean {
  return a.toLowerCase() === b.toLowerCase();
}

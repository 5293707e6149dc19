import type { Command } from '../cli/commander.js';
import type { Program, Wrap } from '../cli/commands.js';
import { registerProposeCommand } from './propose/command.js';
import { registerHighlightsCommands } from './highlights/command.js';
import { registerValidateCommands } from './validate/command.js';
import { registerStatusCommands } from './status/command.js';
import { registerStableCommand } from './stable/command.js';
import { registerRulesCommand } from './rules/command.js';

/** The `liaison release` group; other release capabilities add subcommands to it. */
export function createReleaseGroup(program: Command): Command {
  return program
    .command('release')
    .description('release requests: propose a release, cycle highlights, validate, status, rules');
}

/**
 * Registers `liaison release ...`. Each subcommand module keeps its heavy
 * imports inside the action, so `liaison --help` stays fast.
 */
export function registerRelease(program: Program, wrap: Wrap): void {
  const group = createReleaseGroup(program);
  registerProposeCommand(group, wrap);
  registerHighlightsCommands(group, wrap);
  registerValidateCommands(group, wrap);
  registerStatusCommands(group, wrap);
  registerStableCommand(group, wrap);
  registerRulesCommand(group, wrap);
}

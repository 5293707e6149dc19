import { createRequire } from 'node:module';
import type * as Commander from 'commander';

/**
 * commander, loaded as the CommonJS module it is. Imported through Node's
 * ESM loader it costs ~10 ms more at every start (its ESM wrapper, then a
 * lexer pass over the CommonJS source for named exports); every command
 * module imports it from here instead.
 */
const commander = createRequire(import.meta.url)('commander') as typeof Commander;

export const Command = commander.Command;
export type Command = Commander.Command;
export const Option = commander.Option;
export type Option = Commander.Option;
export const CommanderError = commander.CommanderError;
export type CommanderError = Commander.CommanderError;

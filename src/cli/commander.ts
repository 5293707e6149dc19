import { createRequire } from 'node:module';
import type * as Typed from '@commander-js/extra-typings';

/**
 * commander, loaded as the CommonJS module it is. Imported through Node's
 * ESM loader it costs ~10 ms more at every start (its ESM wrapper, then a
 * lexer pass over the CommonJS source for named exports); every command
 * module imports it from here instead.
 *
 * The types are those of @commander-js/extra-typings (the same classes,
 * typed): a command's options are inferred from its `addOption` calls, so
 * an action gets them typed (see `Wrap` in commands.ts) and nothing casts
 * `ctx.options`. Only types come from that package; nothing of it loads.
 */
const commander = createRequire(import.meta.url)('commander') as typeof Typed;

export const Command = commander.Command;
// the defaults are extra-typings' own (`{}`: no options yet)
/* eslint-disable @typescript-eslint/no-empty-object-type */
export type Command<
  Args extends unknown[] = [],
  Opts extends Typed.OptionValues = {},
  GlobalOpts extends Typed.OptionValues = {},
> = Typed.Command<Args, Opts, GlobalOpts>;
/* eslint-enable @typescript-eslint/no-empty-object-type */
export type CommandUnknownOpts = Typed.CommandUnknownOpts;
export type OptionValues = Typed.OptionValues;
export const Option = commander.Option;
export type Option = Typed.Option;
export const CommanderError = commander.CommanderError;
export type CommanderError = Typed.CommanderError;

import type { Command, CommandUnknownOpts } from './commander.js';
import type { Context, GlobalOptions } from './context.js';

/** The program as the command modules get it: its options are the global ones. */
export type Program = Command<[], { [K in keyof GlobalOptions]: GlobalOptions[K] }>;

/**
 * What a command does: with the run's Context, its operands and its options
 * (its own, its parents' and the global ones), typed from its definition.
 */
export type CommandAction<O> = (
  ctx: Context,
  args: readonly string[],
  opts: O,
) => Promise<number | undefined> | number | undefined;

/**
 * Turns an action into a commander handler that builds the Context. The
 * command type `C` comes from where the handler is given (`.action(wrap(…))`),
 * so `opts` is typed by the command's own `addOption` calls.
 */
export type Wrap = <C extends CommandUnknownOpts>(
  fn: CommandAction<ReturnType<C['optsWithGlobals']>>,
) => (...args: [...unknown[], C]) => Promise<void>;

type Register = (program: Program, wrap: Wrap) => void;

/**
 * The command table: each capability registers its top-level commands here,
 * in help order. A run loads only the module of the command it names (start-
 * up time); help, an unknown name or no name loads them all. Command modules
 * keep heavy imports inside their actions for the same reason.
 */
const COMMANDS: readonly {
  readonly names: readonly string[];
  readonly load: () => Promise<Register>;
}[] = [
  { names: ['brief'], load: async () => (await import('../brief/command.js')).registerBrief },
  {
    names: ['schedule'],
    load: async () => (await import('../schedule/command.js')).registerSchedule,
  },
  { names: ['team', 'init'], load: async () => (await import('../team/command.js')).registerTeam },
  { names: ['notes'], load: async () => (await import('../notes/command.js')).registerNotes },
  {
    names: ['checklist'],
    load: async () => (await import('../checklist/command.js')).registerChecklist,
  },
  { names: ['remind'], load: async () => (await import('../remind/command.js')).registerRemind },
  {
    names: ['meeting'],
    load: async () => (await import('../meeting/command.js')).registerMeeting,
  },
  {
    names: ['post-final'],
    load: async () => (await import('../post-final/command.js')).registerPostFinal,
  },
  { names: ['serve', 'site'], load: async () => (await import('../web/command.js')).registerWeb },
  { names: ['release'], load: async () => (await import('../release/command.js')).registerRelease },
  { names: ['bugs'], load: async () => (await import('../bugs/command.js')).registerBugs },
  { names: ['goals'], load: async () => (await import('../goals/command.js')).registerGoals },
  { names: ['freeze'], load: async () => (await import('../freeze/command.js')).registerFreeze },
  { names: ['sync'], load: async () => (await import('../sync/command.js')).registerSync },
  { names: ['gate'], load: async () => (await import('../gate/command.js')).registerGate },
  { names: ['review'], load: async () => (await import('../review/command.js')).registerReview },
  {
    names: ['openstack'],
    load: async () => (await import('../openstack/command.js')).registerOpenStack,
  },
  {
    names: ['countdown'],
    load: async () => (await import('../countdown/command.js')).registerCountdown,
  },
  {
    names: ['priorities'],
    load: async () => (await import('../priorities/command.js')).registerPriorities,
  },
];

/** Every top-level command name, in help order. */
export const COMMAND_NAMES: readonly string[] = COMMANDS.flatMap((c) => c.names);

/** Registers the command named `name`, or every command when it names none of them. */
export async function registerCommands(
  program: Program,
  wrap: Wrap,
  name: string | undefined,
): Promise<void> {
  const named = COMMANDS.filter((c) => name !== undefined && c.names.includes(name));
  const registers = await Promise.all((named.length ? named : COMMANDS).map((c) => c.load()));
  for (const register of registers) register(program, wrap);
}

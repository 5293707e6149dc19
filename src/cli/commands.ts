import type { Command } from './commander.js';
import type { Action } from './main.js';

/** Turns an action into a commander handler that builds the Context. */
export type Wrap = (fn: Action) => (...args: unknown[]) => Promise<void>;

type Register = (program: Command, wrap: Wrap) => void;

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
  program: Command,
  wrap: Wrap,
  name: string | undefined,
): Promise<void> {
  const named = COMMANDS.filter((c) => name !== undefined && c.names.includes(name));
  const registers = await Promise.all((named.length ? named : COMMANDS).map((c) => c.load()));
  for (const register of registers) register(program, wrap);
}

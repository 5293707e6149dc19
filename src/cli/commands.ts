import type { Command } from 'commander';
import type { Action } from './main.js';
import { registerBrief } from '../brief/command.js';
import { registerSchedule } from '../schedule/command.js';
import { registerTeam } from '../team/command.js';
import { registerNotes } from '../notes/command.js';
import { registerPlan } from '../plan/command.js';
import { registerWeb } from '../web/command.js';
import { registerRelease } from '../release/command.js';
import { registerBugs } from '../bugs/command.js';
import { registerGoals } from '../goals/command.js';
import { registerFreeze } from '../freeze/command.js';
import { registerSync } from '../sources/sync/command.js';
import { registerGate } from '../gate/command.js';
import { registerReview } from '../review/command.js';

/** Turns an action into a commander handler that builds the Context. */
export type Wrap = (fn: Action) => (...args: unknown[]) => Promise<void>;

/**
 * The command table: each capability registers its commands here. Command
 * modules keep heavy imports inside their actions so start-up stays fast.
 */
export function registerCommands(program: Command, wrap: Wrap): void {
  registerBrief(program, wrap);
  registerSchedule(program, wrap);
  registerTeam(program, wrap);
  registerNotes(program, wrap);
  registerPlan(program, wrap);
  registerWeb(program, wrap);
  registerRelease(program, wrap);
  registerBugs(program, wrap);
  registerGoals(program, wrap);
  registerFreeze(program, wrap);
  registerSync(program, wrap);
  registerGate(program, wrap);
  registerReview(program, wrap);
}

import type { Context } from '../../cli/context.js';
import { UsageError } from '../../core/errors.js';
import type { ProposeOptions } from './command.js';

export function runPropose(_ctx: Context, _deliverable: string, _type: string, _opts: ProposeOptions): number {
  throw new UsageError('release propose: being implemented');
}

import type { Context } from '../../cli/context.js';
import { UsageError } from '../../core/errors.js';
import type { HighlightsOptions } from './command.js';

export function runHighlightsList(_ctx: Context, _opts: HighlightsOptions): void {
  throw new UsageError('release highlights: being implemented');
}

export function runHighlightsAdd(_ctx: Context, _text: string, _opts: HighlightsOptions): void {
  throw new UsageError('release highlights: being implemented');
}

import type { Context } from '../cli/context.js';
import { UsageError } from '../core/errors.js';
import type { PageId } from './pages/types.js';

/**
 * The only things the dashboard writes: each is a POST form with the CSRF
 * token, applied through the owning capability's own store functions
 * (which record who and when). `--read-only` turns all of them off.
 */
export interface WriteRoute {
  readonly path: string;
  /** The page the form is on, shown again after the write. */
  readonly page: PageId;
  apply(ctx: Context, field: (name: string) => string): Promise<void>;
}

/** A person's name as typed in a form: one line, bounded. */
function who(value: string): string {
  const name = value.trim();
  if (!name || name.length > 64 || /[\r\n]/.test(name)) throw new UsageError('by: enter your name (one line, at most 64 characters)');
  return name;
}

function itemId(value: string): string {
  if (!/^[A-Za-z0-9][A-Za-z0-9_.:-]{0,99}$/.test(value)) throw new UsageError(`id: not a checklist item id`);
  return value;
}

export const WRITES: readonly WriteRoute[] = [
  {
    path: '/checklist/done',
    page: 'checklist',
    async apply(ctx, field) {
      const { tickItem } = await import('../plan/checklists/tick.js');
      await tickItem(ctx, 'done', itemId(field('id')), { by: who(field('by')) });
    },
  },
  {
    path: '/checklist/undo',
    page: 'checklist',
    async apply(ctx, field) {
      const { tickItem } = await import('../plan/checklists/tick.js');
      await tickItem(ctx, 'undo', itemId(field('id')), {});
    },
  },
];

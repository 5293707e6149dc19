import type { Deps } from '../core/deps.js';
import { UsageError } from '../core/errors.js';
import type { PageId } from './panel.js';

/**
 * The only things the dashboard writes: each is a POST form with the CSRF
 * token, applied through the owning capability's own functions (which
 * record the state with its date); the server also logs who did it.
 * `--read-only` turns all of them off.
 */
export interface WriteRoute {
  readonly path: string;
  /** The page the form is on, shown again after the write. */
  readonly page: PageId;
  /** Applies the write; returns who did it and what it touched, for the write log. */
  apply(
    ctx: Deps,
    field: (name: string) => string,
  ): Promise<{ who: string; target: string; detail: string }>;
}

/** A person's name as typed in a form: one line, bounded. */
function person(value: string, what: string): string {
  const name = value.trim();
  if (!name || name.length > 64 || /[\p{Cc}]/u.test(name))
    throw new UsageError(`${what}: enter a name (one line, at most 64 characters)`);
  return name;
}

/** Who did a write that does not need a name: the form's `by` (checked like any name), else the server's user. */
function whoOf(ctx: Deps, value: string): string {
  return value.trim() ? person(value, 'by') : (ctx.env.USER ?? 'someone');
}

function itemId(value: string, what: string): string {
  if (!/^[A-Za-z0-9][A-Za-z0-9_.:-]{0,99}$/.test(value))
    throw new UsageError(`${what}: "${value.slice(0, 40)}" is not an id`);
  return value;
}

export const WRITES: readonly WriteRoute[] = [
  {
    path: '/checklist/done',
    page: 'checklist',
    async apply(ctx, field) {
      const { tickItem } = await import('../checklist/apply.js');
      const by = person(field('by'), 'by');
      const r = await tickItem(ctx, 'done', itemId(field('id'), 'id'), { by });
      return { who: by, target: `${r.series}/${r.id}`, detail: r.message };
    },
  },
  {
    path: '/checklist/undo',
    page: 'checklist',
    async apply(ctx, field) {
      const { tickItem } = await import('../checklist/apply.js');
      const who = whoOf(ctx, field('by'));
      const r = await tickItem(ctx, 'undo', itemId(field('id'), 'id'), {});
      return {
        who,
        target: `${r.series}/${r.id}`,
        detail: r.message,
      };
    },
  },
  {
    // the same checks as `liaison goals set GOAL STATUS --owner NAME`
    path: '/goals/set',
    page: 'goals',
    async apply(ctx, field) {
      const { setGoalStatus } = await import('../goals/apply.js');
      const goal = itemId(field('goal'), 'goal');
      const owner = field('owner').trim() ? person(field('owner'), 'owner') : undefined;
      const who = whoOf(ctx, field('by'));
      const saved = await setGoalStatus(ctx, goal, field('status'), {
        ...(owner !== undefined ? { owner } : {}),
      });
      return {
        who,
        target: `${saved.series}/${goal}`,
        detail: `${saved.status}${saved.owner ? `, owner ${saved.owner}` : ''}`,
      };
    },
  },
];

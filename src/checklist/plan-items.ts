import { parseDeadlineExpr, resolveDeadline } from '../calendar/deadline-expr.js';
import type { CalendarInput } from '../calendar/model.js';
import { ConfigError } from '../core/errors.js';
import { readBuiltin, mergeById, required, type Sourced } from '../config/builtin.js';
import {
  checklistsSchema,
  type ChecklistItemSpec,
  type ChecklistsConfig,
} from '../config/schema-workflow.js';
import { CHECK_KINDS } from './plan-checks.js';
import type { ChecklistItem } from './plan.js';

/**
 * The team's checklist items: the built-in list of the team (Glance ships
 * one; other teams start from Glance's unless they set `builtin: false`),
 * changed by the config's `checklists` section.
 */
export function checklistSpecs(
  team: string,
  config: ChecklistsConfig | undefined,
  configFile: string,
): Sourced<ChecklistItemSpec>[] {
  const useBuiltin = config?.builtin ?? true;
  const builtin = useBuiltin
    ? (readBuiltin('checklists', team, checklistsSchema) ??
      readBuiltin('checklists', 'glance', checklistsSchema))
    : undefined;
  const merged = mergeById(
    builtin ? { items: builtin.value.items, file: builtin.file, field: 'items' } : undefined,
    { items: config?.items ?? [], file: configFile, field: 'checklists.items' },
    config?.remove ?? [],
  );
  for (const e of merged) {
    const kind = e.value.check?.kind;
    if (kind !== undefined && !CHECK_KINDS.includes(kind)) {
      throw new ConfigError(
        `unknown check kind "${kind}"; known: ${CHECK_KINDS.join(', ')}`,
        e.file,
        `${e.field}.check.kind`,
      );
    }
  }
  return merged;
}

/**
 * Resolves every item's due date in `series`; an event the schedule lacks is
 * an error naming the field, a fixed date of another cycle drops the item.
 */
export function resolveItems(
  input: CalendarInput,
  series: string,
  specs: readonly Sourced<ChecklistItemSpec>[],
): ChecklistItem[] {
  return specs.flatMap((e): ChecklistItem[] => {
    const dueExpr = required(e, 'due');
    const parsed = parseDeadlineExpr(dueExpr);
    if (!parsed.ok) throw new ConfigError(parsed.error, e.file, `${e.field}.due`);
    const r = resolveDeadline(input, parsed.expr, series);
    if (!r.ok) {
      // a fixed date belongs to one cycle only
      if (r.reason === 'not-in-series') return [];
      throw new ConfigError(r.error, e.file, `${e.field}.due`);
    }
    const v = e.value;
    return [
      {
        id: v.id,
        phase: required(e, 'phase'),
        title: required(e, 'title'),
        due: r.date,
        dueExpr,
        week: r.week ?? null,
        owner: required(e, 'owner'),
        link: v.link ?? null,
        description: v.description ?? null,
        check: v.check ?? null,
      },
    ];
  });
}

import { existsSync, readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { z } from 'zod';
import { parseDeadlineExpr } from '../calendar/deadline-expr.js';
import type { Deps } from '../core/deps.js';
import { ConfigError, LiaisonError, UsageError } from '../core/errors.js';
import { packageRoot } from '../core/package-root.js';
import { parseYaml } from '../data/yaml.js';
import {
  EVENT_NAMES,
  PLACEHOLDER,
  PLAIN_NAMES,
  planCountdown,
  type CountdownTeam,
  type CountdownTemplate,
  type CountdownView,
} from './plan.js';

/** The built-in templates: data/countdown/default.yaml. */
export function builtinTemplatesPath(): string {
  return join(packageRoot(), 'data', 'countdown', 'default.yaml');
}

const expr = z.string().superRefine((value, ctx) => {
  const r = parseDeadlineExpr(value);
  if (!r.ok) ctx.addIssue({ code: 'custom', message: r.error });
});

const labels = z
  .string()
  .regex(
    /^[a-z]-[a-z0-9-]+(\|[a-z]-[a-z0-9-]+)*$/,
    'expected event labels such as x-3 or x-ptg|x-vptg',
  );

const templateSchema = z.strictObject({
  id: z.string().regex(/^[a-z0-9][a-z0-9-]*$/, 'use lower-case letters, digits and -'),
  week: expr.optional(),
  from: expr.optional(),
  to: expr.optional(),
  focus: z.string().min(1),
  general: z.string().min(1),
  actions: z.string().optional(),
  deadlines: z.array(labels).default([]),
  ahead: z.number().int().min(0).max(12).default(3),
});

const fileSchema = z.strictObject({ templates: z.array(templateSchema).min(1) });

/**
 * Reads and checks a templates file: the schema, then every placeholder's
 * name (a typo is an error here, not a paragraph silently left out later).
 */
export function readTemplates(file: string): CountdownTemplate[] {
  if (!existsSync(file)) throw new UsageError(`--templates ${file}: no such file`);
  const parsed = parseYaml(readFileSync(file, 'utf8'), file);
  const r = fileSchema.safeParse(parsed.value ?? {});
  if (!r.success) {
    const issue = r.error.issues[0];
    const field = (issue?.path ?? []).map(String).join('.');
    throw new ConfigError(issue?.message ?? 'invalid', file, field || undefined);
  }
  const seen = new Set<string>();
  return r.data.templates.map((t, i) => {
    const at = `templates[${i}]`;
    if (seen.has(t.id)) throw new ConfigError(`duplicate template id "${t.id}"`, file, `${at}.id`);
    seen.add(t.id);
    if (t.week && (t.from || t.to))
      throw new ConfigError('give either week or from/to, not both', file, `${at}.week`);
    for (const key of ['focus', 'general', 'actions'] as const) {
      const text = t[key];
      if (text) checkPlaceholders(text, file, `${at}.${key}`);
    }
    return {
      id: t.id,
      ...(t.week ? { week: t.week } : {}),
      ...(t.from ? { from: t.from } : {}),
      ...(t.to ? { to: t.to } : {}),
      focus: t.focus,
      general: t.general,
      ...(t.actions ? { actions: t.actions } : {}),
      deadlines: t.deadlines,
      ahead: t.ahead,
    };
  });
}

function checkPlaceholders(text: string, file: string, field: string): void {
  for (const m of text.matchAll(PLACEHOLDER)) {
    const [whole, name = '', arg] = m;
    const ok = arg === undefined ? PLAIN_NAMES.has(name) : EVENT_NAMES.has(name);
    if (!ok) {
      const known = [...PLAIN_NAMES, ...[...EVENT_NAMES].map((n) => `${n}:LABEL`)].join(' ');
      throw new ConfigError(`unknown placeholder ${whole}; known: ${known}`, file, field);
    }
    if (arg !== undefined && !/^(next:)?[a-z]-[a-z0-9-]+(\|[a-z]-[a-z0-9-]+)*$/.test(arg))
      throw new ConfigError(
        `${whole}: expected an event label such as x-3 (or next:x-ptg)`,
        file,
        field,
      );
  }
}

/** Reads the templates and the teams' actions, and plans the week's countdown. */
export async function buildCountdown(ctx: Deps, templatesFile?: string): Promise<CountdownView> {
  const file = templatesFile ? resolve(ctx.cwd, templatesFile) : builtinTemplatesPath();
  const templates = readTemplates(file);
  const notes: string[] = [];
  const teams = await teamsWithActionsDue(ctx, notes);
  return planCountdown({ calendar: ctx.calendarInput, date: ctx.today, templates, teams, notes });
}

/**
 * The teams with due or overdue release actions in the week: the OpenStack
 * view narrowed to those states (each team's actions as its own brief has them).
 */
async function teamsWithActionsDue(ctx: Deps, notes: string[]): Promise<CountdownTeam[] | null> {
  try {
    const view = await ctx.views.openstack(ctx, {
      state: ['due', 'overdue'],
      kind: null,
      team: null,
    });
    const pick = (a: CountdownTeam['due'][number]) => ({
      id: a.id,
      deliverable: a.deliverable,
      kind: a.kind,
      milestone: a.milestone,
      window: a.window,
      state: a.state,
      ...(a.asOf ? { asOf: a.asOf } : {}),
    });
    return view.teams.map((t) => ({
      name: t.name,
      due: t.actions.filter((a) => a.state === 'due').map(pick),
      overdue: t.actions.filter((a) => a.state === 'overdue').map(pick),
    }));
  } catch (e) {
    if (!(e instanceof LiaisonError)) throw e;
    notes.push(`the teams' release actions could not be computed: ${(e as Error).message}`);
    return null;
  }
}

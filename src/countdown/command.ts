import { resolve } from 'node:path';
import { Command, Option } from '../cli/commander.js';
import type { Wrap } from '../cli/commands.js';
import type { Context } from '../cli/context.js';
import { LiaisonError, UsageError } from '../core/errors.js';
import type { CountdownTeam, CountdownView } from './plan.js';

const FORMATS = ['text', 'md'] as const;

/** `liaison countdown`: the release team's weekly countdown e-mail for the week of --date. */
export function registerCountdown(program: Command, wrap: Wrap): void {
  program
    .command('countdown')
    .description(
      "the release team's weekly countdown e-mail: focus, information, deadlines, teams with actions due",
    )
    .addOption(new Option('--format <format>', 'text or md').default('text'))
    .addOption(new Option('--templates <file>', 'countdown templates (default: the built-in ones)'))
    .action(
      wrap(async (ctx) => {
        const o = ctx.options as { format?: string; templates?: string };
        const format = o.format ?? 'text';
        if (!(FORMATS as readonly string[]).includes(format))
          throw new UsageError(`--format ${format}: expected text or md`);
        const view = await buildCountdown(ctx, o.templates);
        if (ctx.json) ctx.io.stdout(JSON.stringify(view, null, 2) + '\n');
        else {
          const { renderCountdown } = await import('./render.js');
          ctx.io.stdout(renderCountdown(view, format as 'text' | 'md'));
        }
      }),
    );
}

/** Reads the templates and the teams' actions, and plans the week's countdown. */
export async function buildCountdown(ctx: Context, templatesFile?: string): Promise<CountdownView> {
  const { readTemplates, builtinTemplatesPath } = await import('./read.js');
  const { planCountdown } = await import('./plan.js');
  const file = templatesFile ? resolve(ctx.io.cwd, templatesFile) : builtinTemplatesPath();
  const templates = readTemplates(file);
  const notes: string[] = [];
  const teams = await teamsWithActionsDue(ctx, notes);
  return planCountdown({ calendar: ctx.calendarInput, date: ctx.today, templates, teams, notes });
}

/**
 * The teams with due or overdue release actions in the week: the OpenStack
 * view narrowed to those states (each team's actions as its own brief has them).
 */
async function teamsWithActionsDue(ctx: Context, notes: string[]): Promise<CountdownTeam[] | null> {
  const { buildOpenStack } = await import('../openstack/command.js');
  try {
    const view = await buildOpenStack(ctx, { state: ['due', 'overdue'], kind: null, team: null });
    const pick = (a: CountdownTeam['due'][number]) => ({
      id: a.id,
      deliverable: a.deliverable,
      kind: a.kind,
      milestone: a.milestone,
      window: a.window,
      state: a.state,
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

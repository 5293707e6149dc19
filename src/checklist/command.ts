import { Command, Option } from '../cli/commander.js';
import type { Wrap } from '../cli/commands.js';
import { emit } from '../cli/output.js';

/**
 * The planner's commands: checklist (done/undo), remind, meeting,
 * post-final. Modules are imported inside the actions to keep start-up fast.
 */
export function registerPlan(program: Command, wrap: Wrap): void {
  const checklist = program
    .command('checklist')
    .description(
      'the phase checklist of the series: due dates, owners, state (manual ticks and automatic checks)',
    )
    .addOption(
      new Option('--phase <phase>', 'only this phase (before-ptg, ptg-to-m1, m1, ..., post-final)'),
    )
    .addOption(new Option('--series <name>', 'series name or id (default: the series at --date)'))
    .action(
      wrap(async (ctx) => {
        const opts = ctx.options as { phase?: string; series?: string };
        const { buildChecklist } = await import('./read.js');
        const { renderChecklistText } = await import('./render.js');
        emit(ctx, await buildChecklist(ctx, opts), renderChecklistText);
      }),
    );
  for (const verb of ['done', 'undo'] as const) {
    checklist
      .command(`${verb} <id>`)
      .description(
        verb === 'done'
          ? 'tick an item (recorded in the store with who and --date)'
          : 'remove the tick of an item',
      )
      .addOption(new Option('--by <name>', 'who did it (default: $USER)'))
      .action(
        wrap(async (ctx, args) => {
          const opts = ctx.options as { series?: string; by?: string };
          const { tickItem } = await import('./apply.js');
          const result = await tickItem(ctx, verb, args[0] ?? '', opts);
          emit(ctx, result, (r) => r.message);
        }),
      );
  }

  program
    .command('remind')
    .description(
      'reminders due at --date as e-mails: printed (dry run), --send by SMTP, or --outbox DIR; each goes out once',
    )
    .addOption(
      new Option(
        '--send',
        'deliver by SMTP (each reminder and recipient once, recorded in the ledger)',
      ),
    )
    .addOption(
      new Option(
        '--smtp-url <url>',
        'smtp[s]://[user@]host[:port]; password from $LIAISON_SMTP_PASSWORD',
      ),
    )
    .addOption(
      new Option(
        '--outbox <dir>',
        'write .eml files into DIR instead (recorded in the ledger too)',
      ),
    )
    .addOption(new Option('--since <date>', 'do not catch up on reminders due before this date'))
    .addOption(
      new Option('--resend <id>', 'let the unknown deliveries of this reminder go out again'),
    )
    .action(
      wrap(async (ctx) => {
        const opts = ctx.options as {
          send?: boolean;
          smtpUrl?: string;
          outbox?: string;
          since?: string;
          resend?: string;
        };
        const { runRemind, remindExitCode } = await import('../remind/apply.js');
        const { renderRemindText } = await import('../remind/render.js');
        const run = await runRemind(ctx, opts);
        emit(ctx, run, renderRemindText);
        const code = remindExitCode(run);
        if (code !== 0)
          ctx.io.stderr(
            `liaison: some reminders were not delivered: ${run.summary?.firstError ?? ''}\n`,
          );
        return code;
      }),
    );

  program
    .command('meeting')
    .description(
      'the release section of the weekly team meeting: cycle, deadlines, releases, periodic jobs, RC bugs, goals, checklist',
    )
    .addOption(
      new Option('--format <format>', 'irc (meeting bot lines) or md (Markdown)')
        .choices(['irc', 'md'])
        .default('irc'),
    )
    .action(
      wrap(async (ctx) => {
        const opts = ctx.options as { format: 'irc' | 'md' };
        const { buildMeetingView } = await import('../meeting/read.js');
        const { renderMeetingIrc, renderMeetingMarkdown } = await import('../meeting/render.js');
        const view = await buildMeetingView(ctx);
        emit(ctx, view, (v) =>
          opts.format === 'md' ? renderMeetingMarkdown(v) : renderMeetingIrc(v),
        );
      }),
    );

  program
    .command('post-final')
    .description(
      "the team's post-final tasks (Glance: CURRENT_RELEASE bump); a dry run unless --write or --commit",
    )
    .addOption(new Option('--task <id>', 'only this task'))
    .addOption(new Option('--repo <dir>', 'clone for the task (the first task unless --task)'))
    .addOption(
      new Option(
        '--series <name>',
        'the series just released (default: the last released by --date)',
      ),
    )
    .addOption(new Option('--write', 'change the files in the clone'))
    .addOption(
      new Option(
        '--commit',
        'change the files and commit them with the team message and Signed-off-by',
      ),
    )
    .action(
      wrap(async (ctx) => {
        const opts = ctx.options as {
          task?: string;
          repo?: string;
          series?: string;
          write?: boolean;
          commit?: boolean;
        };
        const { runPostFinal } = await import('../post-final/run.js');
        const { renderPostFinalText } = await import('../post-final/render.js');
        emit(ctx, runPostFinal(ctx, opts), renderPostFinalText);
      }),
    );
}

import { Option } from '../cli/commander.js';
import type { Program, Wrap } from '../cli/commands.js';
import { writeOutputFile } from '../core/files.js';
import { emit, emitFormatted, printJson, withEnvelope } from '../cli/output.js';

export function registerSchedule(program: Program, wrap: Wrap): void {
  program
    .command('schedule')
    .description(
      'the whole cycle: weeks, cross-project events and team deadlines; --ics writes iCalendar',
    )
    .addOption(
      new Option('--series <name>', 'series name or release id (default: the series at --date)'),
    )
    .addOption(new Option('--ics <file>', 'write an iCalendar file (- for standard output)'))
    .addOption(new Option('--all-teams', "also list other teams' project-specific events"))
    .action(
      wrap(async (ctx, _args, opts) => {
        const { buildSchedule } = await import('./read.js');
        const view = buildSchedule(ctx, {
          ...(opts.series ? { series: opts.series } : {}),
          allTeams: opts.allTeams === true,
        });
        if (opts.ics) {
          const { scheduleToIcs } = await import('./render-ics.js');
          const text = scheduleToIcs(view, ctx.today);
          if (opts.ics === '-') {
            // calendar text: its fields are made inert where it is built
            emitFormatted(ctx, text, { raw: true });
            return;
          }
          writeOutputFile(opts.ics, text, '--ics');
          const count = view.weeks.reduce((n, w) => n + w.events.length, 0);
          if (ctx.json) printJson(ctx, withEnvelope(ctx, { file: opts.ics, events: count }));
          else emitFormatted(ctx, `wrote ${opts.ics}: ${count} events of ${view.series.name}`);
          return;
        }
        const { renderScheduleText } = await import('./render.js');
        emit(ctx, view, renderScheduleText);
      }),
    );
}

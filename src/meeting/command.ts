import { Option } from '../cli/commander.js';
import type { Program, Wrap } from '../cli/commands.js';
import { emit, emitFormatted } from '../cli/output.js';

/** `liaison meeting`: the release section of the weekly meeting. */
export function registerMeeting(program: Program, wrap: Wrap): void {
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
      wrap(async (ctx, _args, opts) => {
        const { buildMeetingView } = await import('./read.js');
        const { renderMeetingIrc, renderMeetingMarkdown } = await import('./render.js');
        const view = await buildMeetingView(ctx);
        // lines to paste: the data warnings go to stderr, not into the meeting
        if (ctx.json) emit(ctx, view, () => '');
        else {
          const text = opts.format === 'md' ? renderMeetingMarkdown(view) : renderMeetingIrc(view);
          emitFormatted(ctx, text.endsWith('\n') ? text : `${text}\n`);
        }
      }),
    );
}

import { Option } from '../cli/commander.js';
import type { Program, Wrap } from '../cli/commands.js';
import { UsageError } from '../core/errors.js';

const FORMATS = ['text', 'md'] as const;
const isFormat = (f: string): f is (typeof FORMATS)[number] =>
  (FORMATS as readonly string[]).includes(f);

/** `liaison countdown`: the release team's weekly countdown e-mail for the week of --date. */
export function registerCountdown(program: Program, wrap: Wrap): void {
  program
    .command('countdown')
    .description(
      "the release team's weekly countdown e-mail: focus, information, deadlines, teams with actions due",
    )
    .addOption(new Option('--format <format>', 'text or md').default('text'))
    .addOption(new Option('--templates <file>', 'countdown templates (default: the built-in ones)'))
    .action(
      wrap(async (ctx, _args, o) => {
        const format = o.format;
        if (!isFormat(format)) throw new UsageError(`--format ${format}: expected text or md`);
        const { buildCountdown } = await import('./read.js');
        const view = await buildCountdown(ctx, o.templates);
        const { emitFormatted, printJson, withEnvelope } = await import('../cli/output.js');
        if (ctx.json) printJson(ctx, withEnvelope(ctx, view));
        else {
          const { renderCountdown } = await import('./render.js');
          // an e-mail to paste: data warnings go to standard error
          emitFormatted(ctx, renderCountdown(view, format));
        }
      }),
    );
}

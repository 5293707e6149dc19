import { Command, Option } from '../cli/commander.js';
import type { Wrap } from '../cli/commands.js';
import { emit } from '../cli/output.js';

/** `liaison remind`: the due reminders, printed, sent or written to an outbox. */
export function registerRemind(program: Command, wrap: Wrap): void {
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
        const { runRemind, remindExitCode } = await import('./apply.js');
        const { renderRemindText } = await import('./render.js');
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
}

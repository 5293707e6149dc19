import { Command, Option } from '../cli/commander.js';
import type { Wrap } from '../cli/commands.js';
import { emit } from '../cli/output.js';
import { SourceUnavailableError, UsageError } from '../core/errors.js';

interface ReviewOptions {
  clones?: string;
  commits?: string;
  strict?: boolean;
}

interface VoteOptions extends ReviewOptions {
  message?: string;
  apply?: boolean;
  credentials?: string;
}

/**
 * `liaison review` (the release requests waiting for the team) and
 * `liaison review vote CHANGE +1|-1` (answer one; a dry run unless --apply).
 * Heavy modules load inside the actions so start-up stays fast.
 */
export function registerReview(program: Command, wrap: Wrap): void {
  const review = program
    .command('review')
    .description(
      "release requests for the team's deliverables in openstack/releases: what each ships, votes, merge deadline",
    )
    .addOption(
      new Option(
        '--clones <dir>',
        'folder of local clones of the team repositories (default: config clones-dir)',
      ),
    )
    .addOption(new Option('--commits <n>', 'commits listed per repository').default('10'))
    .addOption(
      new Option('--strict', 'exit 3 when the requests data is missing or its last sync failed'),
    )
    .action(
      wrap(async (ctx) => {
        const o = ctx.options as ReviewOptions;
        const maxCommits = Number(o.commits ?? '10');
        if (!Number.isInteger(maxCommits) || maxCommits < 0)
          throw new UsageError('--commits: expected a whole number');
        const { buildReviewView } = await import('./read.js');
        const { renderReviewText } = await import('./render.js');
        const view = await buildReviewView(ctx, o.clones !== undefined ? { clones: o.clones } : {});
        emit(ctx, view, (v, c) => renderReviewText(v, c, { maxCommits }));
        if (o.strict && (view.dataState === 'never' || view.dataState === 'failing')) {
          throw new SourceUnavailableError(view.dataLine, 'review');
        }
        return 0;
      }),
    );
  review
    .command('vote')
    .description('answer a release request with Code-Review +1 or -1 (dry run unless --apply)')
    .argument('<change>', 'change number or URL')
    .argument('<value>', '+1 or -1')
    .addOption(new Option('--message <text>', 'your words, put above the list of what was checked'))
    .addOption(new Option('--apply', 'really post the vote to Gerrit'))
    .addOption(
      new Option(
        '--credentials <file>',
        'Gerrit credentials file (default ~/.config/release-liaison/gerrit-credentials)',
      ),
    )
    .action(
      wrap(async (ctx, args) => {
        const { runVote } = await import('./apply.js');
        const { renderVoteText } = await import('./render.js');
        emit(
          ctx,
          await runVote(ctx, args[0] ?? '', args[1] ?? '', ctx.options as VoteOptions),
          renderVoteText,
        );
        return 0;
      }),
    );
}

import { Option, type Command } from '../../cli/commander.js';
import type { Wrap } from '../../cli/commands.js';
import { emit } from '../../cli/output.js';
import { UsageError } from '../../core/errors.js';
import { RELEASE_TYPES } from '../versions/release-types.js';
import type { ProposeOptions } from './read.js';

export function registerProposeCommand(group: Command, wrap: Wrap): void {
  group
    .command('propose')
    .description(
      'compute the next release of a deliverable and the minimal edit of its file (dry run unless --write)',
    )
    .argument('<deliverable>', 'deliverable name, e.g. glance-store')
    .argument(
      '<type>',
      `release type: ${RELEASE_TYPES.join(', ')}; or branch (stable/<id> at the last release of the series)`,
    )
    .addOption(
      new Option(
        '--series <name>',
        'series name or id (default: the series in development at --date)',
      ),
    )
    .addOption(
      new Option(
        '--hash <sha>',
        'commit to tag (40 hex); default: head of the series branch in the clone',
      ),
    )
    .addOption(
      new Option(
        '--repo <dir>',
        'local clone of the project repository (default: config deliverables.<name>.clone or clones-dir)',
      ),
    )
    .addOption(new Option('--stable-branch', 'also create stable/<id> at the new version'))
    .addOption(new Option('--intermediate-branch', 'also create bugfix/X.Y at the new version'))
    .addOption(
      new Option(
        '--milestone <n>',
        'number a beta after its milestone (Glance: 0b2 for milestone 2)',
      ),
    )
    .addOption(new Option('--force', 'tag even when the branch head is already released'))
    .addOption(
      new Option(
        '--override <rule>',
        'write the request although this rule refuses it (repeatable; rules: docs/release-rules.md)',
      ).argParser((value: string, previous: string[] | undefined) => [...(previous ?? []), value]),
    )
    .addOption(new Option('--write', 'edit the file in the releases checkout (--releases-repo)'))
    .addOption(new Option('--commit', 'with --write: commit on a new topic branch, signed off'))
    .addOption(new Option('--topic <branch>', 'name of the topic branch for --commit'))
    .action(
      wrap(async (ctx, args, given) => {
        // read → plan → print, or apply (--write / --commit)
        // a beta is numbered after the milestone of --date when the team's convention says so
        const byConvention =
          args[1] === 'milestone' && given.milestone === undefined
            ? await ctx.views.betaMilestone(ctx, args[0] ?? '', given.series)
            : null;
        const opts: ProposeOptions = byConvention
          ? { ...given, conventionMilestone: byConvention }
          : given;
        const { checkOverrides } = await import('../versions/refusals.js');
        const overrides = checkOverrides(opts.override ?? []);
        if (overrides.problem) throw new UsageError(overrides.problem);
        const apply = opts.write === true || opts.commit === true;
        if (args[1] === 'branch') {
          const { readBranchProposal } = await import('./read-branch.js');
          const { planBranch } = await import('./plan-branch.js');
          const { proposalResult } = await import('./plan.js');
          const { applyBranchProposal } = await import('./apply.js');
          const { renderBranchProposal } = await import('./render.js');
          const input = readBranchProposal(ctx, args[0] ?? '', opts, overrides.ok);
          const plan = planBranch(input);
          const applied = apply
            ? applyBranchProposal(ctx, input, plan, opts)
            : { written: false, commit: null };
          emit(ctx, proposalResult(plan, applied), renderBranchProposal);
          return 0;
        }
        const { readProposal } = await import('./read.js');
        const { planProposal, proposalResult } = await import('./plan.js');
        const { applyProposal } = await import('./apply.js');
        const { renderProposal } = await import('./render.js');
        const input = readProposal(ctx, args[0] ?? '', args[1] ?? '', opts, overrides.ok);
        const plan = planProposal(input);
        const applied = apply
          ? applyProposal(ctx, input, plan, opts)
          : { written: false, commit: null };
        emit(ctx, proposalResult(plan, applied), renderProposal);
        return 0;
      }),
    );
}

import { positionAt } from '../../calendar/cycle.js';
import { scheduleEvents } from '../../calendar/events.js';
import type { Context } from '../../cli/context.js';
import { emit } from '../../cli/output.js';
import { UsageError } from '../../core/errors.js';
import { deliverablePath, parseDeliverable } from '../../data/releases/deliverables.js';
import { loadHistory } from '../versions/load-history.js';
import type { ProposeOptions } from './command.js';
import { checkBranchSeries, planBranch, type BranchProposalView } from './plan-branch.js';
import { applyIfAsked } from './read.js';
import { gitIdentity } from './read-git.js';
import { renderBranchProposal } from './render.js';

export interface BranchProposalResult extends Omit<BranchProposalView, 'text'> {
  readonly written: boolean;
  readonly commit: { readonly branch: string; readonly sha: string } | null;
}

/** `liaison release propose DELIVERABLE branch [--series S]`: read → plan → print or apply. */
export function runBranchPropose(
  ctx: Context,
  name: string,
  opts: ProposeOptions,
  overrides: ReadonlySet<string>,
): number {
  for (const [flag, set] of [
    ['--hash', opts.hash],
    ['--milestone', opts.milestone],
    ['--stable-branch', opts.stableBranch],
    ['--intermediate-branch', opts.intermediateBranch],
  ] as const)
    if (set !== undefined && set !== false)
      throw new UsageError(`${flag} does not apply to a branch request`);
  const data = ctx.data.releases;
  const notes: string[] = [];
  const position = opts.series === undefined ? positionAt(ctx.calendarInput, ctx.today) : undefined;
  const h = loadHistory(data, opts.series ?? position?.series.name ?? '', name);
  checkBranchSeries(h.seriesName);
  if (position)
    notes.push(
      `series ${h.seriesName} (${position.week} at ${ctx.today}); pass --series for another`,
    );
  const file = deliverablePath(h.seriesName, name);
  const text = data.text(file);
  if (text === undefined)
    throw new UsageError(
      `unknown deliverable ${name}: no ${file} (a branch needs the series file)`,
    );
  const doc = parseDeliverable(text, data.where(file));
  const identity = gitIdentity(data.tree.absolute('') ?? ctx.io.cwd);
  if (!identity)
    notes.push('no git identity (user.name/user.email): the message has no Signed-off-by line');
  const freeze = libraryFreeze(ctx, h.seriesName, doc.type);
  const plan = planBranch({
    deliverable: name,
    seriesName: h.seriesName,
    seriesId: h.history[0]?.id ?? h.seriesName,
    file,
    text,
    doc,
    ...(freeze ? { freeze } : {}),
    today: ctx.today,
    overrides,
    ...(identity ? { identity } : {}),
    notes,
  });
  const applied = applyIfAsked(
    ctx,
    name,
    { ...plan, version: plan.branch.name.replace('/', '-'), pendingHash: false },
    opts,
    identity,
  );
  const view: Partial<BranchProposalView> = { ...plan };
  Reflect.deleteProperty(view, 'text'); // the diff shows what changes
  const result: BranchProposalResult = {
    ...(view as Omit<BranchProposalView, 'text'>),
    ...applied,
  };
  emit(ctx, result, renderBranchProposal);
  return 0;
}

/** The freeze after which the release team branches this type of deliverable, from the schedule. */
function libraryFreeze(
  ctx: Context,
  series: string,
  type: string | undefined,
): { what: string; date: string } | undefined {
  const label =
    type === 'library' ? 'final-lib' : type === 'client-library' ? 'final-clientlib' : undefined;
  if (!label) return undefined;
  const event = scheduleEvents(ctx.calendarInput, series).find((e) =>
    new RegExp(`^[a-z]-${label}$`).test(e.id),
  );
  if (!event) return undefined;
  return {
    what: type === 'library' ? 'non-client library freeze' : 'client library freeze',
    date: event.date,
  };
}

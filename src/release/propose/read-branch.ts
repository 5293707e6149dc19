import { positionAt } from '../../calendar/cycle.js';
import { scheduleEvents } from '../../calendar/events.js';
import type { Deps } from '../../core/deps.js';
import { UsageError } from '../../core/errors.js';
import { deliverablePath, parseDeliverable } from '../../data/releases/deliverables.js';
import { loadHistory } from '../versions/load-history.js';
import { checkBranchSeries, type BranchInput } from './plan-branch.js';
import { checkName, type ProposeOptions } from './read.js';
import { gitIdentity } from './read-git.js';

/**
 * Everything a branch-only request plans from (`release propose
 * DELIVERABLE branch [--series S]`): the series file, the library freeze
 * of the series from its schedule, the git identity.
 */
export function readBranchProposal(
  ctx: Deps,
  name: string,
  opts: ProposeOptions,
  overrides: ReadonlySet<string>,
): BranchInput {
  checkName(name);
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
  const identity = gitIdentity(data.tree.absolute('') ?? ctx.cwd);
  if (!identity)
    notes.push('no git identity (user.name/user.email): the message has no Signed-off-by line');
  const freeze = libraryFreeze(ctx, h.seriesName, doc.type);
  return {
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
  };
}

/** The freeze after which the release team branches this type of deliverable, from the schedule. */
function libraryFreeze(
  ctx: Deps,
  series: string,
  type: string | undefined,
): { what: string; date: string } | undefined {
  const label =
    type === 'library' ? 'final-lib' : type === 'client-library' ? 'final-clientlib' : undefined;
  if (!label) return undefined;
  const pattern = new RegExp(`^[a-z]-${label}$`);
  const event = scheduleEvents(ctx.calendarInput, series).find((e) => pattern.test(e.id));
  if (!event) return undefined;
  return {
    what: type === 'library' ? 'non-client library freeze' : 'client library freeze',
    date: event.date,
  };
}

import type { Deps } from '../core/deps.js';
import { sourceAge } from '../sources/age.js';
import { resolveEndpoints } from '../sources/endpoints.js';
import { loadChangeSnapshot, loadLedger } from '../sources/gerrit/store.js';
import { planFreeze, type FreezeOptions, type FreezeView } from './plan.js';
import { readFreezeConfig } from './read-config.js';
import { freezeScope } from './read-scope.js';

/**
 * Reads what the freeze guard needs — its scope (RC window, repositories,
 * branches), the RC bugs (the bugs capability's view), the stored open
 * changes and the vote ledger — and plans the view.
 */
export async function buildFreezeView(ctx: Deps, opts: FreezeOptions = {}): Promise<FreezeView> {
  const db = await ctx.store();
  const scope = freezeScope(ctx, { ...opts, db });
  const config = readFreezeConfig(ctx.config.freeze, ctx.loadedConfig.origin, ctx.env.HOME);
  const bugs = await ctx.views.bugs(ctx, {
    ...(opts.series ? { series: opts.series } : {}),
    onlyRcCritical: true,
  });
  const snapshot = scope.query ? loadChangeSnapshot(db, scope.query) : undefined;
  const channel = ctx.team.ircChannel ? `#${ctx.team.ircChannel.replace(/^#/, '')}` : undefined;
  return planFreeze({
    team: ctx.team.name,
    today: ctx.today,
    scope,
    bots: config.bots,
    bugs: bugs.bugs,
    changes: snapshot?.changes ?? [],
    syncedAt: snapshot?.syncedAt ?? null,
    ledger: loadLedger(db),
    gerritBase: resolveEndpoints(ctx.config, ctx.env).gerrit,
    ...(channel ? { channel } : {}),
    sources: {
      gerrit: sourceAge(db, 'gerrit', ctx.today, { title: 'Gerrit' }),
      launchpad: sourceAge(db, 'launchpad', ctx.today, { title: 'Launchpad' }),
    },
  });
}

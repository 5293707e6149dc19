import { Option, type Command } from '../cli/commander.js';
import type { Wrap } from '../cli/commands.js';
import { emit } from '../cli/output.js';
import { EXIT } from '../core/errors.js';

export function registerSync(program: Command, wrap: Wrap): void {
  program
    .command('sync')
    .description(
      "refresh the cache of every source (Zuul, Launchpad, Gerrit) and git fetch the team's checkouts",
    )
    .addOption(new Option('--strict', 'exit 3 when a source failed'))
    .addOption(
      new Option(
        '--only <names>',
        'only these sources, comma-separated (zuul, review, launchpad, gerrit, stable, blueprints, bp-changes, gate-queue, gate-buildsets, git)',
      ),
    )
    .action(
      wrap(async (ctx) => {
        const o = ctx.options as { strict?: boolean; only?: string };
        const { runSync } = await import('./apply.js');
        const { SYNC_SOURCES } = await import('../app/sync-sources.js');
        const { renderSyncText } = await import('./render.js');
        // progress only on a terminal, never under --json or CI
        const quiet = ctx.json || !ctx.io.isTTY || Boolean(ctx.io.env.CI);
        const view = await runSync(ctx, {
          sources: SYNC_SOURCES,
          ...(o.only
            ? {
                only: o.only
                  .split(',')
                  .map((s) => s.trim())
                  .filter(Boolean),
              }
            : {}),
          ...(quiet
            ? {}
            : {
                progress: (line: string) => {
                  ctx.io.stderr(`${line}\n`);
                },
              }),
        });
        emit(ctx, view, renderSyncText);
        return o.strict && view.failed > 0 ? EXIT.source : EXIT.ok;
      }),
    );
}

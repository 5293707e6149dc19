import { Option } from '../cli/commander.js';
import type { Program, Wrap } from '../cli/commands.js';
import { emit } from '../cli/output.js';
import { EXIT } from '../core/errors.js';

export function registerSync(program: Program, wrap: Wrap): void {
  program
    .command('sync')
    .description(
      "refresh the data: the openstack/releases and governance checkouts it keeps, Zuul, Launchpad, Gerrit, and git fetch of the team's checkouts",
    )
    .addOption(new Option('--strict', 'exit 3 when a source failed'))
    .addOption(new Option('--offline', 'touch no network: report what is kept and how old it is'))
    .addOption(
      new Option(
        '--only <names>',
        'only these sources, comma-separated: releases, governance (or data), zuul, review, launchpad, gerrit, stable, blueprints, bp-changes, gate-queue, gate-buildsets (or services), git',
      ),
    )
    .action(
      wrap(async (ctx, _args, o) => {
        const { runSync } = await import('./apply.js');
        const { SYNC_SOURCES } = await import('../app/sync-sources.js');
        const { renderSyncText } = await import('./render.js');
        // progress only on a terminal, never under --json or CI
        const quiet = ctx.json || !ctx.io.isTTY || Boolean(ctx.io.env.CI);
        const view = await runSync(ctx, {
          ...(o.offline ? { offline: true } : {}),
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

import { join } from 'node:path';
import {
  addLaunchpadRoutes,
  standInConfig,
  type LaunchpadStandIn,
} from '../bugs/launchpad-stand-in.js';
import { startServiceStub, type ServiceStub } from '../helpers/service-stub.js';
import { tempDir } from '../helpers/tmp.js';
import { testDashboard, type TestDashboard } from './dashboard.js';

export interface StandInSite {
  readonly stub: ServiceStub;
  readonly lp: LaunchpadStandIn;
  readonly dir: string;
  readonly db: string;
  readonly config: string;
  /** A dashboard on this store and config, home in `dir`, the stand-in's addresses in its environment. */
  dashboard(): TestDashboard;
}

/**
 * What the live-page tests start from: the loopback stand-in with Launchpad's
 * routes, a fresh folder named after `prefix`, a store path and the stand-in's
 * config in it. (test/helpers/live-workspace.ts writes its own config with
 * `sources:` settings and has no Launchpad routes nor dashboard.)
 */
export async function standInSite(prefix: string): Promise<StandInSite> {
  const stub = await startServiceStub();
  const lp = addLaunchpadRoutes(stub);
  const dir = tempDir(prefix);
  const db = join(dir, 'l.db');
  const config = standInConfig(dir);
  return {
    stub,
    lp,
    dir,
    db,
    config,
    dashboard: () => testDashboard({ options: { db, config }, env: stub.env(), home: dir }),
  };
}

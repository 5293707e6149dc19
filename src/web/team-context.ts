import type { Context } from '../cli/context.js';
import { RequestContext, SharedState } from './request-context.js';

/**
 * Contexts for many teams in one process (the OpenStack-wide view, the
 * all-teams site): they share the data sources, the calendar and the store,
 * so each team costs only its own views. A team gets the run's config when
 * it is that team's, else its built-in config or the defaults, exactly as
 * `liaison <command> --team NAME` would.
 */
export class TeamContexts {
  readonly shared: SharedState;
  /** True when the shared state is the server's (then it is not closed here). */
  private readonly borrowed: boolean;
  private readonly byTeam = new Map<string, Context>();

  constructor(private readonly base: Context) {
    // on the server, a request's context already shares the server's data and store
    this.borrowed = base instanceof RequestContext;
    this.shared = base instanceof RequestContext ? base.shared : new SharedState();
    if (!this.borrowed) {
      // the run's data, already opened, serves every team (same key as RequestContext's)
      const p = this.pinned();
      const key = `${p.releasesRepo ?? ''}\u0000${p.governanceRepo ?? ''}`;
      this.shared.sources.set(key, base.data);
      this.shared.calendars.set(key, base.calendarInput);
    }
  }

  forTeam(team: string): Context {
    const key = team.toLowerCase();
    let ctx = this.byTeam.get(key);
    if (!ctx) {
      const own = this.base.loadedConfig.config.team.toLowerCase() === key;
      // every team reads the same data and store as the run itself
      const options = { ...this.base.options, ...this.pinned(), team };
      const env = { ...this.base.io.env };
      if (!own) {
        // another team's config file would be refused for this team: use its defaults
        delete options.config;
        delete env.LIAISON_CONFIG;
      }
      ctx = new RequestContext(options, { ...this.base.io, env }, this.shared);
      this.byTeam.set(key, ctx);
    }
    return ctx;
  }

  private pinned(): { releasesRepo?: string; governanceRepo?: string; db: string } {
    const b = this.base;
    const releasesRepo =
      b.options.releasesRepo ?? b.io.env.LIAISON_RELEASES_REPO ?? b.config['releases-repo'];
    const governanceRepo =
      b.options.governanceRepo ?? b.io.env.LIAISON_GOVERNANCE_REPO ?? b.config['governance-repo'];
    return {
      ...(releasesRepo ? { releasesRepo } : {}),
      ...(governanceRepo ? { governanceRepo } : {}),
      db: b.dbPath,
    };
  }

  close(): void {
    if (!this.borrowed) this.shared.close();
  }
}

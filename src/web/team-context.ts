import { Context } from '../cli/context.js';
import { dataLocationKey, type Deps } from '../core/deps.js';
import { RequestContext, SharedState } from './request-context.js';

/**
 * Contexts for many teams in one process (the OpenStack-wide view, the
 * all-teams site): they share the data sources, the calendar and the store,
 * so each team costs only its own views. A team gets the run's config when
 * it is that team's, else its built-in config or the defaults, exactly as
 * `liaison <command> --team NAME` would; every team reads the run's data.
 */
export class TeamContexts {
  readonly shared: SharedState;
  /** True when the shared state is the server's (then it is not closed here). */
  private readonly borrowed: boolean;
  private readonly byTeam = new Map<string, Context>();
  private readonly base: Context;

  constructor(base: Deps) {
    // the run's options and I/O are what a team's context is made of
    if (!(base instanceof Context))
      throw new Error('the teams of a run need the run context (CLI or server)');
    this.base = base;
    // on the server, a request's context already shares the server's data and store
    this.borrowed = base instanceof RequestContext;
    this.shared = base instanceof RequestContext ? base.shared : new SharedState();
    if (!this.borrowed) {
      // the run's data, already opened, serves every team (same key as RequestContext's)
      const key = dataLocationKey(base.dataLocation);
      this.shared.sources.set(key, base.data);
      this.shared.calendars.set(key, base.calendarInput);
    }
  }

  forTeam(team: string): Context {
    const key = team.toLowerCase();
    let ctx = this.byTeam.get(key);
    if (!ctx) {
      const b = this.base;
      const own = b.loadedConfig.config.team.toLowerCase() === key;
      const loc = b.dataLocation;
      const options = {
        ...b.options,
        ...(loc.releasesRepo ? { releasesRepo: loc.releasesRepo } : {}),
        ...(loc.governanceRepo ? { governanceRepo: loc.governanceRepo } : {}),
        db: b.dbPath,
        team,
      };
      const env = { ...b.io.env };
      if (!own) {
        // another team's config file would be refused for this team: use its defaults
        delete options.config;
        delete env.LIAISON_CONFIG;
      }
      ctx = new RequestContext(options, { ...b.io, env }, this.shared);
      this.byTeam.set(key, ctx);
    }
    return ctx;
  }

  close(): void {
    if (!this.borrowed) this.shared.close();
  }
}

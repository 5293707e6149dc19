import { existsSync } from 'node:fs';
import type { CalendarInput } from '../calendar/model.js';
import type { LoadedConfig } from '../config/load.js';
import type { TeamConfig } from '../config/schema.js';
import type { Team } from '../data/governance/projects.js';
import { dataDirOf } from '../data/managed.js';
import type { DataLocations, DataSources } from '../data/sources.js';
import type { Db } from '../store/db.js';
import type { IsoDate } from './dates.js';

/**
 * What domain code needs from a run, whoever runs it: the CLI's Context,
 * the web server's request context, a test. Builders, planners' readers
 * and writers take this, never the CLI: the same builder then serves a
 * command, its `--json` and the dashboard page. Everything is read lazily,
 * so a run pays only for what its view uses.
 */
export interface Deps {
  /** The day the run acts on: --date, $LIAISON_TODAY, else the clock's day. */
  readonly today: IsoDate;
  /** The team config in effect (after --team and --config). */
  readonly config: TeamConfig;
  /** The config with where it came from (`origin`: a file, or `built-in:<team>`) and loader notes. */
  readonly loadedConfig: LoadedConfig;
  /** The releases and governance data: checkouts, or the embedded snapshot. */
  readonly data: DataSources;
  /** Where that data comes from (see `dataLocation`); a part left out is the embedded snapshot. */
  readonly dataLocation: DataLocations;
  /** Series, schedules and release data the calendar works on. */
  readonly calendarInput: CalendarInput;
  /** The governance team of the config. */
  readonly team: Team;
  /** The process environment: credentials files, SMTP URL, endpoint overrides, $USER. */
  readonly env: NodeJS.ProcessEnv;
  /** The folder relative paths given by the user are taken from. */
  readonly cwd: string;
  /** The injected clock; nothing else reads the time. */
  readonly now: () => Date;
  /** The instant a write records: `now()`, moved onto `today` when the run acts as another day. */
  instant(): Date;
  /** The SQLite store, opened (and migrated) on first use. */
  store(): Promise<Db>;
  /** Path of that store. */
  readonly dbPath: string;
  /** The capabilities' builders, for a view that shows another capability's (see `Views`). */
  readonly views: Views;
}

/**
 * The capabilities' view builders, by name, for a builder that shows
 * another capability's view: the meeting report, the checklist's automatic
 * checks, the freeze guard's RC bugs, the brief's review desk. Each
 * capability declares its entry next to its view type, in its plan.ts
 * (`declare module '../core/deps.js' { interface Views { ... } }`), and
 * src/app/views.ts implements them all, loading a capability on first use.
 * So a capability never imports another one's reading code, and a command
 * and its dashboard page get one composition.
 */
// eslint-disable-next-line @typescript-eslint/no-empty-object-type -- filled by declaration merging
export interface Views {}

/**
 * Where the releases and governance data come from, in one order for every
 * runner: the flag, else `$LIAISON_RELEASES_REPO` / `$LIAISON_GOVERNANCE_REPO`,
 * else the config's `releases-repo` / `governance-repo`, else the checkout
 * `liaison sync` keeps in the data directory (`dataDir`) when there is one,
 * else the embedded snapshot (the part is left out).
 */
export function dataLocation(
  flags: DataLocations,
  env: NodeJS.ProcessEnv,
  config: TeamConfig,
): DataLocations {
  const releasesRepo = flags.releasesRepo ?? env.LIAISON_RELEASES_REPO ?? config['releases-repo'];
  const governanceRepo =
    flags.governanceRepo ?? env.LIAISON_GOVERNANCE_REPO ?? config['governance-repo'];
  return {
    ...(releasesRepo ? { releasesRepo } : {}),
    ...(governanceRepo ? { governanceRepo } : {}),
    dataDir: dataDirOf(env, config['data-dir']),
  };
}

/** A key naming a data location, for caches that keep data sources per location. */
export function dataLocationKey(loc: DataLocations): string {
  return `${loc.releasesRepo ?? ''}\u0000${loc.governanceRepo ?? ''}\u0000${loc.dataDir ?? ''}`;
}

/**
 * The instant of a record made at `now` by a run acting on `today`: when
 * the day was pinned (--date, $LIAISON_TODAY) it is moved onto that day,
 * same time of day, so a view of that day never says its data comes from
 * the future.
 */
export function instantOn(today: IsoDate, now: Date, pinned: boolean): Date {
  if (!pinned) return now;
  return new Date(`${today}T${now.toISOString().slice(11)}`);
}

/**
 * Whether the run has a store to read (the file exists, or it is in
 * memory): a view of synced data can answer "never synced" without
 * loading its code or creating the store.
 */
export function hasStore(deps: Pick<Deps, 'dbPath'>): boolean {
  return deps.dbPath === ':memory:' || existsSync(deps.dbPath);
}

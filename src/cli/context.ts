import { existsSync } from 'node:fs';
import { createRequire } from 'node:module';
import { join } from 'node:path';
import { isIsoDate, isoDateOfInstant, type IsoDate } from '../core/dates.js';
import { UsageError } from '../core/errors.js';
import { readRegularFile } from '../core/files.js';
import { isTeamName, TEAM_NAME_RULE } from '../core/names.js';
import type { LoadedConfig } from '../config/load.js';
import { builtinConfigPath, CONFIG_FILE } from '../config/locate.js';
import { compiledTeamConfig } from '../data/snapshot.js';
import type { DataLocations, DataSources } from '../data/sources.js';
import type { DataWarning } from '../data/age/plan.js';
import { recordOrigins, recordWarnings, viewRecord, type ViewRecord } from '../data/age/track.js';
import { dataDirOf, defaultStorePath } from '../data/managed.js';
import type { Team } from '../data/governance/projects.js';
import { calendarInput } from '../calendar/input.js';
import type { CalendarInput } from '../calendar/model.js';
import { dataLocation, instantOn, type Deps, type Views } from '../core/deps.js';
import { VIEWS } from '../app/views.js';
import type { Db } from '../store/db.js';

/** Options every command accepts. */
export interface GlobalOptions {
  team?: string;
  date?: string;
  json?: boolean;
  config?: string;
  releasesRepo?: string;
  governanceRepo?: string;
  db?: string;
  debug?: boolean;
}

/** What the process gives a command; tests pass their own. */
export interface Io {
  readonly stdout: (text: string) => void;
  readonly stderr: (text: string) => void;
  readonly env: NodeJS.ProcessEnv;
  readonly cwd: string;
  /** The only clock read in the program; used when neither --date nor LIAISON_TODAY is given. */
  readonly now: () => Date;
  readonly isTTY: boolean;
  /** The process runs this one command and ends (the `liaison` executable, not a test or the server). */
  readonly oneCommandProcess?: boolean;
}

/**
 * The shared, lazily built state of one command run: today's date, the
 * config, the data sources and the team. Nothing is read until asked for,
 * so a command pays only for what it uses. Domain code sees it as `Deps`;
 * the options, `json` and the terminal are the command's alone.
 */
export class Context implements Deps {
  readonly today: IsoDate;
  private loaded?: LoadedConfig;
  private sources?: DataSources;
  private calendar?: CalendarInput;

  constructor(
    readonly options: GlobalOptions,
    readonly io: Io,
  ) {
    this.today = resolveToday(options.date, io);
    if (options.team !== undefined && !isTeamName(options.team))
      throw new UsageError(`--team ${options.team}: expected ${TEAM_NAME_RULE}`);
  }

  get json(): boolean {
    return this.options.json === true;
  }

  get loadedConfig(): LoadedConfig {
    this.loaded ??=
      this.builtinFromSnapshot() ??
      configLoader().loadConfig({
        ...(this.options.config ? { configFile: this.options.config } : {}),
        ...(this.options.team ? { team: this.options.team } : {}),
        cwd: this.io.cwd,
        env: this.io.env,
      });
    return this.loaded;
  }

  /**
   * The built-in team config as the snapshot script validated it, when no
   * config file applies and the file is unchanged: saves loading the schema
   * library at start-up. Anything else goes through the full loader.
   */
  /** True when the config cannot come from the compiled snapshot (the full loader is needed). */
  needsConfigLoader(): boolean {
    return this.loaded === undefined && this.builtinFromSnapshot() === undefined;
  }

  private builtinFromSnapshot(): LoadedConfig | undefined {
    const explicit = this.options.config ?? this.io.env.LIAISON_CONFIG;
    if (explicit || existsSync(join(this.io.cwd, CONFIG_FILE))) return undefined;
    const team = this.options.team ?? 'glance';
    const path = builtinConfigPath(team);
    const text = readRegularFile(path);
    if (text === undefined) return undefined;
    const config = compiledTeamConfig(team.toLowerCase(), text);
    return config ? { config, origin: `built-in:${team}`, notes: [] } : undefined;
  }

  get config() {
    return this.loadedConfig.config;
  }

  get dataLocation(): DataLocations {
    return dataLocation(this.options, this.io.env, this.config);
  }

  get data(): DataSources {
    this.sources ??= dataReaders().openDataSources(this.dataLocation);
    // the view being built reads this data: its envelope says how old it is
    recordOrigins(this.sources.origins);
    return this.sources;
  }

  get env(): NodeJS.ProcessEnv {
    return this.io.env;
  }

  get cwd(): string {
    return this.io.cwd;
  }

  get now(): () => Date {
    return this.io.now;
  }

  /** Every capability's builder (src/app/views.ts). */
  get views(): Views {
    return VIEWS;
  }

  instant(): Date {
    const pinned = this.options.date ?? this.io.env.LIAISON_TODAY;
    return instantOn(this.today, this.io.now(), pinned !== undefined && pinned !== '');
  }

  get calendarInput(): CalendarInput {
    this.calendar ??= calendarInput(this.data.releases);
    return this.calendar;
  }

  /** The governance team of the config (after --team). */
  get team(): Team {
    return this.data.governance.team(this.config.team);
  }

  private db?: Db;

  /** The SQLite store, opened (and migrated with every capability's tables) on first use. */
  async store(): Promise<Db> {
    if (!this.db) {
      const [{ openStore, openStoreIfCurrent }, { MIGRATION_IDS }] = await Promise.all([
        import('../store/db.js'),
        import('../app/migration-ids.js'),
      ]);
      // a store at the current schema needs none of the migration modules
      this.db =
        openStoreIfCurrent(this.dbPath, MIGRATION_IDS) ??
        openStore(this.dbPath, (await import('../app/migrations.js')).ALL_MIGRATIONS);
    }
    return this.db;
  }

  /** Closes what the run opened; called by the CLI entry after the action. */
  close(): void {
    this.db?.close();
    this.db = undefined;
  }

  /** The data directory (`liaison sync`'s checkouts): config `data-dir`, else the XDG data folder. */
  get dataDir(): string {
    return dataDirOf(this.io.env, this.config['data-dir']);
  }

  /**
   * The data warnings of the view this run built (the common envelope of
   * every view): age and staleness of the releases and governance data and
   * of the synced services it read, and the series it showed with the
   * previous series' models. Nothing when the run read no data.
   */
  dataWarnings(record: ViewRecord | undefined = viewRecord()): DataWarning[] {
    if (!record) return [];
    return recordWarnings(record, this.today);
  }

  /** Path of the SQLite store: --db, $LIAISON_DB, config `db`, else the user's cache folder. */
  get dbPath(): string {
    const explicit = this.options.db ?? this.io.env.LIAISON_DB ?? this.config.db;
    return explicit || defaultStorePath(this.io.env);
  }
}

/**
 * A module loaded on first use: `preload` imports it (the CLI entry, the
 * server and the test setup call it before a command that needs it);
 * without that, `get` requires it synchronously (require(esm), Node >=
 * 20.19). Commands that read no config or data (notes) load neither.
 */
function onFirstUse<T>(load: () => Promise<T>, path: string) {
  let module: T | undefined;
  return {
    preload: async (): Promise<void> => {
      module ??= await load();
    },
    get: (): T => (module ??= createRequire(import.meta.url)(path) as T),
  };
}

// the config loader and with it the schema library
const configLoaderModule = onFirstUse(() => import('../config/load.js'), '../config/load.js');
export const preloadConfigLoader = configLoaderModule.preload;
const configLoader = configLoaderModule.get;

// the releases and governance readers (two dozen modules; under vitest,
// where the sources are TypeScript, test/helpers/setup.ts preloads them)
const dataReadersModule = onFirstUse(() => import('../data/sources.js'), '../data/sources.js');
export const preloadDataReaders = dataReadersModule.preload;
const dataReaders = dataReadersModule.get;

function resolveToday(date: string | undefined, io: Io): IsoDate {
  const given = date ?? io.env.LIAISON_TODAY;
  if (given !== undefined && given !== '') {
    if (!isIsoDate(given)) throw new UsageError(`--date ${given}: expected YYYY-MM-DD`);
    return given;
  }
  return isoDateOfInstant(io.now());
}

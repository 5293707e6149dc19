import { homedir } from 'node:os';
import { isIsoDate, isoDateOfInstant, type IsoDate } from '../core/dates.js';
import { UsageError } from '../core/errors.js';
import { loadConfig, type LoadedConfig } from '../config/load.js';
import { openDataSources, type DataSources } from '../data/sources.js';
import type { Team } from '../data/governance/projects.js';
import { calendarInput } from '../calendar/input.js';
import type { CalendarInput } from '../calendar/model.js';

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
}

/**
 * The shared, lazily built state of one command run: today's date, the
 * config, the data sources and the team. Nothing is read until asked for,
 * so a command pays only for what it uses.
 */
export class Context {
  readonly today: IsoDate;
  private loaded?: LoadedConfig;
  private sources?: DataSources;
  private calendar?: CalendarInput;

  constructor(
    readonly options: GlobalOptions,
    readonly io: Io,
  ) {
    this.today = resolveToday(options.date, io);
  }

  get json(): boolean {
    return this.options.json === true;
  }

  get loadedConfig(): LoadedConfig {
    this.loaded ??= loadConfig({
      ...(this.options.config ? { configFile: this.options.config } : {}),
      ...(this.options.team ? { team: this.options.team } : {}),
      cwd: this.io.cwd,
      env: this.io.env,
    });
    return this.loaded;
  }

  get config() {
    return this.loadedConfig.config;
  }

  get data(): DataSources {
    if (!this.sources) {
      const releasesRepo = this.options.releasesRepo ?? this.io.env.LIAISON_RELEASES_REPO ?? this.config['releases-repo'];
      const governanceRepo =
        this.options.governanceRepo ?? this.io.env.LIAISON_GOVERNANCE_REPO ?? this.config['governance-repo'];
      this.sources = openDataSources({
        ...(releasesRepo ? { releasesRepo } : {}),
        ...(governanceRepo ? { governanceRepo } : {}),
      });
    }
    return this.sources;
  }

  get calendarInput(): CalendarInput {
    this.calendar ??= calendarInput(this.data.releases);
    return this.calendar;
  }

  /** The governance team of the config (after --team). */
  get team(): Team {
    return this.data.governance.team(this.config.team);
  }

  private db?: import('../store/db.js').Db;

  /** The SQLite store, opened (and migrated) on first use. */
  async store(): Promise<import('../store/db.js').Db> {
    if (!this.db) {
      const { openStore } = await import('../store/db.js');
      this.db = openStore(this.dbPath);
    }
    return this.db;
  }

  /** Closes what the run opened; called by the CLI entry after the action. */
  close(): void {
    this.db?.close();
    this.db = undefined;
  }

  /** Path of the SQLite store: --db, $LIAISON_DB, config `db`, else the user's cache folder. */
  get dbPath(): string {
    const explicit = this.options.db ?? this.io.env.LIAISON_DB ?? this.config.db;
    if (explicit) return explicit;
    const base = this.io.env.XDG_DATA_HOME ?? `${this.io.env.HOME ?? homedir()}/.local/share`;
    return `${base}/release-liaison/liaison.db`;
  }
}

function resolveToday(date: string | undefined, io: Io): IsoDate {
  const given = date ?? io.env.LIAISON_TODAY;
  if (given !== undefined && given !== '') {
    if (!isIsoDate(given)) throw new UsageError(`--date ${given}: expected YYYY-MM-DD`);
    return given;
  }
  return isoDateOfInstant(io.now());
}

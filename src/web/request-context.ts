import { Context, type GlobalOptions, type Io } from '../cli/context.js';
import type { LoadedConfig } from '../config/load.js';
import type { CalendarInput } from '../calendar/model.js';
import { dataLocationKey, hasStore } from '../core/deps.js';
import type { DataSources } from '../data/sources.js';
import { recordOrigins } from '../data/age/track.js';
import { readManagedStates } from '../data/managed.js';
import type { Db } from '../store/db.js';

/**
 * What the server keeps between requests: the data sources (parsed once),
 * the config per team, the calendar input and one store connection. A
 * request's Context reads through it, so a page costs only its own view.
 */
export class SharedState {
  /** By data location: a team's config may name its own checkouts. */
  readonly sources = new Map<string, DataSources>();
  readonly calendars = new Map<string, CalendarInput>();
  readonly configs = new Map<string, LoadedConfig>();
  db?: Db;
  /** The managed checkouts' generation the cached views were built on, and where they are. */
  dataGeneration?: string;
  dataDir?: string;
  /** The store the views read (the server's `--db`). */
  dbPath?: string;
  /** What the store was when last looked at: SQLite's `data_version` once open, else whether the file exists. */
  private storeSeen?: number | boolean;

  /**
   * True when another process (a `liaison sync`, a tick from the CLI) wrote
   * the store since the last call, so views built before it are out of
   * date: its connection's `data_version` moved, or the file appeared
   * (views built without a store show "no data"). The server's own writes
   * do not count: it clears its cache itself.
   */
  storeMoved(dbPath: string): boolean {
    const before = this.storeSeen;
    if (this.db) {
      const version = this.db.pragma('data_version', { simple: true }) as number;
      this.storeSeen = version;
      return typeof before === 'number' && version !== before;
    }
    this.storeSeen = hasStore({ dbPath });
    return before === false && this.storeSeen;
  }

  close(): void {
    this.db?.close();
    this.db = undefined;
  }
}

/** A key of the managed checkouts' state: their commits and whether the last sync failed. */
export function managedGeneration(dataDir: string): string {
  return Object.values(readManagedStates(dataDir))
    .map((st) => `${st.head ?? ''}${st.error ? '!' : ''}`)
    .join(',');
}

/**
 * The Context of one request: the server's options with the query's
 * `date` and `team` laid over them. It is the CLI's Context, so a page
 * gets exactly what the command would compute for the same options.
 */
export class RequestContext extends Context {
  constructor(
    options: GlobalOptions,
    io: Io,
    readonly shared: SharedState,
  ) {
    super(options, io);
  }

  /** Where the data comes from, resolved by the CLI's Context (one rule, `dataLocation`). */
  private get dataKey(): string {
    // a sync while the server runs moves the managed checkouts: open them again then
    return `${dataLocationKey(this.dataLocation)}\u0000${this.dataGeneration}`;
  }

  /** What `liaison sync` last did to the managed checkouts; changes when a sync moved them. */
  get dataGeneration(): string {
    return managedGeneration(this.dataDir);
  }

  override get data(): DataSources {
    const key = this.dataKey;
    let sources = this.shared.sources.get(key);
    if (!sources) {
      sources = super.data;
      this.shared.sources.set(key, sources);
    }
    recordOrigins(sources.origins);
    return sources;
  }

  override get loadedConfig(): LoadedConfig {
    const key = (this.options.team ?? '').toLowerCase();
    let loaded = this.shared.configs.get(key);
    if (!loaded) {
      loaded = super.loadedConfig;
      this.shared.configs.set(key, loaded);
    }
    return loaded;
  }

  override get calendarInput(): CalendarInput {
    const key = this.dataKey;
    let calendar = this.shared.calendars.get(key);
    if (!calendar) {
      calendar = super.calendarInput;
      this.shared.calendars.set(key, calendar);
    }
    return calendar;
  }

  override async store(): Promise<Db> {
    this.shared.db ??= await super.store();
    return this.shared.db;
  }

  /** The store is the server's, closed when the server stops. */
  override close(): void {
    // nothing of its own to close
  }
}

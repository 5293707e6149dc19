import { Context, type GlobalOptions, type Io } from '../cli/context.js';
import type { LoadedConfig } from '../config/load.js';
import type { CalendarInput } from '../calendar/model.js';
import type { DataSources } from '../data/sources.js';
import type { Db } from '../store/db.js';

/**
 * What the server keeps between requests: the data sources (parsed once),
 * the config per team, the calendar input and one store connection. A
 * request's Context reads through it, so a page costs only its own view.
 */
export class SharedState {
  sources?: DataSources;
  calendar?: CalendarInput;
  readonly configs = new Map<string, LoadedConfig>();
  db?: Db;

  close(): void {
    this.db?.close();
    this.db = undefined;
  }
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
    private readonly shared: SharedState,
  ) {
    super(options, io);
  }

  override get data(): DataSources {
    this.shared.sources ??= super.data;
    return this.shared.sources;
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
    this.shared.calendar ??= super.calendarInput;
    return this.shared.calendar;
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

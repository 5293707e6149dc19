import { AsyncLocalStorage } from 'node:async_hooks';
import { dataWarnings, type DataOrigin, type DataWarning, type Fallback } from './plan.js';

/**
 * What the building of one view read: which data sources (and so how old
 * its data is) and which series it showed with the previous series'
 * models. Recorded where the data is read, so no command has to report it:
 * the CLI runs each command, the dashboard each page build, in its own
 * record, and the common envelope turns it into `dataWarnings`. Async-local,
 * because the server builds pages of different dates at the same time over
 * shared, already-open data.
 */
export interface ViewRecord {
  readonly origins: Map<string, DataOrigin>;
  readonly fallbacks: Map<string, Fallback>;
}

const current = new AsyncLocalStorage<ViewRecord>();

/**
 * The record of the process's own view, kept in a variable: on Node 20 the
 * first `AsyncLocalStorage.run` turns on async hooks for every promise and
 * I/O callback of the process, which cost a short CLI command (notes
 * report, cached) about 15% of its CPU. Views built beside it (the pages of
 * `site build`, the server's requests) still get their own async-local record.
 */
let processRecord: ViewRecord | undefined;

/**
 * Runs `build` in a fresh record and returns its result with what it read.
 * `processWide`: the caller is the only view of the process (the CLI entry
 * of a one-command process); the first such view is recorded without
 * async hooks, later ones as usual.
 */
export async function trackView<T>(
  build: () => Promise<T> | T,
  opts: { readonly processWide?: boolean } = {},
): Promise<{ readonly result: T; readonly record: ViewRecord }> {
  const record: ViewRecord = { origins: new Map(), fallbacks: new Map() };
  if (opts.processWide && processRecord === undefined) {
    processRecord = record;
    return { result: await build(), record };
  }
  const result = await current.run(record, build);
  return { result, record };
}

function active(): ViewRecord | undefined {
  return current.getStore() ?? processRecord;
}

/** The warnings of a view dated `date` that read what `record` holds. */
export function recordWarnings(record: ViewRecord, date: string): DataWarning[] {
  return dataWarnings([...record.origins.values()], [...record.fallbacks.values()], date);
}

/** The record of the view being built, if any. */
export function viewRecord(): ViewRecord | undefined {
  return active();
}

/**
 * Runs `read` outside the view's record: for reads that only locate what
 * the view shows (the notes page picks a clone by the team's deliverable
 * names) and so do not make its content as old as that data.
 */
export function untracked<T>(read: () => T): T {
  const saved = processRecord;
  processRecord = undefined;
  try {
    return current.exit(read);
  } finally {
    processRecord = saved;
  }
}

export function recordOrigins(origins: readonly DataOrigin[]): void {
  const r = active();
  if (r) for (const o of origins) r.origins.set(o.source, o);
}

export function recordFallback(f: Fallback): void {
  active()?.fallbacks.set(f.series, { series: f.series, modelsFrom: f.modelsFrom });
}

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

/** Runs `build` in a fresh record and returns its result with what it read. */
export async function trackView<T>(
  build: () => Promise<T> | T,
): Promise<{ readonly result: T; readonly record: ViewRecord }> {
  const record: ViewRecord = { origins: new Map(), fallbacks: new Map() };
  const result = await current.run(record, build);
  return { result, record };
}

/** The warnings of a view dated `date` that read what `record` holds. */
export function recordWarnings(record: ViewRecord, date: string): DataWarning[] {
  return dataWarnings([...record.origins.values()], [...record.fallbacks.values()], date);
}

/** The record of the view being built, if any. */
export function viewRecord(): ViewRecord | undefined {
  return current.getStore();
}

/**
 * Runs `read` outside the view's record: for reads that only locate what
 * the view shows (the notes page picks a clone by the team's deliverable
 * names) and so do not make its content as old as that data.
 */
export function untracked<T>(read: () => T): T {
  return current.exit(read);
}

export function recordOrigins(origins: readonly DataOrigin[]): void {
  const r = current.getStore();
  if (r) for (const o of origins) r.origins.set(o.source, o);
}

export function recordFallback(f: Fallback): void {
  current.getStore()?.fallbacks.set(f.series, { series: f.series, modelsFrom: f.modelsFrom });
}

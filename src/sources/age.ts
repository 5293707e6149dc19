import { daysBetween, isoDateOfInstant, type IsoDate } from '../core/dates.js';
import { recordOrigins } from '../data/age/track.js';
import { inertLine } from '../core/text.js';
import type { Db } from '../store/db.js';
import { readSourceState } from './state.js';

/**
 * How old a view's data is, from the `source_sync` record of its source.
 * A never-synced or failing source is a state to show, not an error.
 */
export interface SourceAge {
  readonly source: string;
  readonly state: 'fresh' | 'stale' | 'never' | 'failing';
  /** ISO instant of the last successful sync (the data's age), or null. */
  readonly syncedAt: string | null;
  readonly lastAttemptAt: string | null;
  readonly error: string | null;
  /** Whole days from the last successful sync to today; null when never synced. */
  readonly ageDays: number | null;
  /** One line for humans: "Zuul data as of …", "Zuul: stale since …", "Zuul: no data …". */
  readonly line: string;
}

export function sourceAge(
  db: Db,
  source: string,
  today: IsoDate,
  opts: { readonly title?: string; readonly staleAfterDays?: number } = {},
): SourceAge {
  const title = opts.title ?? source;
  const st = readSourceState(db, source);
  const syncedAt = st?.lastSuccessAt ?? null;
  const ageDays = syncedAt
    ? Math.max(0, daysBetween(isoDateOfInstant(new Date(syncedAt)), today))
    : null;
  const failed = st?.lastStatus === 'failed';
  const error = failed ? (st.lastError ?? 'unknown error') : null;
  const failure = failed
    ? ` — last sync ${when(st.lastAttemptAt)} failed: ${oneLine(error ?? '')}`
    : '';
  let state: SourceAge['state'];
  let line: string;
  if (!syncedAt) {
    state = 'never';
    line = failed
      ? `${title}: no data${failure}`
      : `${title}: no data — never synced; run \`liaison sync\``;
  } else if (failed) {
    state = 'failing';
    line = `${title}: stale since ${when(syncedAt)}${failure}`;
  } else if ((ageDays ?? 0) > (opts.staleAfterDays ?? 2)) {
    state = 'stale';
    line = `${title}: stale since ${when(syncedAt)} (${ageDays} days old); run \`liaison sync\``;
  } else {
    state = 'fresh';
    line = `${title} data as of ${when(syncedAt)}`;
  }
  const age: SourceAge = {
    source,
    state,
    syncedAt,
    lastAttemptAt: st?.lastAttemptAt ?? null,
    error,
    ageDays,
    line,
  };
  // the view being built read this source: its envelope warns when the data is old or stale
  if (syncedAt)
    recordOrigins([
      {
        source: title,
        origin: 'store',
        asOf: syncedAt,
        failure: failed
          ? { at: age.lastAttemptAt ?? syncedAt, error: error ?? 'unknown error' }
          : null,
        hint: 'liaison sync',
      },
    ]);
  return age;
}

/** `2026-09-16 06:00 UTC` */
export function when(instant: string): string {
  return `${instant.slice(0, 10)} ${instant.slice(11, 16)} UTC`;
}

function oneLine(s: string): string {
  return inertLine(s, 300);
}

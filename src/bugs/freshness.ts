import { daysBetween, type IsoDate } from '../core/dates.js';
import type { SourceState } from '../sources/state.js';

/**
 * How old a view's remote data is, in one line. A source never synced, or
 * whose last sync failed, makes the view "no data" or "stale" — never an
 * error (exit 0; 3 only with --strict).
 */
export type FreshnessState = 'fresh' | 'stale' | 'never';

export interface Freshness {
  readonly source: string;
  readonly state: FreshnessState;
  /** ISO instant of the data shown, or null when there is none. */
  readonly dataAsOf: string | null;
  /** The last sync's error when it failed. */
  readonly lastError: string | null;
  readonly line: string;
}

/** `2026-09-16 08:00 UTC`. */
export function instantText(iso: string): string {
  return `${iso.slice(0, 10)} ${iso.slice(11, 16)} UTC`;
}

function age(dataAsOf: string, today: IsoDate): string {
  const days = daysBetween(dataAsOf.slice(0, 10), today);
  if (days <= 0) return 'today';
  return days === 1 ? '1 day old' : `${days} days old`;
}

/** Error text as one plain line (it may come from a hostile server). */
function oneLine(text: string): string {
  // eslint-disable-next-line no-control-regex
  return text.replace(/[\u0000-\u001f\u007f-\u009f]+/g, ' ').trim().slice(0, 300);
}

/**
 * `label` names the service ("Launchpad"); `dataAsOf` is when the data
 * shown was fetched (the view may hold older rows than the source's last
 * success, e.g. for a project added since).
 */
export function freshness(label: string, state: SourceState | undefined, dataAsOf: string | null, today: IsoDate): Freshness {
  const failed = state?.lastStatus === 'failed';
  const lastError = failed ? oneLine(state.lastError ?? 'unknown error') : null;
  if (dataAsOf === null) {
    const line = failed
      ? `${label}: no data; the last sync (${instantText(state.lastAttemptAt)}) failed: ${lastError}`
      : `${label}: no data; never synced (run \`liaison sync\`)`;
    return { source: label, state: 'never', dataAsOf: null, lastError, line };
  }
  if (failed) {
    return {
      source: label,
      state: 'stale',
      dataAsOf,
      lastError,
      line: `${label}: stale since ${instantText(dataAsOf)} (${age(dataAsOf, today)}); the last sync (${instantText(state.lastAttemptAt)}) failed: ${lastError}`,
    };
  }
  return { source: label, state: 'fresh', dataAsOf, lastError: null, line: `${label} data as of ${instantText(dataAsOf)} (${age(dataAsOf, today)})` };
}

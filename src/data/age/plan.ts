import { compareDates, daysBetween, type IsoDate } from '../../core/dates.js';

/**
 * How old the data behind a view is, against the view's date (--date), and
 * what to say about it. Pure: the readers (data/sources.ts, the store's
 * source ages) describe each source a view used; this decides the warnings
 * that every view carries in its common envelope (`dataWarnings[]`) and
 * shows as text lines or a page banner.
 */

/** Views warn when their data is older than their date by more than this. */
export const MAX_DATA_AGE_DAYS = 7;

/** Where one source's data came from and when it was taken. */
export interface DataOrigin {
  /** `openstack/releases`, `openstack/governance`, or a synced service (`zuul`, `gerrit`...). */
  readonly source: string;
  /**
   * `embedded`: the snapshot shipped with the tool; `managed`: the checkout
   * `liaison sync` keeps; `checkout`: one the user gave; `store`: a service
   * synced into the local store.
   */
  readonly origin: 'embedded' | 'managed' | 'checkout' | 'store';
  /**
   * When the data was taken: the snapshot's taking, a checkout's last
   * fetch (its commit date when it is not a fetched tip), a service's last
   * successful sync. ISO date or instant; null when unknown.
   */
  readonly asOf: string | null;
  /** The last refresh failed: the data is kept but stale. */
  readonly failure: { readonly at: string; readonly error: string } | null;
  /** The command that refreshes it (`liaison sync`, `git -C DIR pull --ff-only`). */
  readonly hint: string;
}

export interface DataWarning {
  /**
   * `old`: older than the view's date by more than MAX_DATA_AGE_DAYS;
   * `stale`: the last refresh failed and the view is not in the past of
   * the data; `fallback`: a series without deliverable files shown with
   * the previous series' models.
   */
  readonly kind: 'old' | 'stale' | 'fallback';
  readonly source: string;
  readonly origin: DataOrigin['origin'];
  /** Date the data was taken (ISO date), null when unknown. */
  readonly asOf: IsoDate | null;
  /** Days from `asOf` to the view's date; null when unknown. */
  readonly ageDays: number | null;
  readonly hint: string;
  /** The failed refresh (stale), else null. */
  readonly error: string | null;
  /** Fallback: the series without files and the one its models come from. */
  readonly series: string | null;
  readonly modelsFrom: string | null;
}

export interface Fallback {
  readonly series: string;
  readonly modelsFrom: string | null;
}

/** The warnings of a view dated `date` that used these sources (and fell back for these series). */
export function dataWarnings(
  origins: readonly DataOrigin[],
  fallbacks: readonly Fallback[],
  date: IsoDate,
): DataWarning[] {
  const out: DataWarning[] = [];
  for (const o of origins) {
    const asOf = o.asOf ? o.asOf.slice(0, 10) : null;
    const ageDays = asOf ? daysBetween(asOf, date) : null;
    const base = {
      kind: 'old' as DataWarning['kind'],
      source: o.source,
      origin: o.origin,
      asOf,
      ageDays,
      hint: o.hint,
      series: null,
      modelsFrom: null,
    };
    // a view of a day before the data was taken is not made wrong by its age
    const inPast = asOf !== null && compareDates(date, asOf) < 0;
    if (o.failure && !inPast) out.push({ ...base, kind: 'stale', error: o.failure.error });
    else if (ageDays !== null && ageDays > MAX_DATA_AGE_DAYS)
      out.push({ ...base, kind: 'old', error: null });
  }
  const releases = origins.find((o) => o.source === 'openstack/releases');
  for (const f of fallbacks) {
    const asOf = releases?.asOf ? releases.asOf.slice(0, 10) : null;
    out.push({
      kind: 'fallback',
      source: 'openstack/releases',
      origin: releases?.origin ?? 'embedded',
      asOf,
      ageDays: asOf ? daysBetween(asOf, date) : null,
      hint: releases?.hint ?? 'liaison sync',
      error: null,
      series: f.series,
      modelsFrom: f.modelsFrom,
    });
  }
  return out;
}

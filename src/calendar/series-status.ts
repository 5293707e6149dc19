import { addDays, compareDates, type IsoDate } from '../core/dates.js';
import { SERIES_STATUSES, type Series, type SeriesStatus } from '../data/releases/series.js';

/** What the status at a date reads of a series (validate's rules carry just this). */
export type SeriesDates = Pick<
  Series,
  'name' | 'status' | 'initialRelease' | 'eolDate' | 'nextPhase'
>;

/**
 * The status of a series at a date, from its schedule, not from the status
 * the data stores (which is the status on the day the data was taken, and
 * is edited by hand, late):
 *
 * - before its cycle starts: `future`; the cycle starts on the `next-phase`
 *   date of a future series that names `development`, else the day after
 *   the previous series' release;
 * - from the start to the day before its release date: `development`;
 * - from its release date: `maintained`, then each later phase the data
 *   dates (`next-phase`, `eol-date`) from its date;
 * - a later phase the data records without a date (caracal is
 *   `unmaintained` with no date) is known to hold from the data's date on
 *   (`dataDate`); before that the series is counted as maintained.
 */
export function seriesStatusAt(
  list: readonly SeriesDates[],
  series: SeriesDates,
  date: IsoDate,
  dataDate?: IsoDate,
): SeriesStatus {
  const release = series.initialRelease;
  const next = series.nextPhase;
  if (!release) {
    // no release date (very old series): the stored status, moved on by a dated next phase
    return next?.date && compareDates(date, next.date) >= 0 ? next.status : series.status;
  }
  if (compareDates(date, release) < 0) {
    const start = developmentStart(list, series);
    return start === undefined || compareDates(date, start) >= 0 ? 'development' : 'future';
  }
  let status: SeriesStatus = 'maintained';
  const later = (s: SeriesStatus, from: IsoDate | undefined) => {
    if (rank(s) <= rank(status)) return;
    if (from !== undefined && compareDates(date, from) < 0) return;
    status = s;
  };
  if (next?.date) later(next.status, next.date);
  if (series.eolDate) later('end of life', series.eolDate);
  if (rank(series.status) > rank('maintained')) {
    const dated =
      (series.status === 'end of life' && series.eolDate) ||
      (next?.status === series.status && next.date);
    if (!dated) later(series.status, dataDate);
  }
  return status;
}

/** First day of a series' development: a dated `next-phase: development`, else the day after the previous release. */
export function developmentStart(
  list: readonly SeriesDates[],
  series: SeriesDates,
): IsoDate | undefined {
  if (series.nextPhase?.status === 'development' && series.nextPhase.date)
    return series.nextPhase.date;
  const i = list.findIndex((s) => s.name === series.name);
  const previous = i < 0 ? undefined : list[i + 1];
  return previous?.initialRelease ? addDays(previous.initialRelease, 1) : undefined;
}

function rank(s: SeriesStatus): number {
  return SERIES_STATUSES.indexOf(s);
}

/** The series of `list` in development at a date (by the schedule), if any. */
export function developmentSeriesAt<S extends SeriesDates>(
  list: readonly S[],
  date: IsoDate,
  dataDate?: IsoDate,
): S | undefined {
  return list.find((s) => seriesStatusAt(list, s, date, dataDate) === 'development');
}

import { nextSeries, type Series } from '../data/releases/series.js';

/**
 * The release id after `id`: two releases a year, `YYYY.1` in spring and
 * `YYYY.2` in autumn (`2027.1` → `2027.2`, `2027.2` → `2028.1`). Undefined
 * for an id of another form (the name-based series before antelope).
 */
export function nextReleaseId(id: string): string | undefined {
  const m = /^(\d{4})\.([12])$/.exec(id);
  if (!m) return undefined;
  return m[2] === '1' ? `${m[1]}.2` : `${Number(m[1]) + 1}.1`;
}

/** The series after `series`, from the data or projected. */
export interface FollowingSeries {
  /**
   * The data's entry; beyond the data, one projected from the release id:
   * no name yet (`name` is ''), status `future`, SLURP when it is a `.1`.
   */
  readonly series: Series;
  /** True when the data does not list it yet. */
  readonly projected: boolean;
}

/**
 * The series that follows `series`: the data's next entry, else the one
 * its release id implies. The release team adds a series to
 * series_status.yaml months ahead, but a liaison acting after the newest
 * known release (post-final tasks) still needs its id: the id follows from
 * the rule, only the name is chosen by vote later.
 */
export function followingSeries(
  list: readonly Series[],
  series: Series,
): FollowingSeries | undefined {
  const known = nextSeries(list, series.name);
  if (known) return { series: known, projected: false };
  const id = series.releaseId ? nextReleaseId(series.releaseId) : undefined;
  if (!id) return undefined;
  return {
    series: { name: '', releaseId: id, status: 'future', slurp: id.endsWith('.1') },
    projected: true,
  };
}

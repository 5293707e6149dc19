import type { Series } from '../../data/releases/series.js';

/**
 * Series lookups for the rules, with the meaning of findSeries, seriesId and
 * previousSeries of src/data/releases/series.ts, but indexed (the rules look
 * a series up for every file).
 */
/**
 * What the rules know of a series. `status` is the recorded one
 * (series_status.yaml): the rules that mirror upstream's read it, as
 * upstream does; the status at --date is the calendar's `seriesStatusAt`,
 * which the dates are here for.
 */
export type RuleSeries = Pick<
  Series,
  'name' | 'releaseId' | 'status' | 'nextPhase' | 'initialRelease' | 'eolDate'
>;

const indexes = new WeakMap<readonly RuleSeries[], Map<string, number>>();

function positionOf(list: readonly RuleSeries[], name: string): number {
  let index = indexes.get(list);
  if (!index) {
    index = new Map();
    for (let i = list.length - 1; i >= 0; i--) index.set(list[i]?.name ?? '', i); // first one wins
    indexes.set(list, index);
  }
  return index.get(name) ?? -1;
}

/** The series named so (series names are lower case), else the one with that release id. */
export function seriesNamed<S extends RuleSeries>(
  list: readonly S[],
  nameOrId: string,
): S | undefined {
  const i = positionOf(list, nameOrId);
  if (i >= 0) return list[i];
  const key = nameOrId.toLowerCase();
  return list.find((s) => s.name === key || s.releaseId === nameOrId);
}

/** The series just older than `name` in file order (newest first). */
export function seriesBefore<S extends RuleSeries>(
  list: readonly S[],
  name: string,
): S | undefined {
  const i = positionOf(list, name);
  return i < 0 ? undefined : list[i + 1];
}

/** Branch and lifecycle-tag id: the release id when there is one, else the name. */
export function idOf(series: RuleSeries): string {
  return series.releaseId ?? series.name;
}

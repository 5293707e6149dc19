import { ConfigError } from '../../core/errors.js';
import type { IsoDate } from '../../core/dates.js';
import { asIsoDate, asString, isRecord, parseYaml, rawScalar } from '../yaml.js';

export const SERIES_STATUSES = [
  'future',
  'development',
  'maintained',
  'extended maintenance',
  'unmaintained',
  'end of life',
] as const;
export type SeriesStatus = (typeof SERIES_STATUSES)[number];

export interface Series {
  readonly name: string;
  /** Year-based id as written in the file (`2026.2`), absent before antelope. */
  readonly releaseId?: string;
  readonly status: SeriesStatus;
  readonly slurp: boolean;
  readonly initialRelease?: IsoDate;
  readonly eolDate?: IsoDate;
  readonly nextPhase?: { readonly status: SeriesStatus; readonly date?: IsoDate };
}

/** The series a view is about, as views show it (name, `2026.2`, release date). */
export interface SeriesHeading {
  readonly name: string;
  readonly releaseId: string | null;
  readonly releaseDate: IsoDate | null;
}

export function seriesHeading(series: Series): SeriesHeading {
  return {
    name: series.name,
    releaseId: series.releaseId ?? null,
    releaseDate: series.initialRelease ?? null,
  };
}

/**
 * The series list of `data/series_status.yaml`, newest first. The file
 * order is the chronological order; never sort series names.
 */
export function parseSeriesStatus(text: string, file: string): Series[] {
  const parsed = parseYaml(text, file);
  if (!Array.isArray(parsed.value)) throw new ConfigError('expected a list of series', file);
  return parsed.value.map((entry: unknown, i): Series => {
    const where = `[${i}]`;
    if (!isRecord(entry)) throw new ConfigError('expected a mapping', file, where);
    const name = asString(entry.name);
    if (!name) throw new ConfigError('missing series name', file, `${where}.name`);
    const status = readStatus(entry.status, file, `${where}.status`);
    const next = entry['next-phase'];
    const releaseId = rawScalar(parsed, [i, 'release-id']);
    const initialRelease = asIsoDate(entry['initial-release']);
    const eolDate = asIsoDate(entry['eol-date']);
    return {
      name,
      ...(releaseId ? { releaseId } : {}),
      status,
      slurp: asString(entry.slurp) === 'yes',
      ...(initialRelease ? { initialRelease } : {}),
      ...(eolDate ? { eolDate } : {}),
      ...(isRecord(next)
        ? {
            nextPhase: {
              status: readStatus(next.status, file, `${where}.next-phase.status`),
              ...(asIsoDate(next.date) ? { date: asIsoDate(next.date) } : {}),
            },
          }
        : {}),
    };
  });
}

function readStatus(value: unknown, file: string, field: string): SeriesStatus {
  const s = asString(value);
  if (s && (SERIES_STATUSES as readonly string[]).includes(s)) return s as SeriesStatus;
  throw new ConfigError(`unknown series status ${JSON.stringify(value)}`, file, field);
}

/** Branch and lifecycle-tag id: the release id when there is one, else the name. */
export function seriesId(series: Series): string {
  return series.releaseId ?? series.name;
}

export function findSeries(list: readonly Series[], nameOrId: string): Series | undefined {
  const key = nameOrId.toLowerCase();
  return list.find((s) => s.name === key || s.releaseId === nameOrId);
}

/** The series just older than `name` in file order. */
export function previousSeries(list: readonly Series[], name: string): Series | undefined {
  const i = list.findIndex((s) => s.name === name);
  return i < 0 ? undefined : list[i + 1];
}

/** The series just newer than `name` in file order. */
export function nextSeries(list: readonly Series[], name: string): Series | undefined {
  const i = list.findIndex((s) => s.name === name);
  return i <= 0 ? undefined : list[i - 1];
}

/** Title-case series name as used in titles ("Hibiscus"). */
export function seriesTitle(series: Series | string): string {
  const name = typeof series === 'string' ? series : series.name;
  return name.charAt(0).toUpperCase() + name.slice(1);
}

import { ConfigError } from '../../core/errors.js';
import { isIsoDate, type IsoDate } from '../../core/dates.js';
import { asString, isRecord, parseYaml } from '../yaml.js';

export interface ScheduleWeek {
  /** Monday, YYYY-MM-DD. */
  readonly start: IsoDate;
  /** Friday, YYYY-MM-DD. */
  readonly end: IsoDate;
  /** `R-24` ... `R+0`; absent for the context weeks before the cycle. */
  readonly name?: string;
  readonly xProject: readonly string[];
  readonly projectSpecific: readonly string[];
}

export interface Schedule {
  readonly series: string;
  readonly startWeek: IsoDate;
  readonly releaseWeek: IsoDate;
  readonly weeks: readonly ScheduleWeek[];
}

/** `doc/source/<series>/schedule.yaml`. */
export function parseSchedule(text: string, file: string, series: string): Schedule {
  const { value } = parseYaml(text, file);
  if (!isRecord(value)) throw new ConfigError('expected a mapping', file);
  const startWeek = dateField(value['start-week'], file, 'start-week');
  const releaseWeek = dateField(value['release-week'], file, 'release-week');
  const cycle = value.cycle;
  if (!Array.isArray(cycle)) throw new ConfigError('expected a list of weeks', file, 'cycle');
  const weeks = cycle.map((w: unknown, i): ScheduleWeek => {
    const field = `cycle[${i}]`;
    if (!isRecord(w)) throw new ConfigError('expected a mapping', file, field);
    const name = asString(w.name);
    return {
      start: dateField(w.start, file, `${field}.start`),
      end: dateField(w.end, file, `${field}.end`),
      ...(name ? { name } : {}),
      xProject: labelList(w['x-project'], file, `${field}.x-project`),
      projectSpecific: labelList(w['project-specific'], file, `${field}.project-specific`),
    };
  });
  return { series, startWeek, releaseWeek, weeks };
}

function dateField(value: unknown, file: string, field: string): IsoDate {
  const s = value instanceof Date ? value.toISOString().slice(0, 10) : asString(value);
  if (!s || !isIsoDate(s)) throw new ConfigError(`expected a YYYY-MM-DD date, got ${JSON.stringify(value)}`, file, field);
  return s;
}

function labelList(value: unknown, file: string, field: string): string[] {
  if (value === undefined || value === null) return [];
  if (!Array.isArray(value)) throw new ConfigError('expected a list of labels', file, field);
  return value.map((v, i) => {
    const s = asString(v);
    if (!s) throw new ConfigError('expected a label', file, `${field}[${i}]`);
    return s;
  });
}

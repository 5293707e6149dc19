import {
  addDays,
  daysBetween,
  isoFromParts,
  mondayOf,
  weekday,
  type IsoDate,
} from '../core/dates.js';

/**
 * When the release team merges a request that gets no answer. Their
 * generated changes say it in the body ("…if the patch gets no response,
 * then this will be merged on Friday, March 13th", release-tooling.md §7);
 * otherwise the
 * process says: by the end of the week of the milestone the topic names
 * (`hibiscus-milestone-1` → the Friday of the `h-1` week).
 */

export interface TopicInfo {
  readonly series: string;
  /** Schedule label of the event the topic names (`h-1`, `h-rc1`, `h-finalrc`). */
  readonly label: string;
}

/** `<series>-milestone-<N>`, `<series>-rc<N>`, `<series>-final…`; undefined for other topics. */
export function parseTopic(
  topic: string | undefined,
  knownSeries: readonly string[],
): TopicInfo | undefined {
  if (!topic) return undefined;
  const m = /^([a-z]+)[-_](.+)$/.exec(topic.trim().toLowerCase());
  if (!m) return undefined;
  const series = m[1] ?? '';
  const rest = m[2] ?? '';
  if (!knownSeries.includes(series)) return undefined;
  const s = series.charAt(0);
  let label: string | undefined;
  let x: RegExpExecArray | null;
  if ((x = /^(?:milestone|m)-?(\d)$/.exec(rest))) label = `${s}-${x[1]}`;
  else if ((x = /^rc-?(\d*)$/.exec(rest)))
    label = x[1] === '' || x[1] === '1' ? `${s}-rc1` : `${s}-finalrc`;
  else if (/^final(?:-?rcs?)?(?:-releases?)?$/.test(rest)) label = `${s}-finalrc`;
  else if (/^(final-lib|final-clientlib|ff|cycle-highlights)$/.test(rest)) label = `${s}-${rest}`;
  return label ? { series, label } : undefined;
}

const MONTHS: readonly (readonly [number, string])[] = [
  [1, 'January|Jan'],
  [2, 'February|Feb'],
  [3, 'March|Mar'],
  [4, 'April|Apr'],
  [5, 'May'],
  [6, 'June|Jun'],
  [7, 'July|Jul'],
  [8, 'August|Aug'],
  [9, 'September|Sept|Sep'],
  [10, 'October|Oct'],
  [11, 'November|Nov'],
  [12, 'December|Dec'],
];
const MONTH = `(?:${MONTHS.map(([, names]) => names).join('|')})\\.?`;
const WEEKDAYS = ['Monday', 'Tuesday', 'Wednesday', 'Thursday', 'Friday', 'Saturday', 'Sunday'];
const WEEKDAY = `(${WEEKDAYS.join('|')})`;
const ORD = '(?:st|nd|rd|th)?';

/**
 * "…will be (merged|processed) (on|after|by) [the] [early] [<weekday>,]
 * <date>": every form the release team's automatic proposals have used
 * (mined from openstack/releases, test/review/merge-deadline.test.ts):
 * "merged after Thursday, February 12th", "merged on Friday, March 13th",
 * "merged on April 1st", "assumed to be OK and will be processed after
 * July 2nd", "then this will be after Thursday, March 5th" (a word lost in
 * the template), "merged by early Friday, September 24", "merged by after
 * Thursday, March 9th", "merged by Friday, Sept 29th", "merged by Friday,
 * 2024/09/06", "merged by Friday, 08." (the day of the month only). Bodies
 * wrap at 72 columns, so any whitespace separates words.
 */
const DEADLINE = new RegExp(
  `\\b(?:merged|processed|will\\s+be)\\s+(?:by\\s+(?=aft))?(on|after|afte|by)\\s+(?:the\\s+)?(?:early\\s+)?` +
    `(?:${WEEKDAY},?\\s+)?` +
    `(\\d{4}[-/]\\d{2}[-/]\\d{2}|${MONTH}\\s+\\d{1,2}${ORD}\\b(?:,?\\s+\\d{4})?|\\d{1,2}${ORD}\\s+${MONTH}(?:,?\\s+\\d{4})?|\\d{1,2}${ORD}\\b)`,
  'i',
);
/** "…merged, if there is no response from the team before Friday." */
const BEFORE_WEEKDAY = new RegExp(`\\bno response\\b[^.]*\\bbefore\\s+${WEEKDAY}\\b`, 'i');

export interface MergeDeadline {
  readonly date: IsoDate;
  /** How the text says it: merged `on` the date, `after` it, or `by` it. */
  readonly word: 'on' | 'after' | 'by';
}

/**
 * The merge deadline the first text that states one gives. A date without
 * a year takes the year that puts it nearest to `changeDate` (the change's
 * creation: a proposal of 20 December merged "on Friday, January 9th" is
 * merged the next year) among those on the weekday the text names; a day
 * of the month alone, or a weekday alone, is the next such day from the
 * change's date.
 */
export function mergeDeadline(
  texts: readonly string[],
  changeDate?: IsoDate,
): MergeDeadline | undefined {
  for (const text of texts) {
    const flat = text.replace(/\s+/g, ' ');
    // "…then this will be merged early next week": the Monday after the change's week
    if (changeDate && /\bmerged early next week\b/i.test(flat))
      return { date: addDays(mondayOf(changeDate), 7), word: 'after' };
    const m = DEADLINE.exec(flat);
    const word = (m?.[1] ?? '').toLowerCase().startsWith('aft') ? 'after' : m?.[1]?.toLowerCase();
    const date = m ? readDate(m[3] ?? '', weekdayNumber(m[2]), changeDate) : undefined;
    if (date) return { date, word: word as MergeDeadline['word'] };
    const before = BEFORE_WEEKDAY.exec(flat);
    if (before && changeDate) {
      const wanted = weekdayNumber(before[1]);
      return { date: addDays(changeDate, (wanted - weekday(changeDate) + 7) % 7), word: 'by' };
    }
  }
  return undefined;
}

function weekdayNumber(name: string | undefined): number {
  return name ? WEEKDAYS.findIndex((w) => w.toLowerCase() === name.toLowerCase()) + 1 : 0;
}

function monthNumber(name: string): number | undefined {
  const clean = name.replace(/\.$/, '').toLowerCase();
  return MONTHS.find(([, names]) => names.toLowerCase().split('|').includes(clean))?.[0];
}

function readDate(text: string, wanted: number, changeDate?: IsoDate): IsoDate | undefined {
  const iso = /^(\d{4})[-/](\d{2})[-/](\d{2})$/.exec(text);
  if (iso) return isoFromParts(Number(iso[1]), Number(iso[2]), Number(iso[3]));
  const year = /(\d{4})$/.exec(text)?.[1];
  const words = new RegExp(`(${MONTH})\\s+(\\d{1,2})|(\\d{1,2})${ORD}\\s+(${MONTH})`, 'i').exec(
    text,
  );
  const month = words ? monthNumber(words[1] ?? words[4] ?? '') : undefined;
  const day = Number(words ? (words[2] ?? words[3]) : /^\d{1,2}/.exec(text)?.[0]);
  if (month && year) return isoFromParts(Number(year), month, day);
  if (!changeDate) return undefined;
  if (!month) {
    // a day of the month alone ("Friday, 08."): the next such day, on that weekday if named
    if (!wanted) return undefined;
    for (let i = 0; i < 62; i++) {
      const d = addDays(changeDate, i);
      if (Number(d.slice(8)) === day && weekday(d) === wanted) return d;
    }
    return undefined;
  }
  const y = Number(changeDate.slice(0, 4));
  // a deadline falls shortly after the change: the named weekday only chooses among those
  // (a template copied from a year before may name the weekday of that year)
  const near = (d: IsoDate) => Math.abs(daysBetween(changeDate, d) - 30) <= 90;
  return [y - 1, y, y + 1]
    .map((c) => isoFromParts(c, month, day))
    .filter((d): d is IsoDate => d !== undefined)
    .sort(
      (a, b) =>
        Number(!near(a)) - Number(!near(b)) ||
        Number(wanted > 0 && weekday(a) !== wanted) - Number(wanted > 0 && weekday(b) !== wanted) ||
        Math.abs(daysBetween(changeDate, a)) - Math.abs(daysBetween(changeDate, b)),
    )[0];
}

/**
 * The date of a merge deadline in the texts (see `mergeDeadline`).
 * `reference` is the change's creation date, or just its year.
 */
export function mergeAfterDate(
  texts: readonly string[],
  reference?: number | IsoDate,
): IsoDate | undefined {
  const changeDate = typeof reference === 'number' ? `${reference}-07-01` : reference;
  return mergeDeadline(texts, changeDate)?.date;
}

/** Friday of the week that starts on `weekStart` (a Monday). */
export function endOfWeek(weekStart: IsoDate): IsoDate {
  return addDays(weekStart, 4);
}

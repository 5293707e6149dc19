import { isoFromParts, monthIndex, type IsoDate } from '../core/dates.js';

const MONTH =
  '(January|February|March|April|May|June|July|August|September|October|November|December)';
const DAY = '(\\d{1,2})(?:st|nd|rd|th)?';

/**
 * Dates a schedule description states in words ("19 November, 2026",
 * "August 19th, 2026", "From 12 to 16 October, 2026"), in text order.
 * A range yields both ends.
 */
export function datesInText(text: string): IsoDate[] {
  const found: { at: number; dates: IsoDate[] }[] = [];
  const patterns: { re: RegExp; read: (m: RegExpExecArray) => IsoDate[] }[] = [
    {
      re: new RegExp(`(?:from\\s+)?${DAY}\\s*(?:to|-|–)\\s*${DAY}\\s+${MONTH},?\\s+(\\d{4})`, 'gi'),
      read: (m) => both(Number(m[4]), m[3], Number(m[1]), Number(m[2])),
    },
    {
      re: new RegExp(`${DAY}\\s+${MONTH},?\\s+(\\d{4})`, 'gi'),
      read: (m) => one(Number(m[3]), m[2], Number(m[1])),
    },
    {
      re: new RegExp(`${MONTH}\\s+${DAY},?\\s+(\\d{4})`, 'gi'),
      read: (m) => one(Number(m[3]), m[1], Number(m[2])),
    },
  ];
  const taken: [number, number][] = [];
  for (const { re, read } of patterns) {
    for (let m = re.exec(text); m; m = re.exec(text)) {
      const start = m.index;
      const end = start + m[0].length;
      if (taken.some(([a, b]) => start < b && end > a)) continue;
      // "the week of 1 March, 2027" names a week, not a deadline day
      if (/weeks? (?:of|starting)\s*$/i.test(text.slice(Math.max(0, start - 20), start))) {
        taken.push([start, end]);
        continue;
      }
      const dates = read(m);
      if (dates.length) {
        taken.push([start, end]);
        found.push({ at: start, dates });
      }
    }
  }
  return found.sort((a, b) => a.at - b.at).flatMap((f) => f.dates);
}

function one(year: number, month: string | undefined, day: number): IsoDate[] {
  const m = monthIndex(month ?? '');
  const d = m ? isoFromParts(year, m, day) : undefined;
  return d ? [d] : [];
}

function both(year: number, month: string | undefined, from: number, to: number): IsoDate[] {
  return [...one(year, month, from), ...one(year, month, to)];
}

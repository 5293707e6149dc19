import { datesInText } from '../calendar/explicit-dates.js';
import { addDays, isIsoDate, type IsoDate } from '../core/dates.js';

/**
 * When the release team merges a request that gets no answer. Their
 * generated changes say it in the body ("…if the patch gets no response,
 * it will be merged after <date>", release-tooling.md §7); otherwise the
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

/** The date in "…merged after <date>" (ISO or words), in the first text that has one. */
export function mergeAfterDate(
  texts: readonly string[],
  fallbackYear?: number,
): IsoDate | undefined {
  for (const text of texts) {
    const m = /merged\s+after\s+(?:the\s+)?([^\n]{0,80})/i.exec(text);
    if (!m) continue;
    const tail = m[1] ?? '';
    const iso = /(\d{4}-\d{2}-\d{2})/.exec(tail)?.[1];
    if (iso && isIsoDate(iso)) return iso;
    const words = datesInText(tail)[0];
    if (words) return words;
    if (fallbackYear !== undefined) {
      const noYear =
        /(January|February|March|April|May|June|July|August|September|October|November|December)\s+(\d{1,2})(?:st|nd|rd|th)?\b|(\d{1,2})(?:st|nd|rd|th)?\s+(January|February|March|April|May|June|July|August|September|October|November|December)\b/i.exec(
          tail,
        );
      if (noYear) {
        const month = noYear[1] ?? noYear[4] ?? '';
        const day = noYear[2] ?? noYear[3] ?? '';
        const d = datesInText(`${day} ${month} ${fallbackYear}`)[0];
        if (d) return d;
      }
    }
  }
  return undefined;
}

/** Friday of the week that starts on `weekStart` (a Monday). */
export function endOfWeek(weekStart: IsoDate): IsoDate {
  return addDays(weekStart, 4);
}

/**
 * Service times as UTC instants (`YYYY-MM-DDTHH:MM:SS.sssZ`), whatever the
 * service's own format (service-apis.md §4.2):
 * - Zuul builds:  `2026-09-16T02:07:28`            (UTC, no zone, no fraction)
 * - Gerrit:       `2026-09-16 02:07:28.123456789`  (UTC, space, 9 digits, no zone)
 * - Launchpad:    `2026-09-08T06:12:44.913201+00:00`
 * - Zuul status:  epoch milliseconds or epoch seconds (numbers)
 * A zone-less string is never handed to `Date` as is, which would read it as local time.
 */

const PATTERN =
  /^(\d{4}-\d{2}-\d{2})[T ](\d{2}:\d{2}(?::\d{2})?)(?:\.(\d+))?\s*(Z|[+-]\d{2}:?\d{2})?$/i;

/** Parses a service time; `null` for null/empty/unparseable input. */
export function parseUtcTime(value: unknown): string | null {
  if (typeof value !== 'string' || value === '') return null;
  const m = PATTERN.exec(value.trim());
  if (!m) return null;
  const [, date = '', hms = '', frac, zone] = m;
  const time = hms.length === 5 ? `${hms}:00` : hms;
  const ms = (frac ?? '').padEnd(3, '0').slice(0, 3);
  const offset =
    !zone || zone.toUpperCase() === 'Z'
      ? 'Z'
      : zone.includes(':')
        ? zone
        : `${zone.slice(0, 3)}:${zone.slice(3)}`;
  const instant = new Date(`${date}T${time}.${ms}${offset}`);
  return Number.isNaN(instant.getTime()) ? null : instant.toISOString();
}

/** Epoch seconds (Zuul status job start/end) as an instant. */
export function epochSecondsToIso(value: unknown): string | null {
  return typeof value === 'number' && Number.isFinite(value)
    ? new Date(value * 1000).toISOString()
    : null;
}

/** Epoch milliseconds (Zuul status enqueue times) as an instant. */
export function epochMillisToIso(value: unknown): string | null {
  return typeof value === 'number' && Number.isFinite(value) ? new Date(value).toISOString() : null;
}

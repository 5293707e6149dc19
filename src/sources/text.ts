// eslint-disable-next-line no-control-regex
const CONTROL = /[\u0000-\u001f\u007f-\u009f]/g;

/**
 * Remote strings shown on a terminal: they are stored as received, but
 * printed as inert text — control characters (ANSI escapes, carriage
 * returns, NULs) become visible `\xNN` escapes, and very long values are cut.
 */
export function safeText(value: string, max = 500): string {
  const cut = value.length > max ? `${value.slice(0, max)}… (${value.length} chars)` : value;
  return cut.replace(CONTROL, (ch) => `\\x${ch.charCodeAt(0).toString(16).padStart(2, '0')}`);
}

/** Only http(s) links are shown as links; anything else (javascript:, data:) is dropped. */
export function safeUrl(value: string | null | undefined): string | null {
  return typeof value === 'string' && /^https?:\/\/[^\s]+$/i.test(value) ? value : null;
}

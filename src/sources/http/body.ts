import { ResponseFormatError } from './errors.js';

/** Gerrit's anti-XSSI first line. */
export const XSSI_PREFIX = ")]}'";

/**
 * Strips Gerrit's `)]}'` line when present. Its absence is tolerated (a
 * proxy or an older server may drop it); error bodies never carry it.
 */
export function stripXssi(text: string): string {
  const t = text.startsWith('\ufeff') ? text.slice(1) : text;
  if (!t.startsWith(XSSI_PREFIX)) return t;
  const rest = t.slice(XSSI_PREFIX.length);
  return rest.startsWith('\r\n') ? rest.slice(2) : rest.startsWith('\n') ? rest.slice(1) : rest;
}

/**
 * Parses a JSON answer; anything else (a truncated body, an HTML error page
 * sent with 200, an empty body) becomes a `ResponseFormatError` naming the URL.
 */
export function parseJsonBody(text: string, url: string, source?: string): unknown {
  const body = stripXssi(text);
  try {
    return JSON.parse(body) as unknown;
  } catch (e) {
    const head = body.trimStart().slice(0, 1);
    const what =
      body.trim() === ''
        ? 'an empty body'
        : head === '<'
          ? 'an HTML page'
          : `malformed or truncated JSON (${(e as Error).message.slice(0, 80)})`;
    throw new ResponseFormatError(url, `expected JSON, got ${what}`, source);
  }
}

import { randomBytes, timingSafeEqual } from 'node:crypto';

/** A fresh per-server token; forms carry it, other sites cannot read it. */
export function newCsrfToken(): string {
  return randomBytes(24).toString('base64url');
}

/**
 * A write is accepted only with the server's token and, when the browser
 * says where the form came from, from this same host.
 */
export function checkCsrf(
  expected: string,
  given: string,
  origin: string | undefined,
  host: string | undefined,
): boolean {
  const a = Buffer.from(expected);
  const b = Buffer.from(given);
  if (a.length !== b.length || !timingSafeEqual(a, b)) return false;
  if (origin && origin !== 'null') {
    try {
      if (new URL(origin).host !== host) return false;
    } catch {
      return false;
    }
  }
  return true;
}

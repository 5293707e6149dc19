import { isIP } from 'node:net';
import { networkInterfaces } from 'node:os';

/**
 * What the server checks before a request reaches a page: a request target
 * it can parse, and a Host header naming this server. Pure functions (the
 * interface list is passed in) so the rules are tested without a socket.
 */

/** A form body larger than this is refused with 413 (a checklist tick is a few hundred bytes). */
export const MAX_FORM_BYTES = 64 * 1024;

export type Target =
  | { readonly ok: true; readonly path: string; readonly host?: string }
  | { readonly ok: false; readonly reason: string };

/**
 * The path and query of a request target, origin-form (`/x?y`) or
 * absolute-form (`http://host/x?y`, which HTTP/1.1 servers must accept).
 * Anything that does not parse as a URL is refused: it must never reach code
 * that builds a `URL` from it.
 */
export function parseTarget(raw: string | undefined): Target {
  if (!raw) return { ok: false, reason: 'empty request target' };
  try {
    if (raw.startsWith('//'))
      return { ok: false, reason: 'request target starts with // (no page has such a path)' };
    if (raw.startsWith('/')) {
      // concatenated, not resolved: the target is a path here, never an authority
      const u = new URL(`http://dashboard${raw}`);
      return { ok: true, path: `${u.pathname}${u.search}` };
    }
    const u = new URL(raw);
    if (u.protocol !== 'http:' && u.protocol !== 'https:')
      return { ok: false, reason: 'request target is not an http URL' };
    return { ok: true, path: `${u.pathname}${u.search}`, host: u.host };
  } catch {
    return { ok: false, reason: 'request target is not a valid URL' };
  }
}

/** The host name of a Host header value (`name`, `name:port`, `[v6]:port`), lower case; undefined if malformed. */
export function hostNameOf(value: string | undefined): string | undefined {
  if (!value) return undefined;
  const m = /^(\[[0-9a-f:.]+\]|[a-z0-9.-]+)(?::(\d{1,5}))?$/i.exec(value.trim());
  if (!m?.[1]) return undefined;
  return m[1].toLowerCase().replace(/^\[|\]$/g, '');
}

const LOOPBACK_NAMES = ['localhost', '127.0.0.1', '::1'];

/** True for an address only this machine can reach. */
export function isLoopback(host: string): boolean {
  const h = host.toLowerCase().replace(/^\[|\]$/g, '');
  return h === 'localhost' || h === '::1' || /^127\.\d+\.\d+\.\d+$/.test(h);
}

/** True for an address that binds every interface. */
export function isWildcard(host: string): boolean {
  return host === '0.0.0.0' || host === '::' || host === '[::]';
}

/**
 * The host names a browser may send to this server: the bound address (and
 * `localhost` for a loopback bind), every address of the machine for a
 * wildcard bind, plus the names the liaison allowed with `--allow-host`.
 * A name outside this list is what DNS rebinding looks like.
 */
export function allowedHosts(
  bind: string,
  extra: readonly string[],
  interfaces: readonly string[] = localAddresses(),
): ReadonlySet<string> {
  const names = new Set<string>(extra.map((h) => h.toLowerCase().replace(/^\[|\]$/g, '')));
  const b = bind.toLowerCase().replace(/^\[|\]$/g, '');
  names.add(b);
  if (isLoopback(b)) for (const n of LOOPBACK_NAMES) names.add(n);
  if (isWildcard(bind)) {
    for (const n of LOOPBACK_NAMES) names.add(n);
    for (const a of interfaces) names.add(a.toLowerCase());
  }
  return names;
}

export function hostAllowed(header: string | undefined, allowed: ReadonlySet<string>): boolean {
  const name = hostNameOf(header);
  return name !== undefined && allowed.has(name);
}

function localAddresses(): string[] {
  return Object.values(networkInterfaces())
    .flat()
    .map((i) => i?.address)
    .filter((a): a is string => typeof a === 'string' && isIP(a) !== 0);
}

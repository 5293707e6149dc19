import type { TeamConfig } from '../config/schema.js';
import { ConfigError } from '../core/errors.js';
import type { HttpClientOptions } from './http/client.js';

/**
 * Where each service lives. A base URL is scheme + host (+ optional path
 * prefix); the API paths after it are the real ones. Precedence: env
 * (`LIAISON_ZUUL_URL`, `LIAISON_GERRIT_URL`, `LIAISON_LAUNCHPAD_URL`),
 * then the config's `sources:` section, then OpenStack's real endpoints.
 */
export interface Endpoints {
  /** e.g. https://zuul.opendev.org — API under `/api/tenant/<tenant>/`. */
  readonly zuul: string;
  readonly zuulTenant: string;
  /** e.g. https://review.opendev.org — `/changes/`, `/a/changes/…`. */
  readonly gerrit: string;
  /** e.g. https://api.launchpad.net — `/devel/<project>?ws.op=searchTasks`. */
  readonly launchpad: string;
}

export const DEFAULT_ENDPOINTS: Endpoints = {
  zuul: 'https://zuul.opendev.org',
  zuulTenant: 'openstack',
  gerrit: 'https://review.opendev.org',
  launchpad: 'https://api.launchpad.net',
};

export function resolveEndpoints(
  config: Pick<TeamConfig, 'sources'>,
  env: NodeJS.ProcessEnv,
): Endpoints {
  const s = config.sources ?? {};
  return {
    zuul:
      baseUrl(env.LIAISON_ZUUL_URL, 'LIAISON_ZUUL_URL') ??
      baseUrl(s.zuul?.url, 'sources.zuul.url') ??
      DEFAULT_ENDPOINTS.zuul,
    zuulTenant: s.zuul?.tenant ?? DEFAULT_ENDPOINTS.zuulTenant,
    gerrit:
      baseUrl(env.LIAISON_GERRIT_URL, 'LIAISON_GERRIT_URL') ??
      baseUrl(s.gerrit?.url, 'sources.gerrit.url') ??
      DEFAULT_ENDPOINTS.gerrit,
    launchpad:
      baseUrl(env.LIAISON_LAUNCHPAD_URL, 'LIAISON_LAUNCHPAD_URL') ??
      baseUrl(s.launchpad?.url, 'sources.launchpad.url') ??
      DEFAULT_ENDPOINTS.launchpad,
  };
}

/** HTTP settings of the config's `sources:` section, as client options. */
export function httpSettings(
  config: Pick<TeamConfig, 'sources'>,
): Pick<
  HttpClientOptions,
  'timeoutMs' | 'retries' | 'retryDelayMs' | 'minIntervalMs' | 'maxBodyBytes'
> {
  const s = config.sources ?? {};
  return {
    timeoutMs: (s['timeout-seconds'] ?? 30) * 1000,
    maxBodyBytes: (s['max-body-mb'] ?? 32) * 1024 * 1024,
    retries: s.retries ?? 3,
    retryDelayMs: s['retry-delay-ms'] ?? 1000,
    minIntervalMs: s['min-interval-ms'] ?? 250,
  };
}

/** Validates and normalises a base URL (no trailing slash); undefined when not given. */
function baseUrl(value: string | undefined, where: string): string | undefined {
  if (value === undefined || value === '') return undefined;
  let u: URL;
  try {
    u = new URL(value);
  } catch {
    throw new ConfigError(`expected an http(s) URL, got "${value.slice(0, 80)}"`, undefined, where);
  }
  if (u.protocol !== 'http:' && u.protocol !== 'https:') {
    throw new ConfigError(`expected an http(s) URL, got "${value.slice(0, 80)}"`, undefined, where);
  }
  if (u.search || u.hash)
    throw new ConfigError('a base URL has no query or fragment', undefined, where);
  return `${u.origin}${u.pathname.replace(/\/+$/, '')}`;
}

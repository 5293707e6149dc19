/**
 * The HTTP layer of the sources (see client.ts for how to use it):
 * client (timeouts, retries, per-host queue, conditional cache), body
 * parsing (Gerrit XSSI line, typed JSON errors), UTC time parsing and the
 * paging helper of each service.
 */
export { HttpClient, DEFAULT_USER_AGENT } from './client.js';
export type {
  HttpClientOptions,
  HttpResponse,
  HttpStats,
  RequestEvent,
  RequestOptions,
} from './client.js';
export { parseJsonBody, stripXssi, XSSI_PREFIX } from './body.js';
export {
  HttpNetworkError,
  HttpStatusError,
  HttpTimeoutError,
  ResponseFormatError,
  describeUrl,
} from './errors.js';
export { epochMillisToIso, epochSecondsToIso, parseUtcTime } from './time.js';
export {
  gerritPages,
  launchpadPages,
  launchpadTotalSize,
  rebaseLinks,
  zuulPages,
} from './paging.js';
export type { LaunchpadCollectionPage, Page } from './paging.js';

import { SourceUnavailableError } from '../../core/errors.js';
import { inertLine } from '../../core/text.js';

/**
 * Failures of a remote service. They are all `SourceUnavailableError`s
 * (exit 3 when nothing catches them): a sync reports them per source and
 * keeps going, a view shows its stored data as stale.
 */

/** The service answered with a non-2xx status (body kept, excerpted, for the message). */
export class HttpStatusError extends SourceUnavailableError {
  constructor(
    readonly url: string,
    readonly status: number,
    readonly body: string,
    source?: string,
  ) {
    super(
      `${describeUrl(url)} answered HTTP ${status}${excerpt(body) ? `: ${excerpt(body)}` : ''}`,
      source,
    );
  }
}

/** No complete answer within the time limit (connect, headers or body). */
export class HttpTimeoutError extends SourceUnavailableError {
  constructor(
    readonly url: string,
    readonly timeoutMs: number,
    source?: string,
  ) {
    super(
      `${describeUrl(url)} did not answer within ${Math.round(timeoutMs / 100) / 10} s`,
      source,
    );
  }
}

/** The answer was larger than `sources.max-body-mb` allows (a runaway or hostile server). */
export class ResponseTooLargeError extends SourceUnavailableError {
  constructor(
    readonly url: string,
    readonly limitBytes: number,
    source?: string,
  ) {
    super(
      `${source ? `${source}: ` : ''}${describeUrl(url)} sent more than ${Math.round(limitBytes / 1024 / 1024)} MB; ` +
        'stopped reading (raise sources.max-body-mb if the service really answers that much)',
      source,
    );
  }
}

/** The connection itself failed (refused, reset, DNS). */
export class HttpNetworkError extends SourceUnavailableError {
  constructor(
    readonly url: string,
    readonly reason: string,
    source?: string,
  ) {
    super(`${describeUrl(url)} is unreachable: ${reason}`, source);
  }
}

/** A 2xx answer whose body is not what was asked for (truncated JSON, an HTML page). */
export class ResponseFormatError extends SourceUnavailableError {
  constructor(
    readonly url: string,
    readonly detail: string,
    source?: string,
  ) {
    super(`${describeUrl(url)}: ${detail}`, source);
  }
}

/** Host and path of a URL, without the query (which can be long) or credentials. */
export function describeUrl(url: string): string {
  try {
    const u = new URL(url);
    return `${u.host}${u.pathname}`;
  } catch {
    return url.slice(0, 120);
  }
}

/** The first meaningful line of an error body, as plain one-line text. */
function excerpt(body: string): string {
  const text = body.trimStart().startsWith('<') ? body.replace(/<[^>]*>/g, ' ') : body;
  const line = text
    .split('\n')
    .map((l) => l.trim())
    .find((l) => l !== '');
  return inertLine(line ?? '', 160);
}

import { ResponseFormatError } from '../http/errors.js';
import { parseUtcTime } from '../http/time.js';

/**
 * A Zuul build as the store keeps it (service-apis.md §1.4). Times are UTC
 * instants; project/branch come from `ref` (current Zuul) or the top level
 * (older Zuul).
 */
export interface Build {
  readonly uuid: string;
  /** Zuul's `_id`: the ordering key, newest highest. */
  readonly zuulId: number;
  readonly tenant: string;
  readonly project: string;
  readonly branch: string;
  readonly pipeline: string;
  readonly jobName: string;
  readonly result: string;
  /** False for an attempt that was retried (RETRY rows). */
  readonly final: boolean;
  readonly voting: boolean;
  readonly startTime: string;
  readonly endTime: string | null;
  readonly duration: number | null;
  readonly logUrl: string | null;
  readonly nodeset: string | null;
  readonly errorDetail: string | null;
  readonly buildsetUuid: string | null;
  readonly eventTimestamp: string | null;
}

type Rec = Record<string, unknown>;
const isRec = (v: unknown): v is Rec => typeof v === 'object' && v !== null && !Array.isArray(v);
const optStr = (v: unknown): string | null => (typeof v === 'string' ? v : null);

/**
 * Reads one record of `/builds`. A build still running (`result` null) is
 * not kept: it will be read again once it has a result. A record without
 * the fields every build has is a format error naming the field.
 */
export function readBuild(raw: unknown, tenant: string, url: string): Build | null {
  if (!isRec(raw)) throw new ResponseFormatError(url, 'a Zuul build is not an object');
  const ref = isRec(raw.ref) ? raw.ref : raw;
  const where = (field: string) =>
    `build ${typeof raw.uuid === 'string' ? raw.uuid.slice(0, 12) : '?'}: field "${field}"`;
  const need = (v: unknown, field: string): string => {
    if (typeof v !== 'string' || v === '')
      throw new ResponseFormatError(url, `${where(field)} is missing or not a string`);
    return v;
  };
  if (typeof raw._id !== 'number' || !Number.isInteger(raw._id)) {
    throw new ResponseFormatError(url, `${where('_id')} is missing or not an integer`);
  }
  if (raw.result === null || raw.result === undefined) return null;
  const start = parseUtcTime(raw.start_time);
  if (!start) throw new ResponseFormatError(url, `${where('start_time')} is not a time`);
  const buildset = isRec(raw.buildset) ? optStr(raw.buildset.uuid) : null;
  return {
    uuid: need(raw.uuid, 'uuid'),
    zuulId: raw._id,
    tenant,
    project: need(ref.project ?? raw.project, 'ref.project'),
    branch: need(ref.branch ?? raw.branch, 'ref.branch'),
    pipeline: need(raw.pipeline, 'pipeline'),
    jobName: need(raw.job_name, 'job_name'),
    result: need(raw.result, 'result'),
    final: raw.final !== false,
    voting: raw.voting !== false,
    startTime: start,
    endTime: parseUtcTime(raw.end_time),
    duration: typeof raw.duration === 'number' ? raw.duration : null,
    logUrl: optStr(raw.log_url),
    nodeset: optStr(raw.nodeset),
    errorDetail: optStr(raw.error_detail),
    buildsetUuid: buildset,
    eventTimestamp: parseUtcTime(raw.event_timestamp),
  };
}

/** The Zuul web page of a build (log URLs expire; this one does not). */
export function buildPageUrl(zuulBase: string, tenant: string, uuid: string): string {
  return `${zuulBase}/t/${encodeURIComponent(tenant)}/build/${encodeURIComponent(uuid)}`;
}

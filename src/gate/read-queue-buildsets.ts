import { ResponseFormatError } from '../sources/http/errors.js';
import { parseUtcTime } from '../sources/http/time.js';

/**
 * A finished buildset of the gate pipeline (service-apis.md §1.5): how
 * long a change of the team took from entering the gate (the triggering
 * event, its approval) to its report. Near milestones the shared queue
 * is long and resets often, and this time grows.
 */
export interface GateBuildset {
  readonly zuulId: number;
  readonly uuid: string;
  readonly tenant: string;
  readonly pipeline: string;
  readonly project: string;
  readonly branch: string;
  readonly change: number | null;
  readonly result: string;
  /** ISO instants. */
  readonly eventAt: string;
  readonly endAt: string;
}

type Rec = Record<string, unknown>;
const isRec = (v: unknown): v is Rec => typeof v === 'object' && v !== null && !Array.isArray(v);

/**
 * One record of `/buildsets`; null for one still running or without the
 * times a wait needs. Project and branch come from `refs[0]` (current
 * Zuul) or the top level (older Zuul).
 */
export function readGateBuildset(raw: unknown, tenant: string, url: string): GateBuildset | null {
  if (!isRec(raw)) throw new ResponseFormatError(url, 'a Zuul buildset is not an object');
  if (typeof raw._id !== 'number' || !Number.isInteger(raw._id))
    throw new ResponseFormatError(url, 'buildset: field "_id" is missing or not an integer');
  if (typeof raw.uuid !== 'string' || raw.uuid === '')
    throw new ResponseFormatError(url, `buildset ${raw._id}: field "uuid" is missing`);
  if (typeof raw.result !== 'string' || raw.result === '') return null;
  const refs = Array.isArray(raw.refs) ? raw.refs : [];
  const ref: Rec = isRec(refs[0]) ? refs[0] : raw;
  const project = typeof ref.project === 'string' ? ref.project : '';
  const branch = typeof ref.branch === 'string' ? ref.branch : '';
  const eventAt = parseUtcTime(raw.event_timestamp);
  const endAt = parseUtcTime(raw.last_build_end_time);
  if (!project || !eventAt || !endAt) return null;
  return {
    zuulId: raw._id,
    uuid: raw.uuid,
    tenant,
    pipeline: typeof raw.pipeline === 'string' ? raw.pipeline : '',
    project,
    branch,
    change: typeof ref.change === 'number' ? ref.change : null,
    result: raw.result,
    eventAt,
    endAt,
  };
}

/** Minutes from entering the gate to the report. */
export function waitMinutes(b: Pick<GateBuildset, 'eventAt' | 'endAt'>): number {
  return Math.max(0, (Date.parse(b.endAt) - Date.parse(b.eventAt)) / 60_000);
}

import { GerritShapeError, parseChange } from '../sources/gerrit/parse.js';
import { parseUtcTime } from '../sources/http/time.js';

/**
 * Gerrit changes that implement blueprints: the query that finds them
 * (commit-message text and `bp/<name>` topics), what is kept of each
 * change (state, dates, negative votes). Which blueprints a change
 * implements is the plan's (`implementedBlueprints`).
 */

export interface NegativeVote {
  readonly label: string;
  /** `rejected`: the label's lowest value (a veto such as Code-Review -2); `disliked`: negative. */
  readonly kind: 'rejected' | 'disliked';
  readonly by: string | null;
}

export interface ImplementingChange {
  readonly number: number;
  readonly project: string;
  readonly branch: string;
  readonly subject: string;
  readonly topic: string | null;
  /** `NEW`, `MERGED` (abandoned changes are not asked for). */
  readonly status: string;
  readonly workInProgress: boolean;
  readonly owner: string | null;
  /** ISO instants. */
  readonly created: string | null;
  readonly updated: string | null;
  readonly submitted: string | null;
  readonly message: string | null;
  readonly negative: readonly NegativeVote[];
}

/** ChangeInfo options: current commit message (footers), owners, label summaries. */
export const CHANGE_OPTIONS = ['CURRENT_REVISION', 'CURRENT_COMMIT', 'DETAILED_ACCOUNTS', 'LABELS'];

/** Labels whose negative votes put a change at risk. */
const RISK_LABELS = ['Code-Review', 'Verified', 'Workflow'];

/**
 * `(message:"blueprint a" OR topic:bp/a OR …) -status:abandoned (project:x OR …)`.
 * Gerrit's `message:` is a word search, so the answer may hold changes that
 * only mention a blueprint: `implementedBlueprints` decides.
 */
export function implementingQuery(
  blueprints: readonly string[],
  topics: readonly string[],
  projects: readonly string[],
): string {
  const terms = [
    ...blueprints.flatMap((b) => [`message:"blueprint ${b}"`, `topic:bp/${b}`]),
    ...topics.map((t) => `topic:${t}`),
  ];
  const any = (xs: readonly string[]) => (xs.length === 1 ? (xs[0] ?? '') : `(${xs.join(' OR ')})`);
  const where = projects.length ? ` ${any(projects.map((p) => `project:${p}`))}` : '';
  return `${any(terms)} -status:abandoned${where}`;
}

type Rec = Record<string, unknown>;
const isRec = (v: unknown): v is Rec => typeof v === 'object' && v !== null && !Array.isArray(v);

function who(v: unknown): string | null {
  if (!isRec(v)) return null;
  const n = v.username ?? v.name ?? v.email;
  return typeof n === 'string' ? n : null;
}

/** One ChangeInfo of the query's answer. */
export function parseImplementingChange(raw: unknown, where: string): ImplementingChange {
  const c = parseChange(raw, where);
  if (!isRec(raw)) throw new GerritShapeError(`${where}: expected a ChangeInfo object`);
  const labels = isRec(raw.labels) ? raw.labels : {};
  const negative: NegativeVote[] = [];
  for (const label of RISK_LABELS) {
    const l = labels[label];
    if (!isRec(l)) continue;
    if (isRec(l.rejected)) negative.push({ label, kind: 'rejected', by: who(l.rejected) });
    else if (isRec(l.disliked)) negative.push({ label, kind: 'disliked', by: who(l.disliked) });
  }
  return {
    number: c.number,
    project: c.project,
    branch: c.branch,
    subject: c.subject,
    topic: c.topic ?? null,
    status: c.status,
    workInProgress: c.workInProgress,
    owner: c.owner.username ?? c.owner.name ?? null,
    created: parseUtcTime(raw.created),
    updated: c.updated ?? null,
    submitted: parseUtcTime(raw.submitted),
    message: c.message ?? null,
    negative,
  };
}

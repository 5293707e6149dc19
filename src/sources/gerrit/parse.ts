/**
 * Pure readers of Gerrit REST bodies, once the HTTP layer has parsed them
 * (it strips the anti-XSSI `)]}'` line). A body of the wrong shape is a
 * `GerritShapeError` naming what is wrong.
 */

import { SourceUnavailableError } from '../../core/errors.js';
import { parseUtcTime } from '../http/time.js';
import { isChangeNumber, isProjectName, isRevision } from './ids.js';

/** A Gerrit body without the documented shape (a failed source, exit 3 if uncaught). */
export class GerritShapeError extends SourceUnavailableError {
  constructor(message: string) {
    super(`Gerrit: ${message}`, 'gerrit');
  }
}

/** An open change as the freeze guard needs it. */
export interface GerritChange {
  /** `_number`: the number humans use. */
  readonly number: number;
  readonly project: string;
  /** Without `refs/heads/`. */
  readonly branch: string;
  readonly subject: string;
  readonly topic?: string;
  readonly status: string;
  readonly workInProgress: boolean;
  readonly owner: { readonly username?: string; readonly name?: string; readonly email?: string };
  /** ISO instant (UTC). */
  readonly updated?: string;
  readonly currentRevision?: string;
  readonly patchset?: number;
  /** Full commit message of the current revision, with its trailers. */
  readonly message?: string;
  /** Accounts holding a Code-Review -2 (`rejected`), by username or name. */
  readonly codeReviewRejectedBy?: string;
}

export interface GerritPage {
  readonly changes: readonly GerritChange[];
  /** `_more_changes` on the last element: another page follows. */
  readonly more: boolean;
}

type Rec = Record<string, unknown>;

function isRec(v: unknown): v is Rec {
  return typeof v === 'object' && v !== null && !Array.isArray(v);
}

function account(v: unknown): GerritChange['owner'] {
  if (!isRec(v)) return {};
  const pick = (k: string) => (typeof v[k] === 'string' ? { [k]: v[k] } : {});
  return { ...pick('username'), ...pick('name'), ...pick('email') };
}

export function parseChange(e: unknown, where: string): GerritChange {
  if (!isRec(e)) throw new GerritShapeError(`${where}: expected a ChangeInfo object`);
  const number = e._number;
  if (!isChangeNumber(number))
    throw new GerritShapeError(`${where}: "_number" is not a change number`);
  for (const k of ['project', 'branch', 'subject', 'status'] as const) {
    if (typeof e[k] !== 'string') throw new GerritShapeError(`${where}: "${k}" is not a string`);
  }
  // ids go back into URLs (votes, file lists): checked here, where they enter
  if (!isProjectName(e.project))
    throw new GerritShapeError(`${where}: "project" is not a project name`);
  if (e.current_revision !== undefined && !isRevision(e.current_revision))
    throw new GerritShapeError(`${where}: "current_revision" is not a commit id (40 or 64 hex)`);
  const currentRevision = typeof e.current_revision === 'string' ? e.current_revision : undefined;
  const revisions = isRec(e.revisions) ? e.revisions : {};
  const rev =
    currentRevision && isRec(revisions[currentRevision]) ? revisions[currentRevision] : undefined;
  const commit = rev && isRec(rev.commit) ? rev.commit : undefined;
  const labels = isRec(e.labels) ? e.labels : {};
  const cr = isRec(labels['Code-Review']) ? labels['Code-Review'] : undefined;
  const rejected = cr && isRec(cr.rejected) ? account(cr.rejected) : undefined;
  const updated = parseUtcTime(e.updated) ?? undefined;
  return {
    number,
    project: e.project,
    branch: (e.branch as string).replace(/^refs\/heads\//, ''),
    subject: e.subject as string,
    ...(typeof e.topic === 'string' ? { topic: e.topic } : {}),
    status: e.status as string,
    // "not set if false": absent means false
    workInProgress: e.work_in_progress === true,
    owner: account(e.owner),
    ...(updated ? { updated } : {}),
    ...(currentRevision ? { currentRevision } : {}),
    ...(rev && typeof rev._number === 'number' ? { patchset: rev._number } : {}),
    ...(commit && typeof commit.message === 'string' ? { message: commit.message } : {}),
    ...(rejected ? { codeReviewRejectedBy: rejected.username ?? rejected.name ?? 'someone' } : {}),
  };
}

/** One `GET /changes/?q=…` page (already stripped of the prefix). */
export function parseChangePage(body: unknown, what = 'changes'): GerritPage {
  if (!Array.isArray(body)) throw new GerritShapeError(`${what}: expected a list of changes`);
  const changes = body.map((e, i) => parseChange(e, `${what}[${i}]`));
  const last: unknown = body[body.length - 1];
  return { changes, more: isRec(last) && last._more_changes === true };
}

/** Bug numbers named in commit-message footers, by kind. */
export interface BugFooters {
  readonly closes: readonly number[];
  readonly partial: readonly number[];
  readonly related: readonly number[];
}

/**
 * `Closes-Bug: #2157431`, `Partial-Bug: 123`, `Related-Bug: #1, #2`, in any
 * letter case (OpenStack's footers; only those lines count, not prose).
 */
export function bugFooters(message: string | undefined): BugFooters {
  const out = { closes: [] as number[], partial: [] as number[], related: [] as number[] };
  for (const line of (message ?? '').split('\n')) {
    const m = /^\s*(closes|partial|related)-bug\s*:\s*(.+)$/i.exec(line);
    if (!m) continue;
    const kind = (m[1] ?? '').toLowerCase() as 'closes' | 'partial' | 'related';
    for (const n of (m[2] ?? '').matchAll(/#?(\d{1,9})/g)) out[kind].push(Number(n[1]));
  }
  return out;
}

/** The `Generated-By:` trailer of bot commits, if any. */
export function generatedBy(message: string | undefined): string | undefined {
  const m = /^Generated-By:\s*(\S.*)$/m.exec(message ?? '');
  return m?.[1]?.trim();
}

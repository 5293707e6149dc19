import type { Db } from '../../store/db.js';
import type { GerritChange } from './parse.js';

export function saveChangeSnapshot(
  db: Db,
  scope: string,
  syncedAt: string,
  changes: readonly GerritChange[],
): void {
  db.transaction(() => {
    db.prepare('DELETE FROM gerrit_change WHERE scope = ?').run(scope);
    const ins = db.prepare(
      `INSERT OR REPLACE INTO gerrit_change (scope, number, project, branch, subject, topic, status, wip, owner_username,
         owner_name, owner_email, updated, current_revision, patchset, message, cr_rejected_by)
       VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
    );
    for (const c of changes) {
      ins.run(
        scope,
        c.number,
        c.project,
        c.branch,
        c.subject,
        c.topic ?? null,
        c.status,
        c.workInProgress ? 1 : 0,
        c.owner.username ?? null,
        c.owner.name ?? null,
        c.owner.email ?? null,
        c.updated ?? null,
        c.currentRevision ?? null,
        c.patchset ?? null,
        c.message ?? null,
        c.codeReviewRejectedBy ?? null,
      );
    }
    db.prepare('INSERT OR REPLACE INTO gerrit_snapshot (scope, synced_at) VALUES (?, ?)').run(
      scope,
      syncedAt,
    );
  })();
}

export function loadChangeSnapshot(
  db: Db,
  scope: string,
): { syncedAt: string; changes: GerritChange[] } | undefined {
  const snap = db.prepare('SELECT synced_at FROM gerrit_snapshot WHERE scope = ?').get(scope) as
    { synced_at: string } | undefined;
  if (!snap) return undefined;
  const rows = db
    .prepare('SELECT * FROM gerrit_change WHERE scope = ? ORDER BY branch, number')
    .all(scope) as Row[];
  return { syncedAt: snap.synced_at, changes: rows.map(fromRow) };
}

/**
 * The columns every SQLite table of Gerrit changes keeps under the same
 * names and types (`gerrit_change` here, the priorities' `bp_change`): the
 * change itself, as a row. Each table adds what its reader needs.
 */
export interface ChangeRowCore {
  number: number;
  project: string;
  branch: string;
  subject: string;
  topic: string | null;
  status: string;
  /** `work_in_progress` as 0 or 1. */
  wip: number;
}

interface Row extends ChangeRowCore {
  owner_username: string | null;
  owner_name: string | null;
  owner_email: string | null;
  updated: string | null;
  current_revision: string | null;
  patchset: number | null;
  message: string | null;
  cr_rejected_by: string | null;
}

function fromRow(r: Row): GerritChange {
  const owner = {
    ...(r.owner_username !== null ? { username: r.owner_username } : {}),
    ...(r.owner_name !== null ? { name: r.owner_name } : {}),
    ...(r.owner_email !== null ? { email: r.owner_email } : {}),
  };
  return {
    number: r.number,
    project: r.project,
    branch: r.branch,
    subject: r.subject,
    ...(r.topic !== null ? { topic: r.topic } : {}),
    status: r.status,
    workInProgress: r.wip === 1,
    owner,
    ...(r.updated !== null ? { updated: r.updated } : {}),
    ...(r.current_revision !== null ? { currentRevision: r.current_revision } : {}),
    ...(r.patchset !== null ? { patchset: r.patchset } : {}),
    ...(r.message !== null ? { message: r.message } : {}),
    ...(r.cr_rejected_by !== null ? { codeReviewRejectedBy: r.cr_rejected_by } : {}),
  };
}

export interface LedgerEntry {
  readonly number: number;
  readonly project: string;
  readonly branch: string;
  readonly revision?: string;
  readonly postedAt: string;
  readonly postedBy: string;
  readonly message: string;
}

export function loadLedger(db: Db): Map<number, LedgerEntry> {
  const rows = db.prepare('SELECT * FROM freeze_vote').all() as {
    number: number;
    project: string;
    branch: string;
    revision: string | null;
    posted_at: string;
    posted_by: string;
    message: string;
  }[];
  return new Map(
    rows.map((r) => [
      r.number,
      {
        number: r.number,
        project: r.project,
        branch: r.branch,
        ...(r.revision ? { revision: r.revision } : {}),
        postedAt: r.posted_at,
        postedBy: r.posted_by,
        message: r.message,
      },
    ]),
  );
}

/** Records a posted vote; false when the change already had one (the ledger keeps the first). */
export function recordVote(db: Db, e: LedgerEntry): boolean {
  const r = db
    .prepare(
      'INSERT OR IGNORE INTO freeze_vote (number, project, branch, revision, posted_at, posted_by, message) VALUES (?, ?, ?, ?, ?, ?, ?)',
    )
    .run(e.number, e.project, e.branch, e.revision ?? null, e.postedAt, e.postedBy, e.message);
  return r.changes === 1;
}

import type { Db } from '../store/db.js';
import type { FileContent, StoredRequest } from './plan.js';

export interface ContentRow {
  readonly revision: string;
  readonly path: string;
  readonly side: 'old' | 'new';
  readonly content: FileContent;
}

/** Revisions whose files are already stored (their contents never change). */
export function knownRevisions(db: Db): Set<string> {
  return new Set(
    (
      db.prepare('SELECT DISTINCT revision FROM review_request').all() as { revision: string }[]
    ).map((r) => r.revision),
  );
}

/** Replaces the snapshot: requests, and the contents of revisions no longer current are dropped. */
export function saveReviewSnapshot(
  db: Db,
  scope: string,
  syncedAt: string,
  requests: readonly StoredRequest[],
  contents: readonly ContentRow[],
): void {
  db.prepare('DELETE FROM review_request').run();
  const ins = db.prepare(
    'INSERT INTO review_request (number, revision, created, record) VALUES (?, ?, ?, ?)',
  );
  for (const r of requests) ins.run(r.number, r.revision, r.created, JSON.stringify(r));
  const file = db.prepare(
    'INSERT OR REPLACE INTO review_file (revision, path, side, content, error) VALUES (?, ?, ?, ?, ?)',
  );
  for (const c of contents)
    file.run(c.revision, c.path, c.side, c.content.text, c.content.error ?? null);
  db.prepare(
    'DELETE FROM review_file WHERE revision NOT IN (SELECT revision FROM review_request)',
  ).run();
  db.prepare('DELETE FROM review_snapshot').run();
  db.prepare('INSERT INTO review_snapshot (scope, synced_at) VALUES (?, ?)').run(scope, syncedAt);
}

export interface ReviewSnapshot {
  readonly scope: string;
  readonly syncedAt: string;
  readonly requests: StoredRequest[];
}

export function loadReviewSnapshot(db: Db): ReviewSnapshot | undefined {
  const snap = db.prepare('SELECT scope, synced_at FROM review_snapshot').get() as
    { scope: string; synced_at: string } | undefined;
  if (!snap) return undefined;
  const rows = db
    .prepare('SELECT record FROM review_request ORDER BY created DESC, number DESC')
    .all() as { record: string }[];
  return {
    scope: snap.scope,
    syncedAt: snap.synced_at,
    requests: rows.map((r) => JSON.parse(r.record) as StoredRequest),
  };
}

/** The stored contents, as a lookup the pure planner takes. */
export function loadContents(db: Db): Map<string, FileContent> {
  const rows = db.prepare('SELECT revision, path, side, content, error FROM review_file').all() as {
    revision: string;
    path: string;
    side: string;
    content: string | null;
    error: string | null;
  }[];
  return new Map(
    rows.map((r) => [
      contentKey(r.revision, r.path, r.side as 'old' | 'new'),
      { text: r.content, ...(r.error ? { error: r.error } : {}) },
    ]),
  );
}

export const contentKey = (revision: string, path: string, side: 'old' | 'new'): string =>
  `${revision}\u0000${side}\u0000${path}`;

export interface PostedVote {
  readonly number: number;
  readonly revision: string;
  readonly value: number;
  readonly postedAt: string;
  readonly postedBy: string;
  readonly message: string;
}

export function loadPostedVotes(db: Db): PostedVote[] {
  return (
    db
      .prepare('SELECT number, revision, value, posted_at, posted_by, message FROM review_vote')
      .all() as {
      number: number;
      revision: string;
      value: number;
      posted_at: string;
      posted_by: string;
      message: string;
    }[]
  ).map((r) => ({
    number: r.number,
    revision: r.revision,
    value: r.value,
    postedAt: r.posted_at,
    postedBy: r.posted_by,
    message: r.message,
  }));
}

export function findPostedVote(db: Db, number: number, revision: string): PostedVote | undefined {
  const r = db
    .prepare(
      'SELECT value, posted_at, posted_by, message FROM review_vote WHERE number = ? AND revision = ?',
    )
    .get(number, revision) as
    { value: number; posted_at: string; posted_by: string; message: string } | undefined;
  return (
    r && {
      number,
      revision,
      value: r.value,
      postedAt: r.posted_at,
      postedBy: r.posted_by,
      message: r.message,
    }
  );
}

/** Records a posted vote; false when this revision already had one (the first stays). */
export function recordPostedVote(db: Db, v: PostedVote): boolean {
  const r = db
    .prepare(
      'INSERT OR IGNORE INTO review_vote (number, revision, value, posted_at, posted_by, message) VALUES (?, ?, ?, ?, ?, ?)',
    )
    .run(v.number, v.revision, v.value, v.postedAt, v.postedBy, v.message);
  return r.changes === 1;
}

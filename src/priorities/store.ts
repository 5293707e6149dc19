import type { ChangeRowCore } from '../sources/gerrit/store.js';
import type { Db } from '../store/db.js';
import type { ImplementingChange, NegativeVote } from './read-gerrit.js';
import type { Blueprint } from './read-launchpad.js';

/** Repository of `bp_blueprint`, `bp_missing`, `bp_change` and `bp_change_query`. */

export interface StoredBlueprint extends Blueprint {
  /** The series whose collection listed it; null when it was read on its own. */
  readonly series: string | null;
  readonly fetchedAt: string;
}

interface BlueprintRow {
  project: string;
  name: string;
  series: string | null;
  title: string;
  priority: string | null;
  definition_status: string | null;
  implementation_status: string | null;
  milestone: string | null;
  assignee: string | null;
  is_complete: number;
  web_link: string;
  date_completed: string | null;
  fetched_at: string;
}

const insertBlueprint = (db: Db) =>
  db.prepare(
    `INSERT OR REPLACE INTO bp_blueprint (project, name, series, title, priority, definition_status,
       implementation_status, milestone, assignee, is_complete, web_link, date_completed, fetched_at)
     VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
  );

function writeBlueprint(db: Db, b: Blueprint, series: string | null, at: string): void {
  insertBlueprint(db).run(
    b.project,
    b.name,
    series,
    b.title,
    b.priority,
    b.definitionStatus,
    b.implementationStatus,
    b.milestone,
    b.assignee,
    b.isComplete ? 1 : 0,
    b.webLink,
    b.dateCompleted,
    at,
  );
}

/** Replaces what a series collection of one project listed. */
export function saveSeriesBlueprints(
  db: Db,
  project: string,
  series: string,
  list: readonly Blueprint[],
  at: string,
): void {
  db.prepare('DELETE FROM bp_blueprint WHERE project = ? AND series = ?').run(project, series);
  for (const b of list) writeBlueprint(db, { ...b, project }, series, at);
}

/** Stores one blueprint read on its own (kept out of any series' set). */
export function saveBlueprint(db: Db, b: Blueprint, at: string): void {
  const row = db
    .prepare('SELECT series FROM bp_blueprint WHERE project = ? AND name = ?')
    .get(b.project, b.name) as { series: string | null } | undefined;
  writeBlueprint(db, b, row?.series ?? null, at);
  db.prepare('DELETE FROM bp_missing WHERE project = ? AND name = ?').run(b.project, b.name);
}

export function touchBlueprint(db: Db, project: string, name: string, at: string): void {
  db.prepare('UPDATE bp_blueprint SET fetched_at = ? WHERE project = ? AND name = ?').run(
    at,
    project,
    name,
  );
}

/** Launchpad has no such blueprint (404): remembered so it is not asked again every sync. */
export function saveMissing(db: Db, project: string, name: string, at: string): void {
  db.prepare('INSERT OR REPLACE INTO bp_missing (project, name, checked_at) VALUES (?, ?, ?)').run(
    project,
    name,
    at,
  );
}

export function missingCheckedAt(db: Db, project: string, name: string): string | undefined {
  const row = db
    .prepare('SELECT checked_at FROM bp_missing WHERE project = ? AND name = ?')
    .get(project, name) as { checked_at: string } | undefined;
  return row?.checked_at;
}

export function readBlueprints(db: Db): StoredBlueprint[] {
  return (
    db.prepare('SELECT * FROM bp_blueprint ORDER BY project, name').all() as BlueprintRow[]
  ).map((r) => ({
    project: r.project,
    name: r.name,
    series: r.series,
    title: r.title,
    priority: r.priority,
    definitionStatus: r.definition_status,
    implementationStatus: r.implementation_status,
    milestone: r.milestone,
    assignee: r.assignee,
    isComplete: r.is_complete === 1,
    webLink: r.web_link,
    dateCompleted: r.date_completed,
    fetchedAt: r.fetched_at,
  }));
}

interface ChangeRow extends ChangeRowCore {
  owner: string | null;
  created: string | null;
  updated: string | null;
  submitted: string | null;
  message: string | null;
  negative: string;
}

export function upsertChanges(db: Db, list: readonly ImplementingChange[]): void {
  const stmt = db.prepare(
    `INSERT OR REPLACE INTO bp_change (number, project, branch, subject, topic, status, wip, owner,
       created, updated, submitted, message, negative)
     VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
  );
  for (const c of list)
    stmt.run(
      c.number,
      c.project,
      c.branch,
      c.subject,
      c.topic,
      c.status,
      c.workInProgress ? 1 : 0,
      c.owner,
      c.created,
      c.updated,
      c.submitted,
      c.message,
      JSON.stringify(c.negative),
    );
}

/** A change that no longer matches (abandoned since) leaves the stored set. */
export function deleteChanges(db: Db, numbers: readonly number[]): void {
  const stmt = db.prepare('DELETE FROM bp_change WHERE number = ?');
  for (const n of numbers) stmt.run(n);
}

export function readChanges(db: Db): ImplementingChange[] {
  return (db.prepare('SELECT * FROM bp_change ORDER BY number').all() as ChangeRow[]).map((r) => ({
    number: r.number,
    project: r.project,
    branch: r.branch,
    subject: r.subject,
    topic: r.topic,
    status: r.status,
    workInProgress: r.wip === 1,
    owner: r.owner,
    created: r.created,
    updated: r.updated,
    submitted: r.submitted,
    message: r.message,
    negative: JSON.parse(r.negative) as NegativeVote[],
  }));
}

export function readQueryState(
  db: Db,
  query: string,
): { syncedAt: string; newestUpdated: string | null } | undefined {
  const row = db
    .prepare('SELECT synced_at, newest_updated FROM bp_change_query WHERE query = ?')
    .get(query) as { synced_at: string; newest_updated: string | null } | undefined;
  return row && { syncedAt: row.synced_at, newestUpdated: row.newest_updated };
}

export function saveQueryState(
  db: Db,
  query: string,
  syncedAt: string,
  newestUpdated: string | null,
): void {
  db.prepare(
    'INSERT OR REPLACE INTO bp_change_query (query, synced_at, newest_updated) VALUES (?, ?, ?)',
  ).run(query, syncedAt, newestUpdated);
}

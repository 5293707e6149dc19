import type { Db } from '../../store/db.js';
import type { LaunchpadBug, LaunchpadMilestone, LaunchpadTask } from './parse.js';

export interface ProjectSnapshot {
  readonly project: string;
  readonly syncedAt: string;
  readonly codename: string;
  readonly nextMilestone?: string;
  readonly tasks: readonly LaunchpadTask[];
  readonly bugs: readonly LaunchpadBug[];
  readonly milestones: readonly LaunchpadMilestone[];
}

/** Replaces one project's snapshot atomically. */
export function saveProjectSnapshot(db: Db, snap: ProjectSnapshot): void {
  db.transaction(() => {
    db.prepare('DELETE FROM lp_task WHERE project = ?').run(snap.project);
    db.prepare('DELETE FROM lp_milestone WHERE project = ?').run(snap.project);
    const task = db.prepare(
      'INSERT OR IGNORE INTO lp_task (project, bug_id, title, status, importance, milestone, web_link) VALUES (?, ?, ?, ?, ?, ?, ?)',
    );
    for (const t of snap.tasks) {
      task.run(
        snap.project,
        t.bugId,
        t.title,
        t.status,
        t.importance,
        t.milestone ?? null,
        t.webLink ?? null,
      );
    }
    const bug = db.prepare(
      'INSERT INTO lp_bug (id, title, tags, web_link, last_updated) VALUES (?, ?, ?, ?, ?) ' +
        'ON CONFLICT(id) DO UPDATE SET title = excluded.title, tags = excluded.tags, web_link = excluded.web_link, last_updated = excluded.last_updated',
    );
    for (const b of snap.bugs)
      bug.run(b.id, b.title, JSON.stringify(b.tags), b.webLink ?? null, b.lastUpdated ?? null);
    const ms = db.prepare(
      'INSERT OR REPLACE INTO lp_milestone (project, name, date_targeted, is_active, series, released, self_link) VALUES (?, ?, ?, ?, ?, ?, ?)',
    );
    for (const m of snap.milestones) {
      ms.run(
        snap.project,
        m.name,
        m.dateTargeted ?? null,
        m.isActive ? 1 : 0,
        m.series ?? null,
        m.released ? 1 : 0,
        m.selfLink,
      );
    }
    db.prepare(
      'INSERT OR REPLACE INTO lp_snapshot (project, synced_at, codename, next_milestone) VALUES (?, ?, ?, ?)',
    ).run(snap.project, snap.syncedAt, snap.codename, snap.nextMilestone ?? null);
  })();
}

/** Marks a project as checked (nothing changed upstream) without touching its rows. */
export function touchProjectSnapshot(db: Db, project: string, syncedAt: string): void {
  db.prepare('UPDATE lp_snapshot SET synced_at = ? WHERE project = ?').run(syncedAt, project);
}

export interface StoredTask extends LaunchpadTask {
  readonly project: string;
  readonly tags?: readonly string[];
  readonly bugTitle?: string;
}

export interface StoredProject {
  readonly project: string;
  readonly syncedAt: string;
  readonly codename: string;
  readonly nextMilestone?: string;
}

export function loadProjects(db: Db, projects: readonly string[]): StoredProject[] {
  const get = db.prepare(
    'SELECT project, synced_at, codename, next_milestone FROM lp_snapshot WHERE project = ?',
  );
  const out: StoredProject[] = [];
  for (const p of projects) {
    const r = get.get(p) as
      | { project: string; synced_at: string; codename: string; next_milestone: string | null }
      | undefined;
    if (r)
      out.push({
        project: r.project,
        syncedAt: r.synced_at,
        codename: r.codename,
        ...(r.next_milestone ? { nextMilestone: r.next_milestone } : {}),
      });
  }
  return out;
}

/**
 * Tasks of the given projects joined with their bug (tags, own title).
 * `onlyRcCandidates` narrows to Critical tasks and bugs carrying that tag
 * (what the freeze guard needs), so a large snapshot is not read whole.
 */
export function loadTasks(
  db: Db,
  projects: readonly string[],
  onlyRcCandidates?: string,
): StoredTask[] {
  if (projects.length === 0) return [];
  const narrow =
    onlyRcCandidates === undefined
      ? ''
      : `AND (t.importance = 'Critical' OR b.tags LIKE ? ESCAPE '\\')`;
  const like =
    onlyRcCandidates === undefined
      ? []
      : [`%${JSON.stringify(onlyRcCandidates).replace(/[\\%_]/g, (c) => `\\${c}`)}%`];
  const rows = db
    .prepare(
      `SELECT t.project, t.bug_id, t.title, t.status, t.importance, t.milestone, t.web_link, b.tags, b.title AS bug_title
       FROM lp_task t LEFT JOIN lp_bug b ON b.id = t.bug_id
       WHERE t.project IN (${projects.map(() => '?').join(', ')}) ${narrow}
       ORDER BY t.bug_id`,
    )
    .all(...projects, ...like) as {
    project: string;
    bug_id: number;
    title: string;
    status: string;
    importance: string;
    milestone: string | null;
    web_link: string | null;
    tags: string | null;
    bug_title: string | null;
  }[];
  return rows.map((r) => ({
    project: r.project,
    bugId: r.bug_id,
    title: r.title,
    target: r.project,
    status: r.status,
    importance: r.importance,
    ...(r.milestone ? { milestone: r.milestone } : {}),
    ...(r.web_link ? { webLink: r.web_link } : {}),
    ...(r.tags !== null ? { tags: parseTags(r.tags) } : {}),
    ...(r.bug_title !== null ? { bugTitle: r.bug_title } : {}),
  }));
}

function parseTags(json: string): string[] {
  try {
    const v: unknown = JSON.parse(json);
    return Array.isArray(v) ? v.filter((t): t is string => typeof t === 'string') : [];
  } catch {
    return [];
  }
}

export function loadMilestones(db: Db, project: string): LaunchpadMilestone[] {
  const rows = db
    .prepare(
      'SELECT name, date_targeted, is_active, series, released, self_link FROM lp_milestone WHERE project = ? ORDER BY date_targeted, name',
    )
    .all(project) as {
    name: string;
    date_targeted: string | null;
    is_active: number;
    series: string | null;
    released: number;
    self_link: string;
  }[];
  return rows.map((r) => ({
    name: r.name,
    ...(r.date_targeted ? { dateTargeted: r.date_targeted } : {}),
    isActive: r.is_active === 1,
    ...(r.series ? { series: r.series } : {}),
    released: r.released === 1,
    selfLink: r.self_link,
  }));
}

import type { Db } from '../store/db.js';

export const LIAISON_STATUSES = ['done', 'in-progress', 'not-started'] as const;
export type LiaisonGoalStatus = (typeof LIAISON_STATUSES)[number];

export interface GoalRecord {
  readonly goal: string;
  readonly status: LiaisonGoalStatus;
  readonly owner: string | null;
  readonly recordedOn: string;
}

export function loadGoalRecords(db: Db, team: string, series: string): Map<string, GoalRecord> {
  const rows = db
    .prepare(
      'SELECT goal, status, owner, recorded_on FROM goal_state WHERE team = ? AND series = ?',
    )
    .all(team, series) as {
    goal: string;
    status: LiaisonGoalStatus;
    owner: string | null;
    recorded_on: string;
  }[];
  return new Map(
    rows.map((r) => [
      r.goal,
      { goal: r.goal, status: r.status, owner: r.owner, recordedOn: r.recorded_on },
    ]),
  );
}

/** Sets the state; an owner left out keeps the one recorded before. */
export function saveGoalRecord(
  db: Db,
  team: string,
  series: string,
  rec: { goal: string; status: LiaisonGoalStatus; owner?: string; recordedOn: string },
): GoalRecord {
  db.prepare(
    `INSERT INTO goal_state (team, series, goal, status, owner, recorded_on) VALUES (?, ?, ?, ?, ?, ?)
     ON CONFLICT (team, series, goal) DO UPDATE SET status = excluded.status,
       owner = COALESCE(excluded.owner, goal_state.owner), recorded_on = excluded.recorded_on`,
  ).run(team, series, rec.goal, rec.status, rec.owner ?? null, rec.recordedOn);
  const saved = loadGoalRecords(db, team, series).get(rec.goal);
  if (!saved) throw new Error('goal state was not saved');
  return saved;
}

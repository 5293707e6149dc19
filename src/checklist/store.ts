import type { Db } from '../store/db.js';
import type { ManualTick } from './plan.js';

/** Manual ticks of checklist items, per team and series. */
export function readTicks(db: Db, team: string, series: string): Map<string, ManualTick> {
  const rows = db
    .prepare(
      'SELECT item, done_by, done_on FROM plan_checklist_state WHERE team = ? AND series = ?',
    )
    .all(team, series) as { item: string; done_by: string; done_on: string }[];
  return new Map(rows.map((r) => [r.item, { doneBy: r.done_by, doneOn: r.done_on }]));
}

export function tick(db: Db, team: string, series: string, item: string, t: ManualTick): void {
  db.prepare(
    `INSERT INTO plan_checklist_state (team, series, item, done_by, done_on) VALUES (?, ?, ?, ?, ?)
     ON CONFLICT (team, series, item) DO UPDATE SET done_by = excluded.done_by, done_on = excluded.done_on`,
  ).run(team, series, item, t.doneBy, t.doneOn);
}

/** Returns whether there was a tick to remove. */
export function untick(db: Db, team: string, series: string, item: string): boolean {
  return (
    db
      .prepare('DELETE FROM plan_checklist_state WHERE team = ? AND series = ? AND item = ?')
      .run(team, series, item).changes > 0
  );
}

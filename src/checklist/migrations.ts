import type { Migration } from '../store/db.js';

/** Store tables of the checklist (manual ticks). Ids keep their `plan-` prefix: released ids never change. */
export const CHECKLIST_MIGRATIONS: readonly Migration[] = [
  {
    // manual ticks of checklist items; `done_on` is the --date of the run
    id: 'plan-001-checklist-state',
    sql: `CREATE TABLE plan_checklist_state (
      team TEXT NOT NULL, series TEXT NOT NULL, item TEXT NOT NULL,
      done_by TEXT NOT NULL, done_on TEXT NOT NULL,
      PRIMARY KEY (team, series, item))`,
  },
];

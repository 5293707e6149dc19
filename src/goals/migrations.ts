import type { Migration } from '../store/db.js';

/* Schema of this capability's tables: kept apart from the repository code so that opening the store loads none of it. */

/** The liaison's own record of the team's state per goal and series (`liaison goals set`). */
export const GOALS_MIGRATIONS: readonly Migration[] = [
  {
    id: 'live-104-goal-states',
    sql: `CREATE TABLE goal_state (
      team TEXT NOT NULL,
      series TEXT NOT NULL,
      goal TEXT NOT NULL,
      status TEXT NOT NULL CHECK (status IN ('done', 'in-progress', 'not-started')),
      owner TEXT,
      recorded_on TEXT NOT NULL,
      PRIMARY KEY (team, series, goal)
    )`,
  },
];

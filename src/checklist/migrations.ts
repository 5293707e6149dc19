import type { Migration } from '../store/db.js';

/** Store tables of the planner (checklist ticks, reminder ledger). */
export const PLAN_MIGRATIONS: readonly Migration[] = [
  {
    // manual ticks of checklist items; `done_on` is the --date of the run
    id: 'plan-001-checklist-state',
    sql: `CREATE TABLE plan_checklist_state (
      team TEXT NOT NULL, series TEXT NOT NULL, item TEXT NOT NULL,
      done_by TEXT NOT NULL, done_on TEXT NOT NULL,
      PRIMARY KEY (team, series, item))`,
  },
  {
    // one row per (reminder occurrence, recipient): see src/remind/store.ts
    id: 'plan-002-reminder-ledger',
    sql: `CREATE TABLE plan_reminder_ledger (
      reminder TEXT NOT NULL, recipient TEXT NOT NULL, team TEXT NOT NULL,
      message_id TEXT NOT NULL, channel TEXT NOT NULL,
      state TEXT NOT NULL CHECK (state IN ('claimed', 'sending', 'sent', 'failed', 'unknown')),
      claimed_by TEXT NOT NULL, claimed_on TEXT NOT NULL,
      attempts INTEGER NOT NULL DEFAULT 1, response TEXT,
      PRIMARY KEY (reminder, recipient))`,
  },
];

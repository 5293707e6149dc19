import type { Migration } from '../store/db.js';

/** Store tables of the reminders (the delivery ledger). Ids keep their `plan-` prefix: released ids never change. */
export const REMIND_MIGRATIONS: readonly Migration[] = [
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

/**
 * The ids of ALL_MIGRATIONS (migrations.ts), in order, without their SQL:
 * a command that opens a store already at this schema (every run but the
 * first after an upgrade) loads this one module instead of the thirteen
 * that hold the migrations (store/db.ts `openStoreIfCurrent`).
 * test/store/db.test.ts keeps it equal to ALL_MIGRATIONS: add each new
 * migration's id here too.
 */
export const MIGRATION_IDS: readonly string[] = [
  'core-001-kv',
  'plan-001-checklist-state',
  'plan-002-reminder-ledger',
  'sources-001-http-cache',
  'sources-002-sync-state',
  'sources-003-zuul-builds',
  'sources-004-builds-time-order',
  'sources-005-builds-gate-covering',
  'sources-006-zuul-series',
  'live-101-launchpad-snapshots',
  'live-102-gerrit-changes',
  'live-103-freeze-vote-ledger',
  'live-104-goal-states',
  'review-001-requests',
  'review-002-vote-ledger',
  'web-001-write-log',
  'notes-001-history-cache',
  'notes-002-history-blob',
  'notes-003-binary-graph',
  'notes-004-scan-memo',
  'notes-005-report-memo',
  'gate-queue-001-samples',
  'gate-queue-002-buildsets',
  'priorities-001-blueprints',
  'priorities-002-changes',
];

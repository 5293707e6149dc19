import type { Migration } from './db.js';
import { NOTES_MIGRATIONS } from '../notes/scanner/migrations.js';
import { PLAN_MIGRATIONS } from '../plan/migrations.js';
import { SOURCES_MIGRATIONS } from '../sources/migrations.js';
import { LAUNCHPAD_MIGRATIONS } from '../sources/launchpad/store.js';
import { GERRIT_MIGRATIONS } from '../sources/gerrit/store.js';
import { GOALS_MIGRATIONS } from '../goals/store.js';
import { REVIEW_MIGRATIONS } from '../review/store.js';
import { WEB_MIGRATIONS } from '../web/write-log.js';

/**
 * Every schema change of the store, in order. Capabilities append their own
 * list here (never edit or reorder a released migration).
 */
export const ALL_MIGRATIONS: readonly Migration[] = [
  {
    id: 'core-001-kv',
    sql: `CREATE TABLE kv (key TEXT PRIMARY KEY, value TEXT NOT NULL)`,
  },
  ...PLAN_MIGRATIONS,
  ...SOURCES_MIGRATIONS,
  ...LAUNCHPAD_MIGRATIONS,
  ...GERRIT_MIGRATIONS,
  ...GOALS_MIGRATIONS,
  ...REVIEW_MIGRATIONS,
  ...WEB_MIGRATIONS,
  ...NOTES_MIGRATIONS,
];

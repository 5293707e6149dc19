import type { Migration } from '../store/db.js';
import { NOTES_MIGRATIONS } from '../notes/scanner/migrations.js';
import { CHECKLIST_MIGRATIONS } from '../checklist/migrations.js';
import { REMIND_MIGRATIONS } from '../remind/migrations.js';
import { SOURCES_MIGRATIONS } from '../sources/migrations.js';
import { LAUNCHPAD_MIGRATIONS } from '../sources/launchpad/migrations.js';
import { GERRIT_MIGRATIONS } from '../sources/gerrit/migrations.js';
import { GOALS_MIGRATIONS } from '../goals/migrations.js';
import { REVIEW_MIGRATIONS } from '../review/migrations.js';
import { WEB_MIGRATIONS } from '../web/migrations.js';
import { GATE_QUEUE_MIGRATIONS } from '../gate/migrations.js';
import { PRIORITIES_MIGRATIONS } from '../priorities/migrations.js';

/**
 * Every schema change of the store, in order. Capabilities append their own
 * list here (never edit or reorder a released migration).
 */
export const ALL_MIGRATIONS: readonly Migration[] = [
  {
    id: 'core-001-kv',
    sql: `CREATE TABLE kv (key TEXT PRIMARY KEY, value TEXT NOT NULL)`,
  },
  ...CHECKLIST_MIGRATIONS,
  ...REMIND_MIGRATIONS,
  ...SOURCES_MIGRATIONS,
  ...LAUNCHPAD_MIGRATIONS,
  ...GERRIT_MIGRATIONS,
  ...GOALS_MIGRATIONS,
  ...REVIEW_MIGRATIONS,
  ...WEB_MIGRATIONS,
  ...NOTES_MIGRATIONS,
  ...GATE_QUEUE_MIGRATIONS,
  ...PRIORITIES_MIGRATIONS,
];

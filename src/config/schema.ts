import { z } from 'zod';
import { parseDeadlineExpr } from '../calendar/deadline-expr.js';
import { checklistsSchema, mailSchema, postFinalSchema, remindersSchema } from '../plan/config-schema.js';

/**
 * The team config, `liaison.yaml`. It only adds what governance does not
 * know. Keys are kebab-case like the upstream YAML files. Unknown keys are
 * errors, so a typo never silently does nothing.
 */

const id = z.string().regex(/^[a-z0-9][a-z0-9_.-]*$/, 'use lower-case letters, digits, - _ .');

const deadlineWhen = z.string().superRefine((value, ctx) => {
  const r = parseDeadlineExpr(value);
  if (!r.ok) ctx.addIssue({ code: 'custom', message: r.error });
});

export const personSchema = z.strictObject({
  name: z.string().min(1),
  email: z.email().optional(),
  irc: z.string().optional(),
});

export const deadlineSchema = z.strictObject({
  id,
  title: z.string().min(1),
  when: deadlineWhen,
  /** `ptl`, `liaison`, `team`, or a person's name. */
  owner: z.string().default('team'),
  description: z.string().optional(),
  url: z.url().optional(),
});

export const peopleSchema = z.strictObject({
  ptl: personSchema.optional(),
  liaisons: z.array(personSchema).optional(),
  /** The team's list for announcements, e.g. openstack-discuss with a [glance] tag. */
  'mailing-list': z.email().optional(),
  'subject-tag': z.string().optional(),
});

export const deliverableOverrideSchema = z.strictObject({
  launchpad: z.string().optional(),
  /** A local clone of the deliverable's main repository. */
  clone: z.string().optional(),
  ignore: z.boolean().optional(),
});

export const configSchema = z.strictObject({
  team: z.string().min(1),
  'releases-repo': z.string().optional(),
  'governance-repo': z.string().optional(),
  /** Folder holding clones of the team's repositories, by repository base name. */
  'clones-dir': z.string().optional(),
  /** SQLite store of synced data and ledgers. */
  db: z.string().optional(),
  people: peopleSchema.optional(),
  deadlines: z.array(deadlineSchema).default([]),
  deliverables: z.record(z.string(), deliverableOverrideSchema).optional(),
  /** Launchpad projects to watch; by default the deliverables' `launchpad` keys. */
  launchpad: z.array(z.string()).optional(),
  /** Sections owned by later capabilities; each validates its own section. */
  sources: z.record(z.string(), z.unknown()).optional(),
  gate: z.record(z.string(), z.unknown()).optional(),
  /** Planner sections (src/plan/config-schema.ts). */
  mail: mailSchema.optional(),
  reminders: remindersSchema.optional(),
  checklists: checklistsSchema.optional(),
  freeze: z.record(z.string(), z.unknown()).optional(),
  'post-final': postFinalSchema.optional(),
  dashboard: z.record(z.string(), z.unknown()).optional(),
});

export type TeamConfig = z.output<typeof configSchema>;
export type TeamDeadline = z.output<typeof deadlineSchema>;
export type ConfigPerson = z.output<typeof personSchema>;

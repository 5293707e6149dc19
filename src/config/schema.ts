import { z } from 'zod';
import { isTeamName, TEAM_NAME_RULE } from '../core/names.js';
import { parseDeadlineExpr } from '../calendar/deadline-expr.js';
import {
  checklistsSchema,
  mailSchema,
  postFinalSchema,
  remindersSchema,
} from './schema-workflow.js';
import { meetingsSchema } from './meetings.js';

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

/**
 * `conventions.<deliverable>:` — how the deliverable releases, where the
 * history does not say it right (src/actions/plan-conventions.ts; default:
 * what it did in at least 2 of its last 3 series).
 */
export const conventionsSchema = z.strictObject({
  /** Milestones it releases at: betas (cycle-with-rc) or library releases. */
  milestones: z.array(z.number().int().min(1).max(3)).optional(),
  /** `milestone`: betas named after their milestone (0b2 at milestone 2); `sequence`: 0b1, 0b2... */
  'beta-numbering': z.enum(['milestone', 'sequence']).optional(),
  /** Whether the deliverable adds cycle highlights. */
  'cycle-highlights': z.boolean().optional(),
  /** Whether it gets a stable branch each series. */
  'stable-branch': z.boolean().optional(),
});

const serviceUrl = z
  .string()
  .regex(/^https?:\/\/[^\s?#]+$/, 'expected an http(s) base URL without query');

/** `sources:` — where the services live and how politely to ask them. */
/** A git remote: https, ssh, git or a local path (tests use local bare repositories). */
const gitUrl = z
  .string()
  .min(1)
  .regex(/^[^\s-]/, 'expected a git URL or path (not an option)');

export const sourcesSchema = z.strictObject({
  /** Remotes of the checkouts `liaison sync` keeps in the data directory. */
  releases: z.strictObject({ url: gitUrl.optional() }).optional(),
  governance: z.strictObject({ url: gitUrl.optional() }).optional(),
  zuul: z.strictObject({ url: serviceUrl.optional(), tenant: id.optional() }).optional(),
  gerrit: z.strictObject({ url: serviceUrl.optional() }).optional(),
  launchpad: z.strictObject({ url: serviceUrl.optional() }).optional(),
  'timeout-seconds': z.number().positive().max(600).optional(),
  retries: z.number().int().min(0).max(10).optional(),
  'retry-delay-ms': z.number().int().min(0).max(60_000).optional(),
  'min-interval-ms': z.number().int().min(0).max(60_000).optional(),
  /** Largest answer read from a service, in MB (default 32). */
  'max-body-mb': z.number().positive().max(1024).optional(),
});

/** `gate:` — the periodic jobs of `liaison gate`; by default every job of the team's repositories. */
export const gateSchema = z.strictObject({
  jobs: z.array(z.string().min(1)).optional(),
  /** Repositories (`openstack/glance`); default: every repository of the team's deliverables. */
  projects: z.array(z.string().regex(/^[\w.-]+\/[\w.-]+$/, 'expected namespace/name')).optional(),
  pipelines: z.array(z.string().min(1)).optional(),
  days: z.number().int().min(1).max(365).optional(),
  /** How far back the first sync reads the builds history. */
  'history-days': z.number().int().min(1).max(365).optional(),
  /** Builds per page asked from Zuul. */
  'page-size': z.number().int().min(1).max(1000).optional(),
  /** The shared gate queue of the team (`liaison gate --queue`); default: the one holding its changes, else `integrated`. */
  queue: z.string().min(1).optional(),
  /** The dependent pipeline of that queue (default `gate`). */
  'queue-pipeline': z.string().min(1).optional(),
  /** How far back the first sync reads gate buildsets (default 400 days). */
  'queue-history-days': z.number().int().min(1).max(1000).optional(),
  /** Weeks of queue samples the view draws (default 8). */
  'queue-weeks': z.number().int().min(1).max(52).optional(),
});

/**
 * `priorities:` — the cycle's priorities (`liaison priorities`): a
 * blueprint name (`name` or `launchpad-project/name`) or a spec file of
 * the series (`glance/foo.rst`, relative to its approved/ or implemented/
 * folder), each with its owner and an optional target milestone (1–3).
 */
export const priorityItemSchema = z
  .strictObject({
    blueprint: z
      .string()
      .regex(/^([\w.+-]+\/)?[a-z0-9][a-z0-9.+-]*$/, 'expected a blueprint name or project/name')
      .optional(),
    spec: z
      .string()
      .regex(/^[\w./+-]+$/, 'expected a spec file such as glance/my-feature.rst')
      .refine((s) => !s.split('/').includes('..'), 'no ".." in a spec path')
      .optional(),
    owner: z.string().min(1),
    milestone: z
      .union([z.number().int().min(1).max(3), z.string().regex(/^(m?[1-3]|[a-z]+-[1-3])$/i)])
      .optional(),
    /** A Gerrit topic whose changes implement it too (spec lites have no blueprint). */
    topic: z
      .string()
      .regex(/^[\w./+-]+$/, 'expected a Gerrit topic')
      .optional(),
  })
  .refine((p) => p.blueprint !== undefined || p.spec !== undefined, {
    error: 'give a blueprint or a spec',
  });

export const configSchema = z.strictObject({
  team: z.string().refine(isTeamName, `expected ${TEAM_NAME_RULE}`),
  'releases-repo': z.string().min(1).optional(),
  'governance-repo': z.string().min(1).optional(),
  /** Folder holding clones of the team's repositories, by repository base name. */
  'clones-dir': z.string().optional(),
  /** A checkout of the team's specs repository (glance-specs) for `liaison priorities`. */
  'specs-repo': z.string().optional(),
  priorities: z.array(priorityItemSchema).optional(),
  /** SQLite store of synced data and ledgers. */
  db: z.string().min(1).optional(),
  /** Where `liaison sync` keeps its checkouts (default $XDG_DATA_HOME/release-liaison). */
  'data-dir': z.string().min(1).optional(),
  people: peopleSchema.optional(),
  deadlines: z.array(deadlineSchema).default([]),
  deliverables: z.record(z.string(), deliverableOverrideSchema).optional(),
  /** Release conventions per deliverable (the team's release actions). */
  conventions: z.record(z.string(), conventionsSchema).optional(),
  /** Launchpad projects to watch; by default the deliverables' `launchpad` keys. */
  launchpad: z.array(z.string()).optional(),
  /** Sections owned by later capabilities; each validates its own section. */
  /** Service endpoints and HTTP politeness (src/sources/endpoints.ts). */
  sources: sourcesSchema.optional(),
  /** Periodic jobs to watch (`liaison gate`, `liaison sync`). */
  gate: gateSchema.optional(),
  /** Planner sections (src/config/schema-workflow.ts). */
  mail: mailSchema.optional(),
  reminders: remindersSchema.optional(),
  checklists: checklistsSchema.optional(),
  freeze: z.record(z.string(), z.unknown()).optional(),
  'post-final': postFinalSchema.optional(),
  dashboard: z.record(z.string(), z.unknown()).optional(),
  /** The team's and the release team's IRC meetings, in the irc-meetings format (src/config/meetings.ts). */
  meetings: meetingsSchema.optional(),
});

export type TeamConfig = z.output<typeof configSchema>;
export type TeamDeadline = z.output<typeof deadlineSchema>;
export type ConfigPerson = z.output<typeof personSchema>;
export type SourcesConfig = z.output<typeof sourcesSchema>;
export type GateConfig = z.output<typeof gateSchema>;
export type PriorityItem = z.output<typeof priorityItemSchema>;

import { z } from 'zod';
import { parseDeadlineExpr } from '../calendar/deadline-expr.js';

/**
 * The config sections of the planner (`checklists`, `reminders`, `mail`,
 * `post-final` in liaison.yaml). The built-in data (data/checklists/*.yaml,
 * data/reminders/default.yaml) is validated with the same schemas, so a team
 * overrides an item by writing the same shape with the same id.
 */

const id = z.string().regex(/^[a-z0-9][a-z0-9_.-]*$/, 'use lower-case letters, digits, - _ .');

const when = z.string().superRefine((value, ctx) => {
  const r = parseDeadlineExpr(value);
  if (!r.ok) ctx.addIssue({ code: 'custom', message: r.error });
});

/** `4w`, `1w`, `0d`: how long before an event a reminder goes out. */
export const leadSchema = z.string().regex(/^\d{1,3}[dw]$/, 'use a lead time such as 4w, 1w or 0d');

export const PHASES = [
  'before-ptg',
  'ptg-to-m1',
  'm1',
  'm1-to-m2',
  'm2',
  'm2-to-m3',
  'm3',
  'm3-to-rc1',
  'rc1-week',
  'rc1-to-final',
  'final',
  'post-final',
] as const;
export type Phase = (typeof PHASES)[number];

/** What the tool can look at to tick an item by itself; see src/checklist/plan-checks.ts. */
export const checkSchema = z.strictObject({
  kind: z.string().min(1),
  deliverable: z.string().optional(),
  /** A regular expression on versions, e.g. `\.0b2$` for a milestone-2 beta. */
  version: z.string().optional(),
  /** A post-final task id (current-release-bumped). */
  task: z.string().optional(),
});

export const checklistItemSchema = z.strictObject({
  id,
  phase: z.enum(PHASES).optional(),
  title: z.string().min(1).optional(),
  /** A deadline expression (R-16, i-2 -1w, 2027-01-07) resolved in the checklist's series. */
  due: when.optional(),
  /** `ptl`, `liaison`, `team`, or a person's name. */
  owner: z.string().min(1).optional(),
  link: z.url().optional(),
  description: z.string().optional(),
  check: checkSchema.optional(),
});

export const checklistsSchema = z.strictObject({
  /** Items to add, or to change (same id as a built-in item: given fields replace the built-in ones). */
  items: z.array(checklistItemSchema).default([]),
  /** Built-in items to drop. */
  remove: z.array(z.string()).default([]),
  /** false: start from an empty checklist instead of the built-in one. */
  builtin: z.boolean().default(true),
});

export const RULE_KINDS = [
  'event',
  'feature-deadline',
  'library-release',
  'checklist-overdue',
] as const;

export const reminderRuleSchema = z.strictObject({
  id,
  kind: z.enum(RULE_KINDS).optional(),
  /** Event labels (the first letter follows the series: `i-2` means milestone 2), team deadline ids, or `@team`. */
  events: z.array(z.string().min(1)).optional(),
  /** Lead times before the event; one reminder per lead. */
  lead: z.array(leadSchema).optional(),
  /** Recipients: ptl, liaison, list (the team mailing list), owner, or an e-mail address. */
  to: z.array(z.string().min(1)).optional(),
  /** Templates with {title} {date} {day} {week} {in} {url} {series} {team} {lead} {description} {deadline}. */
  subject: z.string().min(1).optional(),
  body: z.string().min(1).optional(),
  /** Set to true to switch a built-in rule off (same as listing it under `silence`). */
  silenced: z.boolean().optional(),
});

export const remindersSchema = z.strictObject({
  rules: z.array(reminderRuleSchema).default([]),
  /** Ids of rules (built-in or not) that must send nothing. */
  silence: z.array(z.string()).default([]),
  /** How many days back `remind` catches up on reminders it missed (default: until the event). */
  'catch-up-days': z.number().int().min(0).max(365).optional(),
});

export const mailSchema = z.strictObject({
  /** Sender, `Name <address>` or an address; default: the first release liaison. */
  from: z.string().min(3).optional(),
  'reply-to': z.string().min(3).optional(),
  /** smtp://user@host:port or smtps://...; the password comes from $LIAISON_SMTP_PASSWORD. */
  'smtp-url': z.string().optional(),
  /** Hour at which `liaison serve` runs the daily reminders, HH:MM local time. */
  'daily-at': z
    .string()
    .regex(/^([01]\d|2[0-3]):[0-5]\d$/, 'use HH:MM, e.g. 07:30')
    .optional(),
  /** Extra addresses per role, or addresses replacing a role (`ptl: [a@b]`). */
  recipients: z.record(z.string(), z.array(z.string())).optional(),
  /**
   * Log in over a connection without TLS (a server offering AUTH but no
   * STARTTLS). Off by default: the password would cross the network in
   * clear. Only sensible for a relay on loopback.
   */
  'allow-plain-auth': z.boolean().optional(),
});

export const postFinalTaskSchema = z.strictObject({
  id,
  kind: z.enum(['replace-constant', 'move-specs']).optional(),
  title: z.string().optional(),
  /** Deliverable or repository whose clone the task edits (see `deliverables.<name>.clone`, `clones-dir`). */
  repo: z.string().optional(),
  /** replace-constant: the file, the constant's name, and the value template ({next-id_}, {next-id}, {next-name}). */
  file: z.string().optional(),
  constant: z.string().optional(),
  value: z.string().optional(),
  /** move-specs: folders with {series-id}/{next-id}-style placeholders (series names or ids, see docs/config.md). */
  from: z.string().optional(),
  to: z.string().optional(),
  'implemented-dir': z.string().optional(),
  /** Commit subject template; Signed-off-by is added. */
  message: z.string().optional(),
});

export const postFinalSchema = z.strictObject({
  tasks: z.array(postFinalTaskSchema).default([]),
  remove: z.array(z.string()).default([]),
  builtin: z.boolean().default(true),
});

export type ChecklistItemSpec = z.output<typeof checklistItemSchema>;
export type ChecklistsConfig = z.output<typeof checklistsSchema>;
export type ReminderRuleSpec = z.output<typeof reminderRuleSchema>;
export type RemindersConfig = z.output<typeof remindersSchema>;
export type MailConfig = z.output<typeof mailSchema>;
export type PostFinalTaskSpec = z.output<typeof postFinalTaskSchema>;
export type PostFinalConfig = z.output<typeof postFinalSchema>;

import { z } from 'zod';

/**
 * `meetings:` in liaison.yaml: the team's IRC meeting and the release team's,
 * each written as in openstack's irc-meetings repository (meetings/*.yaml:
 * project, schedule[] with time HHMM in UTC, day, irc, frequency,
 * start_date YYYYMMDD, duration, skip_dates; agenda_url, chair...), so a
 * meeting file can be pasted as it is. Added by us: `kind` (which agenda the
 * reminder carries), `remind` (how long before the meeting) and `to`.
 */

export const WEEKDAYS = [
  'Monday',
  'Tuesday',
  'Wednesday',
  'Thursday',
  'Friday',
  'Saturday',
  'Sunday',
] as const;
export type Weekday = (typeof WEEKDAYS)[number];

export const FREQUENCIES = [
  'weekly',
  'biweekly-odd',
  'biweekly-even',
  'quadweekly',
  'quadweekly-week-1',
  'quadweekly-week-2',
  'quadweekly-week-3',
  'quadweekly-alternate',
  'first-monday',
  'first-tuesday',
  'first-wednesday',
  'first-thursday',
  'first-friday',
  'adhoc',
] as const;
export type Frequency = (typeof FREQUENCIES)[number];

/** YAML reads an unquoted 1400 as a number (and 0900 as 900): both mean a time. */
const hhmm = z
  .union([z.string(), z.number().int()])
  .transform((v) => (typeof v === 'number' ? String(v).padStart(4, '0') : v.trim()))
  .pipe(z.string().regex(/^([01]\d|2[0-3])[0-5]\d$/, 'expected HHMM in UTC, e.g. 1400'));

/** irc-meetings dates are YYYYMMDD (often unquoted, so a number); we keep YYYY-MM-DD. */
const yyyymmdd = z
  .union([z.string(), z.number().int()])
  .transform((v) => String(v).trim())
  .pipe(
    z
      .string()
      .regex(/^\d{4}-?\d{2}-?\d{2}$/, 'expected a date YYYYMMDD')
      .refine((s) => {
        const d = s.replace(/-/g, '');
        const iso = `${d.slice(0, 4)}-${d.slice(4, 6)}-${d.slice(6, 8)}`;
        const t = new Date(`${iso}T00:00:00Z`);
        return !Number.isNaN(t.getTime()) && t.toISOString().slice(0, 10) === iso;
      }, 'not a calendar date'),
  )
  .transform((s) => {
    const d = s.replace(/-/g, '');
    return `${d.slice(0, 4)}-${d.slice(4, 6)}-${d.slice(6, 8)}`;
  });

const day = z
  .string()
  .transform((s) => s.trim().charAt(0).toUpperCase() + s.trim().slice(1).toLowerCase())
  .pipe(z.enum(WEEKDAYS, { error: 'expected a day of the week, e.g. Thursday' }));

export const meetingScheduleSchema = z.strictObject({
  time: hhmm,
  day,
  irc: z.string().min(1),
  frequency: z.enum(FREQUENCIES),
  start_date: yyyymmdd.optional(),
  /** Minutes (irc-meetings default: 60). */
  duration: z
    .number()
    .int()
    .min(1)
    .max(24 * 60)
    .default(60),
  skip_dates: z
    .array(z.strictObject({ skip_date: yyyymmdd, reason: z.string().optional() }))
    .default([]),
});

export const meetingSchema = z.strictObject({
  project: z.string().min(1),
  /** team: the team's own meeting (agenda: the meeting report); release-team: the release team's. */
  kind: z.enum(['team', 'release-team']).default('team'),
  agenda_url: z.url().optional(),
  project_url: z.url().optional(),
  meeting_id: z.string().optional(),
  chair: z.string().optional(),
  description: z.string().optional(),
  schedule: z.array(meetingScheduleSchema).min(1),
  /** How long before the meeting the agenda goes out: 0d (on the day), 1d, 2d... */
  remind: z
    .string()
    .regex(/^\d{1,2}d$/, 'use a number of days such as 0d or 1d')
    .default('0d'),
  /** Recipients (as in reminders): default list for the team meeting, liaison for the release team's. */
  to: z.array(z.string().min(1)).optional(),
});

export const meetingsSchema = z.array(meetingSchema);

export type MeetingConfig = z.output<typeof meetingSchema>;
export type MeetingScheduleConfig = z.output<typeof meetingScheduleSchema>;

import { positionAt } from '../calendar/cycle.js';
import { milestoneReminderText } from '../priorities/render.js';
import { teamEventsOf } from '../calendar/team-events.js';
import type { Deps } from '../core/deps.js';
import { daysBetween, type IsoDate } from '../core/dates.js';
import { teamDeliverables } from '../team/plan.js';
import type { ChecklistItemView } from '../checklist/plan.js';
import { resolveRole, subjectTag, type Recipient } from '../team/plan-people.js';
import { composeMail } from './plan-compose.js';
import {
  checkRuleEvents,
  dueReminders,
  type ReminderOccurrence,
  type RemindOptions,
  type RemindView,
  type ReminderView,
} from './plan.js';
import { reminderRules } from './plan-rules.js';
import { ledgerKey, ledgerRows } from './store.js';
import { displayName, isMailAddress, stableMessageId } from './apply-message.js';

/**
 * A reminder as composed, before the ledger says what was sent: one pending
 * delivery per recipient, each with the Message-ID a resend reuses.
 */
function pendingReminder(
  mail: Pick<ReminderView, 'id' | 'rule' | 'subject' | 'due' | 'eventDate' | 'expires' | 'body'>,
  people: readonly Recipient[],
  team: string,
): ReminderView {
  return {
    id: mail.id,
    rule: mail.rule,
    subject: mail.subject,
    due: mail.due,
    eventDate: mail.eventDate,
    expires: mail.expires,
    recipients: people.map((p) => p.email ?? ''),
    sent: false,
    deliveries: people.map((p) => ({
      recipient: p.email ?? '',
      name: p.name,
      messageId: stableMessageId(mail.id, p.email ?? '', team),
      state: 'pending',
      detail: null,
    })),
    body: mail.body,
  };
}

/** Reminders due at --date, rendered, with what the ledger knows of each. */
export async function buildReminders(ctx: Deps, opts: RemindOptions = {}): Promise<RemindView> {
  const team = ctx.team;
  const config = ctx.config;
  const rules = reminderRules(team, config, ctx.loadedConfig.origin);
  const input = ctx.calendarInput;
  const position = positionAt(input, ctx.today);
  const events = teamEventsOf(ctx, position);
  checkRuleEvents(
    rules,
    events,
    config.deadlines.map((d) => d.id),
  );
  let overdue: ChecklistItemView[] = [];
  if (rules.some((r) => r.kind === 'checklist-overdue')) {
    const list = await ctx.views.checklist(ctx);
    overdue = list.items.filter((i) => i.state === 'overdue');
  }
  const catchUp = config.reminders?.['catch-up-days'];
  const sinceDays = opts.since ? Math.max(0, daysBetween(opts.since, ctx.today)) : undefined;
  const occurrences = dueReminders(rules, events, overdue, {
    today: ctx.today,
    ...(catchUp !== undefined || sinceDays !== undefined
      ? { catchUpDays: Math.min(catchUp ?? Infinity, sinceDays ?? Infinity) }
      : {}),
    checklistSeries: position.series.name,
  });
  const tag = subjectTag(team, config);
  const notes: string[] = [];
  const reminders: ReminderView[] = [];
  for (const occ of occurrences) {
    const rule = rules.find((r) => r.id === occ.rule);
    if (!rule) continue;
    let libraries: string | undefined;
    if (occ.kind === 'library-release') {
      const text = await librariesText(ctx, position.series.name, occ.event.date);
      if (text === null) continue; // every library released: nothing to remind
      libraries = text;
    }
    const milestone = /^[a-z]-([1-3])$/.exec(occ.event.id)?.[1];
    let priorities: string | null = null;
    if (milestone && rule.body.includes('{priorities}')) {
      const view = await ctx.views.teamPriorities(ctx);
      priorities = view ? milestoneReminderText(view, Number(milestone)) : null;
    }
    const mail = composeMail(rule, occ, {
      team: team.name,
      tag,
      today: ctx.today,
      ...(libraries ? { libraries } : {}),
      ...(priorities ? { priorities } : {}),
    });
    reminders.push(
      pendingReminder(
        {
          id: occ.id,
          rule: occ.rule,
          subject: mail.subject,
          due: occ.due,
          eventDate: occ.event.date,
          expires: occ.expires,
          body: mail.body,
        },
        recipientsOf(ctx, occ, notes),
        team.name,
      ),
    );
  }
  // the agendas of the config's meetings go through the same ledger, so each is sent once
  if (ctx.config.meetings?.length) {
    for (const m of await ctx.views.meetingAgendas(ctx, tag)) {
      reminders.push(
        pendingReminder({ ...m, rule: 'meeting' }, recipientsOf(ctx, m, notes), team.name),
      );
    }
  }
  const db = await ctx.store();
  applyLedger(
    reminders,
    ledgerRows(
      db,
      reminders.map((r) => r.id),
    ),
  );
  return {
    team: team.name,
    date: ctx.today,
    series: position.series.name,
    mode: 'dry-run',
    channel: null,
    from: senderOf(ctx),
    reminders,
    notes: [...new Set(notes)],
  };
}

export function applyLedger(reminders: ReminderView[], rows: ReturnType<typeof ledgerRows>): void {
  for (const r of reminders) {
    for (const d of r.deliveries) {
      const row = rows.get(ledgerKey(r.id, d.recipient));
      if (row) {
        d.state = row.state;
        d.detail = row.response;
      }
    }
    r.sent = r.deliveries.length > 0 && r.deliveries.every((d) => d.state === 'sent');
  }
}

function recipientsOf(
  ctx: Deps,
  occ: Pick<ReminderOccurrence, 'id' | 'to'>,
  notes: string[],
): Recipient[] {
  const out: Recipient[] = [];
  for (const role of occ.to) {
    const r = resolveRole(role, ctx.team, ctx.config);
    if (!r.ok) {
      // owners of checklist items come from checklist data: an unknown one is reported, not fatal
      notes.push(`${occ.id}: ${r.error}`);
      continue;
    }
    if (r.people.length === 0)
      notes.push(
        `${occ.id}: nobody has the role "${role}" (governance or liaison.yaml people/mail.recipients)`,
      );
    for (const p of r.people) {
      if (!p.email) notes.push(`${occ.id}: ${p.name} (${role}) has no e-mail address`);
      else if (!isMailAddress(p.email))
        // a CR/LF or a second address in governance data: left out, never put in a header
        notes.push(`${occ.id}: ${displayName(p.name)} (${role}) has no usable e-mail address`);
      else if (!out.some((o) => o.email?.toLowerCase() === p.email?.toLowerCase())) out.push(p);
    }
  }
  return out;
}

/** `mail.from`, else the first release liaison with an address. */
export function senderOf(ctx: Deps): string | null {
  const from = ctx.config.mail?.from;
  if (from) return from;
  const r = resolveRole('liaison', ctx.team, ctx.config);
  const p = r.ok ? r.people.find((x) => x.email && isMailAddress(x.email)) : undefined;
  return p?.email ? `${displayName(p.name).replace(/[<>"]/g, '')} <${p.email}>` : null;
}

/** The team's libraries and what release status says of them; null when all are released. */
async function librariesText(
  ctx: Deps,
  series: string,
  milestone: IsoDate,
): Promise<string | null> {
  const libs = teamDeliverables(
    ctx.team,
    ctx.calendarInput.series,
    series,
    ctx.data.releases,
    ctx.config,
  ).filter(
    (d) =>
      (d.type === 'library' || d.type === 'client-library') &&
      d.model === 'cycle-with-intermediary',
  );
  const status = await ctx.views.checklistCheck(ctx, 'libraries-released', { due: milestone });
  if (status.status === 'pass') return null;
  const list = libs
    .map(
      (d) =>
        `  - ${d.name} (latest ${d.latest ?? 'none'}${d.latestSeries ? ` in ${d.latestSeries}` : ''})`,
    )
    .join('\n');
  const state =
    status.status === 'fail'
      ? status.evidence
      : `release status not available (${status.evidence}); check with liaison release status`;
  return `${list}\n\n  ${state}`;
}

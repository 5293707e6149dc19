import type { TeamConfig } from '../config/schema.js';
import { ConfigError } from '../core/errors.js';
import type { Team } from '../data/governance/projects.js';
import { mergeById, readBuiltin, required, type Sourced } from '../config/builtin.js';
import { remindersSchema, type ReminderRuleSpec } from '../config/schema-workflow.js';
import { resolveRole } from '../team/plan-people.js';

/** A rule ready to run: fields filled from the built-in rule it changes. */
export interface ReminderRule {
  readonly id: string;
  readonly kind: 'event' | 'feature-deadline' | 'library-release' | 'checklist-overdue';
  readonly events: readonly string[];
  readonly leadDays: readonly { readonly text: string; readonly days: number }[];
  readonly to: readonly string[];
  readonly subject: string;
  readonly body: string;
  readonly file: string;
  readonly field: string;
}

export function parseLead(text: string): number {
  const m = /^(\d+)([dw])$/.exec(text);
  return m ? Number(m[1]) * (m[2] === 'w' ? 7 : 1) : NaN;
}

/**
 * The team's rules: built-in (data/reminders/default.yaml) changed by the
 * config's `reminders.rules`, minus the silenced ones. Recipients are
 * checked here, so an unknown role fails before anything is sent.
 */
export function reminderRules(team: Team, config: TeamConfig, configFile: string): ReminderRule[] {
  const section = config.reminders;
  const builtin = readBuiltin('reminders', 'default', remindersSchema);
  const merged = mergeById(
    builtin ? { items: builtin.value.rules, file: builtin.file, field: 'rules' } : undefined,
    { items: section?.rules ?? [], file: configFile, field: 'reminders.rules' },
    [],
  );
  const silence = new Set(section?.silence ?? []);
  section?.silence.forEach((id, i) => {
    if (!merged.some((r) => r.value.id === id)) {
      throw new ConfigError(
        `no reminder rule "${id}" to silence; rules: ${merged.map((r) => r.value.id).join(', ')}`,
        configFile,
        `reminders.silence[${i}]`,
      );
    }
  });
  return merged
    .filter((r) => !silence.has(r.value.id) && r.value.silenced !== true)
    .map((r) => toRule(r, team, config));
}

function toRule(entry: Sourced<ReminderRuleSpec>, team: Team, config: TeamConfig): ReminderRule {
  const v = entry.value;
  const kind = v.kind ?? 'event';
  const to = required(entry, 'to');
  to.forEach((role, i) => {
    if (role === 'owner') {
      if (kind !== 'checklist-overdue')
        throw new ConfigError(
          '"owner" is only a recipient of checklist-overdue rules',
          entry.file,
          `${entry.field}.to[${i}]`,
        );
      return;
    }
    const r = resolveRole(role, team, config);
    if (!r.ok) throw new ConfigError(r.error, entry.file, `${entry.field}.to[${i}]`);
  });
  const needsEvents = kind !== 'checklist-overdue';
  return {
    id: v.id,
    kind,
    events: needsEvents ? required(entry, 'events') : [],
    leadDays: (needsEvents ? required(entry, 'lead') : []).map((text) => ({
      text,
      days: parseLead(text),
    })),
    to,
    subject: required(entry, 'subject'),
    body: required(entry, 'body'),
    file: entry.file,
    field: entry.field,
  };
}

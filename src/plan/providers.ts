import type { Context } from '../cli/context.js';
import type { CheckResult } from './checklists/model.js';
import type { ExternalCheckKind } from './checklists/checks.js';

/**
 * The planner's window on other capabilities (release status, release
 * notes, gate, bugs, goals). Each answer is either data or "not available"
 * with the reason, so a missing or failing capability makes a section
 * stale, never the whole checklist or meeting report broken. Nothing here
 * computes those capabilities' results a second time: it calls their
 * exported builders.
 */
export interface MeetingSection {
  readonly id: string;
  readonly title: string;
  readonly available: boolean;
  readonly lines: readonly string[];
  /** Why the section is empty or old (capability missing, source down, data date). */
  readonly note: string | null;
}

export interface Providers {
  check(ctx: Context, kind: ExternalCheckKind, deliverable: string | undefined): Promise<CheckResult>;
  section(ctx: Context, id: ExternalSectionId): Promise<MeetingSection>;
}

export type ExternalSectionId = 'release-status' | 'gate' | 'bugs' | 'goals';

export const SECTION_TITLES: Record<ExternalSectionId, string> = {
  'release-status': 'Release status and due releases',
  gate: 'Periodic jobs',
  bugs: 'RC bugs',
  goals: 'Community goals',
};

const CAPABILITY: Record<ExternalSectionId | ExternalCheckKind, string> = {
  'release-status': 'release status (liaison release status)',
  'libraries-released': 'release status (liaison release status)',
  gate: 'gate health (liaison gate)',
  bugs: 'bugs (liaison bugs)',
  goals: 'community goals (liaison goals)',
  prelude: 'release notes check (liaison notes check)',
};

export function notAvailable(id: ExternalSectionId, reason?: string): MeetingSection {
  return {
    id,
    title: SECTION_TITLES[id],
    available: false,
    lines: [],
    note: reason ?? `not available: ${CAPABILITY[id]} is not part of this build yet`,
  };
}

/** The providers used by the commands. */
export const defaultProviders: Providers = {
  check(_ctx, kind) {
    return Promise.resolve({ status: 'unavailable', evidence: `${CAPABILITY[kind]} is not part of this build yet` });
  },
  section(_ctx, id) {
    return Promise.resolve(notAvailable(id));
  },
};

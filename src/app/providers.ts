import type { Context } from '../cli/context.js';
import type { CheckResult } from '../checklist/model.js';
import type { ExternalCheckKind } from '../checklist/plan-checks.js';

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
  /** `item`: the checklist item (or reminder) asking: its deliverable and due date. */
  check(
    ctx: Context,
    kind: ExternalCheckKind,
    item: { readonly deliverable?: string; readonly due: string },
  ): Promise<CheckResult>;
  section(ctx: Context, id: ExternalSectionId): Promise<MeetingSection>;
}

export type ExternalSectionId = 'release-status' | 'priorities' | 'gate' | 'bugs' | 'goals';

export const SECTION_TITLES: Record<ExternalSectionId, string> = {
  'release-status': 'Release status and due releases',
  priorities: 'Cycle priorities',
  gate: 'Periodic jobs',
  bugs: 'RC bugs',
  goals: 'Community goals',
};

const CAPABILITY: Record<ExternalSectionId | ExternalCheckKind, string> = {
  'release-status': 'release status (liaison release status)',
  'libraries-released': 'release status (liaison release status)',
  priorities: 'priorities (liaison priorities)',
  gate: 'gate health (liaison gate)',
  bugs: 'bugs (liaison bugs)',
  goals: 'community goals (liaison goals)',
  prelude: 'release notes check (liaison notes check)',
};

/** A section for a capability that is missing or failed: it says so instead of breaking the report. */
export function notAvailable(id: ExternalSectionId, reason?: string): MeetingSection {
  return {
    id,
    title: SECTION_TITLES[id],
    available: false,
    lines: [],
    note: reason ?? `not available: ${CAPABILITY[id]} is not part of this build yet`,
  };
}

/** The providers used by the commands: the other capabilities' own builders, imported on use. */
export const defaultProviders: Providers = {
  async check(ctx, kind, item) {
    try {
      if (kind === 'libraries-released') return await librariesReleased(ctx, item.due);
      if (kind === 'prelude') return await preludeCheck(ctx, item.deliverable ?? 'glance');
      return await goalsCheck(ctx);
    } catch (e) {
      return {
        status: 'unavailable',
        evidence: `${CAPABILITY[kind]} failed: ${(e as Error).message}`,
      };
    }
  },
  async section(ctx, id) {
    try {
      return await sectionOf(ctx, id);
    } catch (e) {
      return notAvailable(id, `not available: ${(e as Error).message}`);
    }
  },
};

/** Milestone coverage of the team's libraries from `liaison release status`: the window that ends at or after `due`. */
async function librariesReleased(ctx: Context, due: string): Promise<CheckResult> {
  const { buildReleaseStatus } = await import('../release/status/read.js');
  const view = buildReleaseStatus(ctx);
  const rows = view.coverage.rows;
  if (rows.length === 0)
    return { status: 'unavailable', evidence: `no library coverage for ${view.series}` };
  const found = rows.map((row) => {
    const w = row.windows.find((x) => x.to >= due) ?? row.windows[row.windows.length - 1];
    return { name: row.deliverable, window: w };
  });
  const bad = found.filter(
    (f) => !f.window || !['released', 'no-changes'].includes(f.window.state),
  );
  const words = found.map(
    (f) =>
      `${f.name} ${f.window ? `${f.window.label}: ${f.window.state}${f.window.releases.length ? ` (${f.window.releases.join(', ')})` : ''}` : 'no window'}`,
  );
  if (bad.length === 0) return { status: 'pass', evidence: words.join('; ') };
  if (bad.every((f) => f.window?.state === 'unknown'))
    return { status: 'unavailable', evidence: words.join('; ') };
  return { status: 'fail', evidence: words.join('; ') };
}

/** The release-notes prelude check of `liaison notes check`, on the deliverable's clone. */
async function preludeCheck(ctx: Context, deliverable: string): Promise<CheckResult> {
  const { cloneDir } = await import('../post-final/read-disk.js');
  const dir = cloneDir(ctx, deliverable);
  if (!dir)
    return {
      status: 'unavailable',
      evidence: `no clone of ${deliverable} (deliverables.${deliverable}.clone or clones-dir)`,
    };
  const { openRepository, scanOpened, loadNotes } = await import('../notes/scanner/repository.js');
  const { checkPrelude, comingVersions } = await import('../notes/plan-check.js');
  const opened = await openRepository({ repoDir: dir, relnotesdir: 'releasenotes' });
  const main = await scanOpened(opened, {});
  const tags = opened.facts.tags;
  const coming = comingVersions(main, tags);
  const c = checkPrelude(main, coming, await loadNotes(main, coming), tags);
  return { status: c.ok ? 'pass' : 'fail', evidence: c.summary };
}

/** Goals of the series with a status other than done/not-applicable mean work is left. */
async function goalsCheck(ctx: Context): Promise<CheckResult> {
  const { buildGoalsView } = await import('../goals/read.js');
  const v = await buildGoalsView(ctx);
  if (v.goals.length === 0)
    return { status: 'pass', evidence: `no community goals for ${v.series}` };
  const open = v.goals.filter((g) => !['done', 'not-applicable', 'completed'].includes(g.status));
  const words = v.goals.map((g) => `${g.id}: ${g.status}`).join('; ');
  return open.length === 0
    ? { status: 'pass', evidence: words }
    : { status: 'fail', evidence: words };
}

async function sectionOf(ctx: Context, id: ExternalSectionId): Promise<MeetingSection> {
  const title = SECTION_TITLES[id];
  switch (id) {
    case 'release-status': {
      const { buildReleaseStatus } = await import('../release/status/read.js');
      const v = buildReleaseStatus(ctx);
      const lines = v.deliverables.map((d) => {
        const latest = d.latestInSeries
          ? d.latestInSeries.version
          : d.latestBefore
            ? `${d.latestBefore.version} (${d.latestBefore.series})`
            : 'never released';
        const due = d.due.map((x) => `${x.what}${x.by ? ` by ${x.by}` : ''}`).join('; ');
        return `${d.name}: ${latest}${due ? `; due: ${due}` : ''}`;
      });
      if (v.coverage.missed > 0)
        lines.push(`${v.coverage.missed} milestone window(s) without a library release`);
      return {
        id,
        title,
        available: true,
        lines,
        note: v.notes.length ? v.notes.join('; ') : null,
      };
    }
    case 'priorities': {
      const { prioritiesBriefSection } = await import('../priorities/read-brief.js');
      const b = await prioritiesBriefSection(ctx);
      return b
        ? { id, title, available: b.lines.length > 0, lines: b.lines, note: b.stale }
        : notAvailable(
            id,
            'no priorities: no specs repository (specs-repo) and no config priorities',
          );
    }
    case 'gate': {
      const { buildGateView } = await import('../gate/read.js');
      const { ircLines } = await import('../gate/render.js');
      const v = await buildGateView(ctx);
      return {
        id,
        title,
        available: v.dataAsOf !== null,
        lines: v.dataAsOf ? ircLines(v) : [],
        note: v.source.state === 'fresh' ? null : v.source.line,
      };
    }
    case 'bugs': {
      const { buildBugsView } = await import('../bugs/read.js');
      const v = await buildBugsView(ctx);
      const rc = v.bugs.filter((b) => b.rcCritical);
      const lines =
        v.dataAsOf === null
          ? []
          : [
              `${v.counts.rcCritical} release-critical (${v.rcTag}), ${v.counts.targeted} targeted to the next milestone, ${v.counts.fixCommitted} fix committed`,
              ...rc
                .slice(0, 10)
                .map((b) => `#${b.id} ${b.title} (${b.project}, ${b.status}) ${b.url}`),
            ];
      return {
        id,
        title,
        available: v.dataAsOf !== null,
        lines,
        note: v.freshness.state === 'fresh' ? null : v.freshness.line,
      };
    }
    case 'goals': {
      const { buildGoalsView } = await import('../goals/read.js');
      const v = await buildGoalsView(ctx);
      const lines = v.goals.map((g) => `${g.title}: ${g.status}${g.owner ? ` (${g.owner})` : ''}`);
      return {
        id,
        title,
        available: true,
        lines: lines.length ? lines : [`no community goals for ${v.series}`],
        note: v.notes.length ? v.notes.join('; ') : null,
      };
    }
  }
}

import { compareDates, type IsoDate } from '../../core/dates.js';
import type { LaunchpadMilestone } from './parse.js';

/*
 * Launchpad's and OpenStack's words for bugs: statuses, the rc tag, which
 * milestone is next. The sync asks for them; the bugs capability plans
 * with them (src/bugs/plan.ts re-exports them).
 */

/** Statuses Launchpad counts as closed; a closed bug is never release-critical. */
export const CLOSED_STATUSES: ReadonlySet<string> = new Set([
  'Fix Released',
  "Won't Fix",
  'Invalid',
  'Opinion',
  'Expired',
]);

/** Open statuses asked for explicitly (searchTasks hides some by default). */
export const OPEN_STATUSES = ['New', 'Incomplete', 'Confirmed', 'Triaged', 'In Progress'] as const;

/** `<codename>-rc-potential`: the tag OpenStack uses for release-critical candidates. */
export function rcTag(codename: string): string {
  return `${codename.toLowerCase()}-rc-potential`;
}

/**
 * The next milestone of a project for a series: the earliest active,
 * unreleased milestone of that series targeted today or later; if the
 * series has none, the earliest such milestone of any series. Milestones
 * without a date come after dated ones.
 */
export function nextMilestone(
  milestones: readonly LaunchpadMilestone[],
  codename: string,
  today: IsoDate,
): LaunchpadMilestone | undefined {
  const open = milestones.filter(
    (m) =>
      m.isActive && !m.released && (!m.dateTargeted || compareDates(m.dateTargeted, today) >= 0),
  );
  const bySeries = open.filter((m) => m.series === codename || m.name.startsWith(`${codename}-`));
  const pool = bySeries.length > 0 ? bySeries : open;
  return [...pool].sort(
    (a, b) =>
      (a.dateTargeted ?? '9999').localeCompare(b.dateTargeted ?? '9999') ||
      a.name.localeCompare(b.name),
  )[0];
}

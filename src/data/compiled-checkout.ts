import { readFileSync, renameSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { GovernanceData } from './governance/governance-data.js';
import { checkoutsDir, MANAGED, type ManagedName } from './managed.js';
import { summarize, type DeliverableSummary } from './releases/deliverables.js';
import type { ReleasesData } from './releases/releases-data.js';
import type { Schedule } from './releases/schedule.js';
import type { CompiledData } from './snapshot.js';

/**
 * What a checkout kept by `liaison sync` looks like to our readers, made
 * once per fetched commit: the same compiled parts the embedded snapshot
 * carries (series, schedules, labels, teams, the deliverable summaries of
 * the newest series), so a command on current data parses no more YAML
 * than one on the snapshot. The files stay the source of truth; a part not
 * compiled is read from them as before.
 */
export type CompiledParts = Partial<
  Pick<CompiledData, 'series' | 'schedules' | 'labels' | 'teams' | 'deliverables'>
>;

interface CompiledFile {
  /** The commit the parts were made from; parts of another commit are ignored. */
  readonly head: string;
  readonly parts: CompiledParts;
}

/** Deliverable summaries are compiled for this many newest series with files (the snapshot's default). */
export const SUMMARY_SERIES = 3;

/**
 * The compiled parts of releases data: what `liaison sync` stores beside a
 * managed checkout and what the snapshot script embeds (one code, so they
 * cannot differ).
 */
export function compileReleases(
  data: ReleasesData,
  summarySeries = SUMMARY_SERIES,
): Pick<CompiledData, 'series' | 'schedules' | 'labels' | 'deliverables'> {
  const series = data.series();
  const schedules: Record<string, Schedule> = {};
  for (const s of series) {
    const schedule = data.schedule(s.name);
    if (schedule) schedules[s.name] = schedule;
  }
  const deliverables: Record<string, DeliverableSummary> = {};
  let kept = 0;
  for (const s of series) {
    if (kept >= summarySeries) break;
    const names = data.deliverableNames(s.name);
    if (names.length === 0) continue;
    kept++;
    for (const n of names) {
      const d = data.deliverable(s.name, n);
      if (d) deliverables[`${s.name}/${n}`] = summarize(d);
    }
  }
  return { series, schedules, labels: [...data.labels().values()], deliverables };
}

export function compileGovernance(data: GovernanceData): Pick<CompiledData, 'teams'> {
  return { teams: data.teams() };
}

function fileOf(dataDir: string, name: ManagedName): string {
  return join(checkoutsDir(dataDir), `${MANAGED[name].folder}.compiled.json`);
}

export function writeCompiled(
  dataDir: string,
  name: ManagedName,
  head: string,
  parts: CompiledParts,
): void {
  const file = fileOf(dataDir, name);
  const tmp = `${file}.${process.pid}.tmp`;
  writeFileSync(tmp, JSON.stringify({ head, parts } satisfies CompiledFile));
  renameSync(tmp, file);
}

/** The compiled parts of `head`, or undefined (none made yet, another commit, unreadable). */
export function readCompiled(
  dataDir: string,
  name: ManagedName,
  head: string,
): CompiledParts | undefined {
  try {
    const parsed = JSON.parse(readFileSync(fileOf(dataDir, name), 'utf8')) as CompiledFile;
    return parsed.head === head ? parsed.parts : undefined;
  } catch {
    return undefined;
  }
}

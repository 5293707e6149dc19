import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { packageRoot } from '../core/package-root.js';
import { SourceUnavailableError } from '../core/errors.js';
import type { TeamConfig } from '../config/schema.js';
import type { Team } from './governance/projects.js';
import type { DeliverableSummary } from './releases/deliverables.js';
import type { Schedule } from './releases/schedule.js';
import type { ScheduleLabel } from './releases/schedule-labels.js';
import type { ReleaseDates } from './releases/release-dates.js';
import type { Series } from './releases/series.js';

/** Where a data set came from: commit and commit date of the upstream repo, and when it was taken. */
export interface SourceStamp {
  readonly repo: string;
  readonly commit?: string;
  readonly date?: string;
  /**
   * When the data was taken from upstream (ISO date or instant): the
   * snapshot's taking, a checkout's last fetch. Its age counts from here,
   * not from the last commit (a quiet repository is not old data).
   */
  readonly takenAt?: string;
  /**
   * How `takenAt` is known: `fetch` (a git fetch or clone of that commit),
   * `given` (the snapshot builder's --taken-at), `commit` (only the newest
   * commit date of the data is known: the earliest it can have been taken).
   */
  readonly takenFrom?: 'fetch' | 'given' | 'commit';
  /** When the embedded snapshot was built (ISO instant); informative only. */
  readonly builtAt?: string;
}

export interface SnapshotStamps {
  readonly releases: SourceStamp;
  readonly governance: SourceStamp;
}

/**
 * The snapshot's files already read by our own readers, so a command on the
 * embedded data parses no YAML for the calendar and the teams (start-up
 * time). Rebuilt with the snapshot; the files stay the source of truth.
 */
export interface CompiledData {
  readonly series: readonly Series[];
  readonly schedules: Readonly<Record<string, Schedule>>;
  readonly labels: readonly ScheduleLabel[];
  readonly teams: readonly Team[];
  /** Built-in team configs (data/teams/*.yaml) as validated, with the text they came from. */
  readonly teamConfigs: Readonly<Record<string, { readonly text: string; readonly config: TeamConfig }>>;
  /** Per deliverable file (`<series>/<name>`): what listings need without parsing YAML. */
  readonly deliverables: Readonly<Record<string, DeliverableSummary>>;
}

/** The upstream files we ship, relative path → text. */
export interface SnapshotFiles {
  readonly releases: Readonly<Record<string, string>>;
  readonly governance: Readonly<Record<string, string>>;
}

/**
 * The embedded snapshot is a folder of JSON files, one per part, so that a
 * command reads only the parts it uses: `liaison gate` needs the team list
 * (75 KiB), not the 900 KiB of upstream files the validators read.
 */
export const SNAPSHOT_DIR = 'data/snapshot';
export const SNAPSHOT_PARTS = {
  stamps: 'stamps.json',
  files: 'files.json',
  series: 'series.json',
  schedules: 'schedules.json',
  labels: 'labels.json',
  teams: 'teams.json',
  teamConfigs: 'team-configs.json',
  deliverables: 'deliverables.json',
  dates: 'release-dates.json',
} as const;

export interface SnapshotContent extends CompiledData {
  readonly stamps: SnapshotStamps;
  readonly files: SnapshotFiles;
  /**
   * When each release of the kept series was proposed and merged, from the
   * releases git history (scripts/build-snapshot.ts with `--releases` a
   * checkout with history). Read only by the commands that need dates.
   */
  readonly dates: ReleaseDates;
}

type Part = keyof typeof SNAPSHOT_PARTS;
const parts = new Map<Part, unknown>();

/** One part of the embedded snapshot, read and parsed on first use. */
export function snapshotPart<K extends Part>(part: K): SnapshotContent[K] {
  if (!parts.has(part)) {
    const path = join(packageRoot(), SNAPSHOT_DIR, SNAPSHOT_PARTS[part]);
    let text: string;
    try {
      text = readFileSync(path, 'utf8');
    } catch {
      throw new SourceUnavailableError(
        `the embedded data snapshot file ${path} is missing; rebuild it with npm run snapshot`,
        'snapshot',
      );
    }
    parts.set(part, JSON.parse(text));
  }
  return parts.get(part) as SnapshotContent[K];
}

/** The compiled data of the embedded snapshot; each field is read when first used. */
export const embeddedCompiled: CompiledData = {
  get series() {
    return snapshotPart('series');
  },
  get schedules() {
    return snapshotPart('schedules');
  },
  get labels() {
    return snapshotPart('labels');
  },
  get teams() {
    return snapshotPart('teams');
  },
  get teamConfigs() {
    return snapshotPart('teamConfigs');
  },
  get deliverables() {
    return snapshotPart('deliverables');
  },
};

/** The release dates of the embedded snapshot, or undefined when it was built without history. */
export function embeddedReleaseDates(): ReleaseDates | undefined {
  try {
    return snapshotPart('dates');
  } catch {
    return undefined;
  }
}

/** The built-in config of a team from the snapshot, if its text is the one compiled. */
export function compiledTeamConfig(team: string, text: string): TeamConfig | undefined {
  let configs: CompiledData['teamConfigs'];
  try {
    configs = snapshotPart('teamConfigs');
  } catch {
    return undefined;
  }
  const entry = Object.hasOwn(configs, team) ? configs[team] : undefined;
  return entry && entry.text === text ? entry.config : undefined;
}

import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { packageRoot } from '../core/package-root.js';
import { SourceUnavailableError } from '../core/errors.js';
import type { TeamConfig } from '../config/schema.js';
import type { Team } from './governance/projects.js';
import type { DeliverableSummary } from './releases/deliverables.js';
import type { Schedule } from './releases/schedule.js';
import type { ScheduleLabel } from './releases/schedule-labels.js';
import type { Series } from './releases/series.js';

/** Where a data set came from: commit and commit date of the upstream repo. */
export interface SourceStamp {
  readonly repo: string;
  readonly commit?: string;
  readonly date?: string;
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
  readonly teamConfigs?: Readonly<Record<string, { readonly text: string; readonly config: TeamConfig }>>;
  /** Per deliverable file (`<series>/<name>`): what listings need without parsing YAML. */
  readonly deliverables?: Readonly<Record<string, DeliverableSummary>>;
}

export interface Snapshot {
  readonly format: 1;
  readonly compiled?: CompiledData;
  readonly builtFrom: { readonly releases: SourceStamp; readonly governance: SourceStamp };
  /** Relative path → text, for the files of openstack/releases we ship. */
  readonly releases: Readonly<Record<string, string>>;
  /** Relative path → text, for the files of openstack/governance we ship. */
  readonly governance: Readonly<Record<string, string>>;
}

export const SNAPSHOT_FILE = 'data/snapshot.json';

let loaded: Snapshot | undefined;

export function loadEmbeddedSnapshot(): Snapshot {
  if (loaded) return loaded;
  const path = join(packageRoot(), SNAPSHOT_FILE);
  let text: string;
  try {
    text = readFileSync(path, 'utf8');
  } catch {
    throw new SourceUnavailableError(
      `the embedded data snapshot ${path} is missing; rebuild it with npm run snapshot`,
      'snapshot',
    );
  }
  loaded = JSON.parse(text) as Snapshot;
  return loaded;
}

/** The built-in config of a team from the snapshot, if its text is the one compiled. */
export function compiledTeamConfig(team: string, text: string): TeamConfig | undefined {
  let snap: Snapshot;
  try {
    snap = loadEmbeddedSnapshot();
  } catch {
    return undefined;
  }
  const entry = snap.compiled?.teamConfigs?.[team];
  return entry && entry.text === text ? entry.config : undefined;
}

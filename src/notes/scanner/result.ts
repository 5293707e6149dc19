import type { NoteSource } from './tracker.js';

/** What a scan finds: kept apart from the scan itself so readers of a result load no scanner. */

export const WORKING_COPY = '*working-copy*';

export interface VersionNotes {
  readonly version: string;
  /** Sorted by path. */
  readonly notes: readonly NoteSource[];
}

export interface ScanResult {
  /** The branch given (null = the current HEAD and the working copy). */
  readonly branch: string | null;
  readonly head: string;
  /** Describe-style version of the head, e.g. `33.0.0.0b2-10`. */
  readonly currentVersion: string;
  /** Versions in output order (reno's date walk), with `*working-copy*` first. */
  readonly versionsByDate: readonly string[];
  readonly scanStopTag: string | null;
  readonly earliestVersion: string | null;
  /** Versions with notes, in output order, pre-releases collapsed when asked. */
  readonly versions: readonly VersionNotes[];
  /** Tag name → date (Unix seconds), for every tag. */
  readonly tagDates: ReadonlyMap<string, number>;
  readonly commitsVisited: number;
  readonly warnings: readonly string[];
}

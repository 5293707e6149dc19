import { buildNotesReport, selectVersions, type NotesReport, type ReportOptions } from './plan.js';
import { WORKING_COPY, type ScanResult, type VersionNotes } from './scanner/result.js';
import {
  loadNotes,
  scanRepository,
  type NotesQuery,
  type ScannedRepository,
} from './scanner/repository.js';

/**
 * The notes library for the rest of the tool (brief, checklists,
 * dashboard): pure questions over a scan, and one view-model builder that
 * the CLI and the dashboard share.
 */

export type { NotesReport, ReportVersion, ReportSection, ReportEntry } from './plan.js';
export type { ScanResult, VersionNotes } from './scanner/result.js';
export type { NotesQuery, ScannedRepository } from './scanner/repository.js';
export { scanRepository } from './scanner/repository.js';

export interface NextVersionNotes {
  /** The describe-style version of the head (`33.0.0.0b2-10`), or `*working-copy*` only. */
  readonly version: string;
  /** True when the head is exactly a release (nothing unreleased beyond the working copy). */
  readonly headIsTagged: boolean;
  /** Notes not in any release yet: the unreleased version's and the working copy's. */
  readonly notes: VersionNotes['notes'];
}

/** The release notes that the next tag will carry: those of the unreleased head and the working copy. */
export function notesForNextVersion(scan: ScanResult): NextVersionNotes {
  const headIsTagged = !scan.currentVersion.includes('-') || scan.currentVersion === '0.0.0';
  const pending = scan.versions.filter(
    (v) => v.version === WORKING_COPY || (!headIsTagged && v.version === scan.currentVersion),
  );
  return { version: scan.currentVersion, headIsTagged, notes: pending.flatMap((v) => v.notes) };
}

/** Versions of the scan that carry notes, newest first (reno's order). */
export function versionsWithNotes(scan: ScanResult): string[] {
  return scan.versions.map((v) => v.version);
}

/** Scans a repository and builds the report view model (what `liaison notes report --json` prints). */
export async function buildNotesPreview(
  query: NotesQuery,
  opts: ReportOptions = {},
): Promise<NotesReport> {
  const repo = await scanRepository(query);
  return reportOf(repo, opts);
}

/** The report view model of an already scanned repository. */
export async function reportOf(
  repo: ScannedRepository,
  opts: ReportOptions = {},
): Promise<NotesReport> {
  const versions = selectVersions(repo, opts.onlyVersions);
  const notes = await loadNotes(repo, versions);
  return buildNotesReport(repo, notes, opts);
}

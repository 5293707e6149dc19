import { notesPath } from '../data/reno/config.js';
import type { LoadedNote, ScannedRepository } from './scanner/repository.js';
import { WORKING_COPY } from './scanner/result.js';
import { uidOf } from '../data/reno/note-file.js';
import { VersionRules } from './scanner/versions.js';
import type { TagRef } from './scanner/git-facts.js';

/**
 * The release-notes checks of the release checklists, pure over scans:
 * a prelude for the coming release (it must exist before RC1), notes for
 * every release since the last stable branch, and notes committed on a
 * stable branch that master does not have.
 */

export interface NotesCheck {
  readonly id: 'prelude' | 'every-release-has-notes' | 'backports-on-master';
  readonly ok: boolean;
  readonly summary: string;
  readonly details: readonly string[];
}

export interface NotesCheckView {
  readonly repo: string;
  readonly currentVersion: string;
  readonly checks: readonly NotesCheck[];
}

/** Versions of the coming release in a default (stop-at-branch-base) scan: unreleased, pre-releases, working copy. */
export function comingVersions(scan: ScannedRepository, tags: readonly TagRef[]): string[] {
  const rules = new VersionRules(scan.config, tags);
  const s = scan.scan;
  // the stop tag's own commit is scanned too, but it belongs to the previous series
  const stopAt = s.scanStopTag ? s.versionsByDate.indexOf(s.scanStopTag) : -1;
  const beforeStop = (v: string) => stopAt < 0 || s.versionsByDate.indexOf(v) < stopAt;
  return s.versions
    .map((v) => v.version)
    .filter(
      (v) => beforeStop(v) && (v === WORKING_COPY || v.includes('-') || rules.isPreRelease(v)),
    );
}

export function checkPrelude(
  scan: ScannedRepository,
  coming: readonly string[],
  notes: ReadonlyMap<string, LoadedNote>,
  tags: readonly TagRef[],
): NotesCheck {
  const prelude = scan.config.preludeSectionName;
  const withPrelude = scan.scan.versions
    .filter((v) => coming.includes(v.version))
    .flatMap((v) => v.notes)
    .filter((n) => typeof notes.get(n.path)?.parsed?.content.get(prelude) === 'string')
    .map((n) => n.path);
  const rules = new VersionRules(scan.config, tags);
  const rcTagged = scan.scan.versionsByDate.filter(
    (v) => coming.includes(v) && /rc\d*$/.test(v) && rules.isPreRelease(v),
  );
  if (withPrelude.length > 0)
    return {
      id: 'prelude',
      ok: true,
      summary: `prelude for the coming release: ${withPrelude.join(', ')}`,
      details: withPrelude,
    };
  const late =
    rcTagged.length > 0
      ? ` (${rcTagged[0] ?? ''} is already tagged: the prelude is late)`
      : ' (write it before RC1)';
  return {
    id: 'prelude',
    ok: false,
    summary: `no note with a ${prelude} for the coming release${late}`,
    details: coming.length ? [`versions looked at: ${coming.join(', ')}`] : [],
  };
}

/** `noCollapse` is a scan with pre-releases kept apart; every version tag it reached must have notes. */
export function checkEveryRelease(noCollapse: ScannedRepository): NotesCheck {
  const s = noCollapse.scan;
  const stopAt = s.scanStopTag ? s.versionsByDate.indexOf(s.scanStopTag) : s.versionsByDate.length;
  const released = s.versionsByDate
    .slice(0, stopAt < 0 ? s.versionsByDate.length : stopAt)
    .filter((v) => v !== WORKING_COPY && !(v === s.currentVersion && v.includes('-')));
  const withNotes = new Set(s.versions.map((v) => v.version));
  const missing = released.filter((v) => !withNotes.has(v));
  return missing.length === 0
    ? {
        id: 'every-release-has-notes',
        ok: true,
        summary: `every release since the last stable branch has notes (${released.length})`,
        details: released,
      }
    : {
        id: 'every-release-has-notes',
        ok: false,
        summary: `${missing.length} release(s) since the last stable branch without notes: ${missing.join(', ')}`,
        details: missing,
      };
}

/** Notes of stable-branch scans whose UID is not in the default branch's tree. */
export function checkBackports(
  stableScans: readonly ScannedRepository[],
  masterPaths: readonly string[],
): NotesCheck {
  const onMaster = new Set(masterPaths.map(uidOf));
  const missing: string[] = [];
  for (const scan of stableScans) {
    for (const v of scan.scan.versions) {
      for (const n of v.notes)
        if (!onMaster.has(uidOf(n.path)))
          missing.push(`${scan.scan.branch ?? '?'} ${v.version}: ${n.path}`);
    }
  }
  const branches = stableScans.map((s) => s.scan.branch).join(', ') || 'none';
  return missing.length === 0
    ? {
        id: 'backports-on-master',
        ok: true,
        summary: `every note of the stable branches (${branches}) is also on master`,
        details: [],
      }
    : {
        id: 'backports-on-master',
        ok: false,
        summary: `${missing.length} note(s) on stable branches missing on master`,
        details: missing,
      };
}

export function notesDirOf(scan: ScannedRepository): string {
  return notesPath(scan.config);
}

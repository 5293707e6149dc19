import { statSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import type { RenoConfig } from '../../data/reno/config.js';
import type { LiveRefs } from './live.js';
import type { ScanResult } from './result.js';

/**
 * The scan's answer for one exact state of a repository. A scan depends
 * only on the config, the head, the refs (names, targets and tag dates),
 * the work-tree status of the notes folder, and the history the refs
 * reach, which is fixed by their SHAs. So an unchanged repository gives
 * the same answer, and a memo of the answer under all of these (compared
 * exactly, not hashed; plus a stamp of the scanner's own files, so a
 * changed scanner never reuses an old answer) spares reading the history
 * and the walks. A shallow clone has no state: its history can change
 * under the same refs (git fetch --deepen).
 */
export interface ScanState {
  readonly notesPath: string;
  /** The effective config as JSON (file, defaults and command-line options). */
  readonly config: string;
  readonly head: string;
  readonly refs: string;
  readonly status: string;
  readonly code: string;
}

// the modules whose code decides a scan, next to this one (.js when built, .ts in tests)
const SCANNER_MODULES = [
  './scan',
  './result',
  './walks',
  './graph',
  './branches',
  './versions',
  './tracker',
  './git-facts',
  './live',
  './head',
  './repository',
  './scan-memo',
  './commit-graph-file',
  '../../data/reno/note-file',
  '../../data/reno/py-regex',
  '../../data/reno/config',
];

let codeStamp: string | null | undefined;

/** Size and modification time of the scanner's files; null when they cannot be read. */
function scannerStamp(): string | null {
  if (codeStamp !== undefined) return codeStamp;
  const ext = import.meta.url.slice(import.meta.url.lastIndexOf('.'));
  try {
    codeStamp = SCANNER_MODULES.map((m) => {
      const st = statSync(fileURLToPath(new URL(m + ext, import.meta.url)));
      return `${m}:${st.size}:${st.mtimeMs}`;
    }).join(' ');
  } catch {
    codeStamp = null;
  }
  return codeStamp;
}

export function scanState(notesPath: string, config: RenoConfig, live: LiveRefs): ScanState | null {
  const code = scannerStamp();
  if (live.head.shallow || code === null) return null;
  return {
    notesPath,
    config: JSON.stringify(config),
    head: live.head.sha,
    refs: live.refsOut,
    status: live.statusOut,
    code,
  };
}

export function sameState(a: ScanState, b: ScanState): boolean {
  return (
    a.head === b.head &&
    a.notesPath === b.notesPath &&
    a.config === b.config &&
    a.code === b.code &&
    a.status === b.status &&
    a.refs === b.refs
  );
}

/** JSON form of a scan (its one map as entries). */
export function scanToJson(scan: ScanResult): string {
  return JSON.stringify({ ...scan, tagDates: [...scan.tagDates] });
}

export function scanFromJson(text: string): ScanResult {
  const stored = JSON.parse(text) as Omit<ScanResult, 'tagDates'> & {
    tagDates: [string, number][];
  };
  return { ...stored, tagDates: new Map(stored.tagDates) };
}

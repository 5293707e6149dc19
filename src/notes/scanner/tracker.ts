import { isNoteFile, uidOf } from '../../data/reno/note-file.js';
import type { FileChange } from './git-facts.js';

/**
 * Note attribution, as reno does it. The walk feeds each commit's changes
 * (newest history first); a note ends up in the version of the oldest
 * visited commit that touched it, with the name and content of the newest
 * add/modify/rename, and disappears when its newest event is a delete or
 * when its add was never seen.
 */

export type EventKind = 'add' | 'modify' | 'rename' | 'delete';

export interface NoteEvent {
  readonly uid: string;
  readonly kind: EventKind;
  readonly path: string;
  /** Blob of the note after the event (for a delete: before it); null for a work-tree file. */
  readonly blob: string | null;
}

/** Where a kept note's text comes from. */
export interface NoteSource {
  readonly path: string;
  /** The commit, or null for the working copy. */
  readonly commit: string | null;
  readonly blob: string | null;
}

/**
 * Groups one commit's changes by UID, reno's way: add + delete = rename,
 * several modifies or deletes are kept, several adds (or any other mix)
 * are an error, reported through `problems` and skipped.
 */
export class ChangeAggregator {
  private readonly deletedBadUids = new Set<string>();

  aggregate(commit: string, changes: readonly FileChange[], problems: string[]): NoteEvent[] {
    const byUid = new Map<string, FileChange[]>();
    for (const c of changes) {
      if (!isNoteFile(c.path)) continue;
      const uid = uidOf(c.path);
      const list = byUid.get(uid);
      if (list) list.push(c);
      else byUid.set(uid, [c]);
    }
    const events: NoteEvent[] = [];
    for (const [uid, list] of [...byUid].sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))) {
      const first = list[0];
      if (!first) continue;
      if (list.length === 1) {
        events.push({ uid, kind: first.kind, path: first.path, blob: first.blob });
        continue;
      }
      const kinds = new Set(list.map((c) => c.kind));
      if (kinds.size === 2 && kinds.has('add') && kinds.has('delete')) {
        const added = list.find((c) => c.kind === 'add') ?? first;
        events.push({ uid, kind: 'rename', path: added.path, blob: added.blob });
      } else if (kinds.size === 1 && kinds.has('modify')) {
        for (const c of list) events.push({ uid, kind: 'modify', path: c.path, blob: c.blob });
      } else if (kinds.size === 1 && kinds.has('delete')) {
        for (const c of list) events.push({ uid, kind: 'delete', path: c.path, blob: c.blob });
        this.deletedBadUids.add(uid);
      } else if (kinds.size === 1 && kinds.has('add')) {
        if (!this.deletedBadUids.has(uid)) {
          problems.push(
            `${uid}: found several files in one commit (${commit}) with the same UID: ${list.map((c) => c.path).join(', ')}; skipped`,
          );
        }
      } else {
        problems.push(
          `${uid}: unrecognized mix of changes in commit ${commit}: ${list.map((c) => `${c.kind} ${c.path}`).join(', ')}; skipped`,
        );
      }
    }
    return events;
  }
}

export class ChangeTracker {
  /** UID → version of the last (oldest) event seen; insertion order kept. */
  readonly earliestSeen = new Map<string, string>();
  readonly versions: string[] = [];
  readonly lastNameById = new Map<string, NoteSource>();
  private readonly deleted = new Set<string>();
  private readonly seenButNotAdded = new Map<string, NoteSource>();

  apply(event: NoteEvent, commit: string | null, version: string): void {
    const source: NoteSource = { path: event.path, commit, blob: event.blob };
    const uid = event.uid;
    if (!this.versions.includes(version)) this.versions.push(version);
    this.earliestSeen.set(uid, version);
    switch (event.kind) {
      case 'add': {
        if (this.deleted.has(uid)) return;
        const pending = this.seenButNotAdded.get(uid);
        if (pending) {
          this.lastNameById.set(uid, pending);
          this.seenButNotAdded.delete(uid);
        } else if (!this.lastNameById.has(uid)) this.lastNameById.set(uid, source);
        return;
      }
      case 'modify':
      case 'rename': {
        if (this.deleted.has(uid)) return;
        const target = this.lastNameById.has(uid) ? this.lastNameById : this.seenButNotAdded;
        if (!target.has(uid)) target.set(uid, source);
        return;
      }
      case 'delete':
        if (!this.lastNameById.has(uid)) this.deleted.add(uid);
        return;
    }
  }

  /** Version → kept notes (insertion order; sorting is done later). */
  notesByVersion(): Map<string, NoteSource[]> {
    const out = new Map<string, NoteSource[]>();
    for (const v of this.versions) out.set(v, []);
    for (const [uid, version] of this.earliestSeen) {
      const source = this.lastNameById.get(uid);
      if (source) out.get(version)?.push(source);
    }
    return out;
  }
}

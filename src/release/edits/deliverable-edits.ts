import { isMap, isScalar, isSeq, type Node, type YAMLMap } from 'yaml';
import {
  appendListItems,
  lineEndOf,
  lineStartOf,
  parseForEdit,
  scalarText,
  splice,
  topLevelPair,
} from './yaml-text.js';

/**
 * Minimal-diff updaters of a deliverable file: pure `string → string`,
 * every byte outside the edit unchanged. Layout of new lines follows
 * upstream's writer (`  - version: ...`, items indented as the file's
 * existing items are).
 */

export interface NewProject {
  readonly repo: string;
  readonly hash: string;
  readonly comment?: string;
}

export interface NewRelease {
  readonly version: string;
  readonly projects: readonly NewProject[];
  readonly diffStart?: string;
}

export interface NewBranch {
  readonly name: string;
  readonly location: string;
}

/** Keys that come after `releases` / `branches` in upstream files. */
const AFTER_RELEASES = ['branches', 'release-notes'];
const AFTER_BRANCHES = ['release-notes'];

/** Appends a release at the end of `releases` (the key is created when missing). */
export function appendRelease(text: string, release: NewRelease): string {
  return appendListItems(
    text,
    'releases',
    AFTER_RELEASES,
    ['repository-settings', 'cycle-highlights', 'type'],
    (ind) => releaseLines(release, ind),
  );
}

/** Appends a branch at the end of `branches` (the key is created when missing). */
export function addBranch(text: string, branch: NewBranch): string {
  return appendListItems(
    text,
    'branches',
    AFTER_BRANCHES,
    ['releases', 'repository-settings'],
    (ind) => {
      const pad = ' '.repeat(ind);
      return `${pad}- name: ${scalarText(branch.name)}\n${pad}  location: ${scalarText(branch.location)}\n`;
    },
  );
}

/** Sets `diff-start` of the release with `version` (replaced when present, else added last). */
export function setDiffStart(text: string, version: string, diffStart: string): string {
  const { root } = parseForEdit(text);
  const seq = topLevelPair(root, 'releases')?.value;
  if (!isSeq(seq)) throw new Error(`no releases list to set diff-start in`);
  const item = seq.items.find(
    (it): it is YAMLMap => isMap(it) && String(it.get('version')) === version,
  );
  if (!item?.range) throw new Error(`no release ${version} to set diff-start on`);
  const existing = item.items.find((p) => isScalar(p.key) && p.key.value === 'diff-start');
  const existingValue = existing?.value as Node | null | undefined;
  if (existingValue?.range) {
    return (
      text.slice(0, existingValue.range[0]) +
      scalarText(diffStart) +
      text.slice(existingValue.range[1])
    );
  }
  const firstKey = item.items[0]?.key as Node | undefined;
  const keyStart = firstKey?.range?.[0] ?? item.range[0];
  const keyIndent = keyStart - lineStartOf(text, keyStart);
  const at = item.range[1] === text.length ? text.length : lineEndOf(text, item.range[1] - 1);
  return splice(text, at, `${' '.repeat(keyIndent)}diff-start: ${scalarText(diffStart)}\n`);
}

function releaseLines(release: NewRelease, ind: number): string {
  const pad = ' '.repeat(ind);
  let out = `${pad}- version: ${scalarText(release.version)}\n${pad}  projects:\n`;
  for (const p of release.projects) {
    out += `${pad}    - repo: ${scalarText(p.repo)}\n${pad}      hash: ${scalarText(p.hash)}\n`;
    if (p.comment) out += `${pad}      comment: ${scalarText(p.comment)}\n`;
  }
  if (release.diffStart) out += `${pad}  diff-start: ${scalarText(release.diffStart)}\n`;
  return out;
}

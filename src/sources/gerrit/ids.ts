import { SourceUnavailableError } from '../../core/errors.js';

/**
 * Ids that come from Gerrit and go back into Gerrit URLs (revisions, change
 * numbers, project names). They are checked where a body is read, and every
 * URL is built from encoded segments: a synced value must never steer a
 * request with credentials to another path (`../../…/submit?x=`).
 */

/** A commit id: SHA-1 (40 hex) or SHA-256 (64 hex), lower case as Gerrit writes them. */
const REVISION = /^(?:[0-9a-f]{40}|[0-9a-f]{64})$/;

/** `openstack/releases`, `x/whitebox-tempest-plugin`: name segments, no `.`/`..`, no spaces. */
const PROJECT = /^[A-Za-z0-9][A-Za-z0-9._+-]*(?:\/[A-Za-z0-9][A-Za-z0-9._+-]*)*$/;

export function isRevision(value: unknown): value is string {
  return typeof value === 'string' && REVISION.test(value);
}

export function isChangeNumber(value: unknown): value is number {
  return typeof value === 'number' && Number.isSafeInteger(value) && value > 0;
}

export function isProjectName(value: unknown): value is string {
  return (
    typeof value === 'string' &&
    value.length <= 255 &&
    PROJECT.test(value) &&
    !value.split('/').some((s) => s === '.' || s === '..')
  );
}

/** An id from a service that is not what the API documents: the source is broken (exit 3). */
export class ServiceIdError extends SourceUnavailableError {
  constructor(what: string, value: unknown) {
    const shown = JSON.stringify(String(value).slice(0, 60));
    super(`Gerrit: ${what} ${shown} is not a valid id; refusing to use it`, 'gerrit');
  }
}

/**
 * `<base>/<segments…>` with each segment encoded, after checking the ids in
 * it: `gerritUrl(base, 'a', 'changes', changeId(p, n), 'revisions', rev, 'review')`.
 */
export function gerritUrl(base: string, ...segments: readonly string[]): string {
  return `${base.replace(/\/+$/, '')}/${segments.map((s) => encodeURIComponent(s)).join('/')}`;
}

/** The `<project>~<number>` segment (unencoded; gerritUrl encodes it), checked. */
export function changeId(project: string, number: number): string {
  if (!isProjectName(project)) throw new ServiceIdError('project', project);
  if (!isChangeNumber(number)) throw new ServiceIdError('change number', number);
  return `${project}~${number}`;
}

/** A revision for a URL, checked. */
export function revisionId(revision: string): string {
  if (!isRevision(revision)) throw new ServiceIdError('revision', revision);
  return revision;
}

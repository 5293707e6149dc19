/**
 * Which openstack/releases changes are the team's: those touching one of
 * its deliverable files, `deliverables/<series>/<name>.yaml` (series
 * directories and `_independent`). Gerrit's `file:^…` is a regular
 * expression that must match the whole path.
 */

export const RELEASES_PROJECT = 'openstack/releases';

/** ChangeInfo options: the commit message, votes with e-mails, the messages (deadline notices). */
export const REVIEW_QUERY_OPTIONS = [
  'CURRENT_REVISION',
  'CURRENT_COMMIT',
  'LABELS',
  'DETAILED_LABELS',
  'DETAILED_ACCOUNTS',
  'MESSAGES',
];

export function reviewQuery(deliverables: readonly string[]): string {
  const names = [...new Set(deliverables)].sort();
  // `[.]` rather than `\.`: no backslash to escape through the query parser
  const files = names.map((n) => `file:^deliverables/[^/]+/${n.replace(/[.]/g, '[.]')}[.]yaml`);
  const any = files.length === 1 ? (files[0] ?? '') : `(${files.join(' OR ')})`;
  return `project:${RELEASES_PROJECT} is:open ${any}`;
}

export interface DeliverablePath {
  readonly series: string;
  readonly name: string;
}

/** `deliverables/hibiscus/glance.yaml` → {series: hibiscus, name: glance}; undefined for other files. */
export function deliverableOfPath(path: string): DeliverablePath | undefined {
  const m = /^deliverables\/([^/]+)\/([^/]+)\.yaml$/.exec(path);
  return m ? { series: m[1] ?? '', name: m[2] ?? '' } : undefined;
}

/** `https://review.opendev.org/c/openstack/releases/+/958123` */
export function changeUrl(gerritBase: string, project: string, number: number): string {
  return `${gerritBase.replace(/\/+$/, '')}/c/${project}/+/${number}`;
}

/** A change number from `958123`, `https://review.opendev.org/c/openstack/releases/+/958123` or `…/#/c/958123/`. */
export function parseChangeArg(text: string): number | undefined {
  const t = text.trim();
  if (/^\d{1,9}$/.test(t)) return Number(t);
  const m = /\/(?:\+|c)\/(\d{1,9})(?:\/\d+)?\/?$/.exec(t) ?? /[/#](\d{1,9})\/?$/.exec(t);
  return m ? Number(m[1]) : undefined;
}

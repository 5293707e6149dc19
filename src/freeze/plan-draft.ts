import type { IsoDate } from '../core/dates.js';
import { humanDate } from '../core/dates.js';

/**
 * The Code-Review -2 message for a change that is neither automated nor
 * release-critical during the RC period: say what the freeze is, that the
 * vote is procedural, when it ends and how to get a real fix in.
 */
export interface DraftInput {
  readonly branch: string;
  readonly stableBranch: string;
  /** "Hibiscus". */
  readonly seriesTitle: string;
  /** `hibiscus-rc-potential`. */
  readonly rcTag: string;
  readonly finalDate?: IsoDate;
  /** `#openstack-glance`, where to ask. */
  readonly channel?: string;
}

export function draftMinus2(d: DraftInput): string {
  const until = d.finalDate
    ? ` until the ${d.seriesTitle} final release on ${humanDate(d.finalDate)}`
    : ` until the ${d.seriesTitle} final release`;
  const scope =
    d.branch === d.stableBranch
      ? `${d.branch} is frozen for the ${d.seriesTitle} RC period${until}.`
      : `${d.branch} is held for the ${d.seriesTitle} RC period${until}, so that fixes land here first and backport cleanly to ${d.stableBranch}.`;
  const ask = d.channel ? `ask in ${d.channel} or reply here` : 'reply here';
  return [
    `Code-Review-2: ${scope}`,
    '',
    `Only fixes for release-critical bugs (tagged ${d.rcTag}) and automated updates merge during this period.`,
    'This vote is procedural, not a judgement of the change, and will be removed after the release.',
    '',
    `If this change fixes a release-critical bug, add a Closes-Bug footer, make sure the bug is tagged ${d.rcTag}, and ${ask} so the vote can be lifted.`,
  ].join('\n');
}

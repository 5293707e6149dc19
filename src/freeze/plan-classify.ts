import { bugFooters, generatedBy, type GerritChange } from '../sources/gerrit/parse.js';

/**
 * The freeze policy: during the RC period an open change is either an
 * automated update (the proposal bot's translation imports, the release
 * bot's new-branch patches), a fix for a release-critical bug, or other.
 * Identity is the owner account: a human change with a bot-like subject
 * is not automated.
 */

export type ChangeClass = 'automated' | 'release-critical' | 'other';

export interface BotAccounts {
  /** Gerrit usernames of the proposal bot (translations). */
  readonly proposal: readonly string[];
  /** Gerrit usernames of the release bot (branch creation, reno). */
  readonly release: readonly string[];
}

export const DEFAULT_BOTS: BotAccounts = { proposal: ['proposal-bot'], release: ['release'] };

export interface ReleaseCriticalBug {
  readonly id: number;
  /** Why it is release-critical ("tagged hibiscus-rc-potential"). */
  readonly why: string;
}

export interface Classification {
  readonly class: ChangeClass;
  readonly reason: string;
}

const RELEASE_BOT_SUBJECTS: readonly [RegExp, string][] = [
  [/^Update \.gitreview for (stable|unmaintained)\//, '.gitreview update for the new branch'],
  [/^Update TOX_CONSTRAINTS_FILE for stable\//, 'constraints URL update for the new branch'],
  [
    /^(reno: )?Update master for (stable|unmaintained)\//,
    'release-notes page and version bump on master for the new branch',
  ],
];

function isOwner(change: GerritChange, names: readonly string[]): boolean {
  const u = change.owner.username;
  return u !== undefined && names.includes(u);
}

export function classifyChange(
  change: GerritChange,
  rcBugs: ReadonlyMap<number, ReleaseCriticalBug>,
  bots: BotAccounts = DEFAULT_BOTS,
): Classification {
  const trailer = generatedBy(change.message);
  if (
    isOwner(change, bots.proposal) &&
    (/^Imported Translations from /.test(change.subject) || change.topic === 'zanata/translations')
  ) {
    return {
      class: 'automated',
      reason: `translation import by the proposal bot (${change.owner.username})`,
    };
  }
  if (isOwner(change, bots.release)) {
    const known = RELEASE_BOT_SUBJECTS.find(([re]) => re.test(change.subject));
    if (known) return { class: 'automated', reason: `release bot: ${known[1]}` };
    if (trailer && /release-tools/.test(trailer))
      return { class: 'automated', reason: `release bot (Generated-By: ${trailer})` };
  }
  const footers = bugFooters(change.message);
  const linked: [string, number][] = [
    ...footers.closes.map((n): [string, number] => ['Closes-Bug', n]),
    ...footers.partial.map((n): [string, number] => ['Partial-Bug', n]),
    ...footers.related.map((n): [string, number] => ['Related-Bug', n]),
  ];
  const critical = linked.find(([, n]) => rcBugs.has(n));
  if (critical) {
    const [kind, n] = critical;
    return {
      class: 'release-critical',
      reason: `${kind} #${n}, ${rcBugs.get(n)?.why ?? 'release-critical'}`,
    };
  }
  if (linked.length > 0) {
    const list = linked.map(([kind, n]) => `${kind} #${n}`).join(', ');
    return { class: 'other', reason: `${list}: not a release-critical bug` };
  }
  const looksAutomated =
    /^Imported Translations from /.test(change.subject) ||
    RELEASE_BOT_SUBJECTS.some(([re]) => re.test(change.subject));
  if (looksAutomated) {
    return {
      class: 'other',
      reason: `subject of an automated update, but owned by ${change.owner.username ?? change.owner.name ?? 'a person'}, not a bot`,
    };
  }
  return {
    class: 'other',
    reason: 'neither an automated update nor a fix for a release-critical bug',
  };
}

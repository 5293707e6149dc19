import type { Derived } from './derived.js';
import type { RuleEnv } from './plan-types.js';

/** Upstream's decorators: when a check runs at all (release-tooling.md §5.1). */
export type Gate =
  | 'skip-if-lifecycle'
  | 'new-tags'
  | 'released'
  | 'cycle'
  | 'current'
  | 'skip-eom-when-unmaintained';

export interface Issue {
  readonly level: 'error' | 'warning';
  readonly message: string;
  readonly field?: string;
}

/**
 * One rule of `release validate`: upstream's own checks carry their number
 * in the reference (release-tooling.md §5.2); the rules beyond upstream have
 * none and say in every message where upstream stands.
 */
export interface Rule {
  /** Rule id, as findings carry it (`version-numbers`, `version-order`...). */
  readonly id: string;
  /** Upstream's check number; undefined for a rule upstream does not have. */
  readonly number?: number;
  /** What the rule asks, in one line (the rules table). */
  readonly what: string;
  /** Where upstream stands, in one line (the rules table). */
  readonly upstream: string;
  readonly gates: readonly Gate[];
  /** When the gates say too little: which part of the file the rule looks at. */
  readonly scope?: string;
  /** What its findings are (default: errors). */
  readonly level?: RuleLevel;
  readonly run: (d: Derived, env: RuleEnv) => Issue[];
}

export type RuleLevel = 'error' | 'warning' | 'error or warning';

/** A rule as the rules table shows it (docs/release-rules.md, `liaison release rules`). */
export interface RuleInfo {
  readonly id: string;
  /** Upstream's check number (release-tooling.md §5.2), or null for a rule upstream lacks. */
  readonly upstreamCheck: number | null;
  readonly what: string;
  readonly upstream: string;
  /** Since when it applies: what the rule judges (new releases against --base, every file…). */
  readonly applies: string;
  readonly level: RuleLevel;
}

export function infoOf(rule: Rule): RuleInfo {
  const gates = rule.gates.map((g) => GATE_WORDS[g]);
  return {
    id: rule.id,
    upstreamCheck: rule.number ?? null,
    what: rule.what,
    upstream: rule.upstream,
    applies: [rule.scope ?? (gates.length === 0 ? 'every file checked' : ''), ...gates]
      .filter((x) => x !== '')
      .join('; '),
    level: rule.level ?? 'error',
  };
}

/** How the messages of the rules beyond upstream say where upstream stands. */
export const UPSTREAM = {
  misses: 'upstream validate misses this',
  crashes: 'upstream validate crashes on this',
  gitOnly: 'upstream validate catches this only with git',
} as const;

/** The version of release `i` of the file ('' where it has none). */
export function versionAt(d: Derived, i: number): string {
  return d.releases[i]?.version ?? '';
}

/**
 * The findings of a rule that judges each new release on its own: `why`
 * says what is wrong with release `i` (given its version), or undefined
 * when it passes; each answer is an error at `releases[i]` plus `part`
 * (`.version`, `.diff-start`), the field the liaison has to edit.
 */
export function newReleaseErrors(
  d: Derived,
  why: (version: string, i: number) => string | undefined,
  part = '',
): Issue[] {
  return d.newReleaseIndexes.flatMap((i) => {
    const message = why(versionAt(d, i), i);
    return message === undefined
      ? []
      : [{ level: 'error', message, field: `releases[${i}]${part}` }];
  });
}

/** True when every gate of the rule lets the file through. */
export function gatesOpen(gates: readonly Gate[], d: Derived, env: RuleEnv): boolean {
  for (const g of gates) if (!gateOpen(g, d, env)) return false;
  return true;
}

function gateOpen(g: Gate, d: Derived, env: RuleEnv): boolean {
  switch (g) {
    case 'skip-if-lifecycle':
      return !d.hasLifecycleTag;
    case 'new-tags':
      return d.newReleaseIndexes.length > 0;
    case 'released':
      return d.releases.length > 0;
    case 'cycle':
      return !d.independent;
    case 'current':
      return d.series === env.currentSeries;
    case 'skip-eom-when-unmaintained':
      // upstream's gate reads the recorded status; so does ours, to skip what it skips
      return !(
        d.releases.some((r) => r.version.includes('-eom')) &&
        d.seriesInfo?.status === 'unmaintained'
      );
  }
}

/** The gates in words, for the rules table ("since when it applies"). */
export const GATE_WORDS: Readonly<Record<Gate, string>> = {
  'new-tags': 'new releases (against --base)',
  released: 'files with releases',
  cycle: 'cycle-based files (not _independent)',
  current: 'files of the current series',
  'skip-if-lifecycle': 'files without an -em/-eom/-eol tag',
  'skip-eom-when-unmaintained': 'not an -eom file of an unmaintained series',
};

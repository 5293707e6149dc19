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

/** One upstream check: its number in the reference, its name, its gates and the pure rule. */
export interface Rule {
  readonly number: number;
  readonly check: string;
  readonly gates: readonly Gate[];
  readonly run: (d: Derived, env: RuleEnv) => Issue[];
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
      return !(
        d.releases.some((r) => r.version.includes('-eom')) &&
        d.seriesInfo?.status === 'unmaintained'
      );
  }
}

import { GIT_RULES } from '../validate/git-checks.js';
import { validateRuleInfos } from '../validate/plan.js';
import type { RuleInfo } from '../validate/rule.js';
import { REFUSAL_RULES } from '../versions/refusals.js';

/**
 * The one table of rules (`liaison release rules`, docs/release-rules.md):
 * built from the rule lists the code runs, so the page cannot drift from
 * what `release validate` and `release propose` do.
 */
export interface RulesView {
  /** `release validate`: upstream's checks, then the rules beyond upstream, then the --git ones. */
  readonly validate: readonly RuleInfo[];
  /** `release propose`: the refusals. */
  readonly propose: readonly ProposeRuleRow[];
}

export interface ProposeRuleRow {
  readonly id: string;
  readonly what: string;
  readonly upstream: string;
  /** The request types it applies to. */
  readonly applies: string;
  /** Whether `--override ID` writes the request anyway. */
  readonly overridable: boolean;
}

export function planRules(): RulesView {
  return {
    validate: [...validateRuleInfos(), ...GIT_RULES],
    propose: REFUSAL_RULES.map((r) => ({
      id: r.id,
      what: r.what,
      upstream: r.upstream,
      applies: r.applies,
      overridable: r.overridable,
    })),
  };
}

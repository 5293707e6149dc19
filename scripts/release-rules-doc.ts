/**
 * Writes docs/release-rules.md from the rule lists of the code (the page a
 * test compares with what this would write):
 *
 *   npm run docs:rules
 */
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { packageRoot } from '../src/core/package-root.js';
import { planRules } from '../src/release/rules/plan.js';
import { renderRulesMarkdown } from '../src/release/rules/render.js';

const RULES_DOC = 'docs/release-rules.md';

const target = join(packageRoot(), RULES_DOC);
writeFileSync(target, renderRulesMarkdown(planRules()));
console.log(`wrote ${target}`);

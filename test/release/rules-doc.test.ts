import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { packageRoot } from '../../src/core/package-root.js';
import { planRules } from '../../src/release/rules/plan.js';
import { renderRulesMarkdown } from '../../src/release/rules/render.js';
import { DATA_RULES } from '../../src/release/validate/plan.js';
import { REFUSAL_RULES } from '../../src/release/versions/refusals.js';
import { runCli } from '../helpers/cli.js';

describe('the rules table (docs/release-rules.md)', () => {
  it('is what the code generates: run `npm run docs:rules` after changing a rule', () => {
    const committed = readFileSync(join(packageRoot(), 'docs', 'release-rules.md'), 'utf8');
    expect(committed).toBe(renderRulesMarkdown(planRules()));
  });

  it('lists every rule the code runs, once, each with where upstream stands', () => {
    const v = planRules();
    const ids = v.validate.map((r) => r.id);
    expect(new Set(ids).size).toBe(ids.length);
    for (const r of DATA_RULES) expect(ids).toContain(r.id);
    expect(v.propose.map((r) => r.id)).toEqual(REFUSAL_RULES.map((r) => r.id));
    for (const r of [...v.validate, ...v.propose]) {
      expect(r.upstream, r.id).not.toBe('');
      expect(r.applies, r.id).not.toBe('');
    }
  });

  it('README links the page', () => {
    expect(readFileSync(join(packageRoot(), 'README.md'), 'utf8')).toContain(
      'docs/release-rules.md',
    );
  });

  it('liaison release rules --json prints the same table', async () => {
    const r = await runCli(['release', 'rules', '--json']);
    expect(r.code).toBe(0);
    expect(JSON.parse(r.stdout)).toEqual(JSON.parse(JSON.stringify(planRules())));
  });
});

import { ESLint } from 'eslint';
import tseslint from 'typescript-eslint';
import { describe, expect, it } from 'vitest';
import { capabilities, CORE, layerConfigs } from '../../eslint.layers.js';
import { packageRoot } from '../../src/core/package-root.js';

/**
 * The layer rules of eslint.layers.js, run alone (no type information, so
 * in seconds) over src/: CI runs `npm test`, so a layering violation fails
 * CI even where nobody ran `npm run lint`. Inline `eslint-disable`
 * comments are not honoured here.
 */
function layerLinter(): ESLint {
  return new ESLint({
    cwd: packageRoot(),
    overrideConfigFile: true,
    allowInlineConfig: false,
    overrideConfig: [
      { files: ['**/*.ts', '**/*.tsx'], languageOptions: { parser: tseslint.parser } },
      ...layerConfigs(),
    ],
  });
}

const LAYER_RULES = new Set(['no-restricted-imports', 'no-restricted-syntax']);

async function violations(code: string, filePath: string): Promise<string[]> {
  const [result] = await layerLinter().lintText(code, { filePath });
  return (result?.messages ?? [])
    .filter((m) => m.ruleId !== null && LAYER_RULES.has(m.ruleId))
    .map((m) => `${m.line}: ${m.message}`);
}

describe('layers of src/ (docs/architecture.md)', () => {
  it('src/ has no import across a layer boundary', async () => {
    const results = await layerLinter().lintFiles(['src']);
    const found = results.flatMap((r) =>
      r.messages
        .filter((m) => m.ruleId !== null && LAYER_RULES.has(m.ruleId))
        .map((m) => `${r.filePath.slice(packageRoot().length + 1)}:${m.line} ${m.message}`),
    );
    expect(found).toEqual([]);
    expect(results.length).toBeGreaterThan(200);
  });

  it('every folder of src/ has a layer', () => {
    expect(CORE).toEqual(['core', 'calendar', 'data', 'git', 'store', 'config']);
    expect(capabilities()).toEqual(
      expect.arrayContaining(['brief', 'checklist', 'meeting', 'release', 'remind', 'sync']),
    );
    expect(capabilities()).not.toContain('plan');
  });

  it('domain code may not import the CLI, the web server or the composition root', async () => {
    expect(
      await violations(
        "import type { Context } from '../cli/context.js';\nimport { VIEWS } from '../app/views.js';\n",
        'src/bugs/read.ts',
      ),
    ).toHaveLength(2);
    expect(
      await violations(
        "import { emit } from '../../cli/output.js';\n",
        'src/release/status/read.ts',
      ),
    ).toHaveLength(1);
    // a helper beside the command is not the command: it takes plain values or Deps
    expect(
      await violations(
        "import type { Context } from '../cli/context.js';\n",
        'src/notes/command-report.ts',
      ),
    ).toHaveLength(1);
    // a command and a page may
    expect(
      await violations("import { emit } from '../cli/output.js';\n", 'src/bugs/command.ts'),
    ).toEqual([]);
    expect(
      await violations("import type { Panel } from '../web/panel.js';\n", 'src/bugs/page.tsx'),
    ).toEqual([]);
  });

  it('a capability reaches another one only through its pure side, dynamic imports included', async () => {
    const code = [
      "import { buildGateView } from '../gate/read.js';",
      "export { saveGoalRecord } from '../goals/store.js';",
      "const later = () => import('../review/read.js');",
      "import type { GateView } from '../gate/plan.js';",
      "import { ircLines } from '../gate/render.js';",
      "import { classifyChange } from '../freeze/plan-classify.js';",
      "import { planBrief } from './plan.js';",
      '',
    ].join('\n');
    const found = await violations(code, 'src/meeting/read.ts');
    expect(found.map((f) => f.split(':')[0])).toEqual(['1', '2', '3']);
    // inside one capability (release/propose → release/versions) anything goes
    expect(
      await violations(
        "import { loadHistory } from '../versions/load-history.js';\n",
        'src/release/propose/read.ts',
      ),
    ).toEqual([]);
  });

  it('the core imports nothing above it; sources import only the core', async () => {
    expect(
      await violations("import { rcTag } from '../bugs/plan.js';\n", 'src/calendar/cycle.ts'),
    ).toHaveLength(1);
    expect(
      await violations(
        "import type { Deps } from '../../core/deps.js';\nimport { x } from '../../bugs/plan.js';\nimport { y } from '../http/client.js';\n",
        'src/sources/zuul/scope.ts',
      ),
    ).toHaveLength(1);
    expect(
      await violations("import { openStore } from '../store/db.js';\n", 'src/config/load.ts'),
    ).toEqual([]);
  });
});

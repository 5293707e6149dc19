import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { Context } from '../../src/cli/context.js';
import { listDeliverableFiles, loadFile, readRef } from '../../src/release/validate/load.js';
import { precompiledModuleSource } from '../../src/release/validate/schema-precompile.js';
import {
  SCHEMA_FILE,
  SERIES_SCHEMA_FILE,
  compileUpstreamSchema,
  newAjv,
  precompiledValidator,
  prepareSchema,
} from '../../src/release/validate/schema.js';
import { GOVERNANCE_DIR, RELEASES_DIR, hasSharedData } from '../helpers/shared-data.js';
import { tempDir } from '../helpers/tmp.js';

/** What makes `release validate` fast over 6,000 files must not change what it finds. */

function realContext(): Context {
  return new Context(
    { releasesRepo: RELEASES_DIR, governanceRepo: GOVERNANCE_DIR },
    {
      stdout: () => {},
      stderr: () => {},
      env: {},
      cwd: process.cwd(),
      now: () => new Date('2026-11-27T12:00:00Z'),
      isTTY: false,
    },
  );
}

describe('precompiled schema validators', () => {
  it.runIf(hasSharedData())(
    'are used for exactly the schema text they were made from and agree with ajv (needs ../shared/data)',
    () => {
      const dir = tempDir();
      const schemas = [SCHEMA_FILE, SERIES_SCHEMA_FILE].map((file) => ({
        file,
        text: readFileSync(join(RELEASES_DIR, file), 'utf8'),
      }));
      const path = join(dir, 'schemas.precompiled.cjs');
      writeFileSync(path, precompiledModuleSource(schemas));
      const text = schemas[0]?.text ?? '';
      const pre = precompiledValidator(text, path);
      expect(pre).toBeTypeOf('function');
      expect(precompiledValidator(text + '\n# changed\n', path)).toBeUndefined();
      expect(precompiledValidator(text, join(dir, 'none.cjs'))).toBeUndefined();
      const ajv = newAjv(false).compile(prepareSchema(text, SCHEMA_FILE));
      const ctx = realContext();
      const tree = ctx.data.releases.tree;
      let checked = 0;
      for (const ref of listDeliverableFiles(tree).filter((_, i) => i % 10 === 0)) {
        const f = loadFile(ref, readRef(ref, tree));
        if (!f.parsed.ok) continue;
        const broken = { ...(f.parsed.value as object), releases: [{ version: 1.1 }] };
        for (const value of [f.parsed.value, broken]) {
          expect(pre?.(value)).toBe(ajv(value));
          checked++;
        }
      }
      expect(checked).toBeGreaterThan(1000);
      // the findings of a failing file come from the full validator either way
      const broken = { team: 'glance', type: 'library', releases: [{ version: 5.1 }] };
      expect(compileUpstreamSchema(text, SCHEMA_FILE, path)(broken, 'x.yaml')).toEqual(
        compileUpstreamSchema(text, SCHEMA_FILE, undefined)(broken, 'x.yaml'),
      );
    },
  );
});

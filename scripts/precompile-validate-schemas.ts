/**
 * Build step of `liaison release validate`: writes ajv's standalone code for
 * the upstream schemas of the embedded snapshot next to the compiled
 * src/release/validate/schema.js, so a run does not load ajv or compile.
 * A releases checkout whose schema differs is still compiled at run time,
 * so a failure here only costs speed: it warns and exits 0.
 *
 *   node dist/scripts/precompile-validate-schemas.js   (part of npm run build)
 */
import { writeFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { snapshotPart } from '../src/data/snapshot.js';
import { precompiledModuleSource } from '../src/release/validate/schema-precompile.js';
import {
  PRECOMPILED_FILE,
  SCHEMA_FILE,
  SERIES_SCHEMA_FILE,
} from '../src/release/validate/schema.js';

try {
  const releases = snapshotPart('files').releases;
  const schemas = [SCHEMA_FILE, SERIES_SCHEMA_FILE].flatMap((file) => {
    const text = releases[file];
    return text === undefined ? [] : [{ text, file }];
  });
  const out = fileURLToPath(
    new URL(`../src/release/validate/${PRECOMPILED_FILE}`, import.meta.url),
  );
  writeFileSync(out, precompiledModuleSource(schemas));
} catch (e) {
  process.stderr.write(
    `precompile-validate-schemas: skipped (${e instanceof Error ? e.message : String(e)})\n`,
  );
}

import { spawnSync } from 'node:child_process';
import { cpSync, existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { Context } from '../../src/cli/context.js';
import { packageRoot } from '../../src/core/package-root.js';
import { parseYaml } from '../../src/data/yaml.js';
import { ruleEnvData } from '../../src/release/validate/read.js';
import { envOver } from '../../src/release/validate/env.js';
import {
  otherOwners,
  seriesForRules,
  teamsForRules,
} from '../../src/release/validate/env-readers.js';
import { listDeliverableFiles, loadFile, readRef } from '../../src/release/validate/load.js';
import type { Finding } from '../../src/release/validate/plan-types.js';
import { CHUNK, claimChunks, startCheckers } from '../../src/release/validate/parallel.js';
import { validateFile } from '../../src/release/validate/plan.js';
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

describe.runIf(hasSharedData())('subset reads of what the rules need', () => {
  it('series: name, release id as written, status, next phase and dates, as the shared reader gives them', () => {
    const ctx = realContext();
    const expected = ctx.data.releases.series().map((s) => ({
      name: s.name,
      ...(s.releaseId ? { releaseId: s.releaseId } : {}),
      status: s.status,
      ...(s.initialRelease ? { initialRelease: s.initialRelease } : {}),
      ...(s.eolDate ? { eolDate: s.eolDate } : {}),
      ...(s.nextPhase ? { nextPhase: s.nextPhase } : {}),
    }));
    const got = seriesForRules(ctx.data.releases);
    expect(got).toEqual(expected);
    expect(got.find((s) => s.name === 'hibiscus')?.releaseId).toBe('2026.2');
    expect(got.find((s) => s.name === 'epoxy')?.nextPhase).toEqual({
      status: 'unmaintained',
      date: '2026-10-02',
    });
  });

  it('governance teams and deliverables, as the shared reader gives them', () => {
    const ctx = realContext();
    const expected = ctx.data.governance
      .teams()
      .map((t) => ({ name: t.name, deliverables: t.deliverables }));
    const got = teamsForRules(ctx.data.governance);
    expect(got).toEqual(expected);
    expect(got.some((t) => t.name === 'OpenStack Charms')).toBe(true);
  });

  it('SIG owners, as the general parser reads sigs-repos.yaml', () => {
    const ctx = realContext();
    const file = 'reference/sigs-repos.yaml';
    const value = parseYaml(readFileSync(join(GOVERNANCE_DIR, file), 'utf8'), file).value;
    const sigs = Object.keys(value as Record<string, unknown>).map((s) => `${s} SIG`);
    expect([...otherOwners(ctx.data.governance)].sort()).toEqual(
      ['Technical Committee', ...sigs].sort(),
    );
  });
});

describe('precompiled schema validators', () => {
  it.runIf(hasSharedData())(
    'are used for exactly the schema text they were made from and agree with ajv',
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

describe('chunks from a shared counter', () => {
  it('hands out every index once, in order, across claimers', () => {
    const counter = new Int32Array(new SharedArrayBuffer(8));
    const seen: number[] = [];
    // a second claimer taking chunks in the middle of the first one's
    let nested = false;
    claimChunks(counter, 10 * CHUNK + 3, CHUNK, (i) => {
      seen.push(i);
      if (!nested && i === 2) {
        nested = true;
        claimChunks(counter, 10 * CHUNK + 3, CHUNK, (j) => seen.push(j));
      }
    });
    expect(seen.length).toBe(10 * CHUNK + 3);
    expect([...seen].sort((a, b) => a - b)).toEqual(seen.map((_, i) => i));
  });
});

const DIST_WORKER = join(packageRoot(), 'dist/src/release/validate/worker.js');
const DIST_BIN = join(packageRoot(), 'dist/src/cli/bin.js');

// The worker threads run compiled code: these tests use the build (npm test builds first).
describe.runIf(hasSharedData() && existsSync(DIST_WORKER))('worker threads (built code)', () => {
  it('a worker checks the files it claims exactly as this thread does', async () => {
    const ctx = realContext();
    const tree = ctx.data.releases.tree;
    const refs = listDeliverableFiles(tree).filter((r) =>
      /\/(_independent|wallaby|zed)\//.test(r.display),
    );
    const data = ruleEnvData(ctx);
    const env = envOver(data, tree);
    const schemaText = readFileSync(join(RELEASES_DIR, SCHEMA_FILE), 'utf8');
    const schema = compileUpstreamSchema(schemaText, SCHEMA_FILE);
    const check = (i: number): Finding[] => {
      const ref = refs[i];
      return ref ? validateFile(loadFile(ref, readRef(ref, tree)), env, schema) : [];
    };
    const expected = refs.map((_, i) => check(i));
    const pool = startCheckers(DIST_WORKER, 1, {
      root: RELEASES_DIR,
      label: tree.label,
      rels: refs.map((r) => r.rel ?? ''),
      schemaText,
    });
    let here = 0;
    const got = await pool.run(data, (i) => {
      here++;
      // this thread goes slowly so that the worker takes most files
      const until = Date.now() + 5;
      while (Date.now() < until);
      return check(i);
    });
    expect(here).toBeLessThan(refs.length);
    expect(got).toEqual(expected);
    expect(expected.flat().length).toBeGreaterThan(0);
  });

  it('the CLI gives the same findings with and without workers, errors included', () => {
    const dir = tempDir();
    for (const f of [
      'data/series_status.yaml',
      SCHEMA_FILE,
      SERIES_SCHEMA_FILE,
      'derived/tooling-constants.yaml',
    ]) {
      mkdirSync(join(dir, f, '..'), { recursive: true });
      cpSync(join(RELEASES_DIR, f), join(dir, f));
    }
    for (const s of ['_independent', 'zed', 'hibiscus'])
      cpSync(join(RELEASES_DIR, 'deliverables', s), join(dir, 'deliverables', s), {
        recursive: true,
      });
    const edit = (path: string, change: (t: string) => string) => {
      writeFileSync(join(dir, path), change(readFileSync(join(dir, path), 'utf8')));
    };
    edit('deliverables/zed/glance.yaml', (t) => t + '  - version: [unclosed\n');
    edit('deliverables/hibiscus/glance-store.yaml', (t) =>
      t.replace('team: glance', 'team: glance\nteem: x'),
    );
    edit('deliverables/_independent/reno.yaml', (t) => t.replace(/team: .*/, 'team: nobody'));
    const run = (workers: string) =>
      spawnSync(
        process.execPath,
        [
          DIST_BIN,
          'release',
          'validate',
          '--releases-repo',
          dir,
          '--governance-repo',
          GOVERNANCE_DIR,
          '--json',
        ],
        { encoding: 'utf8', env: { ...process.env, LIAISON_VALIDATE_WORKERS: workers } },
      );
    const alone = run('0');
    const helped = run('2');
    expect(alone.status).toBe(1);
    expect(helped.status).toBe(1);
    expect(helped.stdout).toBe(alone.stdout);
    const view = JSON.parse(alone.stdout) as { files: number; findings: Finding[] };
    expect(view.files).toBeGreaterThan(400); // enough files for the workers to start
    expect(view.findings.map((f) => `${f.file} ${f.check}`)).toEqual(
      expect.arrayContaining([
        'deliverables/zed/glance.yaml yaml',
        'deliverables/hibiscus/glance-store.yaml schema',
        'deliverables/_independent/reno.yaml team',
      ]),
    );
  });
});

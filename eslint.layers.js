// The layers of src/ (docs/architecture.md), kept by lint. For each folder
// and depth this makes `no-restricted-imports` patterns (static imports and
// `export … from`) and a `no-restricted-syntax` selector (dynamic
// `import()`), so `npm run lint` fails on an import across a boundary, and
// test/layers.test.ts runs these same rules over src/ in CI.
//
//   core      core, calendar, data, git, store, config: imports nothing above it
//   sources   the adapters to remote services: import only the core
//   edge      cli, web, app (the composition root): may import anything
//   capability every other folder: imports the core, sources, and only the
//             pure side (plan*.ts, render*.ts) of another capability; only
//             its command.ts and page*.tsx touch cli/, web/ or app/
import { readdirSync } from 'node:fs';
import { URL } from 'node:url';

export const CORE = ['core', 'calendar', 'data', 'git', 'store', 'config'];
export const SOURCES = ['sources'];
export const EDGE = ['cli', 'web', 'app'];

/** Capability folders: every folder of src/ that is not core, sources or edge. */
export function capabilities(srcDir = new URL('./src', import.meta.url)) {
  return readdirSync(srcDir, { withFileTypes: true })
    .filter((e) => e.isDirectory())
    .map((e) => e.name)
    .filter((n) => ![...CORE, ...SOURCES, ...EDGE].includes(n))
    .sort();
}

/** Deepest folder nesting under a top folder of src/ that the rules cover. */
const MAX_DEPTH = 5;

const any = (names) => `(?:${names.join('|')})`;
/** A relative specifier that climbs exactly to src/ from `depth` folders below it, then names a top folder. */
const fromSrc = (depth) => `^(?:\\.\\./){${depth}}`;

/** Files of a top folder at one depth: src/F/*.ts, src/F/x/*.ts… */
const filesAt = (folder, depth) => [
  `src/${folder}/${'*/'.repeat(depth - 1)}*.ts`,
  `src/${folder}/${'*/'.repeat(depth - 1)}*.tsx`,
];

/** The CLI, the web server and the composition root are for command.ts and page*.tsx only. */
const EDGE_FILES = ['**/command.ts', '**/page.tsx', '**/page-*.tsx'];

function rules(patterns) {
  return {
    'no-restricted-imports': [
      'error',
      { patterns: patterns.map(([regex, message]) => ({ regex, message })) },
    ],
    'no-restricted-syntax': [
      'error',
      ...patterns.map(([regex, message]) => ({
        // esquery regex literals cannot hold a slash
        selector: `ImportExpression[source.value=/${regex.replaceAll('/', '\\x2F')}/]`,
        message,
      })),
    ],
  };
}

function corePatterns(depth) {
  return [
    [
      `${fromSrc(depth)}(?!${any(CORE)}/)[\\w-]+/`,
      `the core (${CORE.join(', ')}) imports nothing above it: take the value as a parameter or Deps`,
    ],
  ];
}

function sourcesPatterns(depth) {
  return [
    [
      `${fromSrc(depth)}(?!${any([...CORE, ...SOURCES])}/)[\\w-]+/`,
      'sources/ imports only the core: the capability passes what to fetch (its read-sync.ts is the source)',
    ],
  ];
}

function capabilityPatterns(folder, depth, { edge }) {
  const out = [
    [
      // another capability's reading, writing or wiring code: plan*.ts and render*.ts only
      `${fromSrc(depth)}(?!${any([...CORE, ...SOURCES, ...EDGE, folder])}/)[\\w-]+/(?:[\\w.-]+/)*(?!(?:plan|render)(?:-[\\w-]+)?\\.js$)[\\w.-]+$`,
      "a capability imports only another capability's pure side (plan*.ts, render*.ts); ask for its view through ctx.views",
    ],
  ];
  if (!edge)
    out.push([
      `${fromSrc(depth)}${any(EDGE)}/`,
      'only command*.ts and page*.tsx may import cli/, web/ or app/: take Deps, return a view or a string',
    ]);
  return out;
}

/** The flat-config entries of the layer rules. */
export function layerConfigs(srcDir) {
  const out = [];
  for (let depth = 1; depth <= MAX_DEPTH; depth++) {
    for (const f of CORE) out.push({ files: filesAt(f, depth), rules: rules(corePatterns(depth)) });
    for (const f of SOURCES)
      out.push({ files: filesAt(f, depth), rules: rules(sourcesPatterns(depth)) });
    for (const f of capabilities(srcDir)) {
      out.push({
        files: filesAt(f, depth),
        ignores: EDGE_FILES,
        rules: rules(capabilityPatterns(f, depth, { edge: false })),
      });
      out.push({
        files: filesAt(f, depth).flatMap((g) =>
          EDGE_FILES.map((e) => g.replace(/\*\.tsx?$/, e.replace('**/', ''))),
        ),
        rules: rules(capabilityPatterns(f, depth, { edge: true })),
      });
    }
  }
  return out;
}

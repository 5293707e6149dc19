import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { parseDocument } from 'yaml';
import {
  parseSubsetYaml,
  SUBSET_MAX_DEPTH,
  subsetGiveUpReason,
} from '../../src/data/yaml-subset.js';
import { parseYaml, rawScalar, type ParsedYaml } from '../../src/data/yaml.js';
import { GOVERNANCE_DIR, RELEASES_DIR, hasSharedData } from '../helpers/shared-data.js';

function viaYaml(text: string): unknown {
  const doc = parseDocument(text, { version: '1.2' });
  if (doc.errors.length > 0) throw new Error(doc.errors[0]!.message);
  return doc.toJS({ maxAliasCount: 1000 });
}

/** The subset reader either gives up or agrees with the `yaml` package. */
function expectSame(text: string): 'fast' | 'fallback' {
  const fast = parseSubsetYaml(text);
  if (!fast) {
    return 'fallback';
  }
  expect(fast.value).toStrictEqual(viaYaml(text));
  return 'fast';
}

describe('subset YAML reader', () => {
  it('reads plain scalars as written when asked (release ids)', () => {
    const text = '- name: hibiscus\n  release-id: 2026.2\n  n: ~\n  q: "x"\n';
    expect(parseSubsetYaml(text, { plainAsText: true })?.value).toStrictEqual([
      { name: 'hibiscus', 'release-id': '2026.2', n: '~', q: 'x' },
    ]);
    // a scalar whose written form is not its text is left to the document
    for (const odd of ["a: 'it''s'\n", 'a: "x\\ty"\n', 'a: |\n  x\n', 'a: b\n  c\n', "a: ['x''y']\n"])
      expect(parseSubsetYaml(odd, { plainAsText: true }), odd).toBeUndefined();
    // and the option does not stick to the next call
    expect(parseSubsetYaml(text)?.value).toStrictEqual([
      { name: 'hibiscus', 'release-id': 2026.2, n: null, q: 'x' },
    ]);
  });

  it.runIf(hasSharedData())('agrees with the yaml package on mutated copies of real files (or gives up; needs ../shared/data)', () => {
    // YAML-significant edits at pseudo-random places: the reader must never
    // accept a text `yaml` rejects, nor read one differently
    const root = join(RELEASES_DIR, 'deliverables');
    const texts = readdirSync(root)
      .flatMap((dir) => readdirSync(join(root, dir)).map((f) => join(root, dir, f)))
      .filter((_, i) => i % 20 === 0)
      .map((f) => readFileSync(f, 'utf8'));
    const edits = [
      ' ',
      '  ',
      '-',
      '- ',
      ':',
      ': ',
      '#',
      ' #',
      "'",
      '"',
      '\\',
      '\n',
      '\n ',
      '|',
      '>',
    ]
      .concat([
        '[',
        ']',
        '{',
        '}',
        ',',
        '&',
        '*',
        '!',
        '?',
        'a',
        '1',
        '.',
        '~',
        'null',
        'true',
        '0x1',
      ])
      .concat(['1.5', '- a', 'k: v', '\n  - x', '%', '@', '`', '|-', '>+', '\\n', "''", '""']);
    let seed = 12345;
    const next = (n: number): number => {
      seed = (seed * 1103515245 + 12345) & 0x7fffffff;
      return seed % n;
    };
    let read = 0;
    const wrong: string[] = [];
    for (let k = 0; k < 1500; k++) {
      let t = texts[next(texts.length)] ?? '';
      for (let m = next(3); m >= 0; m--) {
        const at = next(t.length + 1);
        const edit = edits[next(edits.length)] ?? '';
        const op = next(3);
        if (op === 0) t = t.slice(0, at) + edit + t.slice(at);
        else if (op === 1) t = t.slice(0, at) + t.slice(at + 1 + next(3));
        else t = t.slice(0, at) + edit + t.slice(at + edit.length);
      }
      const fast = parseSubsetYaml(t);
      if (!fast) continue;
      read++;
      const doc = parseDocument(t, { version: '1.2' });
      const same =
        doc.errors.length === 0 &&
        JSON.stringify(fast.value) === JSON.stringify(doc.toJS({ maxAliasCount: 1000 }));
      if (!same) wrong.push(JSON.stringify(t));
    }
    expect(wrong.slice(0, 3)).toEqual([]);
    expect(read).toBeGreaterThan(300); // most edits keep a readable file
  });

  it.runIf(hasSharedData())('agrees with the yaml package on every deliverable file of the real data (needs ../shared/data)', () => {
    const root = join(RELEASES_DIR, 'deliverables');
    let fast = 0;
    const fallbacks: string[] = [];
    for (const dir of readdirSync(root)) {
      for (const f of readdirSync(join(root, dir))) {
        const text = readFileSync(join(root, dir, f), 'utf8');
        if (expectSame(text) === 'fast') fast++;
        else fallbacks.push(`${dir}/${f}`);
      }
    }
    expect(fast + fallbacks.length).toBe(6026);
    // the subset covers the real files; only oddities go to the full parser
    expect(fallbacks.length, fallbacks.join(', ')).toBeLessThan(10);
  });

  it.each([
    [
      'scalars by the core schema',
      '---\na: 1\nb: 1.10\nc: \'1.10\'\nd: "2013.2"\ne: yes\nf: true\ng: ~\nh: null\ni: 0x1F\nj: 0o17\nk: 1e5\nl: .inf\nm: -3\nn: 0123\no: 1.\n',
    ],
    [
      'nested blocks',
      '---\nteam: glance\nrepository-settings:\n  openstack/glance: {}\n  openstack/x:\n    flags:\n      - retired\nreleases:\n  - version: 1.0.0\n    projects:\n      - repo: openstack/glance\n        hash: 0123456789abcdef0123456789abcdef01234567\n        comment: hi # trailing\n',
    ],
    ['sequence at the key indentation', 'a:\n- x\n- y\nb: z\n'],
    [
      'multi-line plain scalars',
      'cycle-highlights:\n  - Added support for the new x-openstack-image-size header that\n    allows Glance to check the size\n\n    of the uploaded data\nrelease-notes:\n  https://docs.openstack.org/releasenotes/x/2023.1.html\n',
    ],
    [
      'quoted scalars over lines',
      "a: 'it''s\n  folded\n\n  here'\nb: \"esc \\\" \\u00e9 \\n\n  next\"\n",
    ],
    ['flow sequences and empty maps', "a: [x, 'y', 3]\nb: []\nc: {}\nd:\n"],
    ['comments everywhere', '# head\n---\n# c\na: b # c\n# between\nc:\n  # inside\n  - d\n'],
    ['integers that are all digits', 'hash: 1234567890123456789012345678901234567890\n'],
    [
      'block scalars',
      'a:\n  - |\n    line one,\n      indented\n\n    # not a comment\n  - >-\n    folded\n    text\n\n    para\nb: |+\n  kept\n\nc: x\n',
    ],
    ['strings with colons and hashes', 'url: http://x.org/a#b\nv: a:b\n'],
    [
      'keys with inner spaces (projects.yaml)',
      'OpenStack Charms:\n  ptl: x\nQuality Assurance: {}\n',
    ],
    [
      'an escaped line break in a double-quoted scalar',
      'a:\n  - "Z3 Engine: the experimental\\\n    \\ Z3-prover opens the way\\\n    \\ to more."\n',
    ],
    ['a comment after a quoted scalar', 'a: \'x\' # c\nb: "y"   # d\n'],
    ['duplicate-looking keys in different mappings', 'a:\n  k: 1\nb:\n  k: 2\n'],
  ])('%s', (_name, text) => {
    expect(expectSame(text)).toBe('fast');
  });

  it.each([
    ['anchors', 'a: &x 1\nb: *x\n'],
    ['duplicate keys', 'a: 1\na: 2\n'],
    ['a tab', 'a:\n\t- b\n'],
    ['bad indentation', 'a: b\n  c: d\n'],
    ['unclosed quote', "a: 'b\n"],
    ['compact nested mapping', 'a: b: c\n'],
    ['a second document', 'a: 1\n---\nb: 2\n'],
    ['a duplicate key after others', 'a: 1\nb: 2\nc: 3\nb: 4\n'],
    ['a comment glued to a quote', "a: 'x'#c\n"],
    ['a byte-order mark', '\ufeffa: 1\n'],
  ])('gives up on %s', (_name, text) => {
    expect(parseSubsetYaml(text)).toBeUndefined();
    expect(subsetGiveUpReason(text)).toBeTypeOf('string');
  });
});

describe.runIf(hasSharedData())('the one YAML reader on the real data (needs ../shared/data)', () => {
  const files = [
    ...readdirSync(join(RELEASES_DIR, 'deliverables')).flatMap((dir) =>
      readdirSync(join(RELEASES_DIR, 'deliverables', dir)).map((f) =>
        join(RELEASES_DIR, 'deliverables', dir, f),
      ),
    ),
    join(RELEASES_DIR, 'data/series_status.yaml'),
    join(RELEASES_DIR, 'derived/tooling-constants.yaml'),
    join(GOVERNANCE_DIR, 'reference/projects.yaml'),
    join(GOVERNANCE_DIR, 'reference/sigs-repos.yaml'),
  ];

  // (the schema is outside the subset: `npm run build` precompiles it, so a run reads it only when it changed)
  it('reads every data file with the subset reader: the yaml package is never loaded for them', () => {
    const outside = files.filter((f) => parseSubsetYaml(readFileSync(f, 'utf8')) === undefined);
    expect(outside).toEqual([]);
    const series = readFileSync(join(RELEASES_DIR, 'data/series_status.yaml'), 'utf8');
    expect(parseSubsetYaml(series, { plainAsText: true })).toBeDefined();
  });

  it('gives every scalar as written exactly as the yaml document does (rawScalar)', () => {
    let compared = 0;
    for (const f of files.filter((x, i) => i % 7 === 0 || x.endsWith('series_status.yaml'))) {
      const parsed = parseYaml(readFileSync(f, 'utf8'), f);
      const viaDoc: ParsedYaml = { value: parsed.value, text: parsed.text, file: f, doc: parsed.doc };
      const walk = (v: unknown, path: (string | number)[]): void => {
        if (Array.isArray(v)) v.forEach((x, i) => { walk(x, [...path, i]); });
        else if (v !== null && typeof v === 'object')
          for (const [k, x] of Object.entries(v)) walk(x, [...path, k]);
        else {
          expect(rawScalar(parsed, path), `${f} ${path.join('.')}`).toBe(rawScalar(viaDoc, path));
          compared++;
        }
      };
      walk(parsed.value, []);
    }
    expect(compared).toBeGreaterThan(10_000);
  });
});


describe('limits', () => {
  it('leaves a nesting deeper than its limit to the yaml package, which data/yaml.ts bounds', () => {
    const nest = (n: number) =>
      Array.from({ length: n }, (_, i) => `${'  '.repeat(i)}k${i}:`).join('\n') + ' x\n';
    expect(parseSubsetYaml(nest(SUBSET_MAX_DEPTH))).toBeDefined();
    expect(parseSubsetYaml(nest(SUBSET_MAX_DEPTH + 1))).toBeUndefined();
    expect(parseYaml(nest(SUBSET_MAX_DEPTH + 1), 'deep.yaml').value).toBeDefined();
    expect(() => parseYaml(nest(150), 'deep.yaml')).toThrow(/nested more than 100 levels deep/);
  });
});

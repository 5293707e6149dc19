import { describe, expect, it } from 'vitest';
import { parseDocument } from 'yaml';
import { parseNoteYaml } from '../../src/data/reno/note-file.js';
import { parseSubsetYaml } from '../../src/data/yaml-subset.js';

/**
 * Notes are YAML 1.1 (reno reads them with PyYAML); most are read by the
 * fast subset reader, which must give exactly what the YAML library gives
 * with 1.1 rules, or leave the note to it.
 */
function viaYaml11(text: string): string {
  const doc = parseDocument(text, { version: '1.1', uniqueKeys: false, prettyErrors: false });
  if (doc.errors.length > 0) return 'error';
  const raw: unknown = doc.toJS({ mapAsMap: true, maxAliasCount: 1000 });
  return raw instanceof Map ? JSON.stringify([...raw]) : 'error';
}

function ours(text: string): string {
  try {
    return JSON.stringify([...parseNoteYaml(text, 'n.yaml')]);
  } catch {
    return 'error';
  }
}

const NOTES = [
  '---\nfixes:\n  - |\n    Fixed the ``image-import`` call when the store\n    answers 503.\n',
  '---\nprelude: >\n  The theme of this release is the new cache.\nfeatures:\n  - A feature.\n  - "Another, with a colon: here"\n',
  "---\nupgrade:\n  - 'It''s quoted.'\ndeprecations:\n  - The option ``foo`` is deprecated.\n",
  '---\nsecurity:\n  - |\n    `OSSN-0090 <https://wiki.openstack.org/wiki/OSSN/OSSN-0090>`_\n\n    Second paragraph.\n',
  '---\nother:\n  - Plain scalar\n    over two lines.\n',
];

describe('note YAML: the subset reader and YAML 1.1 agree', () => {
  it.each([
    ['yes is a boolean', 'other: yes\n'],
    ['on as an item', 'fixes:\n  - on\n'],
    ['a sexagesimal number', 'fixes:\n  - 1:30\n'],
    ['underscores in a number', 'fixes:\n  - 1_000\n'],
    ['a date', 'fixes:\n  - 2024-01-31\n'],
    ['an octal number', 'fixes:\n  - 0755\n'],
    ['a binary number', 'fixes:\n  - 0b101\n'],
    ['y alone', 'fixes:\n  - y\n'],
    ['a boolean key', 'on: [x]\n'],
    ['a null item', 'fixes:\n  - ~\n'],
    ['an empty value', 'fixes:\n'],
    ['a number key', '123: [x]\n'],
    ['a merge key', 'fixes: [a]\n<<: {}\n'],
    ['escapes', 'fixes:\n  - "tab\\there \\u00e9 \\x41"\n'],
    ['a duplicate key', 'fixes: [a]\nfixes: [b]\n'],
    ...NOTES.map((n, i) => [`real-shaped note ${i}`, n] as [string, string]),
  ])('%s', (_name, text) => {
    expect(ours(text)).toBe(viaYaml11(text));
  });

  it('agrees on a thousand mutated notes (or both refuse them)', () => {
    const edits = [' ', '  ', '-', '- ', ':', ': ', '#', "'", '"', '\\', '\n', '\n ', '|', '>'];
    const words = [
      'yes',
      'no',
      'on',
      'off',
      'y',
      '1',
      '1.5',
      '0x1f',
      '1:2',
      '~',
      'null',
      '2020-01-01',
    ];
    let seed = 4242;
    const next = (n: number): number => {
      seed = (seed * 1103515245 + 12345) & 0x7fffffff;
      return seed % n;
    };
    const wrong: string[] = [];
    let bySubset = 0;
    for (let k = 0; k < 1000; k++) {
      let t = NOTES[next(NOTES.length)] ?? '';
      for (let m = next(3); m >= 0; m--) {
        const at = next(t.length + 1);
        const pool = next(2) === 0 ? edits : words;
        const edit = pool[next(pool.length)] ?? '';
        t = t.slice(0, at) + edit + t.slice(at);
      }
      if (ours(t) !== viaYaml11(t)) wrong.push(JSON.stringify(t));
      if (parseSubsetYaml(t)) bySubset++;
    }
    expect(wrong.slice(0, 3)).toEqual([]);
    expect(bySubset).toBeGreaterThan(300); // the fast path was tried, not only the library
  });
});

import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { parseDocument } from 'yaml';
import { parseSubsetYaml, subsetGiveUpReason } from '../../src/release/validate/fast-yaml.js';
import { RELEASES_DIR, hasSharedData } from '../helpers/shared-data.js';

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
  it('agrees with the yaml package on every deliverable file of the real data', () => {
    if (!hasSharedData()) return;
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
  ])('gives up on %s', (_name, text) => {
    expect(parseSubsetYaml(text)).toBeUndefined();
    expect(subsetGiveUpReason(text)).toBeTypeOf('string');
  });
});

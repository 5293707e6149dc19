import { execFileSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import {
  addBranch,
  appendRelease,
  setDiffStart,
} from '../../src/release/edits/deliverable-edits.js';
import { addCycleHighlights, highlightLines } from '../../src/release/edits/highlights-edit.js';
import { newSeriesFile } from '../../src/release/edits/new-series-file.js';
import { ConfigError } from '../../src/core/errors.js';
import { unifiedDiff } from '../../src/core/unified-diff.js';
import { RELEASES_DIR } from '../helpers/shared-data.js';

const file = (p: string) => readFileSync(join(RELEASES_DIR, 'deliverables', p), 'utf8');
const SHA = '0123456789abcdef0123456789abcdef01234567';
const read = (text: string) => parse(text, { version: '1.2' }) as Record<string, unknown>;

/** The edit only inserted lines: removing exactly the inserted block gives the original back. */
function insertedBlock(before: string, after: string): string {
  let i = 0;
  while (i < before.length && before[i] === after[i]) i++;
  i = before.lastIndexOf('\n', i - 1) + 1;
  const extra = after.length - before.length;
  expect(after.slice(0, i) + after.slice(i + extra)).toBe(before);
  return after.slice(i, i + extra);
}

describe('minimal-diff edits of deliverable files', () => {
  it('appends an rc to hibiscus/glance.yaml in upstream layout, and its stable branch', () => {
    const before = file('hibiscus/glance.yaml');
    const withRc = appendRelease(before, {
      version: '33.0.0.0rc1',
      projects: [{ repo: 'openstack/glance', hash: SHA }],
    });
    const after = addBranch(withRc, { name: 'stable/2026.2', location: '33.0.0.0rc1' });
    expect(after).toBe(
      before +
        `  - version: 33.0.0.0rc1
    projects:
      - repo: openstack/glance
        hash: ${SHA}
branches:
  - name: stable/2026.2
    location: 33.0.0.0rc1
`,
    );
  });

  it('inserts after the last release and the last branch when other keys follow (flamingo/glance.yaml)', () => {
    const before = file('flamingo/glance.yaml');
    const r = appendRelease(before, {
      version: '31.2.0',
      projects: [{ repo: 'openstack/glance', hash: SHA }],
    });
    expect(insertedBlock(before, r)).toBe(
      `  - version: 31.2.0\n    projects:\n      - repo: openstack/glance\n        hash: ${SHA}\n`,
    );
    expect(r.indexOf('  - version: 31.2.0')).toBeLessThan(r.indexOf('branches:'));
    const b = addBranch(before, { name: 'bugfix/31.1', location: '31.1.0' });
    expect(insertedBlock(before, b)).toBe('  - name: bugfix/31.1\n    location: 31.1.0\n');
    expect(b.indexOf('bugfix/31.1')).toBeLessThan(b.indexOf('release-notes:'));
  });

  it('writes diff-start and procedural comments; sets diff-start on an existing release', () => {
    const before = file('gazpacho/glance-store.yaml');
    const r = appendRelease(before, {
      version: '5.4.1',
      projects: [
        {
          repo: 'openstack/glance_store',
          hash: SHA,
          comment: 'procedural tag to handle release job failure',
        },
      ],
      diffStart: '5.3.0',
    });
    const last = (read(r).releases as unknown[]).at(-1);
    expect(last).toEqual({
      version: '5.4.1',
      projects: [
        {
          repo: 'openstack/glance_store',
          hash: SHA,
          comment: 'procedural tag to handle release job failure',
        },
      ],
      'diff-start': '5.3.0',
    });
    const flamingo = file('flamingo/glance.yaml');
    const replaced = setDiffStart(flamingo, '31.0.0', '30.1.0');
    expect(replaced).toBe(flamingo.replace('diff-start: 30.0.0', 'diff-start: 30.1.0'));
    const added = setDiffStart(flamingo, '31.1.0', '31.0.0');
    expect(insertedBlock(flamingo, added)).toBe('    diff-start: 31.0.0\n');
    expect((read(added).releases as Record<string, unknown>[])[2]?.['diff-start']).toBe('31.0.0');
  });

  it('never lets a version or hash become a number', () => {
    const before = '---\nteam: x\ntype: other\nrepository-settings:\n  openstack/x: {}\n';
    const digits = '1234567890123456789012345678901234567890';
    const r = appendRelease(before, {
      version: '2013.2',
      projects: [{ repo: 'openstack/x', hash: digits }],
    });
    expect(r).toContain("  - version: '2013.2'\n");
    expect(r).toContain(`hash: '${digits}'\n`);
    const rel = (read(r).releases as { version: unknown; projects: { hash: unknown }[] }[])[0];
    expect(rel?.version).toBe('2013.2');
    expect(rel?.projects[0]?.hash).toBe(digits);
  });

  it('handles an empty releases key and a file without a final newline', () => {
    const empty = appendRelease('---\nteam: x\ntype: other\nreleases: []\nrelease-notes: u\n', {
      version: '1.0.0',
      projects: [{ repo: 'openstack/x', hash: SHA }],
    });
    expect(empty).toBe(
      `---\nteam: x\ntype: other\nreleases:\n  - version: 1.0.0\n    projects:\n      - repo: openstack/x\n        hash: ${SHA}\nrelease-notes: u\n`,
    );
    const noNewline = addBranch(
      '---\nteam: x\nbranches:\n  - name: stable/a\n    location: 1.0.0',
      { name: 'stable/b', location: '2.0.0' },
    );
    expect(noNewline).toBe(
      '---\nteam: x\nbranches:\n  - name: stable/a\n    location: 1.0.0\n  - name: stable/b\n    location: 2.0.0\n',
    );
  });

  it('refuses a list key holding something a splice would lose (flow items, a scalar)', () => {
    const release = { version: '1.0.0', projects: [{ repo: 'openstack/x', hash: SHA }] };
    for (const value of ['[{version: 0.9.0}]', 'later']) {
      const text = `---\nteam: x\nreleases: ${value}\n`;
      expect(() => appendRelease(text, release)).toThrow(ConfigError);
      expect(() => appendRelease(text, release)).toThrow(/releases: not a block list/);
    }
    expect(() => addCycleHighlights('---\ncycle-highlights: one\n', ['Two.'])).toThrow(
      /cycle-highlights: not a block list/,
    );
  });

  it('keeps every other byte of every hibiscus and _independent file (append release + branch, read back)', () => {
    const dirs = ['hibiscus', '_independent'];
    let n = 0;
    for (const dir of dirs) {
      for (const name of execFileSync('ls', [join(RELEASES_DIR, 'deliverables', dir)], {
        encoding: 'utf8',
      }).split('\n')) {
        if (!name.endsWith('.yaml')) continue;
        const before = file(`${dir}/${name}`);
        const release = { version: '99.0.0', projects: [{ repo: 'openstack/zz', hash: SHA }] };
        const r = appendRelease(before, release);
        const withBranch = addBranch(r, { name: 'stable/9999.1', location: '99.0.0' });
        const doc = read(withBranch);
        const original = read(before);
        expect((doc.releases as unknown[]).at(-1), name).toEqual(release);
        expect((doc.branches as unknown[]).at(-1), name).toEqual({
          name: 'stable/9999.1',
          location: '99.0.0',
        });
        expect({ ...doc, releases: undefined, branches: undefined }).toEqual({
          ...original,
          releases: undefined,
          branches: undefined,
        });
        // only insertions: the original lines are a subsequence, in order
        const diff = unifiedDiff(before, withBranch, name);
        expect(diff.split('\n').filter((l) => l.startsWith('-') && !l.startsWith('---'))).toEqual(
          [],
        );
        n++;
      }
    }
    expect(n).toBeGreaterThan(300);
  });
});

describe('cycle highlights', () => {
  it("rebuilds flamingo/glance.yaml's highlights byte for byte from the bullets", () => {
    const real = file('flamingo/glance.yaml');
    const bullets = read(real)['cycle-highlights'] as string[];
    const start = real.indexOf('cycle-highlights:\n');
    const end = real.indexOf('repository-settings:');
    const without = real.slice(0, start) + real.slice(end);
    expect(addCycleHighlights(without, bullets)).toBe(real);
  });

  it('adds to an existing list and creates the key after type otherwise', () => {
    const real = file('flamingo/glance.yaml');
    const more = addCycleHighlights(real, ['Glance now does the thing: with a colon and a # hash']);
    expect(insertedBlock(real, more)).toBe(
      "  - 'Glance now does the thing: with a colon and a # hash'\n",
    );
    const gazpacho = file('gazpacho/glance.yaml');
    const created = addCycleHighlights(gazpacho, ['One.']);
    expect(insertedBlock(gazpacho, created)).toBe('cycle-highlights:\n  - One.\n');
    expect(created.indexOf('cycle-highlights')).toBe(
      created.indexOf('repository-settings') - 'cycle-highlights:\n  - One.\n'.length,
    );
  });

  it('fills an empty key on its line, as the releases edit does', () => {
    const text = '---\ntype: service\ncycle-highlights:\nrepository-settings: {}\n';
    expect(addCycleHighlights(text, ['One.'])).toBe(
      '---\ntype: service\ncycle-highlights:\n  - One.\nrepository-settings: {}\n',
    );
  });

  it('wraps at 66 columns with a 4-space continuation and quotes RST that YAML would misread', () => {
    const long =
      'Added support for the new x-openstack-image-size header that allows Glance to check the size of the uploaded data';
    const lines = highlightLines(long).split('\n').filter(Boolean);
    expect(lines.every((l) => l.length <= 66)).toBe(true);
    expect(lines[1]?.startsWith('    allows')).toBe(true);
    expect(highlightLines('``OSSN-0090`` is fixed')).toBe("  - '``OSSN-0090`` is fixed'\n");
  });
});

describe('new series file (init-series)', () => {
  it('reproduces hibiscus files from their gazpacho files', () => {
    let same = 0;
    let total = 0;
    const names = execFileSync('ls', [join(RELEASES_DIR, 'deliverables', 'hibiscus')], {
      encoding: 'utf8',
    })
      .split('\n')
      .filter((n) => n.endsWith('.yaml'));
    for (const name of names) {
      let prev: string;
      try {
        prev = file(`gazpacho/${name}`);
      } catch {
        continue;
      }
      total++;
      const hadReleases =
        Array.isArray(read(prev).releases) && (read(prev).releases as unknown[]).length > 0;
      const made = newSeriesFile(prev, 'gazpacho', hadReleases);
      const real = file(`hibiscus/${name}`);
      const realHead = real.split(/^(releases|branches|release-notes|cycle-highlights):/m)[0] ?? '';
      if (made === realHead || made === real) same++;
    }
    // the release team's copies; later hand edits (e.g. a changed launchpad) make the rest differ
    expect(total).toBeGreaterThan(180);
    expect(same / total).toBeGreaterThan(0.9);
    const spec = newSeriesFile(
      file('gazpacho/puppet-openstack_spec_helper.yaml'),
      'gazpacho',
      false,
    );
    expect(spec).toBe(file('hibiscus/puppet-openstack_spec_helper.yaml'));
  });
});

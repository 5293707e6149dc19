import { describe, expect, it } from 'vitest';
import { TestRepo } from '../helpers/git-repo.js';
import { note, notes } from './helpers.js';

const ZZZ = `---
prelude: >
  Prelude from zzz
  (folded).
fixes:
  - |
    First fix
    second line of it
  - Second fix
`;

describe('notes report', () => {
  it('prints reno’s RST byte for byte (reno-semantics.md 6.2 example)', async () => {
    const repo = TestRepo.create();
    const sha = repo.commit('note', { [note('zzz-aaaaaaaaaaaaaaaa')]: ZZZ });
    repo.tag('1.0.0');
    const r = await notes(repo, 'report');
    const src = `.. releasenotes/notes/zzz-aaaaaaaaaaaaaaaa.yaml @ b'${sha}'`;
    expect(r.stdout).toBe(
      [
        '=============',
        'Release Notes',
        '=============',
        '',
        '.. _Release Notes_1.0.0:',
        '',
        '1.0.0',
        '=====',
        '',
        '.. _Release Notes_1.0.0_Prelude:',
        '',
        'Prelude',
        '-------',
        '',
        src,
        '',
        'Prelude from zzz (folded).',
        '',
        '',
        '.. _Release Notes_1.0.0_Bug Fixes:',
        '',
        'Bug Fixes',
        '---------',
        '',
        src,
        '',
        '- First fix',
        '  second line of it',
        '',
        src,
        '',
        '- Second fix',
        '',
        '',
        '',
      ].join('\n'),
    );
  });

  it('uses the title, the branch as typed in anchors, and hides sources on request', async () => {
    const repo = TestRepo.create();
    repo.commit('note', { [note('zzz-aaaaaaaaaaaaaaaa')]: ZZZ });
    repo.tag('1.0.0');
    repo.branch('stable/one');
    const r = await notes(repo, 'report', [
      '--branch',
      'stable/one',
      '--title',
      'Glance',
      '--no-show-source',
    ]);
    expect(r.stdout).toContain('======\nGlance\n======\n\n.. _Glance_1.0.0_stable_one:\n');
    expect(r.stdout).toContain('.. _Glance_1.0.0_stable_one_Bug Fixes:\n');
    expect(r.stdout).not.toContain('@ b');
    // reno's --version works under notes, even after valued global options
    const { runCli } = await import('../helpers/cli.js');
    const picked = await runCli([
      '--date',
      '2026-01-01',
      'notes',
      'list',
      '--repo',
      repo.dir,
      '--ignore-cache',
      '--version',
      '1.0.0',
    ]);
    expect(picked.stdout.startsWith('1.0.0\n')).toBe(true);
    expect((await runCli(['--version'])).stdout.trim()).toMatch(/^\d+\.\d+\.\d+/);
    const untitled = await notes(repo, 'report', ['--title=']);
    expect(untitled.stdout.startsWith('.. _relnotes_1.0.0:\n')).toBe(true);
  });

  it('follows the config: renamed prelude, unreleased title, release dates, subsection levels', async () => {
    const repo = TestRepo.create();
    repo.write(
      'reno.yaml',
      [
        'prelude_section_name: release_summary',
        'unreleased_version_title: In Development',
        'add_release_date: true',
        'sections:',
        '  - [features, New Features]',
        '  - [features_cli, Command Line, 2]',
        '  - [fixes, Bug Fixes, 3]',
      ].join('\n') + '\n',
    );
    repo.commit('old', {
      [note('old-0000000000000001')]: '---\nprelude: Old prelude.\nfeatures:\n  - Old feature\n',
    });
    repo.tag('1.0.0');
    repo.commit('new', {
      [note('new-0000000000000002')]:
        '---\nrelease_summary: Summary.\nfeatures_cli: A flag.\nfixes: [A fix]\n',
    });
    const r = await notes(repo, 'report', ['--no-show-source']);
    const dateOf1 = new Date(
      Number(repo.git('for-each-ref', '--format=%(creatordate:unix)', 'refs/tags/1.0.0')) * 1000,
    );
    const pad = (n: number) => String(n).padStart(2, '0');
    const day = `${dateOf1.getFullYear()}-${pad(dateOf1.getMonth() + 1)}-${pad(dateOf1.getDate())}`;
    expect(r.stdout).toBe(
      [
        '=============',
        'Release Notes',
        '=============',
        '',
        '.. _Release Notes_In Development:',
        '',
        'In Development',
        '==============',
        '',
        'Release Date: Unknown',
        '',
        '.. _Release Notes_In Development_Release Summary:',
        '',
        'Release Summary',
        '---------------',
        '',
        'Summary.',
        '',
        '.. _Release Notes_In Development_Command Line:',
        '',
        'Command Line',
        '^^^^^^^^^^^^',
        '',
        '- A flag.',
        '',
        '',
        '.. _Release Notes_In Development_Bug Fixes:',
        '',
        'Bug Fixes',
        '~~~~~~~~~',
        '',
        '- A fix',
        '',
        '',
        '.. _Release Notes_1.0.0:',
        '',
        '1.0.0',
        '=====',
        '',
        `Release Date: ${day}`,
        '',
        '.. _Release Notes_1.0.0_New Features:',
        '',
        'New Features',
        '------------',
        '',
        '- Old feature',
        '',
        '',
        '',
      ].join('\n'),
    );
    // the old `prelude` key is now an unknown section: warned about, left out
    expect(r.stderr).toContain(
      'The prelude section of releasenotes/notes/old-0000000000000001.yaml is not a recognized section.',
    );
  });

  it('renders the same view model as Markdown, HTML and JSON', async () => {
    const repo = TestRepo.create();
    const sha = repo.commit('note', {
      [note('zzz-aaaaaaaaaaaaaaaa')]: ZZZ.replace('Second fix', 'Second <fix> & ``code``'),
    });
    repo.tag('1.0.0');
    const md = await notes(repo, 'report', ['--format', 'md']);
    expect(md.stdout).toContain('# Release Notes\n\n## 1.0.0\n\n### Prelude\n');
    expect(md.stdout).toContain(
      `### Bug Fixes\n\n<!-- releasenotes/notes/zzz-aaaaaaaaaaaaaaaa.yaml @ ${sha} -->\n- First fix\n  second line of it\n`,
    );
    const html = await notes(repo, 'report', ['--format', 'html']);
    expect(html.stdout).toContain('<h2>1.0.0</h2>');
    expect(html.stdout).toContain('Second &lt;fix&gt; &amp; <code>code</code>');
    const json = await notes(repo, 'report', ['--format', 'json']);
    const view = JSON.parse(json.stdout) as {
      versions: {
        version: string;
        sections: { name: string; entries: { text: string; commit: string }[] }[];
      }[];
    };
    expect(view.versions.map((v) => v.version)).toEqual(['1.0.0']);
    expect(view.versions[0]!.sections[0]!.entries.map((e) => e.text)).toEqual([
      'First fix\nsecond line of it\n',
      'Second <fix> & ``code``',
    ]);
    // --json is the same view model
    const global = await notes(repo, 'report', ['--json']);
    expect(JSON.parse(global.stdout)).toEqual(view);
  });

  it('writes to --output without the extra final newline', async () => {
    const repo = TestRepo.create();
    repo.commit('note', { [note('zzz-aaaaaaaaaaaaaaaa')]: ZZZ });
    repo.tag('1.0.0');
    const out = await notes(repo, 'report');
    await notes(repo, 'report', ['-o', `${repo.dir}/out.rst`]);
    const { readFileSync } = await import('node:fs');
    expect(readFileSync(`${repo.dir}/out.rst`, 'utf8') + '\n').toBe(out.stdout);
  });
});

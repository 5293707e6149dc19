import { execFileSync } from 'node:child_process';
import {
  mkdirSync,
  mkdtempSync,
  readFileSync,
  renameSync,
  rmSync,
  symlinkSync,
  unlinkSync,
  writeFileSync,
} from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { parseScheduleLabels } from '../../src/data/releases/schedule-labels.js';
import { runCli, type CliResult } from '../helpers/cli.js';
import { RAW_CONTROLS, copyReleases, hasBuild, spawnCli } from './helpers.js';

/**
 * Issue 12 items 3, 8, 9 and 10: hostile files and paths. Each gets one line
 * naming the file (or option), a documented exit code (2 usage/config, 3 a
 * required source or the store), never exit 70, never a hang.
 */
const DATE = '2026-09-16';

/** One line on stderr, no stack, the expected code. */
function expectLine(r: CliResult, code: number, pattern: RegExp): void {
  expect(r.code, r.stderr).toBe(code);
  const lines = r.stderr.trim().split('\n');
  expect(lines, r.stderr).toHaveLength(1);
  expect(lines[0]).toMatch(pattern);
  expect(r.stderr).not.toMatch(/internal error|\n\s+at /);
}

let dir: string;
let rel: string;
beforeAll(() => {
  dir = mkdtempSync(join(tmpdir(), 'liaison-hostile-files-'));
  rel = copyReleases(dir);
});
afterAll(() => {
  rmSync(dir, { recursive: true, force: true });
});

/** Replaces a file of the releases copy for the length of `fn`. */
async function withReplaced(path: string, make: (abs: string) => void, fn: () => Promise<void>) {
  const abs = join(rel, path);
  const kept = `${abs}.kept`;
  renameSync(abs, kept);
  try {
    make(abs);
    await fn();
  } finally {
    rmSync(abs, { recursive: true, force: true });
    renameSync(kept, abs);
  }
}

/** `release validate FILE` on the releases copy. */
const validate = (file: string) =>
  runCli(['release', 'validate', '--releases-repo', rel, file, '--date', DATE]);

describe('release validate with a broken schema (item 3)', () => {
  const SCHEMA = 'openstack_releases/schema.yaml';
  const FILE = 'deliverables/hibiscus/glance.yaml';
  const cases: [string, (abs: string) => void][] = [
    [
      'empty',
      (a) => {
        writeFileSync(a, '');
      },
    ],
    [
      'comment only',
      (a) => {
        writeFileSync(a, '# nothing\n');
      },
    ],
    [
      '`~`',
      (a) => {
        writeFileSync(a, '~\n');
      },
    ],
    [
      'not a schema',
      (a) => {
        writeFileSync(a, 'type: 42\n');
      },
    ],
    [
      'a directory',
      (a) => {
        mkdirSync(a);
      },
    ],
    [
      'a symlink loop',
      (a) => {
        symlinkSync(`${a}.b`, a);
        symlinkSync(a, `${a}.b`);
      },
    ],
  ];
  it('passes with the real schema', async () => {
    expect((await validate(FILE)).code).toBe(0);
  });
  it.each(cases)('%s: exit 3 "cannot read the schema"', async (_name, make) => {
    await withReplaced(SCHEMA, make, async () => {
      expectLine(await validate(FILE), 3, /cannot read the schema .*schema\.yaml: /);
    });
    rmSync(join(rel, `${SCHEMA}.b`), { force: true });
  });
});

describe('schedule.rst headings (item 2)', () => {
  it('are shown inert by schedule, schedule --ics and brief', async () => {
    const file = 'doc/source/hibiscus/schedule.rst';
    const text = readFileSync(join(rel, file), 'utf8').replace(
      'Hibiscus-2 milestone\n--------------------',
      'Hibiscus-2 \u001b]8;;http://evil\u0007milestone\u009b31m\u202e\n------------------------------',
    );
    await withReplaced(
      file,
      (a) => {
        writeFileSync(a, text);
      },
      async () => {
        for (const argv of [['schedule'], ['schedule', '--ics', '-'], ['brief']]) {
          const r = await runCli([...argv, '--releases-repo', rel, '--date', DATE]);
          expect(r.code, r.stderr).toBe(0);
          expect(r.stdout.replace(/\r\n/g, '\n'), argv.join(' ')).not.toMatch(RAW_CONTROLS);
        }
        const s = await runCli(['schedule', '--releases-repo', rel, '--date', DATE]);
        expect(s.stdout).toContain('Hibiscus-2 \\x1b]8;;http://evil\\x07milestone');
      },
    );
  });
});

describe('YAML that attacks the reader (item 8)', () => {
  const config = (name: string, text: string) => {
    const file = join(dir, name);
    writeFileSync(file, text);
    return file;
  };
  const brief = (file: string) => runCli(['brief', '--config', file, '--date', DATE]);

  it('an alias bomb', async () => {
    const lines = ['team: glance', 'a0: &a0 [x, x, x, x, x, x, x, x, x]'];
    for (let i = 1; i < 10; i++)
      lines.push(
        `a${i}: &a${i} [${Array(9)
          .fill(`*a${i - 1}`)
          .join(', ')}]`,
      );
    expectLine(await brief(config('bomb.yaml', lines.join('\n'))), 2, /bomb\.yaml: .*alias bomb/);
  });
  it('3,000 levels of flow nesting and 1,000 of block nesting', async () => {
    const flow = `team: glance\nx: ${'['.repeat(3000)}${']'.repeat(3000)}\n`;
    expectLine(
      await brief(config('deep.yaml', flow)),
      2,
      /deep\.yaml.*nested more than 100 levels/,
    );
    let block = 'team: glance\nx:\n';
    for (let i = 0; i < 1000; i++) block += `${' '.repeat(i + 1)}k${i}:\n`;
    expectLine(await brief(config('deep2.yaml', block)), 2, /deep2\.yaml.*nested/);
  });
  it('200,000 keys: refused by size; 50,000: one line, the list of unknown keys cut', async () => {
    const keys = (n: number) => {
      let text = 'team: glance\n';
      for (let i = 0; i < n; i++) text += `k${i}: ${i}\n`;
      return text;
    };
    expectLine(
      await brief(config('keys.yaml', keys(200_000))),
      2,
      /keys\.yaml: too large \(over 1 MB\)/,
    );
    const r = await brief(config('keys50.yaml', keys(50_000)));
    expectLine(r, 2, /keys50\.yaml:2: \(top level\): unknown key "k0", .* \(and 49995 more\)/);
    expect(r.stderr.length).toBeLessThan(400);
  });
  it('a NUL byte', async () => {
    const r = await brief(config('nul.yaml', 'team: glance\nmail:\n  from: a\u0000b@x.org\n'));
    expectLine(r, 2, /nul\.yaml:3: invalid YAML: contains a NUL byte/);
  });
  it('--config naming a directory', async () => {
    expectLine(await brief(dir), 2, /: cannot read it: it is a directory, not a file/);
  });
});

describe('deliverable files that are not deliverables (items 8, 10)', () => {
  const FILE = 'deliverables/hibiscus/glance.yaml';
  it.each([
    ['empty', ''],
    ['comment only', '# nothing here\n'],
    ['`~`', '~\n'],
    ['a list', '- 1\n'],
  ])(
    '%s: a validate finding naming the file, and one line for the other commands',
    async (_n, text) => {
      await withReplaced(
        FILE,
        (a) => {
          writeFileSync(a, text);
        },
        async () => {
          const v = await validate(FILE);
          expect(v.code, v.stderr).toBe(1);
          expect(v.stdout).toMatch(
            /deliverables\/hibiscus\/glance\.yaml: \[error\] (the file is empty|expected a mapping)/,
          );
          const s = await runCli(['release', 'status', '--releases-repo', rel, '--date', DATE]);
          expectLine(s, 2, /glance\.yaml: expected a mapping at the top level/);
        },
      );
    },
  );
  it('NUL bytes: a validate finding', async () => {
    await withReplaced(
      FILE,
      (a) => {
        writeFileSync(a, 'team: glance\u0000\n');
      },
      async () => {
        const v = await validate(FILE);
        expect(v.code).toBe(1);
        expect(v.stdout).toMatch(/glance\.yaml: \[error\] invalid YAML at line 1: .*NUL byte/);
      },
    );
  });
  it.each([
    [
      'a directory',
      (a: string) => {
        mkdirSync(a);
      },
      /it is a directory, not a file/,
    ],
    [
      'a dangling link',
      (a: string) => {
        symlinkSync(join(dir, 'nowhere.yaml'), a);
      },
      /a dangling symbolic link/,
    ],
  ])('%s: exit 2 naming the file, never "absent"', async (_n, make, says) => {
    await withReplaced(FILE, make, async () => {
      for (const argv of [['brief'], ['release', 'status'], ['release', 'validate', FILE]]) {
        const r = await runCli([...argv, '--releases-repo', rel, '--date', DATE]);
        expectLine(r, 2, new RegExp(`glance\\.yaml: .*${says.source}`));
      }
    });
  });
  it('a value of 10 MB: refused before the YAML reader sees it', async () => {
    const text = readFileSync(join(rel, FILE), 'utf8').replace(
      'team: glance',
      `team: glance\nstoryboard: "${'A'.repeat(10_000_000)}"`,
    );
    await withReplaced(
      FILE,
      (a) => {
        writeFileSync(a, text);
      },
      async () => {
        const t0 = performance.now();
        const r = await runCli(
          ['release', 'propose', 'glance', 'rc', '--releases-repo', rel, '--date', DATE],
          {},
        );
        expectLine(r, 2, /glance\.yaml: too large \(over 1 MB\) to be a data file/);
        expect(performance.now() - t0).toBeLessThan(5000);
      },
    );
  });
});

describe('output paths (item 8)', () => {
  const schedule = (path: string) =>
    runCli(['schedule', '--ics', path, '--date', DATE], { cwd: dir });
  it('schedule --ics: a directory, a full device, a missing folder', async () => {
    expectLine(await schedule(dir), 2, /--ics .*: it is a directory; give a file name/);
    expectLine(await schedule('/dev/full'), 2, /--ics \/dev\/full: no space left on the device/);
    expectLine(
      await schedule(join(dir, 'no', 'x.ics')),
      2,
      /--ics .*x\.ics: its folder does not exist/,
    );
  });
  it('remind --outbox FILE and site build FILE', async () => {
    const file = join(dir, 'a-file');
    writeFileSync(file, '');
    expectLine(
      await runCli(['remind', '--outbox', file, '--date', DATE, '--db', join(dir, 'o.db')]),
      2,
      /--outbox .*a-file: it is a file, not a folder/,
    );
    expectLine(
      await runCli(['site', 'build', file, '--date', DATE, '--db', join(dir, 'o.db')]),
      2,
      /site build .*a-file: it is a file, not a folder/,
    );
  });
  it.runIf(hasBuild)('site build /proc/x ends at once with a line', async () => {
    const r = await spawnCli(
      ['site', 'build', '/proc/liaison-x', '--date', DATE, '--db', join(dir, 'p.db')],
      {
        cwd: dir,
        timeoutMs: 15_000,
      },
    );
    expect(r.killed).toBe(false);
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/site build \/proc\/liaison-x: cannot create the folder/);
  });
});

describe('a damaged or foreign store (item 8)', () => {
  let good: string;
  beforeAll(async () => {
    // a store made and migrated by a command, then folded into one file (no WAL beside it)
    good = join(dir, 'good.db');
    expect((await runCli(['gate', '--db', good, '--date', DATE])).code).toBe(0);
    const d = new Database(good);
    d.pragma('journal_mode = DELETE');
    d.close();
  });
  const gate = (db: string) => runCli(['gate', '--db', db, '--date', DATE]);
  const checklist = (db: string) => runCli(['checklist', '--db', db, '--date', DATE]);
  const copy = (name: string) => {
    const to = join(dir, name);
    writeFileSync(to, readFileSync(good));
    return to;
  };

  it("another application's SQLite file", async () => {
    const other = join(dir, 'other.db');
    const d = new Database(other);
    d.exec('CREATE TABLE users (id INTEGER, name TEXT)');
    d.close();
    expectLine(await gate(other), 3, /other\.db is not a release-liaison store/);
  });
  it('dropped tables', async () => {
    for (const table of ['zuul_builds', 'plan_checklist_state', 'schema_migrations']) {
      const db = copy(`dropped-${table}.db`);
      const d = new Database(db);
      d.exec(`DROP TABLE ${table}`);
      d.close();
      const r = table === 'zuul_builds' ? await gate(db) : await checklist(db);
      expectLine(r, 3, /store .*damaged/);
    }
  });
  it('zeroed pages, random bytes, a FIFO', async () => {
    const zeroed = copy('zeroed.db');
    const bytes = readFileSync(zeroed);
    bytes.fill(0, 4096, Math.min(bytes.length, 4096 * 6));
    writeFileSync(zeroed, bytes);
    expectLine(await checklist(zeroed), 3, /store .*(damaged|not a SQLite database)/);
    const junk = join(dir, 'junk.db');
    writeFileSync(junk, Buffer.alloc(8192, 0x41));
    expectLine(await gate(junk), 3, /junk\.db: it is not a SQLite database/);
    const fifo = join(dir, 'fifo.db');
    execFileSync('mkfifo', [fifo]);
    expectLine(await gate(fifo), 3, /fifo\.db: it is a FIFO \(named pipe\), not a file/);
  });
});

describe('what could hang (item 9)', () => {
  it.runIf(hasBuild)(
    'a FIFO as the config, ./liaison.yaml or a data file: a line, no block',
    async () => {
      const fifoDir = join(dir, 'fifo-cwd');
      mkdirSync(fifoDir);
      execFileSync('mkfifo', [join(fifoDir, 'liaison.yaml')]);
      const cwd = await spawnCli(['brief', '--date', DATE], { cwd: fifoDir, timeoutMs: 10_000 });
      expect(cwd.killed).toBe(false);
      expect(cwd.code).toBe(2);
      expect(cwd.stderr).toMatch(/liaison\.yaml: cannot read it: it is a FIFO/);
      const explicit = await spawnCli(
        ['brief', '--config', join(fifoDir, 'liaison.yaml'), '--date', DATE],
        { cwd: dir, timeoutMs: 10_000 },
      );
      expect(explicit.killed).toBe(false);
      expect(explicit.code).toBe(2);
      await withReplaced(
        'data/series_status.yaml',
        (a) => execFileSync('mkfifo', [a]),
        async () => {
          const r = await spawnCli(['brief', '--releases-repo', rel, '--date', DATE], {
            cwd: dir,
            timeoutMs: 10_000,
          });
          expect(r.killed).toBe(false);
          expect(r.code).toBe(2);
          expect(r.stderr).toMatch(/series_status\.yaml: cannot read it: it is a FIFO/);
        },
      );
    },
  );
  it('100,000 schedule labels read in linear time', () => {
    let text = '';
    for (let i = 0; i < 100_000; i++) text += `.. _l${i}:\n\n`;
    text += 'Event\n=====\n\nSome `text <https://x>`__ here.\n';
    const t0 = performance.now();
    const labels = parseScheduleLabels(text, 'x');
    expect(labels).toHaveLength(100_000);
    expect(labels[99_999]).toMatchObject({
      title: 'Event',
      description: 'Some text (https://x) here.',
    });
    expect(performance.now() - t0).toBeLessThan(3000);
  });
});

describe('silently accepted before, errors now (item 10)', () => {
  it.each(
    [
      ['brief', '--date', ''],
      ['brief', '--team', ''],
      ['schedule', '--series', ''],
      ['brief', '--db', ''],
      ['brief', '--config', ''],
      ['brief', '--releases-repo', ''],
      ['brief', '--governance-repo', ''],
      ['brief', '--weeks', ''],
      ['sync', '--only', ''],
      ['gate', '--days', ' '],
      ['remind', '--since', ''],
    ].map((argv) => [argv.join(' '), argv] as const),
  )('%s: exit 2', async (_name, argv) => {
    const r = await runCli(argv);
    expectLine(r, 2, /: expected a value, got an empty one/);
  });
  it('an empty operand: each command names it', async () => {
    expectLine(await runCli(['release', 'propose', '', 'rc']), 2, /"": not a deliverable name/);
    expectLine(await runCli(['site', 'build', '']), 2, /site build: expected an output folder/);
  });
  it('remind --resend of an id the ledger does not have', async () => {
    const r = await runCli([
      'remind',
      '--resend',
      'no-such-id',
      '--date',
      DATE,
      '--db',
      join(dir, 'r.db'),
    ]);
    expectLine(r, 2, /--resend no-such-id: no delivery of this reminder in the ledger/);
  });
  it('team names are names, never paths', async () => {
    const evil = join(dir, 'x');
    mkdirSync(evil, { recursive: true });
    writeFileSync(join(evil, 'evilteam.yaml'), 'team: glance\n');
    const r = await runCli(['brief', '--team', '../../../tmp/x/evilteam', '--date', DATE]);
    expectLine(r, 2, /--team \.\.\/\.\.\/\.\.\/tmp\/x\/evilteam: expected a team name/);
    writeFileSync(join(evil, 'liaison.yaml'), 'team: ../../x/evilteam\n');
    const c = await runCli(['brief', '--config', join(evil, 'liaison.yaml'), '--date', DATE]);
    expectLine(c, 2, /liaison\.yaml:1: team: expected a team name/);
    // a real team with a space still works
    const ok = await runCli(['team', '--team', 'Release Management', '--date', DATE]);
    expect(ok.code, ok.stderr).toBe(0);
  });
  it('a --releases-repo that is missing is exit 3, as the README table says', async () => {
    expectLine(
      await runCli(['brief', '--releases-repo', join(dir, 'nope'), '--date', DATE]),
      3,
      /--releases-repo .*nope: no such directory/,
    );
    const file = join(dir, 'plain-file');
    writeFileSync(file, '');
    expectLine(
      await runCli(['brief', '--releases-repo', file, '--date', DATE]),
      3,
      /not a directory/,
    );
    unlinkSync(file);
  });
});

import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { inertLine, inertText, jsonText, safeUrl } from '../../src/core/text.js';
import { runCli } from '../helpers/cli.js';
import { startServiceStub, type ServiceStub } from '../helpers/service-stub.js';
import { tempDir } from '../helpers/tmp.js';
import { addLaunchpadRoutes, standInConfig } from '../bugs/launchpad-stand-in.js';
import { ESCAPES, RAW_CONTROLS, copyGovernance } from './helpers.js';

/**
 * Issue 12 item 2: escape sequences in data (config titles, governance
 * names, Launchpad titles, schedule headings) never reach a terminal raw,
 * `javascript:` links are never printed as links, and `--json` keeps the
 * data whole with C1 and bidi characters escaped.
 */
const q = (s: string) => JSON.stringify(s);
const DATE = '2026-09-16';

function hostileConfig(extra = ''): string {
  return `team: glance
deadlines:
  - id: esc-one
    title: ${q(`Deadline ${ESCAPES}`)}
    when: R-2
    owner: ${q(`owner ${ESCAPES}`)}
    description: ${q(`Described ${ESCAPES}`)}
    url: "javascript:alert(1)"
checklists:
  items:
    - id: esc-item
      phase: rc1-to-final
      title: ${q(`Item ${ESCAPES}`)}
      due: R-2
      owner: liaison
${extra}`;
}

/** No raw control or bidi character; ICS lines end in CRLF, which is allowed there. */
function expectInert(text: string, what: string, crlf = false): void {
  const t = crlf ? text.replace(/\r\n/g, '\n') : text;
  const m = RAW_CONTROLS.exec(t);
  expect(m, `${what}: U+${m?.[0].charCodeAt(0).toString(16)} at ${m?.index}`).toBeNull();
}

describe('one sanitiser, one safe-URL rule', () => {
  it('makes every unsafe character a visible escape, keeps text otherwise', () => {
    expect(inertText('a\u001b[2Jb\u009bc\u202ed\te\nf')).toBe('a\\x1b[2Jb\\x9bc\\u202ed\te\nf');
    expect(inertLine('a\nb\tc\u0000', 100)).toBe('a b c\\x00');
    expect(inertLine('x'.repeat(50), 10)).toBe(`${'x'.repeat(10)}…`);
    expect(inertLine('Ünïcödé 日本 — ok')).toBe('Ünïcödé 日本 — ok');
  });

  it('keeps only http(s) links', () => {
    for (const bad of [
      'javascript:alert(1)',
      'JAVASCRIPT:alert(1)',
      ' javascript:x',
      'data:text/html,x',
      'http://a/\u001b[2J',
      'http://a b',
      'vbscript:x',
      '//evil.example',
    ])
      expect(safeUrl(bad), bad).toBeNull();
    expect(safeUrl('https://bugs.launchpad.net/bugs/1')).toBe('https://bugs.launchpad.net/bugs/1');
  });

  it('escapes U+009B and bidi characters in JSON, and the JSON means the same', () => {
    const value = { t: `a\u009bb\u202ec\u2028` };
    const out = jsonText(value);
    expect(out).toContain('\\u009b');
    expect(out).toContain('\\u202e');
    expectInert(out, 'json');
    expect(JSON.parse(out)).toEqual(value);
  });
});

describe('config titles and deadline text on every text renderer', () => {
  let dir: string;
  let config: string;
  beforeAll(() => {
    dir = mkdtempSync(join(tmpdir(), 'liaison-hostile-term-'));
    config = join(dir, 'liaison.yaml');
    writeFileSync(config, hostileConfig());
  });
  afterAll(() => {
    rmSync(dir, { recursive: true, force: true });
  });
  const run = (...argv: string[]) =>
    runCli([...argv, '--config', config, '--db', join(dir, 'l.db'), '--date', DATE]);

  it.each(
    [
      ['schedule'],
      ['checklist'],
      ['meeting'],
      ['meeting', '--format', 'md'],
      ['brief'],
      ['team'],
    ].map((argv) => [argv.join(' '), argv] as const),
  )('%s: inert text, the hostile title still shown', async (_name, argv) => {
    const r = await run(...argv);
    expect(r.code, r.stderr).toBe(0);
    expectInert(r.stdout, argv.join(' '));
    expect(r.stdout).not.toContain('javascript:');
    // shown as the visible text \x1b (Markdown escapes the backslash once more)
    if (argv[0] !== 'team') expect(r.stdout).toMatch(/(Deadline|Item) \\+x1b/);
  });

  it('schedule --ics -: inert summaries and descriptions, no javascript: URL', async () => {
    const r = await run('schedule', '--ics', '-');
    expect(r.code).toBe(0);
    expectInert(r.stdout, 'ics', true);
    expect(r.stdout).toContain('Deadline \\\\x1b]8');
    expect(r.stdout).not.toMatch(/^URL[^:]*:javascript/im);
  });

  it('--json keeps the data whole, with U+009B written as \\u009b', async () => {
    const r = await run('schedule', '--json');
    expect(r.code).toBe(0);
    expect(r.stdout).toContain('\\u009b31m');
    expectInert(r.stdout, 'schedule --json');
    const titles = JSON.stringify(JSON.parse(r.stdout));
    expect(titles).toContain(JSON.stringify(`Deadline ${ESCAPES}`).slice(1, -1));
  });

  it('an error message quoting a hostile value is inert too', async () => {
    writeFileSync(join(dir, 'bad.yaml'), `team: glance\n${q(`k${ESCAPES}`)}: 1\n`);
    const r = await runCli(['brief', '--config', join(dir, 'bad.yaml'), '--date', DATE]);
    expect(r.code).toBe(2);
    expectInert(r.stderr, 'stderr');
  });
});

describe('a PTL name from projects.yaml', () => {
  let dir: string;
  let gov: string;
  beforeAll(() => {
    dir = mkdtempSync(join(tmpdir(), 'liaison-hostile-gov-'));
    gov = copyGovernance(dir);
    const file = join(gov, 'reference', 'projects.yaml');
    const text = readFileSync(file, 'utf8');
    // the first `name:` under glance's ptl
    const at = text.indexOf('\nglance:\n');
    const ptl = text.indexOf('    name: ', text.indexOf('  ptl:', at));
    const end = text.indexOf('\n', ptl);
    writeFileSync(
      file,
      `${text.slice(0, ptl)}    name: "Evil \\e]8;;http://evil\\aPTL\\e[2J\\x9b31m\\u202e"${text.slice(end)}`,
    );
  });
  afterAll(() => {
    rmSync(dir, { recursive: true, force: true });
  });

  it.each(
    [['team'], ['checklist'], ['meeting', '--format', 'md'], ['meeting']].map(
      (argv) => [argv.join(' '), argv] as const,
    ),
  )('%s shows it inert', async (_name, argv) => {
    const r = await runCli([...argv, '--governance-repo', gov, '--date', DATE]);
    expect(r.code, r.stderr).toBe(0);
    expectInert(r.stdout, argv.join(' '));
    if (argv[0] === 'team') expect(r.stdout).toContain('Evil \\x1b]8;;http://evil\\x07PTL');
  });
});

describe('Launchpad titles and links in the meeting paste', () => {
  let stub: ServiceStub;
  let args: string[];
  beforeAll(async () => {
    stub = await startServiceStub();
    const lp = addLaunchpadRoutes(stub);
    lp.edit = (page) => ({
      ...page,
      entries: page.entries.map((t) => ({
        ...t,
        title: `Bug in Glance: "${ESCAPES}"`,
        web_link: 'javascript:alert(document.cookie)',
      })),
    });
  });
  afterAll(async () => {
    await stub?.close();
  });

  it('meeting irc/md and bugs print inert titles and never the javascript: link', async () => {
    const dir = tempDir('liaison-hostile-lp-');
    args = ['--db', join(dir, 'l.db'), '--config', standInConfig(dir), '--date', DATE];
    const env = stub.env();
    const now = new Date(`${DATE}T08:00:00Z`);
    const synced = await runCli(['sync', '--only', 'launchpad', ...args], { env, now });
    expect(synced.code, synced.stderr).toBe(0);
    const json = await runCli(['bugs', '--json', ...args], { env, now });
    expect(json.stdout).toContain('\\u009b31m'); // raw data kept, escaped in JSON
    for (const argv of [['meeting'], ['meeting', '--format', 'md'], ['bugs']]) {
      const r = await runCli([...argv, ...args], { env, now });
      expect(r.code, r.stderr).toBe(0);
      expectInert(r.stdout, argv.join(' '));
      expect(r.stdout).not.toContain('javascript:');
    }
    const md = await runCli(['meeting', '--format', 'md', ...args], { env, now });
    expect(md.stdout).toMatch(/https:\/\/bugs\.launchpad\.net\/bugs\/\d+/);
  });
});

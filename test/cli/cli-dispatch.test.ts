import { spawn } from 'node:child_process';
import { join } from 'node:path';
import { Command } from 'commander';
import { describe, expect, it } from 'vitest';
import { COMMAND_NAMES } from '../../src/cli/commands.js';
import { addGlobalOptions, buildProgram, commandNameOf } from '../../src/cli/main.js';
import { runCli } from '../helpers/cli.js';
import { packageRoot } from '../../src/core/package-root.js';

const io = {
  stdout: () => undefined,
  stderr: () => undefined,
  env: {},
  cwd: process.cwd(),
  now: () => new Date('2026-11-27T12:00:00Z'),
  isTTY: false,
};
const noRun = () => Promise.resolve();

describe('command dispatch (only the named command is loaded)', () => {
  it('finds the command after global options, with or without values', () => {
    const program = addGlobalOptions(new Command('liaison'));
    expect(commandNameOf(['gate', '--days', '3'], program)).toBe('gate');
    expect(commandNameOf(['--date', '2026-09-16', '--json', 'gate'], program)).toBe('gate');
    expect(commandNameOf(['--db=x.db', '--team', 'nova', 'bugs'], program)).toBe('bugs');
    expect(commandNameOf(['--json'], program)).toBeUndefined();
    expect(commandNameOf(['--', 'brief'], program)).toBe('brief');
  });

  it('lists in its table exactly the commands the modules register, in help order', async () => {
    const all = await buildProgram(io, noRun);
    expect(all.commands.map((c) => c.name())).toEqual(COMMAND_NAMES);
    for (const name of COMMAND_NAMES) {
      const one = await buildProgram(io, noRun, ['--date', '2026-11-27', name]);
      expect(
        one.commands.map((c) => c.name()),
        name,
      ).toContain(name);
      expect(one.commands.length, name).toBeLessThan(all.commands.length);
    }
  });

  it('loads every command for help and for an unknown name', async () => {
    const help = await runCli(['--help']);
    expect(help.code).toBe(0);
    for (const name of COMMAND_NAMES) expect(help.stdout).toContain(`  ${name}`);
    const unknown = await runCli(['gat']);
    expect(unknown.code).toBe(2);
    expect(unknown.stderr).toMatch(/unknown command 'gat'[\s\S]*Did you mean gate\?/);
    const sub = await runCli(['gate', '--help']);
    expect(sub.code).toBe(0);
    expect(sub.stdout).toContain('--days <n>');
  });
});

describe('the built command in a pipeline', () => {
  it('stops quietly with exit 0 when the reader closes the pipe early (liaison … | head -1)', async () => {
    const child = spawn(
      process.execPath,
      [join(packageRoot(), 'dist/src/cli/bin.js'), 'schedule', '--date', '2026-11-27'],
      {
        stdio: ['ignore', 'pipe', 'pipe'],
      },
    );
    let stderr = '';
    child.stderr.on('data', (d: Buffer) => (stderr += d.toString()));
    // close our end before it writes, like `head -1` that has already read its line
    child.stdout.destroy();
    const code = await new Promise<number | null>((resolve) => child.on('close', resolve));
    expect(stderr).toBe('');
    expect(code).toBe(0);
  });
});

import { execFileSync } from 'node:child_process';
import { mkdirSync, rmSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { tempDir } from './tmp.js';

/**
 * The one helper that builds real git repositories for tests: fixed
 * identity and dates, `master` as default branch, no signing, no
 * background maintenance (it races the clean-up otherwise).
 */
export class TestRepo {
  private tick = 0;
  private base = Date.parse('2026-01-05T10:00:00Z') / 1000;

  constructor(readonly dir: string) {}

  /** A new repository in a temporary folder removed after the test (or in `dir`, which the caller removes). */
  static create(opts: { branch?: string; startDate?: string; dir?: string } = {}): TestRepo {
    const dir = opts.dir ?? tempDir('liaison-git-');
    const repo = new TestRepo(dir);
    repo.git('init', '-q', '-b', opts.branch ?? 'master');
    for (const [k, v] of [
      ['user.name', 'Test Author'],
      ['user.email', 'author@example.org'],
      ['commit.gpgSign', 'false'],
      ['tag.gpgSign', 'false'],
      ['gc.auto', '0'],
      ['maintenance.auto', 'false'],
    ] as const) {
      repo.git('config', k, v);
    }
    if (opts.startDate) repo.base = Date.parse(opts.startDate) / 1000;
    return repo;
  }

  /** Runs git in the repo with deterministic dates; returns trimmed stdout. */
  git(...args: string[]): string {
    const date = `${this.base + this.tick * 3600} +0000`;
    return execFileSync('git', args, {
      cwd: this.dir,
      encoding: 'utf8',
      env: {
        ...process.env,
        GIT_AUTHOR_DATE: date,
        GIT_COMMITTER_DATE: date,
        GIT_AUTHOR_NAME: 'Test Author',
        GIT_AUTHOR_EMAIL: 'author@example.org',
        GIT_COMMITTER_NAME: 'Test Author',
        GIT_COMMITTER_EMAIL: 'author@example.org',
      },
      stdio: ['ignore', 'pipe', 'pipe'],
    }).trim();
  }

  write(path: string, content: string): this {
    const full = join(this.dir, path);
    mkdirSync(dirname(full), { recursive: true });
    writeFileSync(full, content);
    return this;
  }

  remove(path: string): this {
    rmSync(join(this.dir, path));
    return this;
  }

  /** Stages everything and commits; returns the new commit's SHA. */
  commit(message: string, files: Record<string, string | null> = {}): string {
    for (const [path, content] of Object.entries(files)) {
      if (content === null) this.git('rm', '-q', path);
      else this.write(path, content);
    }
    this.tick++;
    this.git('add', '-A');
    this.git('commit', '-q', '--allow-empty', '-m', message);
    return this.head();
  }

  /** Annotated tag (as the release tooling makes) at HEAD or `ref`. */
  tag(name: string, ref = 'HEAD'): this {
    this.tick++;
    this.git('tag', '-a', name, '-m', name, ref);
    return this;
  }

  branch(name: string, from = 'HEAD'): this {
    this.git('branch', name, from);
    return this;
  }

  checkout(ref: string): this {
    this.git('checkout', '-q', ref);
    return this;
  }

  merge(ref: string, message = `Merge ${ref}`): string {
    this.tick++;
    this.git('merge', '-q', '--no-ff', '-m', message, ref);
    return this.head();
  }

  head(): string {
    return this.git('rev-parse', 'HEAD');
  }
}

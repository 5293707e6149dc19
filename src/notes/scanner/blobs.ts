import { spawn } from 'node:child_process';
import { debugLog, debugOn } from '../../core/debug-log.js';
import { GitError } from '../../git/run.js';

/** Reads blobs through one `git cat-file --batch` process. */
export function readBlobs(repoDir: string, shas: readonly string[]): Promise<Map<string, Buffer>> {
  const unique = [...new Set(shas)];
  const result = new Map<string, Buffer>();
  if (unique.length === 0) return Promise.resolve(result);
  return new Promise((resolve, reject) => {
    const started = debugOn() ? performance.now() : 0;
    const child = spawn('git', ['-C', repoDir, 'cat-file', '--batch'], {
      stdio: ['pipe', 'pipe', 'pipe'],
      env: { ...process.env, LC_ALL: 'C' },
    });
    const chunks: Buffer[] = [];
    child.stdout.on('data', (b: Buffer) => chunks.push(b));
    child.on('error', (e) => {
      reject(new GitError(`git not runnable: ${e.message}`, repoDir, ['cat-file'], '', null));
    });
    child.on('close', (status) => {
      if (started) {
        const ms = Math.round(performance.now() - started);
        debugLog('git', {
          repo: repoDir,
          args: ['cat-file', '--batch'],
          blobs: unique.length,
          status,
          ms,
        });
      }
      if (status !== 0) {
        reject(
          new GitError(`git cat-file failed in ${repoDir}`, repoDir, ['cat-file'], '', status),
        );
        return;
      }
      const all = Buffer.concat(chunks);
      let pos = 0;
      for (const sha of unique) {
        const nl = all.indexOf(10, pos);
        if (nl < 0) break;
        const header = all.subarray(pos, nl).toString('latin1').split(' ');
        pos = nl + 1;
        if (header[1] === 'missing' || header.length < 3) continue;
        const size = Number(header[2]);
        result.set(sha, all.subarray(pos, pos + size));
        pos += size + 1;
      }
      resolve(result);
    });
    child.stdin.on('error', () => undefined);
    child.stdin.end(unique.join('\n') + '\n');
  });
}

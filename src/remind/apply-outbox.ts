import { createHash } from 'node:crypto';
import { existsSync, readdirSync, renameSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { makeOutputDir } from '../core/files.js';
import type { Channel } from './apply-smtp.js';

/**
 * `--outbox DIR`: each message becomes DIR/<hash of its Message-ID>.eml,
 * written to a temporary name and renamed, so a file is either whole or
 * absent. That makes a crash exact to settle: the file is there (sent) or
 * not (send again).
 */
export function outboxChannel(dir: string): Channel {
  makeOutputDir(dir, '--outbox');
  const fileOf = (messageId: string) =>
    join(dir, `${createHash('sha256').update(messageId).digest('hex').slice(0, 24)}.eml`);
  return {
    name: `outbox ${dir}`,
    send: (_to, _from, raw, messageId, onBodyStart) => {
      const file = fileOf(messageId);
      onBodyStart();
      const tmp = `${file}.${process.pid}.tmp`;
      try {
        writeFileSync(tmp, raw);
        renameSync(tmp, file);
        return Promise.resolve({ accepted: true, response: `wrote ${file}` });
      } catch (e) {
        return Promise.resolve({
          accepted: false,
          definite: !existsSync(file),
          error: (e as Error).message,
        });
      }
    },
    resolveStale: (messageId) => (existsSync(fileOf(messageId)) ? 'sent' : 'failed'),
    close: () => undefined,
  };
}

export function outboxFiles(dir: string): string[] {
  return existsSync(dir) ? readdirSync(dir).filter((f) => f.endsWith('.eml')) : [];
}

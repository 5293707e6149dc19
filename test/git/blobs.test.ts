import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { readBlobBytes, readBlobs, readBlobsSync } from '../../src/git/blobs.js';
import { TestRepo } from '../helpers/git-repo.js';

describe('git cat-file --batch, one process for many blobs', () => {
  it('gives each blob its own bytes, in the order asked, whatever their encoding', async () => {
    const repo = TestRepo.create();
    // Latin-1 "é" and a lone continuation byte: not UTF-8, and one byte each
    const latin1 = Buffer.from([0x63, 0x61, 0x66, 0xe9, 0x0a, 0x80, 0x0a]);
    writeFileSync(join(repo.dir, 'latin1.txt'), latin1);
    // (commit stages everything: the file written above goes in as it is)
    repo.commit('bytes', { 'after.txt': 'after\n', 'utf8.txt': 'café\n' });
    const names = ['HEAD:latin1.txt', 'HEAD:after.txt', 'HEAD:nothing-here', 'HEAD:utf8.txt'];
    const bytes = await readBlobBytes(repo.dir, names);
    expect(bytes[0]).toEqual(latin1);
    // sizes count bytes: the blob after a non-UTF-8 one is still read whole and alone
    expect(bytes.slice(1).map((b) => b?.toString('utf8'))).toEqual([
      'after\n',
      undefined,
      'café\n',
    ]);
    const texts = ['after\n', undefined, 'café\n'];
    expect((await readBlobs(repo.dir, names)).slice(1)).toEqual(texts);
    expect(readBlobsSync(repo.dir, names).slice(1)).toEqual(texts);
    expect(await readBlobBytes(repo.dir, [])).toEqual([]);
  });
});

import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import {
  claim,
  ledgerRows,
  ledgerKey,
  setState,
  type ClaimRequest,
} from '../../src/remind/store.js';
import { openStore } from '../../src/store/db.js';
import { ALL_MIGRATIONS } from '../../src/app/migrations.js';
import { tempDir } from '../helpers/tmp.js';

const req = (owner: string, over: Partial<ClaimRequest> = {}): ClaimRequest => ({
  reminder: 'r/i-2@2027-01-14/4w',
  recipient: 'List@Example.org',
  team: 'glance',
  messageId: '<m@x>',
  channel: 'smtp',
  owner,
  today: '2026-12-17',
  resolveStale: () => 'unknown',
  isAlive: (o) => o.startsWith('live'),
  ...over,
});

describe('reminder ledger', () => {
  it('gives a row to one claimant; a live claim is busy, a dead one is settled', () => {
    const db = openStore(join(tempDir(), 'l.db'), ALL_MIGRATIONS);
    expect(claim(db, req('live-a')).kind).toBe('claimed');
    expect(claim(db, req('live-b')).kind).toBe('busy');
    // the holder died before the body left: failed, and claimed again at once
    const again = claim(db, req('live-b', { isAlive: () => false }));
    expect(again).toEqual({ kind: 'claimed', attempts: 2 });
    // the holder died while sending: SMTP cannot tell, so unknown and never again
    setState(db, 'r/i-2@2027-01-14/4w', 'list@example.org', 'sending', null);
    const stale = claim(db, req('live-c', { isAlive: () => false }));
    expect(stale.kind).toBe('unknown');
    expect(claim(db, req('live-d')).kind).toBe('unknown');
    const row = ledgerRows(db, ['r/i-2@2027-01-14/4w']).get(
      ledgerKey('r/i-2@2027-01-14/4w', 'list@example.org'),
    );
    expect(row?.state).toBe('unknown');
    expect(row?.response).toMatch(/died while sending/);
    db.close();
  });

  it('an outbox settles a dead sender exactly: file there means sent', () => {
    const db = openStore(join(tempDir(), 'l.db'), ALL_MIGRATIONS);
    claim(db, req('live-a'));
    setState(db, 'r/i-2@2027-01-14/4w', 'list@example.org', 'sending', null);
    expect(claim(db, req('x', { isAlive: () => false, resolveStale: () => 'sent' })).kind).toBe(
      'sent',
    );
    db.close();
  });
});

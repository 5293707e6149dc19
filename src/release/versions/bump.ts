import { ProposalRefused } from './refusals.js';

export type Delta = readonly [number, number, number];

/**
 * Upstream's increment: walk the first three dot-pieces, add the delta to
 * each until the first non-zero delta has been applied, zero the rest; a
 * fourth piece (pre-release suffix) is dropped. Missing pieces count as 0.
 */
export function bump(version: string, delta: Delta): string {
  const parts = version.split('.');
  const out: number[] = [];
  let applied = false;
  for (let i = 0; i < 3; i++) {
    const piece = parts[i] ?? '0';
    if (!/^\d+$/.test(piece)) {
      throw new ProposalRefused(
        'unreadable-version',
        `cannot increment version ${version}: "${piece}" is not a number`,
        'upstream new-release crashes on it',
      );
    }
    const d = delta[i] ?? 0;
    if (applied) out.push(0);
    else {
      out.push(Number(piece) + d);
      if (d !== 0) applied = true;
    }
  }
  return out.join('.');
}

/** The fourth dot-piece (`0b2`, `0rc1`), where upstream looks for pre-release markers. */
export function fourthPiece(version: string): string {
  return version.split('.')[3] ?? '';
}

/** The first three dot-pieces. */
export function firstThree(version: string): string {
  return version.split('.').slice(0, 3).join('.');
}

/** The number after the marker in a piece: `0b2` → 2, `0rc10` → 10. */
export function markerNumber(piece: string, marker: 'b' | 'rc'): number {
  const n = Number(piece.slice(piece.lastIndexOf(marker) + marker.length));
  if (!Number.isInteger(n))
    throw new ProposalRefused(
      'unreadable-version',
      `cannot read the ${marker} number of "${piece}"`,
      'upstream new-release crashes on it',
    );
  return n;
}

import { describe, expect, it } from 'vitest';
import {
  canonicalPbrVersion,
  compareVersionText,
  finalOf,
  formatPbrVersion,
  isCanonicalPbrVersion,
  isLifecycleVersion,
  isPreRelease,
  looksLikePreRelease,
  parseLifecycleTag,
  parsePbrVersion,
} from '../../src/data/releases/pbr-version.js';

describe('pbr versions', () => {
  it('accepts the canonical forms unchanged', () => {
    for (const v of [
      '33.0.0',
      '33.0.0.0b2',
      '33.0.0.0rc1',
      '1.2.3.0a4',
      '1.2.3.dev4',
      '0.1.0',
      '5.10.12',
    ]) {
      expect(isCanonicalPbrVersion(v), v).toBe(true);
    }
  });

  it('rejects what pbr re-renders differently, naming the canonical form', () => {
    expect(canonicalPbrVersion('1.2')).toBe('1.2.0');
    expect(canonicalPbrVersion('1.2.0rc1')).toBe('1.2.0.0rc1');
    expect(canonicalPbrVersion('v1.2.3')).toBe('1.2.3');
    expect(canonicalPbrVersion('01.2.3')).toBe('1.2.3');
    for (const v of ['1.2', '1.2.0rc1', 'v1.2.3', '01.2.3'])
      expect(isCanonicalPbrVersion(v), v).toBe(false);
  });

  it('does not parse non-versions', () => {
    for (const v of ['2024.2-eol', 'zed-eom', 'abc', '1.2.3.4', '1.2.3b', '', '1.2.3.post1']) {
      expect(parsePbrVersion(v), v).toBeUndefined();
    }
  });

  it('orders dev < alpha < beta < rc < final, and numbers before stages', () => {
    const sorted = [
      '33.0.0.dev1',
      '33.0.0.0a1',
      '33.0.0.0b1',
      '33.0.0.0b2.dev3',
      '33.0.0.0b2',
      '33.0.0.0rc1',
      '33.0.0.0rc10',
      '33.0.0',
      '33.0.1',
      '33.1.0',
      '34.0.0.0b1',
    ];
    const shuffled = [...sorted].reverse();
    shuffled.sort((a, b) => compareVersionText(a, b) ?? 0);
    expect(shuffled).toEqual(sorted);
    expect(compareVersionText('31.0.0.0b2', '31.0.0')).toBeLessThan(0);
    expect(compareVersionText('5.10.0', '5.9.0')).toBeGreaterThan(0);
    expect(compareVersionText('x', '1.0.0')).toBeUndefined();
  });

  it('tells pre-releases, and keeps upstream textual test separate', () => {
    expect(isPreRelease('33.0.0.0b2')).toBe(true);
    expect(isPreRelease('33.0.0.0rc1')).toBe(true);
    expect(isPreRelease('1.0.0.dev3')).toBe(true);
    expect(isPreRelease('33.0.0')).toBe(false);
    expect(isPreRelease('2024.2-eol')).toBe(false);
    expect(looksLikePreRelease('1.0.0.0b1')).toBe(true);
    expect(looksLikePreRelease('1.0.0')).toBe(false);
  });

  it('parses lifecycle tags', () => {
    expect(parseLifecycleTag('2024.2-eol')).toEqual({ id: '2024.2', kind: 'eol' });
    expect(parseLifecycleTag('2024.1-eom')).toEqual({ id: '2024.1', kind: 'eom' });
    expect(parseLifecycleTag('xena-em')).toEqual({ id: 'xena', kind: 'em' });
    expect(parseLifecycleTag('2024.2-last')).toEqual({ id: '2024.2', kind: 'last' });
    expect(parseLifecycleTag('33.0.0')).toBeUndefined();
    expect(isLifecycleVersion('zed-eol')).toBe(true);
  });

  it('gives the final of a pre-release', () => {
    expect(formatPbrVersion(finalOf(parsePbrVersion('33.0.0.0rc2')!))).toBe('33.0.0');
  });
});

import { describe, expect, it } from 'vitest';
import { STYLES } from '../../src/web/styles.js';

/** WCAG 2 contrast ratio of two #rrggbb colours. */
function contrast(a: string, b: string): number {
  const lum = (hex: string) => {
    const [r, g, bl] = [1, 3, 5].map((i) => {
      const c = parseInt(hex.slice(i, i + 2), 16) / 255;
      return c <= 0.03928 ? c / 12.92 : ((c + 0.055) / 1.055) ** 2.4;
    });
    return 0.2126 * r! + 0.7152 * g! + 0.0722 * bl!;
  };
  const [hi, lo] = [lum(a), lum(b)].sort((x, y) => y - x);
  return (hi! + 0.05) / (lo! + 0.05);
}

const cssVar = (name: string) => {
  const m = new RegExp(`--${name}:(#[0-9a-f]{6})`).exec(STYLES);
  if (!m) throw new Error(`no --${name} in the stylesheet`);
  return m[1]!;
};

describe('colours of the stylesheet', () => {
  it('meet WCAG AA (4.5:1) for every text colour on the background it is used on', () => {
    const pairs: [string, string, string][] = [
      ['text', cssVar('fg'), cssVar('bg')],
      ['text on panels', cssVar('fg'), cssVar('panel')],
      ['muted text', cssVar('muted'), cssVar('bg')],
      ['muted text on panels', cssVar('muted'), cssVar('panel')],
      ['links', cssVar('accent'), cssVar('bg')],
      ['ok', cssVar('ok'), cssVar('bg')],
      ['bad', cssVar('bad'), cssVar('bg')],
      ['warn', cssVar('warn'), cssVar('bg')],
      ['team badge', cssVar('team'), cssVar('bg')],
      ['warning notices', cssVar('fg'), '#fff6e0'],
      ['current week row', cssVar('fg'), '#fff8d6'],
      ['header', '#ffffff', '#102a43'],
      ['current page in the nav', '#102a43', '#ffffff'],
      ['buttons', '#ffffff', cssVar('accent')],
    ];
    for (const [what, fg, bg] of pairs)
      expect(contrast(fg, bg), `${what}: ${fg} on ${bg}`).toBeGreaterThanOrEqual(4.5);
  });
});

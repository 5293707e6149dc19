/**
 * pbr semantic versions as the release tooling understands them (pure).
 *
 * Canonical forms: `X.Y.Z` (final), `X.Y.Z.0aN` / `X.Y.Z.0bN` / `X.Y.Z.0rcN`
 * (pre-releases), `X.Y.Z.devN` and `X.Y.Z.0bN.devN` (dev versions). The
 * parser is lenient the way pbr is (`1.2` → `1.2.0`, `1.2.0rc1` →
 * `1.2.0.0rc1`, `v1.2.3` → `1.2.3`, `01.2.3` → `1.2.3`), so "canonical"
 * means: parse, render, and get the input back.
 *
 * Lifecycle tags (`<id>-eol`, `<id>-eom`, `<id>-em`, `<id>-last`) are
 * written as versions in deliverable files but are not versions.
 */

export type PreReleaseKind = 'a' | 'b' | 'rc';

export interface PbrVersion {
  readonly major: number;
  readonly minor: number;
  readonly patch: number;
  readonly pre?: { readonly kind: PreReleaseKind; readonly number: number };
  readonly dev?: number;
}

const LENIENT =
  /^[vV]?(\d+)(?:\.(\d+))?(?:\.(\d+))?(?:\.?(?:0(?=a|b|rc))?(a|b|rc)(\d+))?(?:\.?dev(\d+))?$/;

/** Parses leniently like pbr; undefined when pbr would refuse the text. */
export function parsePbrVersion(text: string): PbrVersion | undefined {
  const m = LENIENT.exec(text.trim());
  if (!m) return undefined;
  const [, major, minor, patch, kind, preN, dev] = m;
  const v: PbrVersion = {
    major: Number(major),
    minor: Number(minor ?? 0),
    patch: Number(patch ?? 0),
    ...(kind ? { pre: { kind: kind as PreReleaseKind, number: Number(preN) } } : {}),
    ...(dev !== undefined ? { dev: Number(dev) } : {}),
  };
  return v;
}

/** The canonical text of a version. */
export function formatPbrVersion(v: PbrVersion): string {
  let s = `${v.major}.${v.minor}.${v.patch}`;
  if (v.pre) s += `.0${v.pre.kind}${v.pre.number}`;
  if (v.dev !== undefined) s += `.dev${v.dev}`;
  return s;
}

/** The canonical form of `text`, or undefined when it does not parse. */
export function canonicalPbrVersion(text: string): string | undefined {
  const v = parsePbrVersion(text);
  return v ? formatPbrVersion(v) : undefined;
}

/** Validator rule: the version re-renders to itself. */
export function isCanonicalPbrVersion(text: string): boolean {
  return canonicalPbrVersion(text) === text;
}

const PRE_RANK: Record<PreReleaseKind, number> = { a: 1, b: 2, rc: 3 };
const FINAL_RANK = 4;

/**
 * Total order: numbers first, then dev < a < b < rc < final for the same
 * X.Y.Z, and a `.devN` sorts before the version it is a dev of.
 */
export function comparePbr(a: PbrVersion, b: PbrVersion): number {
  return (
    a.major - b.major ||
    a.minor - b.minor ||
    a.patch - b.patch ||
    stageRank(a) - stageRank(b) ||
    (a.pre?.number ?? 0) - (b.pre?.number ?? 0) ||
    devRank(a) - devRank(b)
  );
}

function stageRank(v: PbrVersion): number {
  if (v.pre) return PRE_RANK[v.pre.kind];
  return v.dev !== undefined ? 0 : FINAL_RANK;
}

function devRank(v: PbrVersion): number {
  // X.Y.Z.0b1.dev3 < X.Y.Z.0b1; a bare X.Y.Z.devN already ranked by stage
  return v.dev === undefined ? Number.MAX_SAFE_INTEGER : v.dev;
}

/** Compares two version texts; undefined when either is not a pbr version. */
export function compareVersionText(a: string, b: string): number | undefined {
  const va = parsePbrVersion(a);
  const vb = parsePbrVersion(b);
  return va && vb ? comparePbr(va, vb) : undefined;
}

/** A parsed pre-release (alpha, beta, rc) or dev version. */
export function isPreRelease(version: string): boolean {
  const v = parsePbrVersion(version);
  return v !== undefined && (v.pre !== undefined || v.dev !== undefined);
}

/**
 * Upstream's textual test (validate, propose-final-releases): the version
 * contains `a`, `b` or `rc` anywhere. Lifecycle tags never reach it.
 */
export function looksLikePreRelease(version: string): boolean {
  return /a|b|rc/.test(version);
}

export type LifecycleKind = 'eol' | 'eom' | 'em' | 'last';

export interface LifecycleTag {
  /** Series id (`2024.2`) or, for old series and `-em`, the name (`zed`). */
  readonly id: string;
  readonly kind: LifecycleKind;
}

/** `2024.2-eol` → {id: '2024.2', kind: 'eol'}; undefined for anything else. */
export function parseLifecycleTag(version: string): LifecycleTag | undefined {
  const m = /^(.+)-(eol|eom|em|last)$/.exec(version);
  if (!m) return undefined;
  return { id: m[1] ?? '', kind: m[2] as LifecycleKind };
}

export function lifecycleTag(id: string, kind: LifecycleKind): string {
  return `${id}-${kind}`;
}

export function isLifecycleVersion(version: string): boolean {
  return parseLifecycleTag(version) !== undefined;
}

/** The final a pre-release leads to: `33.0.0.0rc2` → `33.0.0`. */
export function finalOf(v: PbrVersion): PbrVersion {
  return { major: v.major, minor: v.minor, patch: v.patch };
}

/**
 * Ordering of the versions deliverable files hold (pure): pbr's canonical
 * forms (`X.Y.Z`, `X.Y.Z.0rcN`, `X.Y.Z.devN`) and the PEP 440 ones xstatic
 * packages use (`1.8.2.2`), in one order: release numbers (missing ones
 * are 0), then dev < alpha < beta < rc < final < post. So `33.0.0.0rc1` <
 * `33.0.0` and `1.8.2` < `1.8.2.1`.
 */
export interface OrderedVersion {
  readonly release: readonly number[];
  readonly stage: number;
  readonly pre: number;
  readonly post: number;
  readonly dev: number;
}

const FORM = /^(\d+(?:\.\d+)*)(?:\.?(a|b|rc)(\d+))?(?:\.post(\d+))?(?:\.?dev(\d+))?$/;
const STAGE: Readonly<Record<string, number>> = { a: 1, b: 2, rc: 3 };
const FINAL = 4;

/** The version as an ordered value; undefined for lifecycle tags and anything else. */
export function orderedVersion(text: string): OrderedVersion | undefined {
  const m = FORM.exec(text);
  if (!m) return undefined;
  const [, release = '', kind, preN, postN, devN] = m;
  const dev = devN === undefined ? Number.POSITIVE_INFINITY : Number(devN);
  return {
    release: release.split('.').map(Number),
    // a bare X.Y.Z.devN comes before every pre-release of X.Y.Z
    stage: kind ? (STAGE[kind] ?? 0) : devN !== undefined && postN === undefined ? 0 : FINAL,
    pre: preN === undefined ? 0 : Number(preN),
    post: postN === undefined ? -1 : Number(postN),
    dev,
  };
}

export function compareOrdered(a: OrderedVersion, b: OrderedVersion): number {
  const n = Math.max(a.release.length, b.release.length);
  for (let i = 0; i < n; i++) {
    const d = (a.release[i] ?? 0) - (b.release[i] ?? 0);
    if (d !== 0) return d;
  }
  return a.stage - b.stage || a.pre - b.pre || a.post - b.post || cmp(a.dev, b.dev);
}

function cmp(a: number, b: number): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

/** `major.minor` of a version: the line stable releases continue. */
export function lineOf(v: OrderedVersion): string {
  return `${v.release[0] ?? 0}.${v.release[1] ?? 0}`;
}

/**
 * Services numbered by date until kilo (`2015.1.0`) and semantically from
 * liberty on (glance 11.0.0): the two schemes are not compared.
 */
export function sameScheme(a: OrderedVersion, b: OrderedVersion): boolean {
  return (a.release[0] ?? 0) >= 2000 === (b.release[0] ?? 0) >= 2000;
}

/**
 * PEP 440 canonical form, as upstream checks `xstatic` versions: the
 * normalised text of the version must equal the input. Only the forms a
 * release tag can take are accepted (release, pre, post, dev; no epoch or
 * local part), which is what the tooling publishes.
 */
const PEP440 = /^(\d+(?:\.\d+)*)(?:(a|b|rc)(\d+))?(?:\.post(\d+))?(?:\.dev(\d+))?$/;

export function isCanonicalPep440(version: string): boolean {
  const m = PEP440.exec(version);
  if (!m) return false;
  // normalisation drops leading zeros of every number
  return m
    .slice(1)
    .filter((x): x is string => x !== undefined && /^\d/.test(x))
    .flatMap((x) => x.split('.'))
    .every((n) => n === String(Number(n)));
}

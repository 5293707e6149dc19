import { ConfigError } from '../../core/errors.js';
import { isRecord, parseYaml } from '../../data/yaml.js';

/**
 * Values hard-coded in the upstream Python tooling, read from
 * `derived/tooling-constants.yaml` (shipped with the shared data and in the
 * embedded snapshot) rather than copied into our code.
 */
export interface ToolingConstants {
  readonly currentSeries: string;
  readonly closedSeries: ReadonlySet<string>;
  readonly modelsAllowingPrereleases: ReadonlySet<string>;
  readonly milestoneBasedModels: ReadonlySet<string>;
  readonly validBranchPrefixes: ReadonlySet<string>;
  readonly noStableBranchCheck: ReadonlySet<string>;
  readonly typeToReleaseType: Readonly<Record<string, string>>;
  readonly pbrReleaseTypes: ReadonlySet<string>;
  readonly pep440ReleaseTypes: ReadonlySet<string>;
}

export const CONSTANTS_FILE = 'derived/tooling-constants.yaml';

export function parseToolingConstants(text: string, file: string): ToolingConstants {
  const { value } = parseYaml(text, file);
  if (!isRecord(value)) throw new ConfigError('expected a mapping', file);
  const list = (key: string): Set<string> => {
    const v = value[key];
    if (!Array.isArray(v)) throw new ConfigError('expected a list', file, key);
    return new Set(v.map(String));
  };
  const current = value['current-series'];
  if (typeof current !== 'string')
    throw new ConfigError('expected a series name', file, 'current-series');
  const t2r = value['type-to-release-type'];
  if (!isRecord(t2r)) throw new ConfigError('expected a mapping', file, 'type-to-release-type');
  return {
    currentSeries: current,
    closedSeries: list('closed-series'),
    modelsAllowingPrereleases: list('models-allowing-prereleases'),
    milestoneBasedModels: list('milestone-based-models'),
    validBranchPrefixes: list('valid-branch-prefixes'),
    noStableBranchCheck: list('no-stable-branch-check'),
    typeToReleaseType: Object.fromEntries(Object.entries(t2r).map(([k, v]) => [k, String(v)])),
    pbrReleaseTypes: list('pbr-version-release-types'),
    pep440ReleaseTypes: list('pep440-version-release-types'),
  };
}

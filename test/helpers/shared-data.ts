import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { packageRoot } from '../../src/core/package-root.js';

/** `../shared/data` beside the repository (CI lays it there too). */
export const SHARED_DATA = join(packageRoot(), '..', 'shared', 'data');
export const RELEASES_DIR = join(SHARED_DATA, 'openstack-releases');
export const GOVERNANCE_DIR = join(SHARED_DATA, 'openstack-governance');
export const SERVICE_SAMPLES_DIR = join(SHARED_DATA, 'service-samples');

export function hasSharedData(): boolean {
  return existsSync(RELEASES_DIR) && existsSync(GOVERNANCE_DIR);
}

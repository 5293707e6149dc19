import {
  cpSync,
  mkdirSync,
  readdirSync,
  symlinkSync,
  appendFileSync,
  writeFileSync,
} from 'node:fs';
import { join } from 'node:path';
import { GOVERNANCE_DIR, RELEASES_DIR } from '../helpers/shared-data.js';
import { tempDir } from '../helpers/tmp.js';
import { P } from '../web/payloads.js';

/** A team and a deliverable whose names would run script if a page printed them unescaped. */
export const HOSTILE_TEAM = `Evil ${P.script} team`;
export const HOSTILE_DELIVERABLE = `evil${P.img}`;

/**
 * The shared releases and governance data plus one hostile team with one
 * hostile deliverable in hibiscus. The releases tree is a farm of links to
 * the real files (26 MB are not copied); governance is a copy with the team
 * appended to projects.yaml.
 */
export function hostileData(): { releases: string; governance: string } {
  const dir = tempDir('liaison-hostile-');
  const releases = join(dir, 'releases');
  mkdirSync(join(releases, 'deliverables', 'hibiscus'), { recursive: true });
  for (const e of readdirSync(RELEASES_DIR))
    if (e !== 'deliverables') symlinkSync(join(RELEASES_DIR, e), join(releases, e));
  for (const s of readdirSync(join(RELEASES_DIR, 'deliverables')))
    if (s !== 'hibiscus')
      symlinkSync(join(RELEASES_DIR, 'deliverables', s), join(releases, 'deliverables', s));
  const hib = join(RELEASES_DIR, 'deliverables', 'hibiscus');
  for (const f of readdirSync(hib))
    symlinkSync(join(hib, f), join(releases, 'deliverables', 'hibiscus', f));
  const q = (s: string) => JSON.stringify(s);
  writeFileSync(
    join(releases, 'deliverables', 'hibiscus', `${HOSTILE_DELIVERABLE}.yaml`),
    `---
launchpad: evil
release-model: cycle-with-intermediary
team: ${q(HOSTILE_TEAM)}
type: library
repository-settings:
  openstack/evil: {}
releases:
  - version: 1.0.0
    projects:
      - repo: openstack/evil
        hash: ${'a'.repeat(40)}
`,
  );
  const governance = join(dir, 'governance');
  cpSync(GOVERNANCE_DIR, governance, { recursive: true });
  appendFileSync(
    join(governance, 'reference', 'projects.yaml'),
    `${q(HOSTILE_TEAM)}:
  ptl:
    name: ${q(`Ptl ${P.svg}`)}
    irc: ${q(P.attr)}
    email: evil@example.org
  irc-channel: evil
  service: Evil service
  mission: ${q(`Mission ${P.script}`)}
  url: ${q(P.js)}
  deliverables:
    ${q(HOSTILE_DELIVERABLE)}:
      repos:
        - openstack/evil
`,
  );
  return { releases, governance };
}

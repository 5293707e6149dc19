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
/** The team (a name the tool accepts) that owns the hostile deliverable. */
export const EVIL_TEAM = 'evil-team';

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
  const file = (team: string, repo: string) => `---
launchpad: evil
release-model: cycle-with-intermediary
team: ${q(team)}
type: library
repository-settings:
  ${repo}: {}
releases:
  - version: 1.0.0
    projects:
      - repo: ${repo}
        hash: ${'a'.repeat(40)}
`;
  const target = (name: string) => join(releases, 'deliverables', 'hibiscus', `${name}.yaml`);
  writeFileSync(target(HOSTILE_DELIVERABLE), file(EVIL_TEAM, 'openstack/evil'));
  writeFileSync(target('evil-lib'), file(HOSTILE_TEAM, 'openstack/evil-lib'));
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
    evil-lib:
      repos:
        - openstack/evil-lib
${EVIL_TEAM}:
  ptl:
    name: ${q(`Ptl ${P.img}`)}
    irc: ${q(P.attr)}
    email: evil2@example.org
  liaisons:
    release:
      - name: ${q(`Liaison ${P.script}`)}
        irc: ${q(P.svg)}
        email: evil3@example.org
  deliverables:
    ${q(HOSTILE_DELIVERABLE)}:
      repos:
        - openstack/evil
`,
  );
  return { releases, governance };
}

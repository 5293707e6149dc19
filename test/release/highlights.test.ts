import { copyFileSync, mkdirSync, readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { runCli, runJson } from '../helpers/cli.js';
import { RELEASES_DIR } from '../helpers/shared-data.js';
import { tempDir } from '../helpers/tmp.js';

interface Highlights {
  deliverable: string;
  series: string;
  file: string;
  highlights: string[];
  notes: string[];
  diff?: string;
  written?: boolean;
  commitMessage?: string;
}

function checkout(): string {
  const dir = tempDir();
  for (const f of [
    'data/series_status.yaml',
    'deliverables/hibiscus/glance.yaml',
    'deliverables/flamingo/glance.yaml',
  ]) {
    mkdirSync(dirname(join(dir, f)), { recursive: true });
    copyFileSync(join(RELEASES_DIR, f), join(dir, f));
  }
  return dir;
}

describe('liaison release highlights', () => {
  it("lists the service deliverable's highlights (flamingo glance)", async () => {
    const v = await runJson<Highlights>(['release', 'highlights', 'list', '--series', 'flamingo']);
    expect(v.deliverable).toBe('glance');
    expect(v.highlights).toEqual([
      'Python 3.9 is no longer supported',
      'Added support for the new x-openstack-image-size header that allows Glance to check the size of the uploaded data',
      'Added support for common configuration options in the Glance store',
    ]);
    const text = await runCli(['release', 'highlights', 'list', '--series', 'gazpacho']);
    expect(text.stdout).toContain('none yet');
  });

  it('adds one with a minimal diff (dry run), then writes it', async () => {
    const dir = checkout();
    const args = [
      'release',
      'highlights',
      'add',
      '--series',
      'hibiscus',
      '--releases-repo',
      dir,
      'Images',
      'are',
      'now',
      'checked',
      'on',
      'upload',
    ];
    const dry = await runJson<Highlights>(args);
    expect(dry.diff).toContain(
      '+cycle-highlights:\n+  - Images are now checked on upload\n repository-settings:\n',
    );
    expect(dry.written).toBe(false);
    expect(dry.commitMessage).toBe('Add Glance Hibiscus cycle highlights\n');
    const before = readFileSync(join(dir, 'deliverables/hibiscus/glance.yaml'), 'utf8');
    const done = await runJson<Highlights>([...args, '--write']);
    expect(done.written).toBe(true);
    const after = readFileSync(join(dir, 'deliverables/hibiscus/glance.yaml'), 'utf8');
    expect(after).toBe(
      before.replace(
        'repository-settings:',
        'cycle-highlights:\n  - Images are now checked on upload\nrepository-settings:',
      ),
    );
    const listed = await runJson<Highlights>([
      'release',
      'highlights',
      'list',
      '--series',
      'hibiscus',
      '--releases-repo',
      dir,
    ]);
    expect(listed.highlights).toEqual(['Images are now checked on upload']);
    const again = await runCli(args);
    expect(again.code).toBe(1);
    expect(again.stderr).toBe(
      'liaison: deliverables/hibiscus/glance.yaml already has this highlight\n',
    );
  });

  it('appends after existing ones, wrapped like upstream', async () => {
    const dir = checkout();
    const long =
      'Glance can now verify the checksum of every image it imports from a web download before activating it';
    const v = await runJson<Highlights>([
      'release',
      'highlights',
      'add',
      '--series',
      'flamingo',
      '--releases-repo',
      dir,
      '--write',
      long,
    ]);
    expect(v.highlights).toHaveLength(4);
    const text = readFileSync(join(dir, 'deliverables/flamingo/glance.yaml'), 'utf8');
    expect(text).toContain(
      '    store\n  - Glance can now verify the checksum of every image it imports\n    from a web download before activating it\nrepository-settings:',
    );
  });

  it('bad input: no text, no file for the series, --write on the snapshot', async () => {
    const empty = await runCli(['release', 'highlights', 'add', '--series', 'hibiscus', ' ']);
    expect([empty.code, empty.stderr]).toEqual([
      2,
      'liaison: highlights add: give the highlight text\n',
    ]);
    const indri = await runCli(['release', 'highlights', 'list', '--series', 'indri']);
    expect(indri.code).toBe(2);
    expect(indri.stderr).toMatch(
      /no deliverables\/indri\/glance\.yaml \(deliverables\/indri\/ has no files yet/,
    );
    const snap = await runCli([
      'release',
      'highlights',
      'add',
      '--series',
      'hibiscus',
      '--write',
      'x',
    ]);
    expect(snap.code).toBe(2);
    expect(snap.stderr).toMatch(/--write needs a releases checkout/);
  });
});

/**
 * Every guide's permissions.json, in every version (released ones and Next), is a valid
 * profile whose names and types all exist in the permission catalog, sits next to its guide
 * page, and names its own guide folder.
 */
import fs from 'node:fs';
import path from 'node:path';
import {fileURLToPath} from 'node:url';
import {describe, expect, it} from 'vitest';
import {checkProfileAgainstCatalog, parseProfile} from '../../../src/permissions/profile';
import {CURRENT_VERSION, listProfiles, releasedVersions} from '../../../src/profiles/locate';

const siteDir = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../..');
const profiles = listProfiles(siteDir);

describe('permission profiles of the site', () => {
  it('has a profile for every released version and for Next', () => {
    const versions = new Set(profiles.map((location) => location.version));
    for (const version of [...releasedVersions(siteDir), CURRENT_VERSION]) {
      expect(versions.has(version), `version ${version} has no guide with a permissions.json`).toBe(true);
    }
  });

  describe.each(profiles.map((location) => [path.relative(siteDir, location.file), location] as const))('%s', (name, location) => {
    const text = fs.readFileSync(location.file, 'utf8');

    it('parses with the profile schema', () => {
      expect(() => parseProfile(text, name)).not.toThrow();
    });

    it('names only permissions the catalog knows, with their real type', () => {
      const problems = checkProfileAgainstCatalog(parseProfile(text, name));
      expect(problems.map((problem) => problem.message)).toEqual([]);
    });

    it('belongs to its guide folder, next to the guide page', () => {
      expect(parseProfile(text, name).guide).toBe(location.guide);
      const dir = path.dirname(location.file);
      expect(fs.existsSync(path.join(dir, 'index.mdx')) || fs.existsSync(path.join(dir, 'index.md'))).toBe(true);
    });
  });
});

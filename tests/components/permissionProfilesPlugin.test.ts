// @vitest-environment node
import path from 'node:path';
import {describe, expect, it} from 'vitest';
import {loadPermissionProfiles} from '../../src/plugins/permission-profiles';

const SITE = path.resolve(__dirname, '../..');

describe('permission-profiles plugin', () => {
  it('hands the browser every guide profile of every docs version, and the latest release', () => {
    const data = loadPermissionProfiles(SITE);
    expect(data.latestVersion).toBe('2.0');
    expect(data.profiles.map(({guide, version}) => `${guide}@${version}`).sort()).toEqual(['office365@1.0', 'office365@2.0', 'office365@current']);
    for (const {profile} of data.profiles) {
      expect(profile.guide).toBe('office365');
      expect(profile.resources.length).toBeGreaterThan(0);
    }
    // Plain JSON: it travels to the browser as global data.
    expect(JSON.parse(JSON.stringify(data))).toEqual(data);
  });
});

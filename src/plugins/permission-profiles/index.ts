/**
 * Docusaurus plugin: hands every guide's permission profile (one per docs version) to the
 * browser as global data, so the live check compares against the profile of the docs version
 * its page belongs to. Profiles are read and validated at build time (a broken permissions.json
 * fails the build with the engine's ProfileError), never fetched at run time.
 */
import fs from 'node:fs';
import type {LoadContext, Plugin} from '@docusaurus/types';
import {CURRENT_VERSION, listProfiles, releasedVersions} from '../../profiles/locate';
import {parseProfile} from '../../permissions/profile';
import {PERMISSION_PROFILES_PLUGIN, type PermissionProfilesData} from './types';

export function loadPermissionProfiles(siteDir: string): PermissionProfilesData {
  const profiles = listProfiles(siteDir).map(({guide, version, file}) => ({
    guide,
    version,
    profile: parseProfile(JSON.parse(fs.readFileSync(file, 'utf8')), file),
  }));
  return {profiles, latestVersion: releasedVersions(siteDir)[0] ?? CURRENT_VERSION};
}

export default function permissionProfilesPlugin(context: LoadContext): Plugin<PermissionProfilesData> {
  return {
    name: PERMISSION_PROFILES_PLUGIN,
    getPathsToWatch() {
      return [`${context.siteDir}/docs/**/permissions.json`, `${context.siteDir}/versioned_docs/**/permissions.json`];
    },
    async loadContent() {
      return loadPermissionProfiles(context.siteDir);
    },
    async contentLoaded({content, actions}) {
      actions.setGlobalData(content);
    },
  };
}

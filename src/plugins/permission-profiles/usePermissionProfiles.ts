/**
 * The profiles plugin's global data in the browser, typed: the one place that reads it, so no
 * component casts `usePluginData('permission-profiles')` itself. Browser-safe (no Node modules):
 * the plugin's own index.ts reads files at build time and must not be imported here.
 */
import {usePluginData} from '@docusaurus/useGlobalData';
import {PERMISSION_PROFILES_PLUGIN, type PermissionProfilesData, type VersionedProfile} from './types';

function isPermissionProfilesData(data: unknown): data is PermissionProfilesData {
  const candidate = data as Partial<PermissionProfilesData> | undefined;
  return Array.isArray(candidate?.profiles) && typeof candidate?.latestVersion === 'string';
}

/** Every guide's profile per docs version, and the latest release. */
export function usePermissionProfiles(): PermissionProfilesData {
  const data = usePluginData(PERMISSION_PROFILES_PLUGIN);
  if (!isPermissionProfilesData(data)) {
    throw new Error(`The ${PERMISSION_PROFILES_PLUGIN} plugin's data is missing: is the plugin in docusaurus.config.ts?`);
  }
  return data;
}

/** One guide's profile in one docs version, if the site has it. */
export function findProfile(data: PermissionProfilesData, guide: string, version: string): VersionedProfile | undefined {
  return data.profiles.find((entry) => entry.guide === guide && entry.version === version);
}

/** The docs versions that have a profile for the guide, in the plugin's order. */
export function versionsOf(data: PermissionProfilesData, guide: string): string[] {
  return data.profiles.filter((entry) => entry.guide === guide).map((entry) => entry.version);
}

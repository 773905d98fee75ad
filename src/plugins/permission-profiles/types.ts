import type {Profile} from '../../permissions/types';

/** The plugin's name: the key of its global data (usePermissionProfiles reads it). */
export const PERMISSION_PROFILES_PLUGIN = 'permission-profiles';

/** One guide's profile in one docs version ("current" = Next). */
export interface VersionedProfile {
  guide: string;
  version: string;
  profile: Profile;
}

/** What the permission-profiles plugin gives the browser (global data). */
export interface PermissionProfilesData {
  profiles: VersionedProfile[];
  /** The newest released version (versions.json), or "current" when nothing is released. */
  latestVersion: string;
}

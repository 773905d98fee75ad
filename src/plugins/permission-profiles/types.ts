import type {Profile} from '../../permissions/types';

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

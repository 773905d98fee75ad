/**
 * The engine's shared vocabulary. Plain TypeScript: no React, no DOM, no MSAL.
 * Every face (UI, CLI, remark plugin, benchmark) speaks in these types.
 */

/** How a permission is granted: an app role (application) or an OAuth2 scope (delegated). */
export type PermissionType = 'Application' | 'Delegated';

export const MICROSOFT_GRAPH_APP_ID = '00000003-0000-0000-c000-000000000000';
/** Azure AD Graph: retired in 2025. */
export const AZURE_AD_GRAPH_APP_ID = '00000002-0000-0000-c000-000000000000';

/** One permission of a profile. */
export interface ProfilePermission {
  value: string;
  type: PermissionType;
  why: string;
}

export interface ProfileResource {
  resourceAppId: string;
  name: string;
  required: ProfilePermission[];
  allowed: ProfilePermission[];
}

export type ExpectedCredential = 'secret-or-certificate' | 'certificate' | 'secret';

/** A guide version's permission profile (permissions.json), after validation. */
export interface Profile {
  guide: string;
  title: string;
  expect: { signInAudience: string; credential: ExpectedCredential };
  resources: ProfileResource[];
}

/** A secret or certificate of the app registration. */
export interface ObservedCredential {
  kind: 'secret' | 'certificate';
  keyId: string | null;
  displayName: string | null;
  /** ISO date-time, or null when the source does not say. */
  endDateTime: string | null;
}

/** One entry of requiredResourceAccess, flattened (Role -> Application, Scope -> Delegated). */
export interface ConfiguredPermission {
  resourceAppId: string; // lower-case GUID
  id: string; // lower-case GUID
  type: PermissionType;
}

/** An application permission granted in the tenant (an appRoleAssignment of the app's service principal). */
export interface GrantedAppRole {
  resourceAppId: string; // lower-case GUID
  id: string; // appRoleId, lower-case GUID
}

/**
 * Delegated permissions granted on one API (an oauth2PermissionGrant): by admin consent for
 * everyone (consentType AllPrincipals), or by one user for themselves (Principal). Both count as
 * held by the app; only AllPrincipals satisfies a required delegated permission.
 */
export interface GrantedScopes {
  resourceAppId: string; // lower-case GUID
  scopes: string[]; // names, as in the grant's space-separated `scope`
  consentType: 'AllPrincipals' | 'Principal';
  /** The user who consented (Principal grants); absent or null when not known or AllPrincipals. */
  principalId?: string | null;
}

/** Names the tenant gave us for a resource's ids (from its service principal). */
export interface ResourceNames {
  resourceAppId: string;
  displayName: string;
  appRoles: Array<{ id: string; value: string }>;
  scopes: Array<{ id: string; value: string }>;
}

/** A part of the observed state that could not be read. Any entry makes the verdict `incomplete`. */
export interface UnreadPart {
  part: 'application' | 'servicePrincipal' | 'appRoleAssignments' | 'oauth2PermissionGrants' | 'resource';
  reason: string;
  /** HTTP status when there was one. */
  status?: number;
}

/** What a source (tenant, manifest, sample) tells us about one app registration. */
export interface ObservedState {
  source: 'tenant' | 'manifest' | 'sample';
  app: {
    appId: string | null;
    objectId: string | null;
    displayName: string | null;
    signInAudience: string | null;
    credentials: ObservedCredential[];
  };
  configured: ConfiguredPermission[];
  /**
   * What is granted in the tenant; null when grants were not looked at (a manifest says
   * nothing about consent). A service principal that does not exist means nothing is
   * granted: empty lists, `servicePrincipalExists: false`.
   */
  grants: null | {
    servicePrincipalExists: boolean;
    appRoles: GrantedAppRole[];
    scopes: GrantedScopes[];
  };
  resourceNames: ResourceNames[];
  unread: UnreadPart[];
  /**
   * True when the source listed only permissions (a bare requiredResourceAccess list): the
   * app's settings (sign-in audience, credentials) were not in it, so they are not judged.
   */
  permissionsOnly?: boolean;
}

export type Severity = 'info' | 'warning' | 'error';

export type PermissionStatus = 'ok' | 'allowed' | 'missing' | 'wrong-type' | 'not-granted' | 'excess' | 'unknown';

export type SettingStatus = 'ok' | 'mismatch' | 'missing' | 'expired' | 'expiring';

export type SettingName = 'signInAudience' | 'credentials' | 'passwordCredentials' | 'keyCredentials';

/** The exact remedy for an error finding, every part copyable. */
export interface Fix {
  /** One sentence: what to do. */
  summary: string;
  /** Deep link to the app's API permissions (or Certificates & secrets) blade in the Entra admin center. */
  portalUrl?: string;
  /** https://{authority}/{tenant}/adminconsent?client_id={appId} */
  adminConsentUrl?: string;
  /** The same link with <…> placeholders, when the tenant (or the app) is not known. */
  adminConsentUrlToFillIn?: string;
  azureCli: string[];
  powershell: string[];
}

/** One thing to do that fixes one or more error findings. */
export interface RemedyAction {
  kind: 'permissions' | 'consent' | 'revoke' | 'setting' | 'check';
  /** What to do, short: "Grant admin consent". */
  title: string;
  /** What it fixes, in words: "AuditLog.Read.All (application) of Microsoft Graph", "Client secrets". */
  fixes: string[];
  fix: Fix;
}

export interface PermissionFinding {
  kind: 'permission';
  resourceAppId: string;
  resourceName: string;
  /** The name, or the id when no name is known. */
  permission: string;
  permissionId: string | null;
  type: PermissionType;
  required: boolean;
  configured: boolean;
  granted: boolean | null;
  /** Users who consented to it for themselves (Principal grants); absent when none or not read. */
  userConsents?: number;
  /** Why the guide needs (or tolerates) it: the profile's words, for required and allowed rows. */
  why?: string;
  /** A wrong-type row: the id of the entry configured with the other type (to remove). */
  otherTypeId?: string | null;
  status: PermissionStatus;
  severity: Severity;
  message: string;
  fix?: Fix;
}

export interface SettingFinding {
  kind: 'setting';
  setting: SettingName;
  status: SettingStatus;
  severity: Severity;
  message: string;
  expected?: string;
  actual?: string;
  fix?: Fix;
}

export type Finding = PermissionFinding | SettingFinding;

export type Verdict = 'pass' | 'fail' | 'incomplete';

export interface CheckResult {
  verdict: Verdict;
  findings: Finding[];
  /** False when only a manifest was checked: admin consent was not looked at. */
  grantsChecked: boolean;
  /** False when only a permission list was checked: sign-in audience and credentials were not looked at. */
  settingsChecked: boolean;
  unread: UnreadPart[];
  /**
   * What to do, one action per remedy (one consent for every permission that lacks it, one
   * rewrite of the permission list, one revocation of unneeded grants, one per setting), in the
   * order to do it. Every error finding is addressed by exactly one action.
   */
  actions: RemedyAction[];
  /** The corrected requiredResourceAccess for the manifest editor (required + present allowed). */
  correctedRequiredResourceAccess: Array<{
    resourceAppId: string;
    resourceAccess: Array<{ id: string; type: 'Role' | 'Scope' }>;
  }>;
}

/** National clouds. */
export type CloudName = 'global' | 'usgov' | 'usdod' | 'china';

export interface CloudEndpoints {
  name: CloudName;
  authorityHost: string; // e.g. login.microsoftonline.com
  graphHost: string; // e.g. graph.microsoft.com
  entraPortal: string; // e.g. https://entra.microsoft.com
}

/** Where a check points its fixes. */
export interface CheckContext {
  cloud: CloudName;
  /** Tenant id or domain; 'organizations' when unknown. */
  tenant?: string;
  appId?: string | null;
  /** Reference time for credential expiry; defaults to now. */
  now?: Date;
}

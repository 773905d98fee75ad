/**
 * The shapes of the Graph entities the sample tenant serves (the fields its stand-in answers
 * with; Graph has more). Types only: apps.ts (the sample apps) and data.ts (the tenant built
 * from them) both use them, so neither imports the other's types.
 */
export interface GraphAppRole {
  id: string;
  value: string;
  displayName: string;
  description: string;
  allowedMemberTypes: string[];
  isEnabled: boolean;
}

export interface GraphPermissionScope {
  id: string;
  value: string;
  type: 'Admin' | 'User';
  adminConsentDisplayName: string;
  adminConsentDescription: string;
  isEnabled: boolean;
}

export interface GraphServicePrincipal {
  id: string;
  appId: string;
  displayName: string;
  servicePrincipalType: 'Application';
  appOwnerOrganizationId: string;
  accountEnabled: boolean;
  appRoles: GraphAppRole[];
  oauth2PermissionScopes: GraphPermissionScope[];
}

export interface GraphPasswordCredential {
  keyId: string;
  displayName: string | null;
  hint: string;
  startDateTime: string;
  endDateTime: string;
}

export interface GraphKeyCredential {
  keyId: string;
  displayName: string | null;
  type: 'AsymmetricX509Cert';
  usage: 'Verify';
  startDateTime: string;
  endDateTime: string;
}

export interface GraphRequiredResourceAccess {
  resourceAppId: string;
  resourceAccess: Array<{id: string; type: 'Role' | 'Scope'}>;
}

export interface GraphApplication {
  id: string;
  appId: string;
  displayName: string;
  description: string;
  signInAudience: string;
  createdDateTime: string;
  publisherDomain: string;
  requiredResourceAccess: GraphRequiredResourceAccess[];
  passwordCredentials: GraphPasswordCredential[];
  keyCredentials: GraphKeyCredential[];
}

export interface GraphAppRoleAssignment {
  id: string;
  appRoleId: string;
  createdDateTime: string;
  principalId: string;
  principalType: 'ServicePrincipal';
  principalDisplayName: string;
  resourceId: string;
  resourceDisplayName: string;
}

export interface GraphOAuth2PermissionGrant {
  id: string;
  clientId: string;
  consentType: 'AllPrincipals' | 'Principal';
  principalId: string | null;
  resourceId: string;
  scope: string;
}

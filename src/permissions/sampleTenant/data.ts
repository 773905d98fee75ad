/**
 * The sample tenant: realistic, Graph-shaped data for the site's sample mode and for tests.
 * Contoso (sample) has the Microsoft Graph and Azure AD Graph service principals, with the real
 * permission ids from the project's catalog (apiPermissions.ts: those the sample apps use), and one
 * app registration per situation a check must recognise. Credential dates are relative to `now`, so an expired secret stays expired.
 *
 * Plain data and pure functions: no Node-only APIs (it runs in the browser too).
 */
import {AZURE_AD_GRAPH_APP_ID, MICROSOFT_GRAPH_APP_ID} from '../types';
import type {
  GraphAppRole,
  GraphAppRoleAssignment,
  GraphApplication,
  GraphOAuth2PermissionGrant,
  GraphPermissionScope,
  GraphRequiredResourceAccess,
  GraphServicePrincipal,
} from './graphShapes';
import {
  APP_SPECS,
  AZURE_AD_GRAPH_USER_READ_ID,
  DAY,
  EXCHANGE_ONLINE_APP_ID,
  iso,
  SAMPLE_TENANT_DOMAIN,
  SAMPLE_TENANT_ID,
  SAMPLE_TENANT_NAME,
  SHAREPOINT_ONLINE_APP_ID,
} from './apps';
import {SAMPLE_API_PERMISSIONS, type ApiPermissionLists, type ListedPermission} from './apiPermissions';


export interface SampleTenant {
  tenantId: string;
  /** The tenant's initial domain. */
  domain: string;
  displayName: string;
  applications: GraphApplication[];
  servicePrincipals: GraphServicePrincipal[];
  appRoleAssignments: GraphAppRoleAssignment[];
  oauth2PermissionGrants: GraphOAuth2PermissionGrant[];
  /**
   * Page size of an app's grants when the caller does not ask for one ($top), by the app's
   * appId (lower case). Graph's own default is 100; the many-pages app pages at 3 so paging
   * shows with a handful of grants.
   */
  defaultPageSizeByAppId: Record<string, number>;
}

/** Object ids of the resource service principals in the sample tenant. */
export const SAMPLE_MICROSOFT_GRAPH_SP_ID = 'eb10180a-f954-49b9-94e9-625bd9899056';
const SAMPLE_AZURE_AD_GRAPH_SP_ID = '3530dcdf-ab25-49a6-be7d-1d614e68b2de';
export const SAMPLE_EXCHANGE_ONLINE_SP_ID = '6a0b4f2e-9c1d-4e8f-b7a6-5d4c3b2a1f0e';
const SAMPLE_SHAREPOINT_ONLINE_SP_ID = '7b1c5a3f-0d2e-4f9a-8b7c-6e5d4c3b2a1f';

/** Microsoft's own tenant: owner of the first-party service principals. */
const MICROSOFT_SERVICES_TENANT_ID = 'f8cdef31-a31e-4b4a-93e4-5f571e91255a';


/** The id of a Microsoft Graph permission the sample tenant lists; throws on a name it does not have. */
function graphPermissionId(value: string, type: 'Role' | 'Scope'): string {
  const entry = SAMPLE_API_PERMISSIONS[MICROSOFT_GRAPH_APP_ID]?.find((p) => p.value === value && p.type === type);
  if (!entry) throw new Error(`The sample tenant's Microsoft Graph lists no ${type} named ${value} (sampleTenant/apiPermissions.ts).`);
  return entry.id.toLowerCase();
}

/** A first-party API's service principal, with the permissions it lists. */
function servicePrincipalOf(id: string, appId: string, displayName: string, entries: readonly ListedPermission[]): GraphServicePrincipal {
  const appRoles: GraphAppRole[] = [];
  const scopes: GraphPermissionScope[] = [];
  for (const p of entries) {
    const displayName = p.displayName ?? p.value;
    if (p.type === 'Role') {
      appRoles.push({
        id: p.id.toLowerCase(),
        value: p.value,
        displayName,
        description: displayName,
        allowedMemberTypes: ['Application'],
        isEnabled: true,
      });
    } else if (p.type === 'Scope') {
      scopes.push({
        id: p.id.toLowerCase(),
        value: p.value,
        type: p.adminConsentRequired === false ? 'User' : 'Admin',
        adminConsentDisplayName: displayName,
        adminConsentDescription: displayName,
        isEnabled: true,
      });
    }
  }
  return {
    id,
    appId,
    displayName,
    servicePrincipalType: 'Application',
    appOwnerOrganizationId: MICROSOFT_SERVICES_TENANT_ID,
    accountEnabled: true,
    appRoles,
    oauth2PermissionScopes: scopes,
  };
}

function azureAdGraphServicePrincipal(): GraphServicePrincipal {
  return {
    id: SAMPLE_AZURE_AD_GRAPH_SP_ID,
    appId: AZURE_AD_GRAPH_APP_ID,
    displayName: 'Windows Azure Active Directory',
    servicePrincipalType: 'Application',
    appOwnerOrganizationId: MICROSOFT_SERVICES_TENANT_ID,
    accountEnabled: true,
    appRoles: [
      {
        id: '5778995a-e1bf-45b8-affa-663a9f3f4d04',
        value: 'Directory.Read.All',
        displayName: 'Read directory data',
        description: 'Allows the app to read data in your organization\'s directory.',
        allowedMemberTypes: ['Application'],
        isEnabled: true,
      },
    ],
    oauth2PermissionScopes: [
      {
        id: AZURE_AD_GRAPH_USER_READ_ID,
        value: 'User.Read',
        type: 'User',
        adminConsentDisplayName: 'Sign in and read user profile',
        adminConsentDescription: 'Allows users to sign in to the app, and allows the app to read the profile of signed-in users.',
        isEnabled: true,
      },
    ],
  };
}

// ---------------------------------------------------------------------------------------------
// Building the tenant

/**
 * Deterministic GUID-shaped ids for grants (stable across runs, distinct per input).
 * Not a real UUID version; good enough for object ids of sample data.
 */
function derivedId(seed: string): string {
  let h1 = 0x811c9dc5;
  let h2 = 0x01000193;
  let hex = '';
  for (let round = 0; hex.length < 32; round++) {
    for (let i = 0; i < seed.length; i++) {
      h1 = Math.imul(h1 ^ seed.charCodeAt(i), 0x01000193) >>> 0;
      h2 = Math.imul(h2 ^ (seed.charCodeAt(i) + round), 0x5bd1e995) >>> 0;
    }
    hex += (h1 ^ h2).toString(16).padStart(8, '0');
    h1 = (h1 + round + 1) >>> 0;
  }
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-${hex.slice(12, 16)}-${hex.slice(16, 20)}-${hex.slice(20, 32)}`;
}

const RESOURCE_SP_IDS: Readonly<Record<string, string>> = {
  [MICROSOFT_GRAPH_APP_ID]: SAMPLE_MICROSOFT_GRAPH_SP_ID,
  [AZURE_AD_GRAPH_APP_ID]: SAMPLE_AZURE_AD_GRAPH_SP_ID,
  [EXCHANGE_ONLINE_APP_ID]: SAMPLE_EXCHANGE_ONLINE_SP_ID,
  [SHAREPOINT_ONLINE_APP_ID]: SAMPLE_SHAREPOINT_ONLINE_SP_ID,
};

function resourceSpId(resourceAppId: string): string {
  const id = RESOURCE_SP_IDS[resourceAppId];
  if (!id) throw new Error(`The sample tenant has no service principal for ${resourceAppId}.`);
  return id;
}

function resourceServicePrincipals(lists: ApiPermissionLists): GraphServicePrincipal[] {
  const listed = (appId: string) => lists[appId] ?? [];
  return [
    servicePrincipalOf(SAMPLE_MICROSOFT_GRAPH_SP_ID, MICROSOFT_GRAPH_APP_ID, 'Microsoft Graph', listed(MICROSOFT_GRAPH_APP_ID)),
    azureAdGraphServicePrincipal(),
    servicePrincipalOf(SAMPLE_EXCHANGE_ONLINE_SP_ID, EXCHANGE_ONLINE_APP_ID, 'Office 365 Exchange Online', listed(EXCHANGE_ONLINE_APP_ID)),
    servicePrincipalOf(SAMPLE_SHAREPOINT_ONLINE_SP_ID, SHAREPOINT_ONLINE_APP_ID, 'Office 365 SharePoint Online', listed(SHAREPOINT_ONLINE_APP_ID)),
  ];
}

/**
 * A fresh sample tenant. Credential dates are relative to `now` (default: the current time),
 * so the expired secret has always expired last month and the certificate is valid for a year.
 * `lists`: what the first-party APIs' service principals list (default: what the sample apps use;
 * a benchmark that wants a real tenant's answer sizes gives the whole catalog).
 */
export function createSampleTenant(now: Date | number = Date.now(), lists: ApiPermissionLists = SAMPLE_API_PERMISSIONS): SampleTenant {
  const nowMs = typeof now === 'number' ? now : now.getTime();
  const created = iso(nowMs - 400 * DAY);
  const tenant: SampleTenant = {
    tenantId: SAMPLE_TENANT_ID,
    domain: SAMPLE_TENANT_DOMAIN,
    displayName: SAMPLE_TENANT_NAME,
    applications: [],
    servicePrincipals: resourceServicePrincipals(lists),
    appRoleAssignments: [],
    oauth2PermissionGrants: [],
    defaultPageSizeByAppId: {},
  };

  for (const spec of APP_SPECS) {
    const requiredResourceAccess: GraphRequiredResourceAccess[] = [
      {
        resourceAppId: MICROSOFT_GRAPH_APP_ID,
        resourceAccess: [
          ...spec.configuredRoles.map((value) => ({id: graphPermissionId(value, 'Role'), type: 'Role' as const})),
          ...spec.configuredScopes.map((value) => ({id: graphPermissionId(value, 'Scope'), type: 'Scope' as const})),
        ],
      },
      ...(spec.extraConfigured ?? []),
    ];
    tenant.applications.push({
      id: spec.objectId,
      appId: spec.appId,
      displayName: spec.displayName,
      description: spec.description,
      signInAudience: 'AzureADMyOrg',
      createdDateTime: created,
      publisherDomain: SAMPLE_TENANT_DOMAIN,
      requiredResourceAccess,
      ...spec.credentials(nowMs),
    });
    if (spec.defaultPageSize) tenant.defaultPageSizeByAppId[spec.appId] = spec.defaultPageSize;

    const spId = spec.servicePrincipalId;
    if (!spId) continue;
    tenant.servicePrincipals.push({
      id: spId,
      appId: spec.appId,
      displayName: spec.displayName,
      servicePrincipalType: 'Application',
      appOwnerOrganizationId: SAMPLE_TENANT_ID,
      accountEnabled: true,
      appRoles: [],
      oauth2PermissionScopes: [],
    });
    for (const value of spec.grantedRoles) {
      tenant.appRoleAssignments.push({
        id: derivedId(`${spId}|${value}`),
        appRoleId: graphPermissionId(value, 'Role'),
        createdDateTime: created,
        principalId: spId,
        principalType: 'ServicePrincipal',
        principalDisplayName: spec.displayName,
        resourceId: SAMPLE_MICROSOFT_GRAPH_SP_ID,
        resourceDisplayName: 'Microsoft Graph',
      });
    }
    for (const role of spec.extraGrantedRoles ?? []) {
      tenant.appRoleAssignments.push({
        id: derivedId(`${spId}|${role.resourceAppId}|${role.id}`),
        appRoleId: role.id,
        createdDateTime: created,
        principalId: spId,
        principalType: 'ServicePrincipal',
        principalDisplayName: spec.displayName,
        resourceId: resourceSpId(role.resourceAppId),
        resourceDisplayName: tenant.servicePrincipals.find((sp) => sp.appId === role.resourceAppId)?.displayName ?? role.resourceAppId,
      });
    }
    for (const grant of spec.grantedDelegated) {
      const consentType = grant.principalId ? 'Principal' : 'AllPrincipals';
      tenant.oauth2PermissionGrants.push({
        id: derivedId(`${spId}|${grant.resourceAppId}|${consentType}|${grant.principalId ?? ''}`),
        clientId: spId,
        consentType,
        principalId: grant.principalId ?? null,
        resourceId: resourceSpId(grant.resourceAppId),
        scope: grant.scope,
      });
    }
  }
  return tenant;
}

/** Shared test data for the engine tests: the office365 profiles and observed-state builders. */
import fs from 'node:fs';
import path from 'node:path';
import {findPermission} from '../../../src/permissions/catalog';
import {parseProfile} from '../../../src/permissions/profile';
import {
  AZURE_AD_GRAPH_APP_ID,
  MICROSOFT_GRAPH_APP_ID,
  type ConfiguredPermission,
  type ObservedState,
  type PermissionType,
  type Profile,
} from '../../../src/permissions/types';

export const GRAPH = MICROSOFT_GRAPH_APP_ID;
export const AAD_GRAPH = AZURE_AD_GRAPH_APP_ID;
export const AAD_GRAPH_USER_READ = '311a71cc-e848-46a1-bdf8-97ff7156d8e6';
export const APP_ID = '6f1c2d3e-4b5a-4c7d-8e9f-0a1b2c3d4e5f';
/** Reference time of the tests (credential expiry). */
export const NOW = new Date('2026-01-15T00:00:00Z');

export const REQUIRED_V2 = [
  'AuditLog.Read.All',
  'Directory.Read.All',
  'Files.Read.All',
  'Group.Read.All',
  'Reports.Read.All',
  'Sites.Read.All',
  'User.Read.All',
] as const;

/** The id of a Microsoft Graph permission, from the catalog (fails the test when unknown). */
export function gid(value: string, type: PermissionType = 'Application'): string {
  const p = findPermission(GRAPH, value, type);
  if (!p) throw new Error(`test data: no Microsoft Graph ${type} permission ${value}`);
  return p.id;
}

export function officeProfile(version: '1.0' | '2.0' = '2.0', expect?: Partial<Profile['expect']>): Profile {
  const resources = [
    {
      resourceAppId: GRAPH,
      name: 'Microsoft Graph',
      required: REQUIRED_V2.map((value) => ({value, type: 'Application' as const, why: `Reads what ${value} allows.`})),
      allowed: [{value: 'User.Read', type: 'Delegated' as const, why: 'Added by default to new registrations; harmless.'}],
    },
    ...(version === '1.0'
      ? [
          {
            resourceAppId: AAD_GRAPH,
            name: 'Azure AD Graph',
            required: [{value: 'User.Read', type: 'Delegated' as const, why: 'Sign-in check of release 1.x.'}],
            allowed: [],
          },
        ]
      : []),
  ];
  return parseProfile({
    guide: 'office365',
    title: 'Office 365',
    expect: {signInAudience: 'AzureADMyOrg', credential: 'secret-or-certificate', ...expect},
    resources,
  });
}

export function configured(value: string, type: PermissionType = 'Application', resourceAppId = GRAPH): ConfiguredPermission {
  return {resourceAppId, id: resourceAppId === GRAPH ? gid(value, type) : value, type};
}

/** Every required permission of 2.0 plus the allowed User.Read. */
export function compliantConfigured(): ConfiguredPermission[] {
  return [...REQUIRED_V2.map((v) => configured(v)), configured('User.Read', 'Delegated')];
}

export function manifestState(overrides: Partial<ObservedState> = {}, app: Partial<ObservedState['app']> = {}): ObservedState {
  return {
    source: 'manifest',
    app: {
      appId: APP_ID,
      objectId: null,
      displayName: 'Scanner',
      signInAudience: 'AzureADMyOrg',
      credentials: [{kind: 'secret', keyId: '3c0e5b7a-1f2d-4e3c-8b9a-7d6e5f4c3b2a', displayName: 'scanner', endDateTime: '2027-01-01T00:00:00.000Z'}],
      ...app,
    },
    configured: compliantConfigured(),
    grants: null,
    resourceNames: [],
    unread: [],
    ...overrides,
  };
}

/** A tenant read where everything configured is also granted (admin consent given). */
export function tenantState(overrides: Partial<ObservedState> = {}, app: Partial<ObservedState['app']> = {}): ObservedState {
  const base = manifestState({}, app);
  const configuredList = overrides.configured ?? base.configured;
  return {
    ...base,
    source: 'tenant',
    configured: configuredList,
    grants: {
      servicePrincipalExists: true,
      appRoles: configuredList.filter((c) => c.type === 'Application').map((c) => ({resourceAppId: c.resourceAppId, id: c.id})),
      scopes: [{resourceAppId: GRAPH, scopes: ['User.Read'], consentType: 'AllPrincipals'}],
    },
    ...overrides,
  };
}

export const FIXTURES = path.resolve(__dirname, '../../fixtures/manifests');

export function fixture(name: string): string {
  return fs.readFileSync(path.join(FIXTURES, name), 'utf8');
}

/**
 * Every app of the sample tenant, read through the Graph client's fetchFn (the way the site's
 * sample mode runs, no msw): what the reader sees configured and granted, and the verdict the
 * sample promises for its scenario.
 */
import {describe, expect, it} from 'vitest';
import {findPermission} from '../../../src/permissions/catalog';
import {compareToProfile} from '../../../src/permissions/compare';
import {normalizeGuid} from '../../../src/permissions/ids';
import {
  AZURE_AD_GRAPH_USER_READ_ID,
  EXCHANGE_FULL_ACCESS_AS_APP_ID,
  EXCHANGE_ONLINE_APP_ID,
  SAMPLE_APPS,
  SAMPLE_USER_ID,
  SCANNER_APPLICATION_PERMISSIONS,
  sampleApp,
  type SampleScenario,
} from '../../../src/permissions/sampleTenant/apps';
import {createSampleTenant} from '../../../src/permissions/sampleTenant/data';
import {createGraphStandIn} from '../../../src/permissions/sampleTenant/graphStandIn';
import {readTenantState} from '../../../src/permissions/tenantReader';
import {AZURE_AD_GRAPH_APP_ID, MICROSOFT_GRAPH_APP_ID, type PermissionType} from '../../../src/permissions/types';
import {profile20, testTransport} from './helpers';

const profile = profile20();

const graphId = (value: string, type: PermissionType) => {
  const permission = findPermission(MICROSOFT_GRAPH_APP_ID, value, type);
  if (!permission) throw new Error(`no ${value} ${type} in the catalog`);
  return permission.id;
};
const roles = (values: readonly string[]) => values.map((v) => ({resourceAppId: MICROSOFT_GRAPH_APP_ID, id: graphId(v, 'Application')}));
const configuredRoles = (values: readonly string[]) => roles(values).map((r) => ({...r, type: 'Application' as const}));
const configuredScopes = (values: readonly string[]) =>
  values.map((v) => ({resourceAppId: MICROSOFT_GRAPH_APP_ID, id: graphId(v, 'Delegated'), type: 'Delegated' as const}));
const userReadGrant = [{resourceAppId: MICROSOFT_GRAPH_APP_ID, scopes: ['User.Read'], consentType: 'AllPrincipals', principalId: null}];

const SEVEN = SCANNER_APPLICATION_PERMISSIONS;
const FIVE = ['Directory.Read.All', 'Files.Read.All', 'Group.Read.All', 'Sites.Read.All', 'User.Read.All'];
const EXTRA_WRITE = ['Directory.ReadWrite.All', 'Mail.Send', 'Sites.FullControl.All'];
const EXTRA_READ = ['Organization.Read.All', 'Policy.Read.All', 'RoleManagement.Read.Directory', 'SecurityEvents.Read.All'];
const NOT_DELEGATED = ['AuditLog.Read.All', 'Directory.Read.All', 'Group.Read.All', 'Reports.Read.All', 'User.Read.All'];

const expected: Record<SampleScenario, {configured: unknown[]; grants: unknown; verdict: string; statuses: string[]}> = {
  compliant: {
    configured: [...configuredRoles(SEVEN), ...configuredScopes(['User.Read'])],
    grants: {servicePrincipalExists: true, appRoles: roles(SEVEN), scopes: userReadGrant},
    verdict: 'pass',
    statuses: [],
  },
  'permissions-missing': {
    configured: [...configuredRoles(FIVE), ...configuredScopes(['User.Read'])],
    grants: {servicePrincipalExists: true, appRoles: roles(FIVE), scopes: userReadGrant},
    verdict: 'fail',
    statuses: ['AuditLog.Read.All:missing', 'Reports.Read.All:missing'],
  },
  'delegated-instead-of-application': {
    configured: [...configuredRoles(NOT_DELEGATED), ...configuredScopes(['User.Read', 'Files.Read.All', 'Sites.Read.All'])],
    grants: {
      servicePrincipalExists: true,
      appRoles: roles(NOT_DELEGATED),
      scopes: [{resourceAppId: MICROSOFT_GRAPH_APP_ID, scopes: ['User.Read', 'Files.Read.All', 'Sites.Read.All'], consentType: 'AllPrincipals', principalId: null}],
    },
    verdict: 'fail',
    statuses: ['Files.Read.All:wrong-type', 'Sites.Read.All:wrong-type'],
  },
  'no-admin-consent': {
    configured: [...configuredRoles(SEVEN), ...configuredScopes(['User.Read'])],
    grants: {servicePrincipalExists: true, appRoles: [], scopes: []},
    verdict: 'fail',
    statuses: SEVEN.map((v) => `${v}:not-granted`),
  },
  'never-consented': {
    configured: [...configuredRoles(SEVEN), ...configuredScopes(['User.Read'])],
    grants: {servicePrincipalExists: false, appRoles: [], scopes: []},
    verdict: 'fail',
    statuses: SEVEN.map((v) => `${v}:not-granted`),
  },
  'over-privileged': {
    configured: [...configuredRoles([...SEVEN, ...EXTRA_WRITE]), ...configuredScopes(['User.Read'])],
    grants: {servicePrincipalExists: true, appRoles: roles([...SEVEN, ...EXTRA_WRITE]), scopes: userReadGrant},
    verdict: 'fail',
    statuses: EXTRA_WRITE.map((v) => `${v}:excess`),
  },
  'expired-secret': {
    configured: [...configuredRoles(SEVEN), ...configuredScopes(['User.Read'])],
    grants: {servicePrincipalExists: true, appRoles: roles(SEVEN), scopes: userReadGrant},
    verdict: 'fail',
    statuses: ['passwordCredentials:expired'],
  },
  'azure-ad-graph': {
    configured: [
      ...configuredRoles(SEVEN),
      {resourceAppId: AZURE_AD_GRAPH_APP_ID, id: AZURE_AD_GRAPH_USER_READ_ID, type: 'Delegated'},
    ],
    grants: {
      servicePrincipalExists: true,
      appRoles: roles(SEVEN),
      scopes: [{resourceAppId: AZURE_AD_GRAPH_APP_ID, scopes: ['User.Read'], consentType: 'AllPrincipals', principalId: null}],
    },
    verdict: 'pass',
    statuses: ['User.Read:excess'],
  },
  'many-pages': {
    configured: [...configuredRoles([...SEVEN, ...EXTRA_READ]), ...configuredScopes(['User.Read'])],
    grants: {servicePrincipalExists: true, appRoles: roles([...SEVEN, ...EXTRA_READ]), scopes: userReadGrant},
    verdict: 'pass',
    statuses: EXTRA_READ.map((v) => `${v}:excess`),
  },
  'edited-manifest': {
    configured: [
      ...configuredRoles(SEVEN),
      ...configuredScopes(['User.Read']),
      {resourceAppId: EXCHANGE_ONLINE_APP_ID, id: EXCHANGE_FULL_ACCESS_AS_APP_ID, type: 'Application'},
    ],
    grants: {
      servicePrincipalExists: true,
      appRoles: [...roles(SEVEN), {resourceAppId: EXCHANGE_ONLINE_APP_ID, id: EXCHANGE_FULL_ACCESS_AS_APP_ID}],
      scopes: userReadGrant,
    },
    verdict: 'fail',
    statuses: ['full_access_as_app:excess'],
  },
  'user-consent': {
    configured: [...configuredRoles(SEVEN), ...configuredScopes(['User.Read'])],
    grants: {
      servicePrincipalExists: true,
      appRoles: roles(SEVEN),
      scopes: [
        ...userReadGrant,
        {resourceAppId: MICROSOFT_GRAPH_APP_ID, scopes: ['User.Read', 'Mail.ReadWrite'], consentType: 'Principal', principalId: SAMPLE_USER_ID},
      ],
    },
    verdict: 'fail',
    statuses: ['Mail.ReadWrite:excess'],
  },
};

describe('the sample tenant, read through fetchFn (sample mode)', () => {
  it('has one app per scenario, with GUIDs and a description each', () => {
    expect(SAMPLE_APPS.map((a) => a.scenario).sort()).toEqual(Object.keys(expected).sort());
    for (const app of SAMPLE_APPS) {
      expect(normalizeGuid(app.appId)).toBe(app.appId); // a bare lower-case GUID
      expect(app.description.length).toBeGreaterThan(20);
    }
    expect(new Set(SAMPLE_APPS.map((a) => a.appId)).size).toBe(SAMPLE_APPS.length);
  });

  it.each(SAMPLE_APPS.map((app) => [app.scenario, app] as const))('reads %s as configured and granted', async (scenario, app) => {
    const standIn = createGraphStandIn();
    const result = await readTenantState({
      transport: testTransport({fetchFn: standIn.fetch}),
      cloud: 'global',
      appId: app.appId,
      profile,
      source: 'sample',
    });
    const want = expected[scenario];
    expect(result.source).toBe('sample');
    expect(result.app).toMatchObject({appId: app.appId, objectId: app.id, displayName: app.displayName, signInAudience: 'AzureADMyOrg'});
    expect(result.configured).toEqual(want.configured);
    expect(result.grants).toEqual(want.grants);
    expect(result.unread).toEqual([]);
    // A second round trip names the APIs outside the profile (Azure AD Graph, Exchange Online).
    expect(result.roundTrips).toBe(scenario === 'azure-ad-graph' || scenario === 'edited-manifest' ? 2 : 1);
    expect(standIn.stats().withAuthorization).toBe(standIn.stats().httpRequests);

    const check = compareToProfile(profile, result, {cloud: 'global', appId: app.appId});
    expect(check.verdict).toBe(want.verdict);
    const notOk = check.findings
      .filter((f) => f.status !== 'ok' && f.status !== 'allowed')
      .map((f) => `${f.kind === 'permission' ? f.permission : f.setting}:${f.status}`);
    expect(notOk).toEqual(want.statuses);
  });

  it('keeps credential dates relative to now: the secret expired a month ago, the certificate runs a year', () => {
    const now = Date.UTC(2031, 5, 15);
    const tenant = createSampleTenant(now);
    const expired = tenant.applications.find((a) => a.appId === sampleApp('expired-secret').appId)!;
    const compliant = tenant.applications.find((a) => a.appId === sampleApp('compliant').appId)!;
    const days = (iso: string) => Math.round((Date.parse(iso) - now) / 86_400_000);
    expect(expired.passwordCredentials.map((c) => days(c.endDateTime))).toEqual([-30]);
    expect(compliant.keyCredentials.map((c) => days(c.endDateTime))).toEqual([365]);
  });

  it('gives every createGraphStandIn its own copy of the tenant', async () => {
    const a = createGraphStandIn();
    const b = createGraphStandIn();
    a.tenant.appRoleAssignments.length = 0;
    expect(b.tenant.appRoleAssignments.length).toBeGreaterThan(0);
    const result = await readTenantState({
      transport: testTransport({fetchFn: b.fetch}),
      cloud: 'global',
      appId: sampleApp('compliant').appId,
      profile,
    });
    expect(result.grants?.appRoles).toHaveLength(7);
  });
});

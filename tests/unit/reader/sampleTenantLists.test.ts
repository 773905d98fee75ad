/**
 * The sample tenant's first-party service principals list only the permissions the sample apps
 * use (sampleTenant/apiPermissions.ts), not the whole catalog: the browser's sample check then
 * carries no catalog. What they list is true to the catalog, and a tenant whose service principals
 * list the whole catalog, as a real one's do, gives every sample app the same result.
 */
import fs from 'node:fs';
import path from 'node:path';
import {fileURLToPath} from 'node:url';
import {describe, expect, it} from 'vitest';
import {catalogResources} from '../../../src/permissions/catalogInFull';
import {compareToProfile} from '../../../src/permissions/compare';
import {fetchTransport} from '../../../src/permissions/fetchTransport';
import {toResourceAccessType} from '../../../src/permissions/permissionType';
import {parseProfile} from '../../../src/permissions/profile';
import {renderReport} from '../../../src/permissions/reports';
import {SAMPLE_API_PERMISSIONS} from '../../../src/permissions/sampleTenant/apiPermissions';
import {APP_SPECS, SAMPLE_APPS, SAMPLE_TENANT_ID} from '../../../src/permissions/sampleTenant/apps';
import {createSampleTenant, type SampleTenant} from '../../../src/permissions/sampleTenant/data';
import {createGraphStandIn} from '../../../src/permissions/sampleTenant/graphStandIn';
import {readTenantState} from '../../../src/permissions/tenantReader';
import {MICROSOFT_GRAPH_APP_ID, type Profile} from '../../../src/permissions/types';
import {listProfiles} from '../../../src/profiles/locate';
import {wholeCatalogTenant} from '../../support/wholeCatalogTenant';

const siteDir = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../..');
const NOW = new Date('2026-03-01T12:00:00Z');
const PROFILES = listProfiles(siteDir).map(({guide, version, file}) => ({
  name: `${guide} ${version}`,
  profile: parseProfile(JSON.parse(fs.readFileSync(file, 'utf8')), file),
}));

/** The names the sample apps give a permission of an API: by name, or by an id the catalog names. */
function namesUsedOn(resourceAppId: string): Set<string> {
  const catalog = catalogResources().find((r) => r.resourceAppId === resourceAppId)?.permissions ?? [];
  const names = new Set<string>();
  for (const spec of APP_SPECS) {
    if (resourceAppId === MICROSOFT_GRAPH_APP_ID) [...spec.configuredRoles, ...spec.configuredScopes, ...spec.grantedRoles].forEach((n) => names.add(n));
    for (const grant of spec.grantedDelegated) if (grant.resourceAppId === resourceAppId) grant.scope.split(' ').filter(Boolean).forEach((n) => names.add(n));
    const ids = [
      ...(spec.extraConfigured ?? []).filter((r) => r.resourceAppId === resourceAppId).flatMap((r) => r.resourceAccess.map((a) => a.id)),
      ...(spec.extraGrantedRoles ?? []).filter((r) => r.resourceAppId === resourceAppId).map((r) => r.id),
    ];
    for (const p of catalog) if (ids.includes(p.id)) names.add(p.value);
  }
  return names;
}

async function checkOf(tenant: SampleTenant, appId: string, profile: Profile) {
  const standIn = createGraphStandIn({tenant});
  const observed = await readTenantState({transport: fetchTransport({cloud: 'global', fetchFn: standIn.fetch}), cloud: 'global', appId, profile, source: 'sample'});
  const result = compareToProfile(profile, observed, {cloud: 'global', tenant: SAMPLE_TENANT_ID, appId, now: NOW});
  return {result, report: renderReport(result, 'markdown', {guide: profile.guide, version: 'test', appId, mode: 'sample', at: NOW})};
}

describe("the sample tenant's service principals", () => {
  it.each(Object.keys(SAMPLE_API_PERMISSIONS))('of %s list the catalog\'s entries, of both types, of every name the sample apps use there', (resourceAppId) => {
    const names = namesUsedOn(resourceAppId);
    const expected = (catalogResources().find((r) => r.resourceAppId === resourceAppId)?.permissions ?? [])
      .filter((p) => names.has(p.value))
      .map((p) => ({
        value: p.value,
        type: toResourceAccessType(p.type),
        id: p.id,
        ...(p.type === 'Delegated' ? {adminConsentRequired: p.adminConsentRequired} : {}),
      }));
    expect(SAMPLE_API_PERMISSIONS[resourceAppId]).toEqual(expected);
  });

  it('list a few dozen permissions, where a real tenant lists thousands', () => {
    const listed = Object.values(SAMPLE_API_PERMISSIONS).reduce((n, list) => n + list.length, 0);
    expect(listed).toBeLessThan(50);
    expect(wholeCatalogTenant(NOW).servicePrincipals.reduce((n, sp) => n + sp.appRoles.length + sp.oauth2PermissionScopes.length, 0)).toBeGreaterThan(2000);
  });

  it.each(PROFILES.flatMap(({name, profile}) => SAMPLE_APPS.map((app) => [app.scenario, name, app.appId, profile] as const)))(
    '%s against %s: the same findings, verdict and report as a tenant listing the whole catalog',
    async (_scenario, _profileName, appId, profile) => {
      const sample = await checkOf(createSampleTenant(NOW), appId, profile);
      const whole = await checkOf(wholeCatalogTenant(NOW), appId, profile);
      expect(sample.result).toEqual(whole.result);
      expect(sample.report).toBe(whole.report);
    },
  );
});

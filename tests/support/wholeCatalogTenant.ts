/**
 * The sample tenant as a real tenant answers: its first-party APIs' service principals list every
 * permission of the catalog (Microsoft Graph's about 2,000), not only those the sample apps use.
 * For the benchmarks, whose figures are about real answer sizes, and for the test that the
 * sample tenant's short lists change no result. Node only (the whole catalog).
 */
import {catalogResources} from '../../src/permissions/catalogInFull';
import {toResourceAccessType} from '../../src/permissions/permissionType';
import type {ApiPermissionLists} from '../../src/permissions/sampleTenant/apiPermissions';
import {createSampleTenant, type SampleTenant} from '../../src/permissions/sampleTenant/data';

export function wholeCatalogLists(): ApiPermissionLists {
  return Object.fromEntries(
    catalogResources().map((resource) => [
      resource.resourceAppId,
      resource.permissions.map((p) => ({
        value: p.value,
        type: toResourceAccessType(p.type),
        id: p.id,
        displayName: p.displayName,
        adminConsentRequired: p.adminConsentRequired,
      })),
    ]),
  );
}

export function wholeCatalogTenant(now: Date | number = Date.now()): SampleTenant {
  return createSampleTenant(now, wholeCatalogLists());
}

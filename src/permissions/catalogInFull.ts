/**
 * The whole permission catalog, loaded at once: what Node runs with (the CLI, the remark plugin
 * that checks the guides' profiles, the benchmarks, the unit tests). Import it for its effect
 * before anything looks a permission up, as bin/permcheck.ts does. The browser never imports it:
 * it loads the parts a check looks up (catalogOnDemand.ts).
 *
 * Also what only Node reads: every API with its permissions' display names, admin consent and
 * privilege level, and where its data came from.
 */
import firstPartyCatalog from './catalog/first-party-apis.json';
import microsoftGraphCatalog from './catalog/microsoft-graph.json';
import {findPermission} from './catalog';
import {addWholeCatalog} from './catalogIndex';
import {catalogResourcesOf, type CatalogPermissionDetails, type CatalogResource, type FirstPartyCatalogFile} from './catalogSplit';
import type {PermissionType} from './types';

const resources = catalogResourcesOf(microsoftGraphCatalog, firstPartyCatalog as FirstPartyCatalogFile);
addWholeCatalog(resources);

const detailsOf = new Map<string, CatalogPermissionDetails>();
for (const resource of resources) {
  for (const p of resource.permissions) detailsOf.set(`${p.resourceAppId}|${p.type}|${p.value}|${p.id}`, p);
}

/** Every API the catalog names, with its permissions. */
export function catalogResources(): CatalogResource[] {
  return resources;
}

/** The permission findPermission finds, with its display name, admin consent and privilege level. */
export function permissionDetails(resourceAppId: string, value: string, type: PermissionType): CatalogPermissionDetails | undefined {
  const found = findPermission(resourceAppId, value, type);
  return found && detailsOf.get(`${found.resourceAppId}|${found.type}|${found.value}|${found.id}`);
}

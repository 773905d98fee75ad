/**
 * The permission catalog in the browser: after a check has read the app, and before it compares,
 * it loads the parts of the catalog the comparison will look up (catalogSplit.ts), each part a
 * file of its own that the browser downloads once, from where the page says (loadCatalogPartsFrom).
 * Node has the whole catalog loaded (catalogInFull.ts): there nothing is left to load.
 *
 * What a comparison (compare.ts and what it calls) looks up in the catalog:
 *   by name  the profile's permissions (as either type), and the scopes grants name;
 *   by id    every id configured or granted, and the ids of those scope names (catalog or tenant).
 * Two rounds: the names, then the ids they did not answer already. A lookup this misses throws
 * CatalogPartNotLoaded, so the check fails: it never passes on a part it did not see.
 */
import {hasCatalog} from './catalog';
import {addCatalogPart, catalogDirectory, partsToLoad} from './catalogIndex';
import {catalogPartFile, partPath, type CatalogPart, type PartFamily} from './catalogSplit';
import {compareToProfile} from './compare';
import {Lookup, normalizeObserved} from './observedLookup';
import type {CheckContext, CheckResult, ObservedState, Profile} from './types';

/** Where a page gets a part of the catalog from. */
export type CatalogPartSource = (family: PartFamily, key: string) => Promise<CatalogPart>;

/**
 * The parts as the site serves them: ES modules under `<siteBaseUrl>assets/catalog/<version>/`
 * (src/plugins/permission-catalog), imported by the browser itself, not by the bundler.
 */
export function catalogPartsAt(siteBaseUrl: string): CatalogPartSource {
  return async (family, key) => {
    const url = `${siteBaseUrl}${catalogPartFile(catalogDirectory.version, family, key)}`;
    const module = (await import(/* webpackIgnore: true */ /* @vite-ignore */ url)) as {default: CatalogPart};
    return module.default;
  };
}

let source: CatalogPartSource | null = null;

/** Where this page loads parts from: said once, by the UI, with the site's baseUrl (catalogPartsAt). */
export function loadCatalogPartsFrom(from: CatalogPartSource): void {
  source = from;
}

const loading = new Map<string, Promise<void>>();

async function loadPart(family: PartFamily, key: string): Promise<void> {
  if (!source) throw new Error('The permission catalog has no source of parts: the page sets one (loadCatalogPartsFrom) before a check.');
  const part = await source(family, key);
  if (part?.family !== family || part.key !== key) throw new Error(`The permission catalog's part ${partPath(family, key)} did not load as itself.`);
  addCatalogPart(part);
}

/** Loads the parts these ids and names need (those not loaded yet), each once. */
export async function loadCatalogParts(wanted: {ids?: Iterable<string>; names?: Iterable<string>}): Promise<void> {
  await Promise.all(
    partsToLoad(wanted).map(({family, key}) => {
      const path = partPath(family, key);
      let load = loading.get(path);
      if (!load) {
        load = loadPart(family, key);
        // A failed download (network) may succeed on the next check.
        load.catch(() => loading.delete(path));
        loading.set(path, load);
      }
      return load;
    }),
  );
}

/** The names a comparison looks up: the profile's permissions and the granted scopes, of APIs the catalog knows. */
export function namesLookedUp(profile: Profile, observed: ObservedState): string[] {
  const names = profile.resources
    .filter((resource) => hasCatalog(resource.resourceAppId))
    .flatMap((resource) => [...resource.required, ...resource.allowed].map((p) => p.value));
  for (const grant of observed.grants?.scopes ?? []) {
    if (hasCatalog(grant.resourceAppId)) names.push(...grant.scopes.map((scope) => scope.trim()).filter(Boolean));
  }
  return names;
}

/**
 * The ids a comparison looks up: every id configured or granted, and the id each granted scope
 * name has (by the comparison's own Lookup: catalog first, then the tenant's names), which needs
 * the names loaded first. `observed` as normalizeObserved returns it.
 */
export function idsLookedUp(observed: ObservedState): string[] {
  const ids = [...observed.configured.map((c) => c.id), ...(observed.grants?.appRoles ?? []).map((g) => g.id)];
  const lookup = new Lookup(observed, []);
  for (const grant of observed.grants?.scopes ?? []) {
    if (!hasCatalog(grant.resourceAppId)) continue;
    for (const scope of grant.scopes) {
      const id = scope.trim() ? lookup.idOf(grant.resourceAppId, scope.trim(), 'Delegated') : null;
      if (id) ids.push(id);
    }
  }
  return ids;
}

/** Loads what comparing this observed state with this profile looks up in the catalog. */
export async function loadCatalogFor(profile: Profile, observedInput: ObservedState): Promise<void> {
  const observed = normalizeObserved(observedInput);
  await loadCatalogParts({names: namesLookedUp(profile, observed)});
  await loadCatalogParts({ids: idsLookedUp(observed)});
}

/** compareToProfile, once the parts of the catalog it looks up are loaded: how the browser compares. */
export async function compareLoadingCatalog(profile: Profile, observed: ObservedState, ctx: CheckContext): Promise<CheckResult> {
  await loadCatalogFor(profile, observed);
  return compareToProfile(profile, observed, ctx);
}

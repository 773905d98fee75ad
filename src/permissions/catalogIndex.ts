/**
 * What of the permission catalog is loaded, and the lookups into it that catalog.ts builds on.
 * Node loads the whole catalog at once (catalogInFull.ts); the browser loads the parts a check
 * looks up (catalogOnDemand.ts). A lookup whose part is not loaded throws CatalogPartNotLoaded:
 * never "no such permission", which would make an unloaded part read as an unknown permission.
 */
import directoryFile from './catalog/directory.json';
import {
  idPartKey,
  namePartKey,
  numberedPermissions,
  partPath,
  type CatalogDirectory,
  type CatalogPart,
  type CatalogPermission,
  type CatalogResource,
  type NumberedPermission,
  type PartFamily,
} from './catalogSplit';

/** A lookup into a part of the catalog that was not loaded: a mistake in the code, never an answer. */
export class CatalogPartNotLoaded extends Error {
  constructor(readonly part: string) {
    super(
      `The permission catalog's part ${part} is not loaded: in the browser, load what a check looks up before comparing ` +
        '(compareLoadingCatalog); in Node, import catalogInFull.ts first.',
    );
    this.name = 'CatalogPartNotLoaded';
  }
}

/** Every API of the catalog, always loaded (a small file). */
export const catalogDirectory: CatalogDirectory = directoryFile as CatalogDirectory;

type Entry = Pick<NumberedPermission, 'ordinal' | 'permission'>;

let whole = false;
const loadedParts = new Set<string>();
/** Ids and names a part of the other family holds every entry of. */
const completeIds = new Set<string>();
const completeNames = new Set<string>();
const added = new Set<number>();
const byId = new Map<string, Entry[]>();
const byName = new Map<string, Entry[]>();

function insertInOrder(map: Map<string, Entry[]>, key: string, entry: Entry): void {
  const list = map.get(key) ?? [];
  const at = list.findIndex((e) => e.ordinal > entry.ordinal);
  list.splice(at === -1 ? list.length : at, 0, entry);
  map.set(key, list);
}

function add(entry: Entry): void {
  if (added.has(entry.ordinal)) return;
  added.add(entry.ordinal);
  insertInOrder(byId, entry.permission.id, entry);
  insertInOrder(byName, entry.permission.value, entry);
}

/** Loads the whole catalog (Node). Its APIs must be the directory's, in its order. */
export function addWholeCatalog(resources: readonly CatalogResource[]): void {
  const ids = resources.map((r) => r.resourceAppId).join();
  if (ids !== catalogDirectory.resources.map((r) => r.resourceAppId).join()) {
    throw new Error('catalog/directory.json does not list the catalog\'s APIs: run npm run build:catalog.');
  }
  for (const entry of numberedPermissions(resources)) add(entry);
  whole = true;
}

/** Loads one part (the browser, as a check needs it). */
export function addCatalogPart(part: CatalogPart): void {
  for (const [ordinal, resourceIndex, type, id, value, otherComplete] of part.entries) {
    const resource = catalogDirectory.resources[resourceIndex];
    if (!resource) throw new Error(`The catalog part ${partPath(part.family, part.key)} names an API the directory does not have.`);
    add({ordinal, permission: {resourceAppId: resource.resourceAppId, value, type, id}});
    if (otherComplete) (part.family === 'by-id' ? completeNames : completeIds).add(part.family === 'by-id' ? value : id);
  }
  loadedParts.add(partPath(part.family, part.key));
}

function isLoaded(family: PartFamily, key: string): boolean {
  return whole || loadedParts.has(partPath(family, key));
}

/** The parts still to load so that these ids and names can be looked up. */
export function partsToLoad({ids = [], names = []}: {ids?: Iterable<string>; names?: Iterable<string>}): Array<{family: PartFamily; key: string}> {
  const wanted = new Map<string, {family: PartFamily; key: string}>();
  for (const id of ids) {
    const key = idPartKey(id);
    if (key !== null && !isLoaded('by-id', key) && !completeIds.has(id.trim().toLowerCase())) wanted.set(partPath('by-id', key), {family: 'by-id', key});
  }
  for (const name of names) {
    const key = namePartKey(name);
    if (!isLoaded('by-name', key) && !completeNames.has(name)) wanted.set(partPath('by-name', key), {family: 'by-name', key});
  }
  return [...wanted.values()];
}

const permissionsOf = (entries: Entry[] | undefined) => (entries ?? []).map((e) => e.permission);

/** Every permission of any API with this id (trimmed, lower case), in the catalog's order. */
export function permissionsWithId(id: string): CatalogPermission[] {
  const key = idPartKey(id);
  if (key === null) return [];
  if (!isLoaded('by-id', key) && !completeIds.has(id)) throw new CatalogPartNotLoaded(partPath('by-id', key));
  return permissionsOf(byId.get(id));
}

/** Every permission of any API with this exact name, in the catalog's order. */
export function permissionsNamed(value: string): CatalogPermission[] {
  const key = namePartKey(value);
  if (!isLoaded('by-name', key) && !completeNames.has(value)) throw new CatalogPartNotLoaded(partPath('by-name', key));
  return permissionsOf(byName.get(value));
}

/** Every permission of an API, in the catalog's order: only with the whole catalog loaded. */
export function permissionsOfApi(resourceAppId: string): CatalogPermission[] {
  if (!whole) throw new CatalogPartNotLoaded('(all of them)');
  return [...byId.values()]
    .flat()
    .filter((e) => e.permission.resourceAppId === resourceAppId)
    .sort((a, b) => a.ordinal - b.ordinal)
    .map((e) => e.permission);
}

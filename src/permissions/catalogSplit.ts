/**
 * The permission catalog as data: the catalog files read into APIs and their permissions (one
 * reading, for Node and for the build alike), and the same catalog split for the browser, which
 * loads only the parts a check looks up:
 *
 *   the directory  every API (name, retired or not) and the names whose display name says they
 *                  write although their operation reads (the veto of readOnlyReason): small, in
 *                  the engine (catalog/directory.json, written by scripts/build-catalog.ts)
 *   by-id/XX       every permission whose id starts with XX (two hex digits), of every API
 *   by-name/XX     every permission whose name, in lower case, hashes to XX, of every API
 *
 * The site serves the parts as ES modules at assets/catalog/<version>/by-id/XX.js (made from the
 * catalog files as the site is built: src/plugins/permission-catalog). The version is a hash of the
 * split, kept in the directory: a part's address never serves other content, and a page's engine
 * never meets parts of another catalog than its directory's.
 *
 * A part holds every entry of its key, so it answers "none" as surely as "this one". An entry
 * carries its place in the catalog's order, so lookups pick among entries as the whole catalog
 * does whatever order parts load in, and a flag when every entry of its other key (its id in a
 * by-name part, its name in a by-id part) is in the same part, so that key is answered too.
 * Pure data and functions: the files are read by whoever calls.
 */
import {toPermissionType} from './permissionType';
import {displayNameSaysItWrites, readOnlyOperation} from './readOnlyName';
import {MICROSOFT_GRAPH_APP_ID, type PermissionType} from './types';

/** What every lookup of a permission answers with, in Node and in the browser. */
export interface CatalogPermission {
  resourceAppId: string;
  value: string;
  type: PermissionType;
  id: string;
}

/** A permission with what only the build and the guides' tables read (never a check). */
export interface CatalogPermissionDetails extends CatalogPermission {
  displayName: string;
  adminConsentRequired: boolean;
  /** 1 (low) to 5 (high) as Microsoft rates it; null when not rated. */
  privilegeLevel: number | null;
}

export interface CatalogResource {
  resourceAppId: string;
  name: string;
  /** A retired API: anything it grants should move to Microsoft Graph. */
  retired: boolean;
  /** Where the data came from. */
  source: string;
  permissions: CatalogPermissionDetails[];
}

// ---------------------------------------------------------------------------------------------
// The catalog files (catalog/microsoft-graph.json, catalog/first-party-apis.json)

interface RawPermission {
  value: string;
  type: string;
  id: string;
  displayName?: string | null;
  adminConsentRequired?: boolean | null;
  privilegeLevel?: number | null;
}

export interface GraphCatalogFile {
  resourceDisplayName: string;
  source: string;
  permissions: RawPermission[];
}

export interface FirstPartyCatalogFile {
  resources: Array<{resourceAppId: string; name: string; retired: boolean; sources: string[]; permissions: RawPermission[]}>;
}

function fromRaw(resourceAppId: string, raw: RawPermission): CatalogPermissionDetails {
  return {
    resourceAppId,
    value: raw.value,
    type: toPermissionType(raw.type) ?? 'Delegated',
    id: raw.id.toLowerCase(),
    displayName: raw.displayName ?? raw.value,
    // Not every source says; an application permission always needs admin consent.
    adminConsentRequired: raw.adminConsentRequired ?? true,
    privilegeLevel: raw.privilegeLevel ?? null,
  };
}

/**
 * Microsoft Graph (microsoft-graph.json) and the other first-party APIs real registrations use
 * (first-party-apis.json, where Microsoft Graph's OpenID Connect scopes live too), each list
 * with its source. Lists of the same API are merged, in this order: the catalog's order.
 */
export function catalogResourcesOf(graph: GraphCatalogFile, firstParty: FirstPartyCatalogFile): CatalogResource[] {
  const raw = [
    {resourceAppId: MICROSOFT_GRAPH_APP_ID, name: graph.resourceDisplayName, retired: false, sources: [graph.source], permissions: graph.permissions},
    ...firstParty.resources,
  ];
  const byId = new Map<string, CatalogResource>();
  for (const r of raw) {
    const resourceAppId = r.resourceAppId.toLowerCase();
    const permissions = r.permissions.map((p) => fromRaw(resourceAppId, p));
    const existing = byId.get(resourceAppId);
    if (existing) {
      existing.permissions.push(...permissions);
      existing.source = `${existing.source}; ${r.sources.join('; ')}`;
    } else {
      byId.set(resourceAppId, {resourceAppId, name: r.name, retired: r.retired, source: r.sources.join('; '), permissions});
    }
  }
  return [...byId.values()];
}

/** A permission and its place in the catalog's order (the first API's first permission is 0). */
export interface NumberedPermission {
  ordinal: number;
  resourceIndex: number;
  permission: CatalogPermission;
}

export function numberedPermissions(resources: readonly CatalogResource[]): NumberedPermission[] {
  const out: NumberedPermission[] = [];
  resources.forEach((resource, resourceIndex) => {
    for (const {resourceAppId, value, type, id} of resource.permissions) {
      out.push({ordinal: out.length, resourceIndex, permission: {resourceAppId, value, type, id}});
    }
  });
  return out;
}

// ---------------------------------------------------------------------------------------------
// The split

export type PartFamily = 'by-id' | 'by-name';

/** A part of the split catalog, as its file holds it. */
export interface CatalogPart {
  family: PartFamily;
  key: string;
  /** [ordinal, API (index into the directory's resources), type, id, name, 1 when the other key is complete here, else 0] */
  entries: Array<[number, number, PermissionType, string, string, 0 | 1]>;
}

export interface DirectoryResource {
  resourceAppId: string;
  name: string;
  retired: boolean;
  /** Names whose operation reads but whose display name (of either type) says it writes. */
  displayNameSaysItWrites: string[];
}

export interface CatalogDirectory {
  /** A hash of the split (the directory's APIs and every part): the parts' folder on the site. */
  version: string;
  resources: DirectoryResource[];
}

/** Both families have a part for every two-digit hex key, 00 to ff (an empty one too). */
export const PART_KEYS: readonly string[] = Array.from({length: 256}, (_, i) => i.toString(16).padStart(2, '0'));

/**
 * The by-id part of an id: its first two hex digits. Null for what is not an id (every catalog
 * id is a lower-case GUID, checked when the catalog is built): no part holds it.
 */
export function idPartKey(id: string): string | null {
  return /^[0-9a-f]{2}/.exec(id.trim().toLowerCase())?.[0] ?? null;
}

/** The by-name part of a name: FNV-1a of the name in lower case, its low byte as two hex digits. */
export function namePartKey(value: string): string {
  let hash = 0x811c9dc5;
  const lower = value.toLowerCase();
  for (let i = 0; i < lower.length; i++) hash = Math.imul(hash ^ lower.charCodeAt(i), 0x01000193) >>> 0;
  return (hash & 0xff).toString(16).padStart(2, '0');
}

/** A part's name: `by-id/3a`. */
export function partPath(family: PartFamily, key: string): string {
  return `${family}/${key}`;
}

/** Where the site serves a part, relative to its baseUrl: `assets/catalog/<version>/by-id/3a.js`. */
export function catalogPartFile(version: string, family: PartFamily, key: string): string {
  return `assets/catalog/${version}/${family}/${key}.js`;
}

/** A part as the site serves it: an ES module whose default export is the part. */
export function catalogPartModule(part: CatalogPart): string {
  return `export default ${JSON.stringify(part)};\n`;
}

function directoryResource(resource: CatalogResource): DirectoryResource {
  // As readOnlyReason has always read the display names: the last entry of a name and type wins.
  const lastOfNameAndType = new Map<string, CatalogPermissionDetails>();
  for (const p of resource.permissions) lastOfNameAndType.set(`${p.type}|${p.value}`, p);
  const vetoed = new Set<string>();
  for (const p of lastOfNameAndType.values()) {
    if (readOnlyOperation(p.value) !== null && displayNameSaysItWrites(p.displayName)) vetoed.add(p.value);
  }
  return {resourceAppId: resource.resourceAppId, name: resource.name, retired: resource.retired, displayNameSaysItWrites: [...vetoed].sort()};
}

/** A version of some text: two 32-bit FNV-1a hashes (of the text, and of it read backwards), in hex. */
function versionOf(text: string): string {
  let forward = 0x811c9dc5;
  let backward = 0x811c9dc5;
  for (let i = 0; i < text.length; i++) {
    forward = Math.imul(forward ^ text.charCodeAt(i), 0x01000193) >>> 0;
    backward = Math.imul(backward ^ text.charCodeAt(text.length - 1 - i), 0x01000193) >>> 0;
  }
  return forward.toString(16).padStart(8, '0') + backward.toString(16).padStart(8, '0');
}

/** The directory and every part of both families, from the whole catalog. */
export function splitCatalog(resources: readonly CatalogResource[]): {directory: CatalogDirectory; parts: CatalogPart[]} {
  const numbered = numberedPermissions(resources);
  const idKeyOf = (n: NumberedPermission) => {
    const key = idPartKey(n.permission.id);
    if (key === null) throw new Error(`${n.permission.value} (${n.permission.type}) has no id that a part can hold: "${n.permission.id}"`);
    return key;
  };
  const nameKeyOf = (n: NumberedPermission) => namePartKey(n.permission.value);
  // The keys every entry of an id, or of a name, falls in: one key means one part holds them all.
  const keysOf = (keyOf: (n: NumberedPermission) => string, otherKeyOf: (n: NumberedPermission) => string) => {
    const keys = new Map<string, Set<string>>();
    for (const n of numbered) keys.set(keyOf(n), (keys.get(keyOf(n)) ?? new Set()).add(otherKeyOf(n)));
    return keys;
  };
  const nameKeysOfId = keysOf((n) => n.permission.id, nameKeyOf);
  const idKeysOfName = keysOf((n) => n.permission.value, idKeyOf);

  const partsOf = (family: PartFamily, keyOf: (n: NumberedPermission) => string, otherComplete: (n: NumberedPermission) => boolean) =>
    PART_KEYS.map((key): CatalogPart => ({
      family,
      key,
      entries: numbered
        .filter((n) => keyOf(n) === key)
        .map((n) => [n.ordinal, n.resourceIndex, n.permission.type, n.permission.id, n.permission.value, otherComplete(n) ? 1 : 0]),
    }));
  const directoryResources = resources.map(directoryResource);
  const parts = [
    ...partsOf('by-id', idKeyOf, (n) => idKeysOfName.get(n.permission.value)!.size === 1),
    ...partsOf('by-name', nameKeyOf, (n) => nameKeysOfId.get(n.permission.id)!.size === 1),
  ];
  return {directory: {version: versionOf(JSON.stringify({directoryResources, parts})), resources: directoryResources}, parts};
}

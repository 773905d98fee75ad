/**
 * The permission catalog: names, ids and types of the permissions of Microsoft Graph and of the
 * other first-party APIs real app registrations list (Exchange Online, SharePoint Online, the
 * retired Azure AD Graph, …), and which of them are known to be read-only. Data in catalog/,
 * built by scripts/build-catalog.ts from snapshots whose sources are written next to them.
 * Names only make messages useful: a verdict never depends on a name being known.
 */
import firstPartyCatalog from './catalog/first-party-apis.json';
import microsoftGraphCatalog from './catalog/microsoft-graph.json';
import readOnlyLists from './catalog/read-only.json';
import {toPermissionType} from './permissionType';
import {MICROSOFT_GRAPH_APP_ID, type PermissionType} from './types';

export interface CatalogPermission {
  resourceAppId: string;
  value: string;
  type: PermissionType;
  id: string;
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
  permissions: CatalogPermission[];
}

interface RawPermission {
  value: string;
  type: string;
  id: string;
  displayName?: string | null;
  adminConsentRequired?: boolean | null;
  privilegeLevel?: number | null;
}

function fromRaw(resourceAppId: string, raw: RawPermission): CatalogPermission {
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

interface RawResource {
  resourceAppId: string;
  name: string;
  retired: boolean;
  sources: string[];
  permissions: RawPermission[];
}

/**
 * Microsoft Graph (microsoft-graph.json) and the other first-party APIs real registrations use
 * (first-party-apis.json, where Microsoft Graph's OpenID Connect scopes live too): both built by
 * scripts/build-catalog.ts, each list with its source. Lists of the same API are merged.
 */
function loadResources(): CatalogResource[] {
  const raw: RawResource[] = [
    {
      resourceAppId: MICROSOFT_GRAPH_APP_ID,
      name: microsoftGraphCatalog.resourceDisplayName,
      retired: false,
      sources: [microsoftGraphCatalog.source],
      permissions: microsoftGraphCatalog.permissions as RawPermission[],
    },
    ...(firstPartyCatalog.resources as RawResource[]),
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

/** Every API the catalog names, with its permissions. */
export function catalogResources(): CatalogResource[] {
  return [...indexes().values()].map((index) => index.resource);
}

interface ResourceIndex {
  resource: CatalogResource;
  byTypeAndValue: Map<string, CatalogPermission>;
  byTypeAndLowerValue: Map<string, CatalogPermission>;
  byId: Map<string, CatalogPermission[]>;
}

let built: Map<string, ResourceIndex> | null = null;

function indexes(): Map<string, ResourceIndex> {
  if (!built) {
    built = new Map();
    for (const resource of loadResources()) {
      const index: ResourceIndex = {resource, byTypeAndValue: new Map(), byTypeAndLowerValue: new Map(), byId: new Map()};
      for (const p of resource.permissions) {
        index.byTypeAndValue.set(`${p.type}|${p.value}`, p);
        index.byTypeAndLowerValue.set(`${p.type}|${p.value.toLowerCase()}`, p);
        const sameId = index.byId.get(p.id) ?? [];
        sameId.push(p);
        index.byId.set(p.id, sameId);
      }
      built.set(resource.resourceAppId, index);
    }
  }
  return built;
}

function indexOf(resourceAppId: string): ResourceIndex | undefined {
  return indexes().get(resourceAppId.trim().toLowerCase());
}

/** The catalog of a resource (API), or undefined when the project has none for it. */
export function catalogResource(resourceAppId: string): CatalogResource | undefined {
  return indexOf(resourceAppId)?.resource;
}

/** True when the resource's catalog is known, so an unknown name there is a real mistake. */
export function hasCatalog(resourceAppId: string): boolean {
  return indexOf(resourceAppId) !== undefined;
}

/** True for a retired API (Azure AD Graph). */
export function isRetiredResource(resourceAppId: string): boolean {
  return indexOf(resourceAppId)?.resource.retired ?? false;
}

/** A permission by its exact name and type, e.g. ('00000003-…', 'User.Read.All', 'Application'). */
export function findPermission(resourceAppId: string, value: string, type: PermissionType): CatalogPermission | undefined {
  return indexOf(resourceAppId)?.byTypeAndValue.get(`${type}|${value}`);
}

/**
 * A permission by its id. A few ids are shared by an application and a delegated permission
 * (or by two alias names): pass the type to pick; without it the first entry wins.
 */
export function permissionById(resourceAppId: string, id: string, type?: PermissionType): CatalogPermission | undefined {
  const entries = indexOf(resourceAppId)?.byId.get(id.trim().toLowerCase());
  if (!entries) return undefined;
  return (type ? entries.find((p) => p.type === type) : undefined) ?? (type ? undefined : entries[0]);
}

/** A permission with this id in another API's catalog (an id listed under the wrong API), else undefined. */
export function permissionElsewhere(resourceAppId: string, id: string, type: PermissionType): CatalogPermission | undefined {
  const resource = resourceAppId.trim().toLowerCase();
  for (const [otherId, index] of indexes()) {
    if (otherId === resource) continue;
    const found = index.byId.get(id.trim().toLowerCase())?.find((p) => p.type === type);
    if (found) return found;
  }
  return undefined;
}

/** The display name of an API the project knows ('Microsoft Graph', 'Azure Active Directory Graph', …), else null. */
export function knownResourceName(resourceAppId: string): string | null {
  const id = resourceAppId.trim().toLowerCase();
  return indexOf(id)?.resource.name ?? null;
}

/**
 * Operations that only read, by name: `Read`, and `Read` with a qualifier that narrows what is
 * read (ReadBasic, ReadSelected, ReadAnonymous, ReadData, ReadArtifact) or where
 * (ReadForChat, ReadSelectedForTeam, …). ReadWrite, ReadApprove and anything else are not on it.
 */
const READ_ONLY_OPERATION = /^Read(?:Basic|Selected|Anonymous|Data|Artifact)?(?:For[A-Z][A-Za-z]*)?$/;

/** API -> name -> reason. Maps, not objects: a name is data and never reaches a prototype. */
function listByResource(lists: Record<string, Record<string, string>>): Map<string, Map<string, string>> {
  return new Map(Object.entries(lists).map(([id, names]) => [id.toLowerCase(), new Map(Object.entries(names))]));
}

const readOnlyByResource = listByResource(readOnlyLists.readOnly);
const notReadOnlyByResource = listByResource(readOnlyLists.notReadOnly);

/** A display name that says the permission writes: it vetoes the name rule (never the other way). */
const DISPLAY_NAME_SAYS_IT_WRITES = /\b(?:write|writes|send|sends|delete|deletes|full control|impersonate)\b/i;

/**
 * Why a named permission is known to be read-only, or null when it is not: the guides promise
 * that the scanner only reads, and what cannot be shown to be read-only breaks that promise.
 * An allow-list, never a deny-list: the operation part of `Resource.Operation[.Scope]` is a read
 * operation (`Files.Read.All`, `Team.ReadBasic.All`), or the name is on the API's read-only list
 * kept with the catalog (catalog/read-only.json: Microsoft Graph's OpenID Connect scopes, …).
 * Every other name can change data or act for someone: `user_impersonation`,
 * `full_access_as_app`, `Exchange.ManageAsApp`, `Directory.AccessAsUser.All`, anything unfamiliar.
 * Vetoes only make it stricter: the API's not-read-only list (permissions that hand out
 * credentials, or change state despite their name), and a catalog display name that says it writes.
 * An API outside the catalog has no read-only permission: its names are its publisher's claims.
 */
export function readOnlyReason(resourceAppId: string, value: string): string | null {
  const resource = resourceAppId.trim().toLowerCase();
  // Only Microsoft's published lists are vouched for: another API's publisher chose its names
  // ("Data.Read" may write), so a name the tenant gives for an API outside the catalog shows nothing.
  const index = indexOf(resource);
  if (!index) return null;
  if (notReadOnlyByResource.get(resource)?.has(value)) return null;
  const listed = readOnlyByResource.get(resource)?.get(value);
  if (listed !== undefined) return listed;
  const operation = value.split('.')[1];
  if (operation === undefined || !READ_ONLY_OPERATION.test(operation)) return null;
  const saysItWrites = ['Application', 'Delegated'].some((type) =>
    DISPLAY_NAME_SAYS_IT_WRITES.test(index.byTypeAndValue.get(`${type}|${value}`)?.displayName ?? ''),
  );
  return saysItWrites ? null : `its operation, ${operation}, only reads`;
}

/** Why a permission whose name reads is nonetheless not read-only (catalog/read-only.json), or null. */
export function notReadOnlyNote(resourceAppId: string, value: string): string | null {
  return notReadOnlyByResource.get(resourceAppId.trim().toLowerCase())?.get(value) ?? null;
}

export function isReadOnlyPermission(resourceAppId: string, value: string): boolean {
  return readOnlyReason(resourceAppId, value) !== null;
}

/** Words in a name that say it writes or acts for someone: for wording only, never for a verdict. */
const SAYS_IT_WRITES = /Write|FullControl|Manage|Send|AccessAs|full_access|impersonation|Create|Delete|Update|Remove|Edit|Assign/i;

/** True when the name itself says the permission writes (the message can say "can change data"). */
export function nameSaysItWrites(value: string): boolean {
  return SAYS_IT_WRITES.test(value);
}

/** Levenshtein distance, small strings only. */
function editDistance(a: string, b: string): number {
  const previous = Array.from({length: b.length + 1}, (_, j) => j);
  for (let i = 1; i <= a.length; i++) {
    let diagonal = previous[0];
    previous[0] = i;
    for (let j = 1; j <= b.length; j++) {
      const above = previous[j];
      previous[j] = Math.min(previous[j] + 1, previous[j - 1] + 1, diagonal + (a[i - 1] === b[j - 1] ? 0 : 1));
      diagonal = above;
    }
  }
  return previous[b.length];
}

/** Compare names loosely: case, and `-`/`_`/space used for `.`, do not count. */
function looseName(value: string): string {
  return value.trim().toLowerCase().replace(/[\s_-]/g, '.');
}

/**
 * The real permission name closest to a mistyped one (`Groups.Read-All` -> `Group.Read.All`),
 * preferring the given type; null when nothing is close enough to be a plausible typo.
 */
export function suggestPermissionName(resourceAppId: string, value: string, type?: PermissionType): string | null {
  const index = indexOf(resourceAppId);
  if (!index) return null;
  const wanted = looseName(value);
  if (type) {
    const sameName = index.byTypeAndLowerValue.get(`${type}|${value.trim().toLowerCase()}`);
    if (sameName && sameName.value !== value) return sameName.value;
  }
  let best: {value: string; score: number} | null = null;
  for (const p of index.resource.permissions) {
    if (p.value === value) continue; // exists, only with the other type: not a typo
    const distance = editDistance(wanted, looseName(p.value));
    // A permission of the other type is a slightly worse match than one of the asked type.
    const score = distance + (type && p.type !== type ? 0.5 : 0);
    if (!best || score < best.score || (score === best.score && p.value < best.value)) best = {value: p.value, score};
  }
  if (!best) return null;
  const limit = Math.max(2, Math.floor(wanted.length / 4));
  return best.score <= limit && best.value !== value ? best.value : null;
}


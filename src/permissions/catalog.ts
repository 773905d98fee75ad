/**
 * The permission catalog: names, ids and types of the permissions of Microsoft Graph and of the
 * other first-party APIs real app registrations list (Exchange Online, SharePoint Online, the
 * retired Azure AD Graph, …), and which of them are known to be read-only. Data in catalog/,
 * built by scripts/build-catalog.ts from snapshots whose sources are written next to them.
 * Names only make messages useful: a verdict never depends on a name being known.
 *
 * The lookups below are the same in Node and in the browser; what differs is how much of the
 * catalog is loaded (catalogIndex.ts): all of it in Node, the parts a check needs in the browser.
 */
import readOnlyLists from './catalog/read-only.json';
import {catalogDirectory, permissionsNamed, permissionsOfApi, permissionsWithId} from './catalogIndex';
import type {CatalogPermission, DirectoryResource} from './catalogSplit';
import {readOnlyOperation} from './readOnlyName';
import type {PermissionType} from './types';

export type {CatalogPermission} from './catalogSplit';

const lower = (id: string) => id.trim().toLowerCase();

/** The last element that matches (Array.prototype.findLast is newer than the browsers the site supports). */
function lastMatch<T>(list: readonly T[], matches: (item: T) => boolean): T | undefined {
  for (let i = list.length - 1; i >= 0; i--) if (matches(list[i])) return list[i];
  return undefined;
}

/** The APIs by id. A Map, not an object: an id is data and never reaches a prototype. */
const apis = new Map(catalogDirectory.resources.map((r) => [r.resourceAppId, {...r, vetoed: new Set(r.displayNameSaysItWrites)}]));

function apiOf(resourceAppId: string): (DirectoryResource & {vetoed: Set<string>}) | undefined {
  return apis.get(lower(resourceAppId));
}

/** True when the resource's catalog is known, so an unknown name there is a real mistake. */
export function hasCatalog(resourceAppId: string): boolean {
  return apiOf(resourceAppId) !== undefined;
}

/** True for a retired API (Azure AD Graph). */
export function isRetiredResource(resourceAppId: string): boolean {
  return apiOf(resourceAppId)?.retired ?? false;
}

/**
 * A permission by its exact name and type, e.g. ('00000003-…', 'User.Read.All', 'Application').
 * Where the catalog lists a name and type twice (with two ids), the later entry wins.
 */
export function findPermission(resourceAppId: string, value: string, type: PermissionType): CatalogPermission | undefined {
  const api = apiOf(resourceAppId);
  if (!api) return undefined;
  return lastMatch(permissionsNamed(value), (p) => p.resourceAppId === api.resourceAppId && p.type === type);
}

/**
 * A permission by its id. A few ids are shared by an application and a delegated permission
 * (or by two alias names): pass the type to pick; without it the first entry wins.
 */
export function permissionById(resourceAppId: string, id: string, type?: PermissionType): CatalogPermission | undefined {
  const api = apiOf(resourceAppId);
  if (!api) return undefined;
  const entries = permissionsWithId(lower(id)).filter((p) => p.resourceAppId === api.resourceAppId);
  return type ? entries.find((p) => p.type === type) : entries[0];
}

/** A permission with this id in another API's catalog (an id listed under the wrong API), else undefined. */
export function permissionElsewhere(resourceAppId: string, id: string, type: PermissionType): CatalogPermission | undefined {
  const resource = lower(resourceAppId);
  const entries = permissionsWithId(lower(id));
  // The first API in the catalog's order that has it, as its first entry of the type.
  for (const api of catalogDirectory.resources) {
    if (api.resourceAppId === resource) continue;
    const found = entries.find((p) => p.resourceAppId === api.resourceAppId && p.type === type);
    if (found) return found;
  }
  return undefined;
}

/** The display name of an API the project knows ('Microsoft Graph', 'Azure Active Directory Graph', …), else null. */
export function knownResourceName(resourceAppId: string): string | null {
  return apiOf(resourceAppId)?.name ?? null;
}

/** API -> name -> reason. Maps, not objects: a name is data and never reaches a prototype. */
function listByResource(lists: Record<string, Record<string, string>>): Map<string, Map<string, string>> {
  return new Map(Object.entries(lists).map(([id, names]) => [id.toLowerCase(), new Map(Object.entries(names))]));
}

const readOnlyByResource = listByResource(readOnlyLists.readOnly);
const notReadOnlyByResource = listByResource(readOnlyLists.notReadOnly);

/**
 * Why a named permission is known to be read-only, or null when it is not: the guides promise
 * that the scanner only reads, and what cannot be shown to be read-only breaks that promise.
 * An allow-list, never a deny-list: the operation part of `Resource.Operation[.Scope]` is a read
 * operation (`Files.Read.All`, `Team.ReadBasic.All`; readOnlyName.ts), or the name is on the API's
 * read-only list kept with the catalog (catalog/read-only.json: Microsoft Graph's OpenID Connect
 * scopes, …). Every other name can change data or act for someone: `user_impersonation`,
 * `full_access_as_app`, `Exchange.ManageAsApp`, `Directory.AccessAsUser.All`, anything unfamiliar.
 * Vetoes only make it stricter: the API's not-read-only list (permissions that hand out
 * credentials, or change state despite their name), and a catalog display name that says it
 * writes (listed in catalog/directory.json when the catalog is built, so no display name
 * has to be loaded). An API outside the catalog has no read-only permission: its names are its
 * publisher's claims.
 */
export function readOnlyReason(resourceAppId: string, value: string): string | null {
  const resource = lower(resourceAppId);
  // Only Microsoft's published lists are vouched for: another API's publisher chose its names
  // ("Data.Read" may write), so a name the tenant gives for an API outside the catalog shows nothing.
  const api = apiOf(resource);
  if (!api) return null;
  if (notReadOnlyByResource.get(resource)?.has(value)) return null;
  const listed = readOnlyByResource.get(resource)?.get(value);
  if (listed !== undefined) return listed;
  const operation = readOnlyOperation(value);
  if (operation === null) return null;
  return api.vetoed.has(value) ? null : `its operation, ${operation}, only reads`;
}

/** Why a permission whose name reads is nonetheless not read-only (catalog/read-only.json), or null. */
export function notReadOnlyNote(resourceAppId: string, value: string): string | null {
  return notReadOnlyByResource.get(lower(resourceAppId))?.get(value) ?? null;
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
  const api = apiOf(resourceAppId);
  if (!api) return null;
  const permissions = permissionsOfApi(api.resourceAppId);
  const wanted = looseName(value);
  if (type) {
    const lowerValue = value.trim().toLowerCase();
    const sameName = lastMatch(permissions, (p) => p.type === type && p.value.toLowerCase() === lowerValue);
    if (sameName && sameName.value !== value) return sameName.value;
  }
  let best: {value: string; score: number} | null = null;
  for (const p of permissions) {
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

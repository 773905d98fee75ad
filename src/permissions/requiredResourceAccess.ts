/**
 * requiredResourceAccess, the list of permissions an app registration is configured with, as
 * Microsoft Graph and the manifest editor write it: when two entries are the same permission. One definition for the tenant reader, the manifest reader, the comparison
 * and the corrected list, so that an entry listed twice (or once in upper case) counts once
 * everywhere: a manifest and a tenant read of the same app must give the same findings.
 */
import {toPermissionType} from './permissionType';
import type {ConfiguredPermission, PermissionType} from './types';

const lower = (id: string) => id.trim().toLowerCase();

/**
 * What makes two configured permissions the same: the API (resourceAppId), the permission id and
 * the type. GUIDs compare without regard to case or surrounding white space, as Entra ID treats
 * them; the same id as an application and as a delegated permission is two permissions.
 */
export function configuredKey(entry: {resourceAppId: string; id: string; type: PermissionType}): string {
  return `${lower(entry.resourceAppId)}|${lower(entry.id)}|${entry.type}`;
}

/** Each permission once (the first kept, in order), its GUIDs trimmed and lower-case. */
export function uniqueConfigured(entries: Iterable<ConfiguredPermission>): ConfiguredPermission[] {
  const seen = new Set<string>();
  const out: ConfiguredPermission[] = [];
  for (const entry of entries) {
    const key = configuredKey(entry);
    if (seen.has(key)) continue;
    seen.add(key);
    out.push({resourceAppId: lower(entry.resourceAppId), id: lower(entry.id), type: entry.type});
  }
  return out;
}

/** The shape both Graph and an exported manifest give requiredResourceAccess (types `Role` or `Scope`). */
export interface RequiredResourceAccessEntry {
  resourceAppId: string;
  resourceAccess?: ReadonlyArray<{id: string; type: string}> | null;
}

/**
 * The configured permissions of a requiredResourceAccess list: each once (uniqueConfigured), in
 * the list's order. An entry whose type is neither `Role` nor `Scope` names no permission and is
 * left out.
 */
export function configuredPermissions(list: Iterable<RequiredResourceAccessEntry>): ConfiguredPermission[] {
  const entries: ConfiguredPermission[] = [];
  for (const resource of list) {
    for (const access of resource.resourceAccess ?? []) {
      const type = toPermissionType(access.type);
      if (type) entries.push({resourceAppId: resource.resourceAppId, id: access.id, type});
    }
  }
  return uniqueConfigured(entries);
}

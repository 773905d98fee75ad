/**
 * requiredResourceAccess as the guide wants it, for the manifest editor and the rewrite
 * commands: every required permission, plus the allowed ones the app already has (by the one
 * identity rule of requiredResourceAccess.ts), each once.
 */
import {findPermission} from './catalog';
import {isGuid, normalizeGuid} from './ids';
import {toResourceAccessType} from './permissionType';
import {configuredKey} from './requiredResourceAccess';
import type {CheckResult, ConfiguredPermission, PermissionType, Profile, ResourceNames} from './types';

export type CorrectedRequiredResourceAccess = CheckResult['correctedRequiredResourceAccess'];

function idFor(resourceAppId: string, value: string, type: PermissionType, names: ResourceNames[]): string | null {
  const fromCatalog = findPermission(resourceAppId, value, type);
  if (fromCatalog) return fromCatalog.id;
  const resource = names.find((r) => r.resourceAppId.toLowerCase() === resourceAppId);
  const list = type === 'Application' ? resource?.appRoles : resource?.scopes;
  const match = list?.find((p) => p.value === value) ?? list?.find((p) => p.value.toLowerCase() === value.toLowerCase());
  return match ? normalizeGuid(match.id) : null;
}

/**
 * requiredResourceAccess as the guide wants it: every required permission, plus the allowed ones
 * the app already has. Permissions whose id is not known (no catalog, no tenant data) are left out.
 */
export function correctedRequiredResourceAccess(
  profile: Profile,
  configured: ConfiguredPermission[],
  names: ResourceNames[] = [],
): CorrectedRequiredResourceAccess {
  const out: CorrectedRequiredResourceAccess = [];
  const present = new Set(configured.map(configuredKey));
  for (const resource of profile.resources) {
    const resourceAppId = resource.resourceAppId.trim().toLowerCase();
    if (!isGuid(resourceAppId)) continue;
    const access: Array<{id: string; type: 'Role' | 'Scope'}> = [];
    const seen = new Set<string>();
    const add = (id: string, type: PermissionType) => {
      const key = configuredKey({resourceAppId, id, type});
      if (seen.has(key)) return;
      seen.add(key);
      access.push({id, type: toResourceAccessType(type)});
    };
    for (const p of resource.required) {
      const id = idFor(resourceAppId, p.value, p.type, names);
      if (id) add(id, p.type);
    }
    for (const p of resource.allowed) {
      const id = idFor(resourceAppId, p.value, p.type, names);
      if (id && present.has(configuredKey({resourceAppId, id, type: p.type}))) add(id, p.type);
    }
    if (access.length > 0) out.push({resourceAppId, resourceAccess: access});
  }
  return out;
}

/** The corrected requiredResourceAccess as JSON for the manifest editor: one permission per line. */
export function formatRequiredResourceAccess(corrected: CorrectedRequiredResourceAccess): string {
  const resources = corrected.map((resource) => {
    const entries = resource.resourceAccess.map((a) => `      ${JSON.stringify({id: a.id, type: a.type})}`).join(',\n');
    return `  {\n    "resourceAppId": ${JSON.stringify(resource.resourceAppId)},\n    "resourceAccess": [\n${entries}\n    ]\n  }`;
  });
  return resources.length === 0 ? '[]' : `[\n${resources.join(',\n')}\n]`;
}

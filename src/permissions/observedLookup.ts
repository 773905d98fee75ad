/**
 * What the comparison looks things up in: the observed state with its GUIDs lower-case and its
 * duplicates collapsed (normalizeObserved), what is configured and granted by API (Lookup), and
 * per API of the profile what no finding has explained yet (ResourceState). Shared by the
 * permission findings (permissionFindings.ts, excessFindings.ts).
 */
import {findPermission, knownResourceName, permissionById} from './catalog';
import type {RemediationContext} from './remediation';
import {configuredKey, uniqueConfigured} from './requiredResourceAccess';
import type {ConfiguredPermission, ObservedState, PermissionType, ResourceNames, UnreadPart} from './types';

export function lower(id: string): string {
  return id.trim().toLowerCase();
}

/** Plain string order (not locale-dependent), so the order is the same everywhere. */
export function byText(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

/** GUIDs lower-case, duplicates collapsed: the input's order and case never change a result. */
export function normalizeObserved(observed: ObservedState): ObservedState {
  return {
    ...observed,
    app: {...observed.app, appId: observed.app.appId ? lower(observed.app.appId) : null},
    configured: uniqueConfigured(observed.configured),
    grants: observed.grants && {
      servicePrincipalExists: observed.grants.servicePrincipalExists,
      appRoles: observed.grants.appRoles.map((g) => ({resourceAppId: lower(g.resourceAppId), id: lower(g.id)})),
      scopes: observed.grants.scopes.map((g) => ({
        ...g,
        resourceAppId: lower(g.resourceAppId),
        principalId: g.principalId ? lower(g.principalId) : (g.principalId ?? null),
      })),
    },
    resourceNames: observed.resourceNames.map((r) => ({
      ...r,
      resourceAppId: lower(r.resourceAppId),
      appRoles: r.appRoles.map((p) => ({id: lower(p.id), value: p.value})),
      scopes: r.scopes.map((p) => ({id: lower(p.id), value: p.value})),
    })),
  };
}

/** Everything the comparison looks things up in. */
export class Lookup {
  readonly appRolesKnown: boolean;
  readonly scopesKnown: boolean;
  private readonly configuredKeys: Set<string>;
  private readonly grantedAppRoles: Set<string>;
  private readonly grantedScopes: Set<string>;
  /** Users who consented for themselves, by `resourceAppId|scope (lower-case)`. */
  private readonly userConsentsByScope: Map<string, Set<string>>;
  private readonly names: Map<string, ResourceNames>;

  constructor(readonly observed: ObservedState, unread: UnreadPart[]) {
    const grants = observed.grants;
    const unreadParts = new Set(unread.map((u) => u.part));
    // "No service principal" is only a fact when the service principal itself was read (404).
    const spKnown = grants !== null && !unreadParts.has('servicePrincipal');
    this.appRolesKnown = spKnown && (grants?.servicePrincipalExists === false || !unreadParts.has('appRoleAssignments'));
    this.scopesKnown = spKnown && (grants?.servicePrincipalExists === false || !unreadParts.has('oauth2PermissionGrants'));
    this.configuredKeys = new Set(observed.configured.map(configuredKey));
    this.grantedAppRoles = new Set((grants?.appRoles ?? []).map((g) => `${g.resourceAppId}|${g.id}`));
    this.grantedScopes = new Set();
    this.userConsentsByScope = new Map();
    (grants?.scopes ?? []).forEach((grant, index) => {
      for (const scope of grant.scopes) {
        if (!scope.trim()) continue;
        const key = `${grant.resourceAppId}|${scope.trim().toLowerCase()}`;
        // A user's own consent is held by the app, but it is not admin consent.
        if (grant.consentType === 'AllPrincipals') this.grantedScopes.add(key);
        else {
          const users = this.userConsentsByScope.get(key) ?? new Set<string>();
          users.add(grant.principalId ?? `grant ${index}`);
          this.userConsentsByScope.set(key, users);
        }
      }
    });
    this.names = new Map(observed.resourceNames.map((r) => [r.resourceAppId, r]));
  }

  isConfigured(resourceAppId: string, id: string | null, type: PermissionType): boolean {
    return id !== null && this.configuredKeys.has(configuredKey({resourceAppId, id, type}));
  }

  /** true / false, or null when grants were not (fully) read or the name is not known. */
  isGranted(resourceAppId: string, id: string | null, name: string | null, type: PermissionType): boolean | null {
    if (type === 'Application') {
      if (!this.appRolesKnown || id === null) return null;
      return this.grantedAppRoles.has(`${resourceAppId}|${id}`);
    }
    if (!this.scopesKnown || name === null) return null;
    return this.grantedScopes.has(`${resourceAppId}|${name.toLowerCase()}`);
  }

  /** How many users consented to a delegated permission for themselves (0 when none, or not read). */
  userConsents(resourceAppId: string, name: string | null): number {
    if (!this.scopesKnown || name === null) return 0;
    return this.userConsentsByScope.get(`${resourceAppId}|${name.toLowerCase()}`)?.size ?? 0;
  }

  /** The id of a named permission: catalog first, then what the tenant told us. */
  idOf(resourceAppId: string, value: string, type: PermissionType): string | null {
    const fromCatalog = findPermission(resourceAppId, value, type);
    if (fromCatalog) return fromCatalog.id;
    const list = this.tenantList(resourceAppId, type);
    const match = list.find((p) => p.value === value) ?? list.find((p) => p.value.toLowerCase() === value.toLowerCase());
    return match?.id ?? null;
  }

  /** The name of a permission id: catalog first, then what the tenant told us. */
  nameOf(resourceAppId: string, id: string, type: PermissionType): string | null {
    const fromCatalog = permissionById(resourceAppId, id, type);
    if (fromCatalog) return fromCatalog.value;
    return this.tenantList(resourceAppId, type).find((p) => p.id === id)?.value ?? null;
  }

  resourceName(resourceAppId: string): string {
    return knownResourceName(resourceAppId) ?? this.names.get(resourceAppId)?.displayName ?? resourceAppId;
  }

  private tenantList(resourceAppId: string, type: PermissionType): Array<{id: string; value: string}> {
    const names = this.names.get(resourceAppId);
    return (type === 'Application' ? names?.appRoles : names?.scopes) ?? [];
  }
}

export interface ResourceState {
  resourceAppId: string;
  /** Configured entries of this resource not yet explained by a required/allowed finding (by configuredKey). */
  configured: Map<string, ConfiguredPermission>;
  /** Granted app role ids not yet explained. */
  grantedAppRoles: Set<string>;
  /** Granted scope names (lower-case; by admin or by a user) not yet explained, with their spelling. */
  grantedScopes: Map<string, string>;
}

export function resourceState(lookup: Lookup, resourceAppId: string): ResourceState {
  const grants = lookup.observed.grants;
  const state: ResourceState = {resourceAppId, configured: new Map(), grantedAppRoles: new Set(), grantedScopes: new Map()};
  for (const c of lookup.observed.configured) {
    if (c.resourceAppId === resourceAppId) state.configured.set(configuredKey(c), c);
  }
  for (const g of grants?.appRoles ?? []) if (g.resourceAppId === resourceAppId) state.grantedAppRoles.add(g.id);
  for (const g of grants?.scopes ?? []) {
    if (g.resourceAppId !== resourceAppId) continue;
    for (const scope of g.scopes) if (scope.trim()) state.grantedScopes.set(scope.trim().toLowerCase(), scope.trim());
  }
  return state;
}

export function consume(state: ResourceState, id: string | null, name: string | null, type: PermissionType): void {
  if (id) state.configured.delete(configuredKey({resourceAppId: state.resourceAppId, id, type}));
  if (type === 'Application' && id) state.grantedAppRoles.delete(id);
  if (type === 'Delegated' && name) state.grantedScopes.delete(name.toLowerCase());
}

/** What every finding builder is given: the lookups, and what the fixes need to know. */
export interface Builder {
  lookup: Lookup;
  remediation: RemediationContext;
}

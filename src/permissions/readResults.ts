/**
 * What the tenant reader makes of Graph's answers: the APIs it looked up (to name permission
 * ids and to map grants, which name an API by its service principal's object id, to the API's
 * application id), the grants in the engine's terms, and the credentials. Pure: no requests.
 *
 * Data is never dropped silently: a lookup that failed is kept, and becomes an unread part
 * unless a later lookup names the same API.
 */
import {firstIssue, servicePrincipalSchema, type Application, type AppRoleAssignment, type PermissionGrant, type ServicePrincipal} from './graphSchemas';
import {failureReason, unread, type Failure, type SubAnswer} from './readErrors';
import type {ApiLookup} from './readPlan';
import type {GrantedAppRole, GrantedScopes, ObservedCredential, ResourceNames, UnreadPart} from './types';

/** The APIs looked up so far: their service principals by object id, and the lookups that failed. */
export class ResourceLookups {
  private readonly byObjectId = new Map<string, ServicePrincipal>();
  /** By `app:{appId}` or `object:{objectId}`, in the order they failed. */
  private readonly failures = new Map<string, Failure>();

  add(lookups: readonly ApiLookup[], answers: ReadonlyMap<string, SubAnswer>): void {
    for (const {itemId, by, id} of lookups) {
      const answer = answers.get(itemId);
      const failure = failureReason(answer);
      if (failure) {
        // A 404 by appId is an answer, not a failure: the API has no service principal in this
        // tenant, so nothing of it can be granted here.
        if (!(answer?.status === 404 && by === 'app')) this.failures.set(`${by}:${id}`, failure);
        continue;
      }
      const sp = servicePrincipalSchema.safeParse(answer!.body);
      if (sp.success) this.byObjectId.set(sp.data.id.toLowerCase(), sp.data);
      else this.failures.set(`${by}:${id}`, {reason: `its answer was not a service principal (${firstIssue(sp.error)})`, status: answer!.status});
    }
  }

  hasObject(objectId: string): boolean {
    return this.byObjectId.has(objectId.toLowerCase());
  }

  /** Whether a service principal read so far is the API with this application id. */
  namesApp(appId: string): boolean {
    return [...this.byObjectId.values()].some((sp) => sp.appId.toLowerCase() === appId);
  }

  /** The application id of the API with this service principal object id; null when not known. */
  appIdOf(objectId: string): string | null {
    return this.byObjectId.get(objectId.toLowerCase())?.appId.toLowerCase() ?? null;
  }

  objectFailure(objectId: string): Failure | undefined {
    return this.failures.get(`object:${objectId}`);
  }

  servicePrincipals(): Iterable<ServicePrincipal> {
    return this.byObjectId.values();
  }

  /** APIs looked up by application id that no lookup could name. */
  unreadApis(): UnreadPart[] {
    const out: UnreadPart[] = [];
    for (const [key, failure] of this.failures) {
      const [by, id] = key.split(':') as ['app' | 'object', string];
      // By object id: reported with the grants it leaves unnamed (observedGrants).
      if (by === 'object' || this.namesApp(id)) continue;
      out.push(
        unread('resource', {
          reason: `the lookup that names the permissions of the API with application id ${id} failed (${failure.reason}), so what the app holds on it cannot be named or shown to be read-only`,
          status: failure.status,
        }),
      );
    }
    return out;
  }
}

/**
 * The grants by API application id: each app role once; one entry of scopes per API for admin
 * consent and one per API and user for a user's own consent (every grant counts: a user's
 * consent to a write scope is held by the app as much as an admin's). Grants on an API that
 * could not be named are unread parts.
 */
export function observedGrants(assignments: readonly AppRoleAssignment[], grants: readonly PermissionGrant[], resources: ResourceLookups) {
  const unresolved = new Set<string>();
  const appIdOf = (objectId: string): string | null => {
    const appId = resources.appIdOf(objectId);
    if (!appId) unresolved.add(objectId.toLowerCase());
    return appId;
  };
  const appRoles: GrantedAppRole[] = [];
  const seenRoles = new Set<string>();
  for (const a of assignments) {
    const resourceAppId = appIdOf(a.resourceId);
    if (!resourceAppId) continue;
    const key = `${resourceAppId}|${a.appRoleId.toLowerCase()}`;
    if (seenRoles.has(key)) continue;
    seenRoles.add(key);
    appRoles.push({resourceAppId, id: a.appRoleId.toLowerCase()});
  }
  const scopesByKey = new Map<string, GrantedScopes>();
  for (const g of grants) {
    const resourceAppId = appIdOf(g.resourceId);
    if (!resourceAppId) continue;
    const consentType = g.consentType === 'AllPrincipals' ? 'AllPrincipals' : 'Principal';
    const principalId = consentType === 'Principal' ? (g.principalId?.toLowerCase() ?? null) : null;
    const key = `${resourceAppId}|${consentType}|${principalId ?? ''}`;
    let entry = scopesByKey.get(key);
    if (!entry) {
      entry = {resourceAppId, scopes: [], consentType, principalId};
      scopesByKey.set(key, entry);
    }
    for (const scope of (g.scope ?? '').split(' ')) {
      if (scope && !entry.scopes.includes(scope)) entry.scopes.push(scope);
    }
  }
  const unreadParts = [...unresolved].map((objectId) => {
    const failure = resources.objectFailure(objectId);
    return unread('resource', {
      reason: `the app holds permissions on the API with object id ${objectId}, which could not be looked up${failure ? ` (${failure.reason})` : ''}, so they cannot be named or compared`,
      status: failure?.status,
    });
  });
  return {appRoles, scopes: [...scopesByKey.values()], unread: unreadParts};
}

/** The names of every API looked up, once per application id. */
export function resourceNamesOf(resources: ResourceLookups): ResourceNames[] {
  const out: ResourceNames[] = [];
  const named = new Set<string>();
  for (const sp of resources.servicePrincipals()) {
    const resourceAppId = sp.appId.toLowerCase();
    if (named.has(resourceAppId)) continue;
    named.add(resourceAppId);
    const withNames = (list: ServicePrincipal['appRoles']) =>
      (list ?? []).filter((e) => e.value).map((e) => ({id: e.id.toLowerCase(), value: e.value as string}));
    out.push({
      resourceAppId,
      displayName: sp.displayName ?? sp.appId,
      appRoles: withNames(sp.appRoles),
      scopes: withNames(sp.oauth2PermissionScopes),
    });
  }
  return out;
}

export function toCredentials(app: Application): ObservedCredential[] {
  const out: ObservedCredential[] = [];
  for (const [list, kind] of [
    [app.passwordCredentials, 'secret'],
    [app.keyCredentials, 'certificate'],
  ] as const) {
    for (const c of list ?? []) {
      out.push({kind, keyId: c.keyId ?? null, displayName: c.displayName ?? null, endDateTime: c.endDateTime ?? null});
    }
  }
  return out;
}

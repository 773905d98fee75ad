/**
 * What the tenant reader asks Microsoft Graph, as plain data: the sub-requests of its `$batch`
 * round trips and the JSON bodies they are sent in. Pure, so that what the reader sends can be
 * shown to a person byte for byte (readCommands.ts prints the first body as `az rest` and Graph
 * PowerShell commands): the reader sends exactly the bodies built here.
 *
 * Every URL is by alternate key or object id, and holds only GUIDs the plan checked: nothing a
 * person typed reaches Graph unchecked. The quotes of an alternate key are written %27
 * (`appId=%27…%27`), which Graph reads as `'`: the body then has no single quote, so a shell
 * command can carry it between single quotes as it is.
 */
import {isGuid, normalizeGuid} from './ids';
import {TenantReadError} from './tenantReadError';
import type {Profile} from './types';

/** One sub-request of a `$batch`: a GET of a URL relative to the versioned Graph base. */
export interface BatchItem {
  id: string;
  url: string;
}

/** A JSON `$batch` request body, as POSTed to /$batch. */
export interface BatchBody {
  requests: Array<{id: string; method: 'GET'; url: string}>;
}

/** Sub-requests in one `$batch`: Graph's limit. */
export const MAX_BATCH = 20;

const SP_SELECT = 'id,appId,displayName,appRoles,oauth2PermissionScopes';
const APP_SELECT = 'id,appId,displayName,signInAudience,requiredResourceAccess,passwordCredentials,keyCredentials';

/** The bodies that send `items`: one `$batch` of up to MAX_BATCH sub-requests each, in order. */
export function batchBodies(items: readonly BatchItem[]): BatchBody[] {
  const bodies: BatchBody[] = [];
  for (let i = 0; i < items.length; i += MAX_BATCH) {
    bodies.push({requests: items.slice(i, i + MAX_BATCH).map(({id, url}) => ({id, method: 'GET', url}))});
  }
  return bodies;
}

/**
 * The application (client) ID as the reader uses it: as normalizeGuid reads what people paste.
 * Throws TenantReadError 'invalid-app-id' for anything that is not a GUID, before any request.
 */
export function readableAppId(input: string): string {
  const appId = normalizeGuid(input);
  if (!appId) {
    throw new TenantReadError(
      'invalid-app-id',
      `"${input}" is not an application (client) ID: expected a GUID such as 0d651e1f-b145-4b1c-8334-8eff5cdea961, ` +
        "shown on the app registration's Overview page.",
    );
  }
  return appId;
}

/** An alternate key by application id, its quotes as %27 (see the module comment). */
const byAppId = (appId: string) => `appId=%27${appId}%27`;

/** A sub-request that looks up an API's service principal, to name its permission ids. */
export interface ApiLookup {
  itemId: string;
  /** By application id (`/servicePrincipals(appId=%27…%27)`) or by object id (a grant's resourceId). */
  by: 'app' | 'object';
  id: string;
}

/** One round trip: its sub-requests, and which of them look up APIs. */
export interface ReadRound {
  items: BatchItem[];
  lookups: ApiLookup[];
}

function lookupItem({itemId, by, id}: ApiLookup): BatchItem {
  const path = by === 'app' ? `/servicePrincipals(${byAppId(id)})` : `/servicePrincipals/${id}`;
  return {id: itemId, url: `${path}?$select=${SP_SELECT}`};
}

/**
 * Round trip 1: the app registration, its service principal, the grants, and the service
 * principal of every API of the profile, each once (to name its permission ids). `appId` as
 * readableAppId returns it.
 */
export function firstRead(appId: string, profile: Profile): ReadRound {
  const apis = [...new Set(profile.resources.map((r) => r.resourceAppId.toLowerCase()))].filter((id) => isGuid(id));
  const lookups = apis.map((id, i): ApiLookup => ({itemId: `resource-${i}`, by: 'app', id}));
  const spPath = `/servicePrincipals(${byAppId(appId)})`;
  return {
    items: [
      {id: 'application', url: `/applications(${byAppId(appId)})?$select=${APP_SELECT}`},
      {id: 'servicePrincipal', url: `${spPath}?$select=id,appId,displayName`},
      // $top=999: real Graph answers an app's grants in one page.
      {id: 'appRoleAssignments', url: `${spPath}/appRoleAssignments?$top=999`},
      {id: 'oauth2PermissionGrants', url: `${spPath}/oauth2PermissionGrants`},
      ...lookups.map(lookupItem),
    ],
    lookups,
  };
}

/**
 * The body of the first `$batch` the reader sends for an app and a profile, exactly as sent.
 * A profile of more than 16 APIs takes more than one batch in that round trip (MAX_BATCH); this
 * is the first. Throws 'invalid-app-id' as readableAppId does.
 */
export function firstBatchOf(appId: string, profile: Profile): BatchBody {
  return batchBodies(firstRead(readableAppId(appId), profile).items)[0]!;
}

/**
 * Round trip 2, only when needed: the service principals of APIs the profile does not name, by
 * object id (a grant's resourceId) and by application id (a configured API). Ids that are not
 * GUIDs are not asked for.
 */
export function otherApisRead(objectIds: readonly string[], appIds: readonly string[]): ReadRound {
  const lookups = [
    ...objectIds.filter((id) => isGuid(id)).map((id, i): ApiLookup => ({itemId: `object-${i}`, by: 'object', id})),
    ...appIds.filter((id) => isGuid(id)).map((id, i): ApiLookup => ({itemId: `api-${i}`, by: 'app', id})),
  ];
  return {items: lookups.map(lookupItem), lookups};
}

/**
 * Reads one app registration's state from a live tenant through Microsoft Graph, as a plain
 * ObservedState for compareToProfile.
 *
 * Round trip 1: ONE JSON `$batch` (readPlan.ts: firstRead) with every read, all by alternate key:
 *   /applications(appId='{appId}')                         configured permissions, credentials
 *   /servicePrincipals(appId='{appId}')                    exists once consented in the tenant
 *   /servicePrincipals(appId='{appId}')/appRoleAssignments granted application permissions
 *   /servicePrincipals(appId='{appId}')/oauth2PermissionGrants granted delegated permissions
 *   /servicePrincipals(appId='{resourceAppId}')?$select=…  per API of the profile: id -> names
 * Every collection follows `@odata.nextLink` (collections page in parallel with each other).
 * Round trip 2, only when needed: a batch for the APIs the profile does not know (granted on a
 * resource object id no profile API has, or configured for an API outside the profile).
 *
 * How requests travel (batches, retries, pages, cancelling) is readSession.ts; what Graph's
 * answers must look like is graphSchemas.ts. The reader is given a GraphTransport: the Graph
 * client for a live check (createGraphTransport), fetchTransport over the stand-in for the
 * sample tenant, so both run this same code.
 */
import {cloudByName} from './clouds';
import {appRoleAssignmentPage, applicationSchema, firstIssue, permissionGrantPage, type Application, type PageSchema} from './graphSchemas';
import type {GraphTransport} from './graphTransport';
import {observedGrants, resourceNamesOf, toCredentials, ResourceLookups} from './readResults';
import {asTenantReadError, failureReason, unread} from './readErrors';
import {firstRead, otherApisRead, readableAppId} from './readPlan';
import {ReadSession, type ReadProgress, type ReadRetryOptions, type SubResult, type TenantReadStats} from './readSession';
import {configuredPermissions} from './requiredResourceAccess';
import {RETRYABLE_STATUSES} from './retryPolicy';
import {TenantReadError} from './tenantReadError';
import type {CloudName, ObservedState, Profile, UnreadPart} from './types';

/** The first `$batch` body readTenantState sends for an app and a profile, byte for byte (readPlan.ts). */
export {firstBatchOf} from './readPlan';

export interface ReadTenantOptions {
  /**
   * How to reach Graph: createGraphTransport (live checks), graphClientTransport over a Graph
   * client (tests), fetchTransport (the sample tenant's stand-in), or pastedTransport (output
   * the admin's own tools printed).
   */
  transport: GraphTransport;
  cloud: CloudName;
  /** The application (client) ID of the app registration. */
  appId: string;
  profile: Profile;
  onProgress?: (progress: ReadProgress) => void;
  retry?: ReadRetryOptions;
  /** 'sample' when the client talks to the sample tenant's stand-in. Default 'tenant'. */
  source?: 'tenant' | 'sample';
  /** Cancels the read: it stops sending and rejects with TenantReadError 'cancelled'. */
  signal?: AbortSignal;
  /** Most pages read of one collection; past it the collection is an unread part. Default 50. */
  maxPages?: number;
}

export type TenantReadResult = ObservedState & {
  /** Sequential Graph round trips this read cost: 1 when the profile knows every API. */
  roundTrips: number;
  stats: TenantReadStats;
};

/**
 * Reads the app registration `appId` and what the tenant granted it. Rejects only with
 * TenantReadError, when nothing useful can be said (app not found, sign-in rejected, Graph
 * unreachable or answering garbage, cancelled); a part that could not be read is listed in
 * `unread` instead, which makes the verdict `incomplete`.
 */
export async function readTenantState(options: ReadTenantOptions): Promise<TenantReadResult> {
  try {
    return await read(options);
  } catch (error) {
    throw asTenantReadError(error, options.signal);
  }
}

async function read(options: ReadTenantOptions): Promise<TenantReadResult> {
  const {cloud, profile, source = 'tenant'} = options;
  const appId = readableAppId(options.appId);
  const session = new ReadSession({
    transport: options.transport,
    graphHost: cloudByName(cloud).graphHost.toLowerCase(),
    retry: options.retry,
    onProgress: options.onProgress,
    signal: options.signal,
    maxPages: options.maxPages,
  });

  const plan = firstRead(appId, profile);
  session.progress('reading', 'Reading the app registration and its grants…');
  const first = await session.batch(plan.items, 0, 'the batch of reads');
  const app = applicationOf(first.get('application')!, appId);
  const resources = new ResourceLookups();
  resources.add(plan.lookups, first);
  const grants = await readGrants(session, first);

  // Round trip 2: APIs the profile does not know.
  const configured = configuredPermissions(app.requiredResourceAccess ?? []);
  const profileApis = new Set(plan.lookups.map((lookup) => lookup.id));
  const other = otherApisRead(
    [...new Set([...grants.assignments, ...grants.scopeGrants].map((g) => g.resourceId.toLowerCase()))].filter((id) => !resources.hasObject(id)),
    [...new Set(configured.map((c) => c.resourceAppId))].filter((id) => !resources.namesApp(id) && !profileApis.has(id)),
  );
  if (other.items.length > 0) {
    session.progress('resolving', 'Naming the other APIs the app uses…');
    resources.add(other.lookups, await session.batch(other.items, session.roundTrips, 'the names of the other APIs'));
  }

  const named = observedGrants(grants.assignments, grants.scopeGrants, resources);
  const unreadParts: UnreadPart[] = [...grants.unread, ...resources.unreadApis(), ...named.unread];
  const state: TenantReadResult = {
    source,
    app: {
      appId: app.appId.toLowerCase(),
      objectId: app.id.toLowerCase(),
      displayName: app.displayName ?? null,
      signInAudience: app.signInAudience ?? null,
      credentials: toCredentials(app),
    },
    configured,
    // Grants are known when the service principal was found (its grants were read) or is known
    // to be missing (404: never consented). When it could not be read at all, nothing is known
    // about consent, and saying "never consented" would be a guess.
    grants: grants.known ? {servicePrincipalExists: grants.spExists, appRoles: named.appRoles, scopes: named.scopes} : null,
    resourceNames: resourceNamesOf(resources),
    unread: unreadParts,
    roundTrips: session.roundTrips,
    stats: {...session.stats, waitedSeconds: session.budget.totalWaitSeconds},
  };
  session.progress('done', unreadParts.length ? 'Read, with parts missing.' : 'Read.');
  return state;
}

/** The app registration: without it there is nothing to check, so any failure ends the read. */
function applicationOf(result: SubResult, appId: string): Application {
  if (result.status === 404) {
    throw new TenantReadError(
      'app-not-found',
      `No app registration with application (client) ID ${appId} in this tenant. Check the ID, and that you signed in ` +
        'to the tenant where the app was created.',
      {status: 404},
    );
  }
  if (result.status === 403) {
    throw new TenantReadError(
      'forbidden',
      'Microsoft Graph refused to read the app registration (403 Forbidden): the signed-in account needs ' +
        'Application.Read.All consented, or a role such as Global Reader or Application Administrator.',
      {status: 403},
    );
  }
  const failure = failureReason(result);
  if (failure) {
    throw new TenantReadError(
      RETRYABLE_STATUSES.has(result.status) ? 'throttled' : 'graph-error',
      `Could not read the app registration: ${failure.reason}.`,
      {status: failure.status},
    );
  }
  const parsed = applicationSchema.safeParse(result.body);
  if (!parsed.success) {
    throw new TenantReadError(
      'malformed',
      `Microsoft Graph's answer for the app registration was not what it should be (${firstIssue(parsed.error)}). ` +
        'A proxy or network filter may have changed it; try again, or from another network.',
    );
  }
  return parsed.data;
}

const NEEDS_DIRECTORY_READ = 'the signed-in account needs Directory.Read.All consented, or a role such as Global Reader';

type GrantPart = 'appRoleAssignments' | 'oauth2PermissionGrants';

/**
 * The app's service principal and both lists of its grants, paged in parallel. Whether the
 * service principal exists is decided once, before either list is read: it exists when it was
 * read, or when either list of its grants answered; a 404 means never consented.
 */
async function readGrants(session: ReadSession, first: Map<string, SubResult>) {
  const sp = first.get('servicePrincipal')!;
  const spMissing = sp.status === 404;
  const answered = (part: GrantPart) => failureReason(first.get(part)) === null;
  const spExists = !spMissing && (failureReason(sp) === null || answered('appRoleAssignments') || answered('oauth2PermissionGrants'));
  const spUnread = !spMissing && failureReason(sp) ? [unread('servicePrincipal', failureReason(sp)!)] : [];

  const collection = async <T>(part: GrantPart, schema: PageSchema<T>): Promise<{items: T[]; unread?: UnreadPart}> => {
    const result = first.get(part)!;
    // No service principal: nothing was ever granted, so there is nothing to read.
    if (spMissing || (result.status === 404 && !spExists)) return {items: []};
    if (result.status === 403) {
      return {items: [], unread: unread(part, {reason: `Microsoft Graph answered 403 Forbidden; ${NEEDS_DIRECTORY_READ}`, status: 403})};
    }
    const failure = failureReason(result);
    if (failure) return {items: [], unread: unread(part, failure)};
    const {items, problem} = await session.collect(result, schema);
    return {items, unread: problem && unread(part, problem)};
  };
  const [assignments, scopeGrants] = await Promise.all([
    collection('appRoleAssignments', appRoleAssignmentPage),
    collection('oauth2PermissionGrants', permissionGrantPage),
  ]);
  return {
    known: spMissing || spExists,
    spExists,
    assignments: assignments.items,
    scopeGrants: scopeGrants.items,
    unread: [...spUnread, ...[assignments.unread, scopeGrants.unread].filter((u): u is UnreadPart => u !== undefined)],
  };
}

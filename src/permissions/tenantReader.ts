/**
 * Reads one app registration's state from a live tenant through Microsoft Graph.
 *
 * Round trip 1: ONE JSON `$batch` (split in parallel batches of 20 only if a profile names more
 * than 16 APIs) with every read, all by alternate key:
 *   /applications(appId='{appId}')                         configured permissions, credentials
 *   /servicePrincipals(appId='{appId}')                    exists once consented in the tenant
 *   /servicePrincipals(appId='{appId}')/appRoleAssignments granted application permissions
 *   /servicePrincipals(appId='{appId}')/oauth2PermissionGrants granted delegated permissions
 *   /servicePrincipals(appId='{resourceAppId}')?$select=…  per API of the profile: id -> names
 * Every collection follows `@odata.nextLink` (collections page in parallel with each other);
 * appRoleAssignments ask for `$top=999` so a real tenant answers them in one page.
 * Round trip 2, only when needed: a batch for the APIs the profile does not know (granted on a
 * resource object id no profile API has, or configured for an API outside the profile).
 *
 * Transport: the reader sends through a GraphTransport (graphTransport.ts). A live check hands it
 * the Graph client (createGraphClient), wrapped by graphClientTransport; the sample tenant hands
 * it fetchTransport over the stand-in, so the same reading runs without the Graph client library.
 * This module loads the library only when given a Graph `Client` (a lazy import of graphClient.ts).
 *
 * Throttling: the transport retries whole requests (429/503/504, Retry-After);
 * sub-requests of a batch that answer 429/503/504 are re-batched, alone, after the longest
 * Retry-After among them. Both share one RetryBudget per read (attempts, single and total wait).
 *
 * `roundTrips` in the result: the number of sequential Graph round trips on the read's
 * critical path (a batch, a retry wave, a page of a collection each count one; requests in
 * parallel count once). `requests`: every HTTP request sent, retries included.
 */
import type {Client} from '@microsoft/microsoft-graph-client';
import * as z from 'zod';
import {cloudByName} from './clouds';
import {configuredPermissions} from './requiredResourceAccess';
import {TenantReadError} from './tenantReadError';
import {abortableWait, type GraphTransport} from './graphTransport';
import {RETRYABLE_STATUSES, RetryBudget, retryAfterSeconds, type RetryPolicy} from './retryPolicy';
import type {
  CloudName,
  GrantedAppRole,
  GrantedScopes,
  ObservedCredential,
  ObservedState,
  Profile,
  ResourceNames,
  UnreadPart,
} from './types';

// ---------------------------------------------------------------------------------------------
// Public API

export interface ReadProgress {
  step: 'reading' | 'retrying' | 'paging' | 'resolving' | 'done';
  message: string;
  /** Sequential round trips so far (see the module comment). */
  roundTrips: number;
  /** HTTP requests sent so far. */
  requests: number;
}

export interface ReadRetryOptions extends Partial<RetryPolicy> {
  /** How to wait before re-batching failed sub-requests; default setTimeout (tests record the waits). */
  sleep?: (ms: number) => Promise<void>;
}

export interface ReadTenantOptions {
  /**
   * How to reach Graph: a Graph `Client` from createGraphClient (it carries the token function
   * and the cloud's Graph host; live checks, tests), or any GraphTransport (fetchTransport for the
   * sample tenant).
   */
  client: Client | GraphTransport;
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

/** Pages of one collection a read follows at most (999 grants a page: far more than any app holds). */
export const DEFAULT_MAX_PAGES = 50;

export interface TenantReadStats {
  /** HTTP requests sent, retries included. */
  requests: number;
  /** $batch requests among them. */
  batches: number;
  /** Next-page requests among them. */
  pages: number;
  /** Retries (whole requests and re-batched sub-requests). */
  retries: number;
  /** Seconds waited because Graph asked to. */
  waitedSeconds: number;
}

export type TenantReadResult = ObservedState & {
  /** Sequential Graph round trips this read cost: 1 when the profile knows every API. */
  roundTrips: number;
  stats: TenantReadStats;
};

// ---------------------------------------------------------------------------------------------
// Graph payloads (lenient: only the fields used)

const credentialSchema = z.object({
  keyId: z.string().nullish(),
  displayName: z.string().nullish(),
  endDateTime: z.string().nullish(),
});

const applicationSchema = z.object({
  id: z.string(),
  appId: z.string(),
  displayName: z.string().nullish(),
  signInAudience: z.string().nullish(),
  requiredResourceAccess: z
    .array(
      z.object({
        resourceAppId: z.string(),
        resourceAccess: z.array(z.object({id: z.string(), type: z.string()})).nullish(),
      }),
    )
    .nullish(),
  passwordCredentials: z.array(credentialSchema).nullish(),
  keyCredentials: z.array(credentialSchema).nullish(),
});

const namedIdSchema = z.object({id: z.string(), value: z.string().nullish()});

const servicePrincipalSchema = z.object({
  id: z.string(),
  appId: z.string(),
  displayName: z.string().nullish(),
  appRoles: z.array(namedIdSchema).nullish(),
  oauth2PermissionScopes: z.array(namedIdSchema).nullish(),
});

const appRoleAssignmentSchema = z.object({appRoleId: z.string(), resourceId: z.string()});

const permissionGrantSchema = z.object({
  resourceId: z.string(),
  consentType: z.string(),
  principalId: z.string().nullish(),
  scope: z.string().nullish(),
});

function pageSchema<T extends z.ZodType>(item: T) {
  return z.object({value: z.array(item), '@odata.nextLink': z.string().nullish()});
}

const appRoleAssignmentPage = pageSchema(appRoleAssignmentSchema);
const permissionGrantPage = pageSchema(permissionGrantSchema);

const batchResponseSchema = z.object({
  responses: z.array(
    z.object({
      id: z.string(),
      status: z.number(),
      headers: z.record(z.string(), z.string()).nullish(),
      body: z.unknown().optional(),
    }),
  ),
});

const graphErrorSchema = z.object({error: z.object({code: z.string().nullish(), message: z.string().nullish()})});

type ServicePrincipal = z.infer<typeof servicePrincipalSchema>;

// ---------------------------------------------------------------------------------------------
// Messages

const GUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

const SP_SELECT = 'id,appId,displayName,appRoles,oauth2PermissionScopes';
const APP_SELECT = 'id,appId,displayName,signInAudience,requiredResourceAccess,passwordCredentials,keyCredentials';
const MAX_BATCH = 20;

const PART_DESCRIPTION: Record<UnreadPart['part'], string> = {
  application: 'the app registration',
  servicePrincipal: "the app's service principal (enterprise application)",
  appRoleAssignments: 'the application permissions granted to the app (appRoleAssignments)',
  oauth2PermissionGrants: 'the delegated permissions granted to the app (oauth2PermissionGrants)',
  resource: 'an API the app is granted permissions on',
};

const STATUS_TEXT: Record<number, string> = {
  400: 'Bad Request',
  401: 'Unauthorized',
  403: 'Forbidden',
  404: 'Not Found',
  429: 'Too Many Requests',
  500: 'Internal Server Error',
  502: 'Bad Gateway',
  503: 'Service Unavailable',
  504: 'Gateway Timeout',
};

const statusText = (status: number) => `${status}${STATUS_TEXT[status] ? ` ${STATUS_TEXT[status]}` : ''}`;

const NEEDS_DIRECTORY_READ =
  'the signed-in account needs Directory.Read.All consented, or a role such as Global Reader';

function graphErrorMessage(body: unknown): string | null {
  const parsed = graphErrorSchema.safeParse(body);
  if (!parsed.success) return null;
  const {code, message} = parsed.data.error;
  return [code, message].filter(Boolean).join(': ') || null;
}

function unauthorizedError(): TenantReadError {
  return new TenantReadError(
    'unauthorized',
    'Microsoft Graph did not accept the sign-in (401 Unauthorized): the session may have expired. Sign in again; ' +
      'if it keeps happening, make sure you signed in to the same cloud and tenant as the app registration.',
    {status: 401},
  );
}

function cancelledError(): TenantReadError {
  return new TenantReadError('cancelled', 'The check was cancelled before it finished: nothing was judged. Run it again when you are ready.');
}

function firstIssue(error: z.ZodError): string {
  const issue = error.issues[0];
  if (!issue) return 'unexpected content';
  const path = issue.path.length ? issue.path.join('.') : 'the body';
  return `${path}: ${issue.message}`;
}

// ---------------------------------------------------------------------------------------------
// One read

interface SubResult {
  status: number;
  headers: Record<string, string>;
  body: unknown;
  /** Round trip (1-based, on the critical path) that produced it. */
  depth: number;
  /** Why it failed when it kept failing (throttled past the budget). */
  gaveUp?: string;
}

interface BatchItem {
  id: string;
  url: string;
}

class ReadSession {
  readonly budget: RetryBudget;
  readonly stats: TenantReadStats = {requests: 0, batches: 0, pages: 0, retries: 0, waitedSeconds: 0};
  private maxDepth = 0;
  private readonly sleep: (ms: number) => Promise<void>;

  constructor(
    private readonly transport: GraphTransport,
    private readonly graphHost: string,
    retry: ReadRetryOptions | undefined,
    private readonly onProgress?: (progress: ReadProgress) => void,
    private readonly signal?: AbortSignal,
    private readonly maxPages: number = DEFAULT_MAX_PAGES,
  ) {
    const {sleep, ...policy} = retry ?? {};
    this.budget = new RetryBudget(policy);
    const wait = sleep ?? ((ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms)));
    this.sleep = (ms) => abortableWait(wait, ms, signal).catch((error: unknown) => this.rethrow(error));
  }

  /** Throws 'cancelled' when the read was cancelled; otherwise nothing. */
  checkCancelled(): void {
    if (this.signal?.aborted) throw cancelledError();
  }

  private rethrow(error: unknown): never {
    this.checkCancelled();
    throw error;
  }

  get roundTrips(): number {
    return this.maxDepth;
  }

  reached(depth: number): void {
    this.maxDepth = Math.max(this.maxDepth, depth);
  }

  progress(step: ReadProgress['step'], message: string): void {
    this.onProgress?.({step, message, roundTrips: this.maxDepth, requests: this.stats.requests});
  }

  /** One HTTP request through the transport, which retries it within the budget. */
  private async send(
    url: string,
    parentDepth: number,
    body?: unknown,
  ): Promise<{response: Response; depth: number}> {
    let retries = 0;
    const onRetry = () => {
      retries += 1;
      this.stats.retries += 1;
      this.progress('retrying', 'Microsoft Graph asked to wait; retrying.');
    };
    this.checkCancelled();
    let response: Response;
    try {
      response = await this.transport.send(url, {body, budget: this.budget, onRetry, sleep: this.sleep, signal: this.signal});
    } catch (error) {
      this.stats.requests += retries + 1;
      this.checkCancelled();
      if (error instanceof TenantReadError) throw error;
      const reason = error instanceof Error && error.message ? error.message : String(error);
      throw new TenantReadError(
        'network',
        `Could not reach Microsoft Graph at https://${this.graphHost} (${reason}). Check the network connection, ` +
          'and that a firewall or browser extension does not block it.',
        {cause: error},
      );
    }
    this.stats.requests += retries + 1;
    // A transport may answer after the abort (a fetch function that ignores the signal).
    this.checkCancelled();
    this.stats.waitedSeconds = this.budget.totalWaitSeconds;
    const depth = parentDepth + 1 + retries;
    this.reached(depth);
    return {response, depth};
  }

  private async readJson(response: Response, what: string): Promise<unknown> {
    const text = await response.text();
    try {
      return text === '' ? null : JSON.parse(text);
    } catch {
      throw new TenantReadError(
        'malformed',
        `Microsoft Graph's answer to ${what} was not valid JSON (HTTP ${response.status}, ${text.length} characters). ` +
          'A proxy or network filter may have changed it; try again, or from another network.',
        {status: response.status},
      );
    }
  }

  /** Turns a failed whole $batch request into the error an admin can act on. */
  private async batchFailure(response: Response): Promise<TenantReadError> {
    const body = await response.text().then(
      (t) => {
        try {
          return JSON.parse(t) as unknown;
        } catch {
          return null;
        }
      },
      () => null,
    );
    const detail = graphErrorMessage(body);
    const said = detail ? ` Microsoft Graph said: ${detail}` : '';
    if (response.status === 401) return unauthorizedError();
    if (response.status === 403) {
      return new TenantReadError(
        'forbidden',
        `Microsoft Graph refused to read the app registration (403 Forbidden): the signed-in account needs ` +
          `Application.Read.All and Directory.Read.All consented, or a role such as Global Reader.${said}`,
        {status: 403},
      );
    }
    if (RETRYABLE_STATUSES.has(response.status)) {
      return new TenantReadError(
        'throttled',
        `Microsoft Graph is busy (${statusText(response.status)}) and kept asking to wait longer than this check ` +
          `waits. Try again in a few minutes.${said}`,
        {status: response.status},
      );
    }
    return new TenantReadError(
      'graph-error',
      `Microsoft Graph could not answer the read (${statusText(response.status)}).${said}`,
      {status: response.status},
    );
  }

  /**
   * Sends items as one $batch round trip (parallel batches of 20 if more), then re-batches the
   * sub-requests that answered 429/503/504, after the longest Retry-After among them, within
   * the budget. Returns every item's final result.
   */
  async batch(items: BatchItem[], startDepth: number, what: string): Promise<Map<string, SubResult>> {
    const results = new Map<string, SubResult>();
    let pending = items;
    let depth = startDepth;
    for (let attempt = 1; pending.length > 0; attempt++) {
      const chunks: BatchItem[][] = [];
      for (let i = 0; i < pending.length; i += MAX_BATCH) chunks.push(pending.slice(i, i + MAX_BATCH));
      const answers = await Promise.all(
        chunks.map(async (chunk) => {
          this.stats.batches += 1;
          const {response, depth: reached} = await this.send(
            '/$batch',
            depth,
            {requests: chunk.map((item) => ({id: item.id, method: 'GET', url: item.url}))},
          );
          if (!response.ok) throw await this.batchFailure(response);
          const json = await this.readJson(response, what);
          const parsed = batchResponseSchema.safeParse(json);
          if (!parsed.success) {
            throw new TenantReadError(
              'malformed',
              `Microsoft Graph's answer to ${what} was not a batch response (${firstIssue(parsed.error)}). ` +
                'A proxy or network filter may have changed it; try again, or from another network.',
              {status: response.status},
            );
          }
          return {chunk, reached, responses: parsed.data.responses};
        }),
      );
      depth = Math.max(...answers.map((a) => a.reached));
      for (const {chunk, responses} of answers) {
        const byId = new Map(responses.map((r) => [r.id, r]));
        for (const item of chunk) {
          const r = byId.get(item.id);
          const headers: Record<string, string> = {};
          for (const [name, value] of Object.entries(r?.headers ?? {})) headers[name.toLowerCase()] = value;
          results.set(
            item.id,
            r
              ? {status: r.status, headers, body: r.body, depth}
              : {status: 0, headers, body: null, depth, gaveUp: 'Microsoft Graph left it out of its batch answer'},
          );
        }
      }
      const failed = pending.filter((item) => RETRYABLE_STATUSES.has(results.get(item.id)!.status));
      if (failed.length === 0) break;
      const wait = Math.max(
        ...failed.map((item) => retryAfterSeconds(results.get(item.id)!.headers['retry-after'], attempt, this.budget.policy)),
      );
      if (!this.budget.take(attempt, wait)) {
        const tooMany = attempt > this.budget.policy.maxRetries;
        for (const item of failed) {
          const result = results.get(item.id)!;
          result.gaveUp = tooMany
            ? `Microsoft Graph still answered ${statusText(result.status)} after ${attempt} tries`
            : `Microsoft Graph answered ${statusText(result.status)} and asked to wait ${wait} seconds, longer than this check waits`;
        }
        break;
      }
      this.stats.retries += 1;
      this.stats.waitedSeconds = this.budget.totalWaitSeconds;
      this.progress('retrying', `Microsoft Graph asked to wait ${wait} s for ${failed.length} of the reads; retrying them.`);
      if (wait > 0) await this.sleep(wait * 1000);
      pending = failed;
    }
    return results;
  }

  /**
   * Follows `@odata.nextLink` from a first page, one page after another. Returns the items and,
   * when a page could not be read, why.
   */
  async collect<T>(
    first: SubResult,
    schema: z.ZodType<{value: T[]; '@odata.nextLink'?: string | null}>,
  ): Promise<{items: T[]; problem?: {reason: string; status?: number}}> {
    const parsed = schema.safeParse(first.body);
    if (!parsed.success) {
      return {items: [], problem: {reason: `its answer was not the list expected (${firstIssue(parsed.error)})`}};
    }
    const items = [...parsed.data.value];
    let next = parsed.data['@odata.nextLink'] ?? null;
    let depth = first.depth;
    let pages = 1;
    // Every page is read once: a link back to a page already read, or more pages than any app's
    // grants take, ends the read of the collection as an unread part (never a loop).
    const followed = new Set<string>();
    while (next) {
      if (followed.has(next)) {
        return {items, problem: {reason: `page ${pages + 1} links back to a page already read, so the list never ends; reading stopped after ${pages} page(s)`}};
      }
      if (pages >= this.maxPages) {
        return {items, problem: {reason: `it has more than ${this.maxPages} pages, more than this check reads; reading stopped after ${pages} page(s)`}};
      }
      followed.add(next);
      let host: string;
      try {
        const url = new URL(next);
        if (url.protocol !== 'https:') throw new Error('not https');
        host = url.host.toLowerCase();
      } catch {
        return {items, problem: {reason: `page ${pages + 1} has a link that is not an https URL; it was not followed`}};
      }
      if (host !== this.graphHost) {
        return {items, problem: {reason: `page ${pages + 1} points to ${host}, not ${this.graphHost}; it was not followed`}};
      }
      this.stats.pages += 1;
      this.progress('paging', `Reading page ${pages + 1}…`);
      const {response, depth: reached} = await this.send(next, depth);
      depth = reached;
      if (response.status === 401) throw unauthorizedError();
      if (!response.ok) {
        const detail = graphErrorMessage(await response.json().catch(() => null));
        return {
          items,
          problem: {
            reason: `page ${pages + 1} answered ${statusText(response.status)}${detail ? ` (${detail})` : ''}; only ${pages} page(s) were read`,
            status: response.status,
          },
        };
      }
      let body: unknown;
      try {
        body = JSON.parse(await response.text());
      } catch {
        return {items, problem: {reason: `page ${pages + 1} was not valid JSON; only ${pages} page(s) were read`}};
      }
      const page = schema.safeParse(body);
      if (!page.success) {
        return {items, problem: {reason: `page ${pages + 1} was not the list expected (${firstIssue(page.error)})`}};
      }
      items.push(...page.data.value);
      next = page.data['@odata.nextLink'] ?? null;
      pages += 1;
    }
    return {items};
  }
}

/** Why a sub-request's result is not usable, as a sentence fragment; null when it is. */
function failureReason(result: SubResult | undefined): {reason: string; status?: number} | null {
  if (!result) return {reason: 'it was not read'};
  if (result.gaveUp) return {reason: `${result.gaveUp}; try again in a few minutes`, status: result.status || undefined};
  if (result.status >= 200 && result.status < 300) return null;
  const detail = graphErrorMessage(result.body);
  return {reason: `Microsoft Graph answered ${statusText(result.status)}${detail ? ` (${detail})` : ''}`, status: result.status};
}

function unread(part: UnreadPart['part'], reason: string, status?: number): UnreadPart {
  const entry: UnreadPart = {part, reason: `Could not read ${PART_DESCRIPTION[part]}: ${reason}.`};
  if (status !== undefined) entry.status = status;
  return entry;
}

function toCredentials(app: z.infer<typeof applicationSchema>): ObservedCredential[] {
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

function toResourceNames(sp: ServicePrincipal): ResourceNames {
  const named = (list: ServicePrincipal['appRoles']) =>
    (list ?? []).filter((e) => e.value).map((e) => ({id: e.id.toLowerCase(), value: e.value as string}));
  return {
    resourceAppId: sp.appId.toLowerCase(),
    displayName: sp.displayName ?? sp.appId,
    appRoles: named(sp.appRoles),
    scopes: named(sp.oauth2PermissionScopes),
  };
}

/**
 * The transport for what the caller gave: a GraphTransport as is; a Graph `Client` (recognised
 * by its `api` method, without loading the library) wrapped by graphClientTransport, whose
 * module, with the library, loads only then.
 */
async function transportFor(client: Client | GraphTransport): Promise<GraphTransport> {
  if (typeof (client as Partial<Client>).api !== 'function') return client as GraphTransport;
  const {graphClientTransport} = await import('./graphClient');
  return graphClientTransport(client as Client);
}

/**
 * Reads the app registration `appId` and what the tenant granted it. Throws TenantReadError
 * when nothing useful can be said (app not found, sign-in rejected, Graph unreachable or
 * answering garbage); a part that could not be read is listed in `unread` instead, which makes
 * the verdict `incomplete`.
 */
export async function readTenantState(options: ReadTenantOptions): Promise<TenantReadResult> {
  const {client, cloud, profile, onProgress, retry, source = 'tenant'} = options;
  const appId = options.appId.trim().toLowerCase();
  if (!GUID.test(appId)) {
    throw new TenantReadError(
      'invalid-app-id',
      `"${options.appId}" is not an application (client) ID: expected a GUID such as 0d651e1f-b145-4b1c-8334-8eff5cdea961, ` +
        "shown on the app registration's Overview page.",
    );
  }
  const graphHost = cloudByName(cloud).graphHost.toLowerCase();
  const session = new ReadSession(await transportFor(client), graphHost, retry, onProgress, options.signal, options.maxPages);

  const profileResources = [...new Set(profile.resources.map((r) => r.resourceAppId.toLowerCase()))].filter((id) => GUID.test(id));
  const spPath = `/servicePrincipals(appId='${appId}')`;
  const items: BatchItem[] = [
    {id: 'application', url: `/applications(appId='${appId}')?$select=${APP_SELECT}`},
    {id: 'servicePrincipal', url: `${spPath}?$select=id,appId,displayName`},
    {id: 'appRoleAssignments', url: `${spPath}/appRoleAssignments?$top=999`},
    {id: 'oauth2PermissionGrants', url: `${spPath}/oauth2PermissionGrants`},
    ...profileResources.map((resourceAppId, i) => ({
      id: `resource-${i}`,
      url: `/servicePrincipals(appId='${resourceAppId}')?$select=${SP_SELECT}`,
    })),
  ];

  session.progress('reading', 'Reading the app registration and its grants…');
  const first = await session.batch(items, 0, 'the batch of reads');
  const unreadParts: UnreadPart[] = [];

  for (const result of first.values()) if (result.status === 401) throw unauthorizedError();

  // The application: without it there is nothing to check.
  const appResult = first.get('application')!;
  if (appResult.status === 404) {
    throw new TenantReadError(
      'app-not-found',
      `No app registration with application (client) ID ${appId} in this tenant. Check the ID, and that you signed in ` +
        'to the tenant where the app was created.',
      {status: 404},
    );
  }
  if (appResult.status === 403) {
    throw new TenantReadError(
      'forbidden',
      'Microsoft Graph refused to read the app registration (403 Forbidden): the signed-in account needs ' +
        'Application.Read.All consented, or a role such as Global Reader or Application Administrator.',
      {status: 403},
    );
  }
  const appFailure = failureReason(appResult);
  if (appFailure) {
    throw new TenantReadError(
      RETRYABLE_STATUSES.has(appResult.status) ? 'throttled' : 'graph-error',
      `Could not read the app registration: ${appFailure.reason}.`,
      {status: appFailure.status},
    );
  }
  const appParsed = applicationSchema.safeParse(appResult.body);
  if (!appParsed.success) {
    throw new TenantReadError(
      'malformed',
      `Microsoft Graph's answer for the app registration was not what it should be (${firstIssue(appParsed.error)}). ` +
        'A proxy or network filter may have changed it; try again, or from another network.',
    );
  }
  const app = appParsed.data;

  // The service principal: 404 means never consented in this tenant (not an error).
  const spResult = first.get('servicePrincipal')!;
  const spMissing = spResult.status === 404;
  let spExists = spResult.status >= 200 && spResult.status < 300;
  if (!spMissing && !spExists) {
    const f = failureReason(spResult)!;
    unreadParts.push(unread('servicePrincipal', f.reason, f.status));
  }

  // Resource service principals known so far, by object id. A naming lookup that fails is kept
  // (by 'app:{appId}' or 'object:{id}') and becomes an unread part unless a later lookup names
  // the same API: data is never dropped silently. A 404 by appId is an answer, not a failure:
  // the API has no service principal in this tenant, so nothing of it can be granted here.
  const resourcesByObjectId = new Map<string, ServicePrincipal>();
  const lookupFailures = new Map<string, {reason: string; status?: number}>();
  const addResource = (key: string, result: SubResult | undefined) => {
    const failure = failureReason(result);
    if (failure) {
      if (!(result?.status === 404 && key.startsWith('app:'))) lookupFailures.set(key, failure);
      return;
    }
    const sp = servicePrincipalSchema.safeParse(result!.body);
    if (sp.success) resourcesByObjectId.set(sp.data.id.toLowerCase(), sp.data);
    else lookupFailures.set(key, {reason: `its answer was not a service principal (${firstIssue(sp.error)})`, status: result!.status});
  };
  profileResources.forEach((appId, i) => addResource(`app:${appId}`, first.get(`resource-${i}`)));

  // Grants, each collection paged in parallel with the other.
  const readCollection = async <T>(
    part: 'appRoleAssignments' | 'oauth2PermissionGrants',
    schema: z.ZodType<{value: T[]; '@odata.nextLink'?: string | null}>,
  ): Promise<T[]> => {
    const result = first.get(part)!;
    if (spMissing) return [];
    if (result.status === 404 && !spExists) return [];
    if (result.status === 403) {
      unreadParts.push(
        unread(part, `Microsoft Graph answered 403 Forbidden; ${NEEDS_DIRECTORY_READ}`, 403),
      );
      return [];
    }
    const failure = failureReason(result);
    if (failure) {
      unreadParts.push(unread(part, failure.reason, failure.status));
      return [];
    }
    spExists = true;
    const {items: collected, problem} = await session.collect(result, schema);
    if (problem) unreadParts.push(unread(part, problem.reason, problem.status));
    return collected;
  };
  const [assignments, grants] = await Promise.all([
    readCollection('appRoleAssignments', appRoleAssignmentPage),
    readCollection('oauth2PermissionGrants', permissionGrantPage),
  ]);

  // Round trip 2: APIs the profile does not know.
  const configured = configuredPermissions(app.requiredResourceAccess ?? []);
  const knownAppIds = () => new Set([...resourcesByObjectId.values()].map((sp) => sp.appId.toLowerCase()));
  const unknownObjectIds = [
    ...new Set([...assignments.map((a) => a.resourceId.toLowerCase()), ...grants.map((g) => g.resourceId.toLowerCase())]),
  ].filter((id) => !resourcesByObjectId.has(id) && GUID.test(id));
  const unknownAppIds = [...new Set(configured.map((c) => c.resourceAppId))].filter(
    (id) => !knownAppIds().has(id) && !profileResources.includes(id) && GUID.test(id),
  );
  if (unknownObjectIds.length + unknownAppIds.length > 0) {
    session.progress('resolving', 'Naming the other APIs the app uses…');
    const second = await session.batch(
      [
        ...unknownObjectIds.map((id, i) => ({id: `object-${i}`, url: `/servicePrincipals/${id}?$select=${SP_SELECT}`})),
        ...unknownAppIds.map((id, i) => ({id: `api-${i}`, url: `/servicePrincipals(appId='${id}')?$select=${SP_SELECT}`})),
      ],
      session.roundTrips,
      'the names of the other APIs',
    );
    unknownObjectIds.forEach((id, i) => addResource(`object:${id}`, second.get(`object-${i}`)));
    unknownAppIds.forEach((id, i) => addResource(`app:${id}`, second.get(`api-${i}`)));
  }
  for (const [key, failure] of lookupFailures) {
    const [kind, id] = key.split(':') as ['app' | 'object', string];
    if (kind === 'object') continue; // reported below, with the grants it leaves unnamed
    if (knownAppIds().has(id)) continue;
    unreadParts.push(
      unread(
        'resource',
        `the lookup that names the permissions of the API with application id ${id} failed (${failure.reason}), so what the app holds on it cannot be named or shown to be read-only`,
        failure.status,
      ),
    );
  }

  // Map grants to the APIs' application ids.
  const unresolved = new Set<string>();
  const appIdOf = (objectId: string): string | null => {
    const sp = resourcesByObjectId.get(objectId.toLowerCase());
    if (sp) return sp.appId.toLowerCase();
    unresolved.add(objectId.toLowerCase());
    return null;
  };
  const grantedRoles: GrantedAppRole[] = [];
  const seenRoles = new Set<string>();
  for (const a of assignments) {
    const resourceAppId = appIdOf(a.resourceId);
    if (!resourceAppId) continue;
    const key = `${resourceAppId}|${a.appRoleId.toLowerCase()}`;
    if (seenRoles.has(key)) continue;
    seenRoles.add(key);
    grantedRoles.push({resourceAppId, id: a.appRoleId.toLowerCase()});
  }
  // One entry per API for admin consent, one per API and user for a user's own consent (every
  // grant counts: a user's consent to a write scope is held by the app as much as an admin's).
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
  for (const objectId of unresolved) {
    const failure = lookupFailures.get(`object:${objectId}`);
    unreadParts.push(
      unread(
        'resource',
        `the app holds permissions on the API with object id ${objectId}, which could not be looked up${failure ? ` (${failure.reason})` : ''}, so they cannot be named or compared`,
        failure?.status,
      ),
    );
  }

  const resourceNames: ResourceNames[] = [];
  const namedAppIds = new Set<string>();
  for (const sp of resourcesByObjectId.values()) {
    const names = toResourceNames(sp);
    if (namedAppIds.has(names.resourceAppId)) continue;
    namedAppIds.add(names.resourceAppId);
    resourceNames.push(names);
  }

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
    grants:
      spMissing || spExists
        ? {servicePrincipalExists: spExists, appRoles: grantedRoles, scopes: [...scopesByKey.values()]}
        : null,
    resourceNames,
    unread: unreadParts,
    roundTrips: session.roundTrips,
    stats: {...session.stats, waitedSeconds: session.budget.totalWaitSeconds},
  };
  session.progress('done', unreadParts.length ? 'Read, with parts missing.' : 'Read.');
  return state;
}

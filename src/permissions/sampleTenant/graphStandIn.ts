/**
 * A Microsoft Graph stand-in over the sample tenant: a plain `(Request) => Promise<Response>`
 * handler that answers exactly the calls the tenant reader makes, on the real Graph URLs.
 * Plugged in three ways: msw handlers in tests, the Graph client's last middleware in the
 * site's sample mode (via `fetch`), and Playwright routes in end-to-end tests.
 *
 * Implements: POST /v1.0/$batch (JSON batching, each sub-response with its own status, headers
 * and body), GET /applications(appId='…'), /applications/{id}, /servicePrincipals(appId='…'),
 * /servicePrincipals/{id} and their /appRoleAssignments and /oauth2PermissionGrants, with
 * $select, $top and server-driven paging (`@odata.nextLink`, absolute https on the same host).
 * CORS as Graph does it; Graph-shaped errors `{"error":{"code","message"}}`.
 *
 * Faults are switched with `setFaults`; see GraphFaults. No authentication is required, but
 * whether an Authorization header came is recorded (never its value).
 *
 * Browser-safe: only the global Request, Response, URL, setTimeout and btoa/atob.
 */
import {GUID_TEXT} from '../ids';
import {createSampleTenant, type SampleTenant} from './data';
import type {GraphAppRoleAssignment, GraphOAuth2PermissionGrant} from './graphShapes';

// ---------------------------------------------------------------------------------------------
// Faults

/** Answer matching requests with 429/503/504 and Retry-After, `times` times, then normally. */
export interface ThrottleFault {
  times: number;
  status?: 429 | 503 | 504;
  /** Default 1. */
  retryAfterSeconds?: number;
  /** Substring of the request's path and query (decoded); absent: every request. */
  match?: string;
  /** 'http': the whole HTTP request (e.g. the $batch POST); 'batch-item': one sub-request. Default 'http'. */
  level?: 'http' | 'batch-item';
}

export interface MalformedFault {
  /** Substring of the path and query (decoded) of the request or sub-request to break. */
  match: string;
  level?: 'http' | 'batch-item';
  /** How many times; default: every time. */
  times?: number;
}

/** A batch sub-request that always fails (never succeeds, however often it is retried). */
export interface FailingSubRequestFault {
  match: string;
  /** Default 503; 429/503/504 carry Retry-After, any other (403, 424, 500, …) a Graph error. */
  status?: number;
  /** Default 0. */
  retryAfterSeconds?: number;
}

export interface GraphFaults {
  /** Added to every HTTP request (not per batch sub-request, as on the real network). */
  latencyMs?: number;
  throttle?: ThrottleFault | ThrottleFault[];
  /** 403 on appRoleAssignments and oauth2PermissionGrants (an account without Directory.Read.All). */
  forbidGrants?: boolean;
  /** 403 on any request or sub-request whose path contains one of these. */
  forbid?: string[];
  /** 404 on any request or sub-request whose path contains one of these. */
  notFound?: string[];
  /** 401 on every request (an expired or wrong token). */
  unauthorized?: boolean;
  malformed?: MalformedFault;
  failingSubRequest?: FailingSubRequestFault;
  /** Page size of every collection, whatever $top asks for (server-driven paging). */
  pageSize?: number;
  /** Sub-requests whose path contains this are left out of the batch's answer. */
  omitSubRequest?: string;
  /** Sub-requests whose path contains this answer 200 with an HTML page (a proxy's, say) as body. */
  htmlSubResponse?: string;
  /** Every page of a collection links to itself as its next page (a server that loops). */
  selfNextLink?: boolean;
}

// ---------------------------------------------------------------------------------------------
// Counting

export interface StandInLogEntry {
  method: string;
  /** Path and query, decoded (e.g. /v1.0/servicePrincipals(appId='…')/appRoleAssignments). */
  url: string;
  host: string;
  /** A sub-request of a $batch (not an HTTP request of its own). */
  batchItem: boolean;
  status: number;
  /** Whether an Authorization header came (HTTP requests; a sub-request inherits its batch's). */
  authorization: boolean;
}

export interface StandInStats {
  /** HTTP requests answered, preflights excluded. */
  httpRequests: number;
  /** Of which $batch POSTs. */
  batchRequests: number;
  /** Sub-requests inside those batches. */
  subRequests: number;
  /** CORS preflights (OPTIONS). */
  preflights: number;
  withAuthorization: number;
  withoutAuthorization: number;
  /** Most HTTP requests in flight at once. */
  maxConcurrent: number;
  log: StandInLogEntry[];
}

export interface GraphStandInOptions {
  /** Reference time for credential dates; default now. */
  now?: Date | number;
  /** A tenant to serve instead of a fresh sample tenant (it is copied). */
  tenant?: SampleTenant;
  faults?: GraphFaults;
  /**
   * Tests only: accept the writes a fix makes (PATCH an application's requiredResourceAccess,
   * DELETE an app role assignment, PATCH or DELETE an oauth2PermissionGrant), so a test can run
   * a printed fix and check again. The site never sets it: its stand-in stays read-only.
   */
  acceptWrites?: boolean;
}

export interface GraphStandIn {
  handle(request: Request): Promise<Response>;
  /** Fetch-compatible: for createGraphClient's fetchFn. */
  fetch(input: RequestInfo | URL, init?: RequestInit): Promise<Response>;
  /** Replaces the faults in force (and their counters); `setFaults({})` clears them. */
  setFaults(faults: GraphFaults): void;
  stats(): StandInStats;
  resetStats(): void;
  /** The served data (a private copy: change it freely in a test). */
  readonly tenant: SampleTenant;
}

// ---------------------------------------------------------------------------------------------
// Responses

const HTTP_CONTENT_TYPE = 'application/json;odata.metadata=minimal;odata.streaming=true;IEEE754Compatible=false;charset=utf-8';

export const CORS_HEADERS: Readonly<Record<string, string>> = {
  'Access-Control-Allow-Origin': '*',
  'Access-Control-Allow-Methods': 'GET, POST, OPTIONS',
  'Access-Control-Allow-Headers':
    'Authorization, Content-Type, client-request-id, SdkVersion, Retry-Attempt, ConsistencyLevel, Prefer',
  'Access-Control-Expose-Headers': 'Retry-After, request-id, client-request-id',
  'Access-Control-Max-Age': '600',
};

interface Answer {
  status: number;
  headers: Record<string, string>;
  /** JSON value, or a string sent as is (a malformed body). */
  body: unknown;
}

const MAX_BATCH_REQUESTS = 20;
const GRAPH_DEFAULT_PAGE_SIZE = 100;
const GRAPH_MAX_PAGE_SIZE = 999;

function graphError(status: number, code: string, message: string, headers: Record<string, string> = {}): Answer {
  return {
    status,
    headers: {'Content-Type': 'application/json', ...headers},
    body: {error: {code, message, innerError: {date: new Date().toISOString().replace(/\.\d{3}Z$/, '')}}},
  };
}

const notFound = (what: string): Answer =>
  graphError(404, 'Request_ResourceNotFound', `Resource '${what}' does not exist or one of its queried reference-property objects are not present.`);

const forbidden = (): Answer => graphError(403, 'Authorization_RequestDenied', 'Insufficient privileges to complete the operation.');

const unauthorized = (): Answer =>
  graphError(401, 'InvalidAuthenticationToken', 'Access token is empty or has expired.');

function throttled(status: number, retryAfterSeconds: number): Answer {
  return status === 429
    ? graphError(429, 'TooManyRequests', 'Too many requests. Please retry later.', {'Retry-After': String(retryAfterSeconds)})
    : graphError(status, status === 503 ? 'ServiceUnavailable' : 'GatewayTimeout', 'The service is temporarily unavailable. Please retry later.', {
        'Retry-After': String(retryAfterSeconds),
      });
}

const ok = (body: unknown): Answer => ({status: 200, headers: {'Content-Type': 'application/json'}, body});

function toResponse(answer: Answer): Response {
  const headers = new Headers(CORS_HEADERS);
  for (const [name, value] of Object.entries(answer.headers)) {
    headers.set(name, name.toLowerCase() === 'content-type' ? HTTP_CONTENT_TYPE : value);
  }
  headers.set('request-id', randomId());
  const text = typeof answer.body === 'string' ? answer.body : JSON.stringify(answer.body);
  return new Response(answer.status === 204 ? null : text, {status: answer.status, headers});
}

function randomId(): string {
  const c = globalThis.crypto;
  if (c && typeof c.randomUUID === 'function') return c.randomUUID();
  return '00000000-0000-4000-8000-' + Math.floor(Math.random() * 1e12).toString(16).padStart(12, '0');
}

const sleep = (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms));

function base64url(text: string): string {
  return btoa(text).replace(/\+/g, '-').replace(/\//g, '_').replace(/=+$/, '');
}

function fromBase64url(text: string): string {
  const padded = text.replace(/-/g, '+').replace(/_/g, '/') + '==='.slice((text.length + 3) % 4);
  return atob(padded);
}

function pick(entity: object, select: string[] | null): Record<string, unknown> {
  const source = entity as Record<string, unknown>;
  if (!select) return {...source};
  const out: Record<string, unknown> = {id: source.id};
  for (const field of select) if (field in source) out[field] = source[field];
  return out;
}

function safeDecode(text: string): string {
  try {
    return decodeURIComponent(text);
  } catch {
    return text;
  }
}

// ---------------------------------------------------------------------------------------------
// The stand-in

const ENTITY_PATH = new RegExp(
  `^/?(applications|servicePrincipals)(?:\\(appId='([^']*)'\\)|/(${GUID_TEXT}))(?:/(appRoleAssignments|oauth2PermissionGrants))?/?$`,
  'i',
);
const APPLICATION_PATH = new RegExp(`^/applications(?:\\(appId='([^']*)'\\)|/(${GUID_TEXT}))$`, 'i');
const ASSIGNMENT_PATH = new RegExp(`^/servicePrincipals/(${GUID_TEXT})/appRoleAssignments/([^/]+)$`, 'i');

export function createGraphStandIn(options: GraphStandInOptions = {}): GraphStandIn {
  const tenant: SampleTenant = structuredClone(options.tenant ?? createSampleTenant(options.now));
  let faults: GraphFaults = {};
  let throttleLeft: number[] = [];
  let malformedLeft = Infinity;
  let stats: StandInStats = emptyStats();
  let inFlight = 0;

  function emptyStats(): StandInStats {
    return {
      httpRequests: 0,
      batchRequests: 0,
      subRequests: 0,
      preflights: 0,
      withAuthorization: 0,
      withoutAuthorization: 0,
      maxConcurrent: 0,
      log: [],
    };
  }

  function setFaults(next: GraphFaults): void {
    faults = {...next};
    throttleLeft = throttleList().map((t) => t.times);
    malformedLeft = next.malformed?.times ?? Infinity;
  }

  function throttleList(): ThrottleFault[] {
    const t = faults.throttle;
    return t ? (Array.isArray(t) ? t : [t]) : [];
  }

  /** A throttle fault that applies now (and is used up by this call). */
  function takeThrottle(level: 'http' | 'batch-item', target: string): Answer | null {
    const list = throttleList();
    for (let i = 0; i < list.length; i++) {
      const t = list[i];
      if ((t.level ?? 'http') !== level) continue;
      if (t.match !== undefined && !target.includes(t.match)) continue;
      if (throttleLeft[i] <= 0) continue;
      throttleLeft[i] -= 1;
      return throttled(t.status ?? 429, t.retryAfterSeconds ?? 1);
    }
    return null;
  }

  function takeMalformed(level: 'http' | 'batch-item', target: string): boolean {
    const m = faults.malformed;
    if (!m || (m.level ?? 'http') !== level || !target.includes(m.match) || malformedLeft <= 0) return false;
    malformedLeft -= 1;
    return true;
  }

  /** Answers one GET (an HTTP request or a batch sub-request), faults about the resource included. */
  function answerGet(target: string, origin: string): Answer {
    const [rawPath, query = ''] = splitOnce(target, '?');
    const path = rawPath.replace(/^\/v1\.0(?=\/)/i, '');
    if (faults.forbid?.some((m) => target.includes(m))) return forbidden();
    if (faults.notFound?.some((m) => target.includes(m))) return notFound(path);

    const match = ENTITY_PATH.exec(path);
    if (!match) {
      const segment = path.replace(/^\//, '').split(/[/(]/)[0] ?? path;
      return graphError(400, 'BadRequest', `Resource not found for the segment '${segment}'.`);
    }
    const [, collection, byAppId, byObjectId, navigation] = match;
    const params = new URLSearchParams(query);
    const select = params.get('$select')?.split(',').map((s) => s.trim()).filter(Boolean) ?? null;

    const isApplication = collection.toLowerCase() === 'applications';
    const list: Array<{id: string; appId: string}> = isApplication ? tenant.applications : tenant.servicePrincipals;
    const key = (byAppId ?? byObjectId).toLowerCase();
    const entity = list.find((e) => (byAppId !== undefined ? e.appId.toLowerCase() : e.id.toLowerCase()) === key);
    if (!entity) return notFound(byAppId ?? byObjectId);

    if (!navigation) {
      return ok({
        '@odata.context': `${origin}/v1.0/$metadata#${collection}/$entity`,
        ...pick(entity, select),
      });
    }
    if (isApplication) {
      return graphError(400, 'BadRequest', `Resource not found for the segment '${navigation}'.`);
    }
    if (faults.forbidGrants) return forbidden();

    const items: Array<GraphAppRoleAssignment | GraphOAuth2PermissionGrant> =
      navigation.toLowerCase() === 'approleassignments'
        ? tenant.appRoleAssignments.filter((a) => a.principalId === entity.id)
        : tenant.oauth2PermissionGrants.filter((g) => g.clientId === entity.id);
    const navName = navigation.toLowerCase() === 'approleassignments' ? 'appRoleAssignments' : 'oauth2PermissionGrants';

    const topText = params.get('$top');
    let top: number | null = null;
    if (topText !== null) {
      top = Number(topText);
      if (!Number.isInteger(top) || top < 1 || top > GRAPH_MAX_PAGE_SIZE) {
        return graphError(400, 'Request_UnsupportedQuery', `Invalid page size specified: '${topText}'. Must be between 1 and ${GRAPH_MAX_PAGE_SIZE} inclusive.`);
      }
    }
    const pageSize =
      faults.pageSize ?? top ?? tenant.defaultPageSizeByAppId[entity.appId] ?? GRAPH_DEFAULT_PAGE_SIZE;
    let offset = 0;
    const skiptoken = params.get('$skiptoken');
    if (skiptoken !== null) {
      const decoded = /^offset:(\d+)$/.exec(safeAtob(skiptoken));
      if (!decoded) return graphError(400, 'Request_BadRequest', 'The specified page token value has expired or is invalid.');
      offset = Number(decoded[1]);
    }
    const page = items.slice(offset, offset + pageSize).map((item) => pick(item, select));
    const body: Record<string, unknown> = {
      '@odata.context': `${origin}/v1.0/$metadata#${navName}`,
      value: page,
    };
    if (faults.selfNextLink) {
      body['@odata.nextLink'] = `${origin}/v1.0/servicePrincipals/${entity.id}/${navName}?$skiptoken=${base64url(`offset:${offset}`)}`;
    } else if (offset + pageSize < items.length) {
      const next = new URLSearchParams();
      if (select) next.set('$select', select.join(','));
      if (top !== null) next.set('$top', String(top));
      next.set('$skiptoken', base64url(`offset:${offset + pageSize}`));
      // Graph's nextLinks name the object by id, on the host that was called.
      body['@odata.nextLink'] =
        `${origin}/v1.0/servicePrincipals/${entity.id}/${navName}?` + next.toString().replace(/%24/g, '$').replace(/%2C/gi, ',');
    }
    return ok(body);
  }

  /** The writes a fix makes (tests only, see acceptWrites). */
  function answerWrite(method: string, target: string, bodyText: string): Answer {
    const path = splitOnce(target, '?')[0].replace(/^\/v1\.0(?=\/)/i, '');
    let body: Record<string, unknown>;
    try {
      body = bodyText ? (JSON.parse(bodyText) as Record<string, unknown>) : {};
    } catch {
      return graphError(400, 'BadRequest', 'Unable to read JSON request payload.');
    }
    const done: Answer = {status: 204, headers: {}, body: ''};
    const app = APPLICATION_PATH.exec(path);
    if (app && method === 'PATCH') {
      const entity = tenant.applications.find((a) => (app[1] ? a.appId === app[1].toLowerCase() : a.id === app[2]!.toLowerCase()));
      if (!entity) return notFound(app[1] ?? app[2]!);
      if (Array.isArray(body.requiredResourceAccess)) entity.requiredResourceAccess = body.requiredResourceAccess as typeof entity.requiredResourceAccess;
      return done;
    }
    const assignment = ASSIGNMENT_PATH.exec(path);
    if (assignment && method === 'DELETE') {
      const index = tenant.appRoleAssignments.findIndex((a) => a.principalId === assignment[1]!.toLowerCase() && a.id === assignment[2]);
      if (index < 0) return notFound(assignment[2]!);
      tenant.appRoleAssignments.splice(index, 1);
      return done;
    }
    const grant = /^\/oauth2PermissionGrants\/([^/]+)$/i.exec(path);
    if (grant && (method === 'PATCH' || method === 'DELETE')) {
      const index = tenant.oauth2PermissionGrants.findIndex((g) => g.id === grant[1]);
      if (index < 0) return notFound(grant[1]!);
      if (method === 'DELETE') tenant.oauth2PermissionGrants.splice(index, 1);
      else if (typeof body.scope === 'string') tenant.oauth2PermissionGrants[index]!.scope = body.scope;
      return done;
    }
    return graphError(405, 'Request_BadRequest', `The stand-in does not accept ${method} ${path}.`);
  }

  function safeAtob(text: string): string {
    try {
      return fromBase64url(text);
    } catch {
      return '';
    }
  }

  function record(entry: StandInLogEntry): void {
    stats.log.push(entry);
  }

  async function answerBatch(request: Request, origin: string, authorization: boolean): Promise<Answer> {
    let payload: unknown;
    try {
      payload = JSON.parse(await request.text());
    } catch {
      return graphError(400, 'BadRequest', 'Unable to read JSON request payload. Please ensure Content-Type header is set and payload is of valid JSON format.');
    }
    const requests = (payload as {requests?: unknown})?.requests;
    if (!Array.isArray(requests) || requests.length === 0) {
      return graphError(400, 'BadRequest', 'Invalid batch payload format.');
    }
    if (requests.length > MAX_BATCH_REQUESTS) {
      return graphError(400, 'BadRequest', `Invalid batch payload: the number of requests exceeds the limit of ${MAX_BATCH_REQUESTS}.`);
    }
    const ids = new Set<string>();
    const responses: Array<{id: string; status: number; headers: Record<string, string>; body: unknown}> = [];
    for (const item of requests as Array<Record<string, unknown>>) {
      const id = typeof item?.id === 'string' ? item.id : '';
      const method = typeof item?.method === 'string' ? item.method.toUpperCase() : '';
      const url = typeof item?.url === 'string' ? item.url : '';
      if (!id || !method || !url || ids.has(id)) {
        return graphError(400, 'BadRequest', 'Invalid batch payload: every request needs a unique id, a method and a url.');
      }
      ids.add(id);
      stats.subRequests += 1;
      const target = safeDecode(url.startsWith('/') ? url : `/${url}`);
      let answer: Answer;
      const failing = faults.failingSubRequest;
      if (/^https?:/i.test(url)) {
        answer = graphError(400, 'BadRequest', 'Invalid request URI: a batch request needs a relative URL.');
      } else if (method !== 'GET') {
        answer = graphError(405, 'Request_BadRequest', 'The sample tenant is read only.');
      } else if (faults.unauthorized) {
        answer = unauthorized();
      } else if (faults.omitSubRequest && target.includes(faults.omitSubRequest)) {
        record({method, url: target, host: new URL(origin).host, batchItem: true, status: 0, authorization});
        continue;
      } else if (failing && target.includes(failing.match)) {
        const status = failing.status ?? 503;
        answer = [429, 503, 504].includes(status)
          ? throttled(status, failing.retryAfterSeconds ?? 0)
          : graphError(status, status === 424 ? 'FailedDependency' : 'Error', `The sub-request failed (${status}).`);
      } else if (faults.htmlSubResponse && target.includes(faults.htmlSubResponse)) {
        answer = {status: 200, headers: {'Content-Type': 'text/html'}, body: '<html><body><h1>Access denied by proxy</h1></body></html>'};
      } else {
        answer = takeThrottle('batch-item', target) ?? answerGet(target, origin);
        if (answer.status === 200 && takeMalformed('batch-item', target)) {
          // The sub-response's body is not the JSON object it should be.
          answer = {...answer, body: JSON.stringify(answer.body).slice(0, 40)};
        }
      }
      record({method, url: target, host: new URL(origin).host, batchItem: true, status: answer.status, authorization});
      responses.push({id, status: answer.status, headers: answer.headers, body: answer.body});
    }
    return ok({responses});
  }

  async function handle(request: Request): Promise<Response> {
    const url = new URL(request.url);
    if (request.method === 'OPTIONS') {
      stats.preflights += 1;
      return new Response(null, {status: 204, headers: CORS_HEADERS});
    }
    const authorization = request.headers.has('Authorization');
    stats.httpRequests += 1;
    if (authorization) stats.withAuthorization += 1;
    else stats.withoutAuthorization += 1;
    inFlight += 1;
    stats.maxConcurrent = Math.max(stats.maxConcurrent, inFlight);
    try {
      if (faults.latencyMs) await sleep(faults.latencyMs);
      const origin = `https://${url.host}`;
      const target = safeDecode(url.pathname) + safeDecode(url.search);
      const isBatch = /^\/v1\.0\/\$batch\/?$/i.test(safeDecode(url.pathname));
      let answer: Answer;
      if (url.protocol !== 'https:') {
        answer = graphError(400, 'BadRequest', 'Microsoft Graph is only served over https.');
      } else if (faults.unauthorized) {
        answer = unauthorized();
      } else {
        const throttle = takeThrottle('http', target);
        if (throttle) answer = throttle;
        else if (isBatch && request.method === 'POST') {
          stats.batchRequests += 1;
          answer = await answerBatch(request, origin, authorization);
        } else if (request.method === 'GET') answer = answerGet(target, origin);
        else if (options.acceptWrites) answer = answerWrite(request.method, target, await request.text());
        else answer = graphError(405, 'Request_BadRequest', 'The sample tenant is read only.');
      }
      record({method: request.method, url: target, host: url.host, batchItem: false, status: answer.status, authorization});
      if (answer.status === 200 && takeMalformed('http', target)) {
        return toResponse({...answer, body: JSON.stringify(answer.body).slice(0, 60)});
      }
      return toResponse(answer);
    } finally {
      inFlight -= 1;
    }
  }

  if (options.faults) setFaults(options.faults);

  return {
    handle,
    fetch: (input, init) => handle(input instanceof Request && init === undefined ? input : new Request(input, init)),
    setFaults,
    stats: () => ({...stats, log: [...stats.log]}),
    resetStats: () => {
      stats = emptyStats();
    },
    tenant,
  };
}

function splitOnce(text: string, separator: string): [string, string?] {
  const at = text.indexOf(separator);
  return at === -1 ? [text] : [text.slice(0, at), text.slice(at + 1)];
}

/**
 * Routes https://graph.microsoft.com/** (in every page of a context, popups included) to a
 * WHATWG `(Request) => Promise<Response>` handler: the project's Graph stand-in over the
 * sample tenant. Records what the page sent, so tests can see the token went only here.
 */
import type {BrowserContext, Route} from 'playwright-core';
import {CORS_HEADERS} from '../../../src/permissions/sampleTenant/graphStandIn';

export const DEFAULT_GRAPH_HOST = 'graph.microsoft.com';

export interface GraphHandler {
  handle(request: Request): Promise<Response>;
}

export interface GraphRequestRecord {
  method: string;
  url: string;
  /** The bearer token the request carried, if any. */
  bearer: string | null;
  status: number;
}

export interface GraphRoute {
  requests: GraphRequestRecord[];
}

/**
 * Graph as it answers a token it no longer takes (expired, revoked): 401 to any request that
 * carries one of `refused` (the test adds the identity stand-in's tokens to it), everything else
 * to `handler`. The Graph stand-in's own `unauthorized` fault refuses every token; this one
 * refuses only those, so a fresh sign-in's new token is accepted again.
 */
export function refusingTokens(handler: GraphHandler, refused: ReadonlySet<string>): GraphHandler {
  return {
    async handle(request) {
      const bearer = request.headers.get('authorization')?.match(/^Bearer\s+(.+)$/i)?.[1];
      if (!bearer || !refused.has(bearer)) return handler.handle(request);
      const body = {error: {code: 'InvalidAuthenticationToken', message: 'Lifetime validation failed, the token is expired.'}};
      return new Response(JSON.stringify(body), {status: 401, headers: {...CORS_HEADERS, 'Content-Type': 'application/json'}});
    },
  };
}

async function toWhatwgRequest(route: Route): Promise<{request: Request; bearer: string | null}> {
  const playwrightRequest = route.request();
  const headers = new Headers();
  for (const [name, value] of Object.entries(await playwrightRequest.allHeaders())) {
    if (name.startsWith(':')) continue; // HTTP/2 pseudo-headers
    try {
      headers.set(name, value);
    } catch {
      // a header Node's Headers refuses; the stand-in does not need it
    }
  }
  const method = playwrightRequest.method();
  const posted = method === 'GET' || method === 'HEAD' ? null : playwrightRequest.postDataBuffer();
  const body = posted ? new Uint8Array(posted) : undefined;
  const authorization = headers.get('authorization');
  const bearer = authorization?.match(/^Bearer\s+(.+)$/i)?.[1] ?? null;
  return {request: new Request(playwrightRequest.url(), {method, headers, body}), bearer};
}

export async function installGraphRoute(
  context: BrowserContext,
  handler: GraphHandler,
  {host = DEFAULT_GRAPH_HOST}: {host?: string} = {},
): Promise<GraphRoute> {
  const graphRoute: GraphRoute = {requests: []};
  await context.route(`https://${host}/**`, async (route) => {
    const {request, bearer} = await toWhatwgRequest(route);
    let response: Response;
    try {
      response = await handler.handle(request);
    } catch (error) {
      response = new Response(`The Graph stand-in threw: ${String(error)}`, {status: 500});
    }
    graphRoute.requests.push({method: request.method, url: request.url, bearer, status: response.status});
    const headers: Record<string, string> = {};
    response.headers.forEach((value, name) => {
      headers[name] = value;
    });
    // The page may have given up on the request meanwhile (a cancelled check): nothing to answer.
    await route.fulfill({status: response.status, headers, body: Buffer.from(await response.arrayBuffer())}).catch(() => undefined);
  });
  return graphRoute;
}

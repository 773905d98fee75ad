/**
 * Mock Service Worker (msw 2) handlers that answer Microsoft Graph, in every national cloud,
 * from the sample tenant's Graph stand-in. The app keeps its real https Graph URLs; msw
 * intercepts global fetch (Node in unit tests, jsdom in component tests).
 *
 *   const standIn = createGraphStandIn();
 *   const server = setupServer(...graphHandlers(standIn));
 *   server.listen({onUnhandledRequest: 'error'});
 *
 * or, with one server for a file and a fresh stand-in per test:
 *   const server = setupServer(); server.listen(...);
 *   server.use(...graphHandlers(createGraphStandIn()));
 */
import {http, type HttpHandler} from 'msw';
import {CLOUDS} from '../../src/permissions/clouds';
import type {GraphStandIn} from '../../src/permissions/sampleTenant/graphStandIn';

/** The Graph host of every national cloud. */
export const GRAPH_HOSTS: readonly string[] = [...new Set(Object.values(CLOUDS).map((c) => c.graphHost))];

/** msw handlers that hand every request to Graph (any method, CORS preflight included) to the stand-in. */
export function graphHandlers(standIn: Pick<GraphStandIn, 'handle'>, hosts: readonly string[] = GRAPH_HOSTS): HttpHandler[] {
  return hosts.map((host) => http.all(`https://${host}/*`, ({request}) => standIn.handle(request)));
}

/**
 * A read rejects only with TenantReadError, and keeps what went wrong: a TenantReadError from the
 * transport passes through as it is, anything else thrown is kept as the cause, and a 401 from
 * Graph, wherever it comes (a whole request, a sub-request of either round trip, a page), ends
 * the read as 'unauthorized'. Also: whether the app's service principal exists is decided once,
 * not by whichever list of grants happens to be read first.
 */
import {describe, expect, it} from 'vitest';
import {compareToProfile} from '../../../src/permissions/compare';
import {fetchTransport} from '../../../src/permissions/fetchTransport';
import type {FetchFunction, GraphTransport} from '../../../src/permissions/graphTransport';
import {sampleApp} from '../../../src/permissions/sampleTenant/apps';
import {createGraphStandIn, type GraphStandIn} from '../../../src/permissions/sampleTenant/graphStandIn';
import {TenantReadError} from '../../../src/permissions/tenantReadError';
import {readTenantState, type ReadTenantOptions} from '../../../src/permissions/tenantReader';
import {profile20, readError, recordingSleep} from './helpers';

const profile = profile20();
const compliant = sampleApp('compliant').appId;

function read(client: GraphTransport, extra: Partial<ReadTenantOptions> = {}) {
  return readTenantState({transport: client, cloud: 'global', appId: compliant, profile, retry: {sleep: recordingSleep().sleep}, ...extra});
}

/** The stand-in's fetch, but a $batch whose body contains `marker` gets `status` for each of its sub-requests. */
function batchAnswering(graph: GraphStandIn, marker: string, status: number): FetchFunction {
  return async (input, init) => {
    const request = new Request(input, init);
    const body = request.method === 'POST' ? await request.clone().text() : '';
    if (!body.includes(marker)) return graph.fetch(request);
    const {requests} = JSON.parse(body) as {requests: Array<{id: string}>};
    const responses = requests.map(({id}) => ({id, status, body: {error: {code: 'InvalidAuthenticationToken', message: 'Access token has expired.'}}}));
    return Response.json({responses});
  };
}

describe('errors keep their identity', () => {
  it('passes a TenantReadError from the transport through untouched', async () => {
    const thrown = new TenantReadError('sign-in', 'from the transport');
    const error = await readError(read({send: () => Promise.reject(thrown)}));
    expect(error).toBe(thrown);
  });

  it('reports a failing token function of fetchTransport as sign-in, with what it threw, and sends nothing', async () => {
    const graph = createGraphStandIn();
    const thrown = new Error('interaction_required');
    const error = await readError(read(fetchTransport({cloud: 'global', fetchFn: graph.fetch, getToken: () => Promise.reject(thrown)})));
    expect(error).toMatchObject({code: 'sign-in', cause: thrown});
    expect(graph.stats().httpRequests).toBe(0);
  });

  it('keeps what a failing transport threw as the cause of a network error', async () => {
    const thrown = new TypeError('fetch failed');
    const error = await readError(read({send: () => Promise.reject(thrown)}));
    expect(error).toMatchObject({code: 'network', cause: thrown});
  });

  it('reads an answer that breaks off as a network error, with its cause', async () => {
    const broken = new Error('connection reset');
    const transport: GraphTransport = {
      send: async () => new Response(new ReadableStream({start: (controller) => controller.error(broken)}), {status: 200}),
    };
    const error = await readError(read(transport));
    expect(error.code).toBe('network');
    expect(error.cause).toBe(broken);
  });

  it('turns anything else thrown during the read into unexpected, with what was thrown', async () => {
    const graph = createGraphStandIn();
    const thrown = new RangeError('progress bar broke');
    const error = await readError(
      read(fetchTransport({cloud: 'global', fetchFn: graph.fetch}), {
        onProgress: () => {
          throw thrown;
        },
      }),
    );
    expect(error).toMatchObject({code: 'unexpected', cause: thrown});
    expect(error.message).toContain('progress bar broke');
  });

  it('says cancelled, with the abort as the cause, when the read is cancelled while a request is under way', async () => {
    const controller = new AbortController();
    const transport: GraphTransport = {
      send: (_url, {signal}) =>
        new Promise((_resolve, reject) => {
          signal?.addEventListener('abort', () => reject(signal.reason));
          controller.abort();
        }),
    };
    const error = await readError(read(transport, {signal: controller.signal}));
    expect(error.code).toBe('cancelled');
    expect(error.cause).toBe(controller.signal.reason);
  });
});

describe('a 401 anywhere ends the read as unauthorized', () => {
  const unauthorized = async (fetchFn: FetchFunction, appId = compliant) => {
    const error = await readError(read(fetchTransport({cloud: 'global', fetchFn}), {appId}));
    expect(error).toMatchObject({code: 'unauthorized', status: 401});
    expect(error.message).toMatch(/Sign in again/);
  };

  it('on a sub-request of the first round trip', async () => {
    await unauthorized(batchAnswering(createGraphStandIn(), '"application"', 401));
  });

  it('on a sub-request of the second round trip (naming an API the profile does not know)', async () => {
    const graph = createGraphStandIn();
    await unauthorized(batchAnswering(graph, '"object-0"', 401), sampleApp('azure-ad-graph').appId);
    expect(graph.stats().batchRequests).toBe(1);
  });

  it('on a sub-request re-batched after a 503', async () => {
    const graph = createGraphStandIn({faults: {throttle: {times: 1, status: 503, retryAfterSeconds: 0, match: '/appRoleAssignments', level: 'batch-item'}}});
    let batches = 0;
    const fetchFn: FetchFunction = async (input, init) => {
      const request = new Request(input, init);
      if (request.method === 'POST' && ++batches === 2) return batchAnswering(graph, '', 401)(request);
      return graph.fetch(request);
    };
    await unauthorized(fetchFn);
  });

  it('on a next page', async () => {
    const graph = createGraphStandIn({faults: {pageSize: 3}});
    const fetchFn: FetchFunction = async (input, init) => {
      const request = new Request(input, init);
      return request.url.includes('$skiptoken=') ? Response.json({error: {code: 'InvalidAuthenticationToken'}}, {status: 401}) : graph.fetch(request);
    };
    await unauthorized(fetchFn, sampleApp('many-pages').appId);
  });
});

describe("whether the app's service principal exists is decided once", () => {
  // The service principal itself cannot be read (403); one list of its grants answers, which
  // shows it exists, and the other answers 404: that 404 is a failure to read, in either order.
  it.each([
    ['appRoleAssignments', '/appRoleAssignments', 'oauth2PermissionGrants'],
    ['oauth2PermissionGrants', '/oauth2PermissionGrants', 'appRoleAssignments'],
  ] as const)('a 404 on %s while the other list answered is unread, never "nothing granted"', async (part, path, other) => {
    const graph = createGraphStandIn({faults: {forbid: [`servicePrincipals(appId='${compliant}')?`], notFound: [path]}});
    const state = await read(fetchTransport({cloud: 'global', fetchFn: graph.fetch}));
    expect(state.unread.map((u) => [u.part, u.status])).toEqual([
      ['servicePrincipal', 403],
      [part, 404],
    ]);
    expect(state.grants?.servicePrincipalExists).toBe(true);
    expect(state.unread.map((u) => u.part)).not.toContain(other);
    expect(compareToProfile(profile, state, {cloud: 'global'}).verdict).toBe('incomplete');
  });
});

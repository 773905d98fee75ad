/**
 * The sample tenant's transport (fetchTransport: a fetch function, no Graph client library)
 * against the live one (the Graph client with its middleware): the same reader code must read
 * the same state, at the same cost, through either. And fetchTransport's own retries: within
 * the read's budget, honouring Retry-After. No msw: both talk to the stand-in's fetch directly.
 */
import path from 'node:path';
import {fileURLToPath} from 'node:url';
import {describe, expect, it} from 'vitest';
import {fetchTransport} from '../../../src/permissions/fetchTransport';
import {RetryBudget} from '../../../src/permissions/retryPolicy';
import {SAMPLE_APPS, sampleApp} from '../../../src/permissions/sampleTenant/apps';
import {createGraphStandIn, type GraphFaults, type GraphStandIn} from '../../../src/permissions/sampleTenant/graphStandIn';
import {TenantReadError} from '../../../src/permissions/tenantReadError';
import {readTenantState, type ReadTenantOptions} from '../../../src/permissions/tenantReader';
import type {CloudName} from '../../../src/permissions/types';
import {staticImports} from '../../support/staticImports';
import {profile20, recordingSleep, testTransport, TEST_TOKEN} from './helpers';

const profile = profile20();
const NOW = Date.UTC(2030, 0, 15);

function standIn(faults: GraphFaults = {}): GraphStandIn {
  return createGraphStandIn({now: NOW, faults});
}

type Via = 'fetchTransport' | 'graph client';

function readVia(via: Via, graph: GraphStandIn, appId: string, extra: Partial<ReadTenantOptions> & {cloud?: CloudName} = {}) {
  const cloud = extra.cloud ?? 'global';
  const client =
    via === 'fetchTransport' ? fetchTransport({cloud, fetchFn: graph.fetch}) : testTransport({cloud, fetchFn: graph.fetch});
  return readTenantState({transport: client, cloud, appId, profile, source: 'sample', ...extra});
}

/** What the stand-in saw, without what differs by design (the Graph client's extra headers). */
const seen = (graph: GraphStandIn) => graph.stats().log.map(({method, url, host, batchItem, status}) => ({method, url, host, batchItem, status}));

describe('fetchTransport reads what the Graph client reads', () => {
  it.each(SAMPLE_APPS.map((app) => [app.scenario, app.appId] as const))('%s: equal state, round trips and requests', async (_scenario, appId) => {
    const viaFetch = standIn();
    const viaClient = standIn();
    const [a, b] = await Promise.all([readVia('fetchTransport', viaFetch, appId), readVia('graph client', viaClient, appId)]);
    expect(a).toEqual(b);
    expect(a.unread).toEqual([]);
    expect(a.roundTrips).toBeGreaterThanOrEqual(1);
    expect(seen(viaFetch)).toEqual(seen(viaClient));
  });

  it('follows the same @odata.nextLinks, page after page', async () => {
    const appId = sampleApp('many-pages').appId;
    const viaFetch = standIn({pageSize: 3});
    const viaClient = standIn({pageSize: 3});
    const a = await readVia('fetchTransport', viaFetch, appId);
    const b = await readVia('graph client', viaClient, appId);
    expect(a).toEqual(b);
    expect(a.stats.pages).toBeGreaterThanOrEqual(3);
    expect(a.grants?.appRoles).toHaveLength(11);
    expect(seen(viaFetch)).toEqual(seen(viaClient));
  });

  it('recovers from the same throttled $batch the same way (whole request retried once)', async () => {
    const throttle: GraphFaults = {throttle: {times: 1, status: 429, retryAfterSeconds: 0, match: '$batch', level: 'http'}};
    const appId = sampleApp('compliant').appId;
    const viaFetch = standIn(throttle);
    const viaClient = standIn(throttle);
    const a = await readVia('fetchTransport', viaFetch, appId);
    const b = await readVia('graph client', viaClient, appId);
    expect(a).toEqual(b);
    expect(a).toMatchObject({roundTrips: 2, stats: {retries: 1, requests: 2}, unread: []});
    expect(seen(viaFetch).filter((e) => !e.batchItem).map((e) => e.status)).toEqual([429, 200]);
  });

  it('reads from the national cloud’s Graph host', async () => {
    const graph = standIn();
    const result = await readVia('fetchTransport', graph, sampleApp('compliant').appId, {cloud: 'china'});
    expect(result.grants?.appRoles).toHaveLength(7);
    expect(new Set(graph.stats().log.map((e) => e.host))).toEqual(new Set(['microsoftgraph.chinacloudapi.cn']));
  });
});

describe('fetchTransport requests', () => {
  it('POSTs the $batch as JSON to https://{graphHost}/v1.0/$batch, without Authorization when it has no token function', async () => {
    const graph = standIn();
    const sent: Request[] = [];
    const transport = fetchTransport({
      cloud: 'global',
      fetchFn: async (input, init) => {
        const request = new Request(input, init);
        sent.push(request.clone());
        return graph.handle(request);
      },
    });
    await readTenantState({transport: transport, cloud: 'global', appId: sampleApp('compliant').appId, profile});
    expect(sent.map((r) => [r.method, r.url, r.headers.get('Content-Type'), r.headers.has('Authorization')])).toEqual([
      ['POST', 'https://graph.microsoft.com/v1.0/$batch', 'application/json', false],
    ]);
    const body = (await sent[0]!.json()) as {requests: Array<{method: string; url: string}>};
    expect(body.requests.map((r) => r.method)).toEqual(['GET', 'GET', 'GET', 'GET', 'GET']);
    expect(graph.stats().withoutAuthorization).toBe(1);
  });

  it('sends the token on every request when given a token function, and only to the Graph host', async () => {
    const graph = standIn({pageSize: 3});
    let tokens = 0;
    const transport = fetchTransport({
      cloud: 'global',
      fetchFn: graph.fetch,
      getToken: async () => {
        tokens += 1;
        return TEST_TOKEN;
      },
    });
    await readTenantState({transport: transport, cloud: 'global', appId: sampleApp('many-pages').appId, profile});
    const stats = graph.stats();
    expect(stats.httpRequests).toBeGreaterThan(1);
    expect(stats.withAuthorization).toBe(stats.httpRequests);
    expect(tokens).toBe(stats.httpRequests);

    const elsewhere: Request[] = [];
    const other = fetchTransport({
      cloud: 'global',
      fetchFn: async (input, init) => {
        elsewhere.push(new Request(input, init));
        return new Response('{}');
      },
      getToken: async () => TEST_TOKEN,
    });
    await other.send('https://graph.example.net/v1.0/users', {budget: new RetryBudget(), onRetry: () => {}});
    expect(elsewhere.map((r) => [r.url, r.headers.has('Authorization')])).toEqual([['https://graph.example.net/v1.0/users', false]]);
  });

  it('refuses a link that is not https (the reader turns it into a network error)', async () => {
    let calls = 0;
    const transport = fetchTransport({cloud: 'global', fetchFn: async () => (calls++, new Response('{}'))});
    await expect(transport.send('http://graph.microsoft.com/v1.0/$batch', {budget: new RetryBudget(), onRetry: () => {}})).rejects.toThrow(/https/);
    expect(calls).toBe(0);
  });
});

describe('fetchTransport retries within the read’s budget', () => {
  const compliant = sampleApp('compliant').appId;

  it('waits the Retry-After Graph asks for, then reads everything', async () => {
    const graph = standIn({throttle: {times: 2, status: 503, retryAfterSeconds: 3, match: '$batch', level: 'http'}});
    const {waits, sleep} = recordingSleep();
    const progress: string[] = [];
    const result = await readVia('fetchTransport', graph, compliant, {retry: {sleep}, onProgress: (p) => progress.push(p.step)});
    expect(waits).toEqual([3000, 3000]);
    expect(result).toMatchObject({unread: [], roundTrips: 3, stats: {retries: 2, requests: 3, waitedSeconds: 6}});
    expect(result.grants?.appRoles).toHaveLength(7);
    expect(progress.filter((step) => step === 'retrying')).toHaveLength(2);
  });

  it('reads an HTTP-date Retry-After as the seconds until then', async () => {
    let calls = 0;
    const graph = standIn();
    const fetchFn = async (input: RequestInfo | URL, init?: RequestInit) => {
      if (calls++ === 0) return new Response('', {status: 429, headers: {'Retry-After': new Date(Date.now() + 5_000).toUTCString()}});
      return graph.fetch(input, init);
    };
    const {waits, sleep} = recordingSleep();
    const result = await readTenantState({transport: fetchTransport({cloud: 'global', fetchFn}), cloud: 'global', appId: compliant, profile, retry: {sleep}});
    expect(waits).toHaveLength(1);
    expect(waits[0]).toBeGreaterThanOrEqual(4000);
    expect(waits[0]).toBeLessThanOrEqual(5000);
    expect(result.unread).toEqual([]);
  });

  it('does not wait longer than the policy allows: a Retry-After past maxWaitSeconds gives up at once', async () => {
    const graph = standIn({throttle: {times: 1, status: 429, retryAfterSeconds: 120, match: '$batch', level: 'http'}});
    const {waits, sleep} = recordingSleep();
    const error = await readVia('fetchTransport', graph, compliant, {retry: {sleep}}).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(TenantReadError);
    expect((error as TenantReadError).code).toBe('throttled');
    expect(waits).toEqual([]);
    expect(graph.stats().httpRequests).toBe(1);
  });

  it('stops at the total wait of the read, and at maxRetries', async () => {
    const byTotal = standIn({throttle: {times: 10, status: 504, retryAfterSeconds: 4, match: '$batch', level: 'http'}});
    const total = recordingSleep();
    const first = await readVia('fetchTransport', byTotal, compliant, {retry: {sleep: total.sleep, maxRetries: 10, maxTotalWaitSeconds: 10}}).catch((e: unknown) => e);
    expect((first as TenantReadError).code).toBe('throttled');
    expect(total.waits).toEqual([4000, 4000]);
    expect(byTotal.stats().httpRequests).toBe(3);

    const byCount = standIn({throttle: {times: 10, status: 429, retryAfterSeconds: 0, match: '$batch', level: 'http'}});
    const count = recordingSleep();
    const second = await readVia('fetchTransport', byCount, compliant, {retry: {sleep: count.sleep, maxRetries: 2}}).catch((e: unknown) => e);
    expect((second as TenantReadError).code).toBe('throttled');
    expect(byCount.stats().httpRequests).toBe(3);
  });

  it('shares one budget between whole-request retries and re-batched sub-requests', async () => {
    const graph = standIn({
      throttle: [
        {times: 1, status: 429, retryAfterSeconds: 6, match: '$batch', level: 'http'},
        {times: 5, status: 503, retryAfterSeconds: 6, match: '/appRoleAssignments', level: 'batch-item'},
      ],
    });
    const {waits, sleep} = recordingSleep();
    const result = await readVia('fetchTransport', graph, compliant, {retry: {sleep, maxRetries: 10, maxTotalWaitSeconds: 15}});
    expect(waits).toEqual([6000, 6000]);
    expect(result.stats.waitedSeconds).toBe(12);
    expect(result.unread.map((u) => u.part)).toEqual(['appRoleAssignments']);
  });
});

describe('the sample path carries no Graph client library', () => {
  const srcDir = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../../src');

  it('the check engine chunk (tenant reader, fetchTransport, stand-in) imports nothing of @microsoft/microsoft-graph-client', () => {
    const reached = staticImports(path.join(srcDir, 'components/PermissionCheck/checkEngine.ts'));
    expect(reached).toContain(path.join(srcDir, 'permissions/tenantReader.ts'));
    expect(reached).toContain(path.join(srcDir, 'permissions/fetchTransport.ts'));
    expect([...reached].filter((m) => m.includes('microsoft-graph-client') || m.endsWith('permissions/graphClient.ts'))).toEqual([]);
  });

  it('the sample apps (listed by the check on mount) load neither the sample tenant nor the catalog: data.ts imports apps.ts, never the other way', () => {
    const reached = [...staticImports(path.join(srcDir, 'permissions/sampleTenant/apps.ts'))].map((m) => path.relative(srcDir, m));
    expect(reached.filter((m) => /sampleTenant[/\\]data\.ts$|catalog/.test(m))).toEqual([]);
    expect(staticImports(path.join(srcDir, 'permissions/sampleTenant/data.ts'))).toContain(path.join(srcDir, 'permissions/sampleTenant/apps.ts'));
  });

  it('the live reader chunk does bring the Graph client (the walk can see it)', () => {
    const reached = staticImports(path.join(srcDir, 'components/PermissionCheck/graphReader.ts'));
    expect(reached).toContain('@microsoft/microsoft-graph-client');
  });
});

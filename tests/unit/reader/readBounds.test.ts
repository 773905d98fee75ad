/**
 * Every read bounded and accounted for (issue "No false pass, ever"): a naming lookup that fails
 * is an unread part, through both transports and for each fault of the stand-in on that
 * sub-request; paging stops at a repeated link and at a page cap; a 424 sub-response is a failed
 * sub-request; a user's own delegated consent is read as such; a running read can be cancelled.
 */
import {describe, expect, it} from 'vitest';
import {compareToProfile} from '../../../src/permissions/compare';
import {fetchTransport} from '../../../src/permissions/fetchTransport';
import {EXCHANGE_ONLINE_APP_ID, SAMPLE_USER_ID, sampleApp} from '../../../src/permissions/sampleTenant/apps';
import {SAMPLE_EXCHANGE_ONLINE_SP_ID} from '../../../src/permissions/sampleTenant/data';
import {createGraphStandIn, type GraphFaults, type GraphStandIn} from '../../../src/permissions/sampleTenant/graphStandIn';
import {TenantReadError} from '../../../src/permissions/tenantReadError';
import {readTenantState, type ReadTenantOptions} from '../../../src/permissions/tenantReader';
import {MICROSOFT_GRAPH_APP_ID} from '../../../src/permissions/types';
import {profile20, recordingSleep, testTransport} from './helpers';

const profile = profile20();
const NOW = Date.UTC(2030, 0, 15);
/** Exchange Online's application permission Mail.ReadWrite: can change every mailbox. */
const EXCHANGE_MAIL_READWRITE = 'e2a3a72e-5f79-4c64-b1b1-878b674786c9';

type Via = 'fetchTransport' | 'graph client';
const VIAS: Via[] = ['fetchTransport', 'graph client'];

function readVia(via: Via, graph: GraphStandIn, appId: string, extra: Partial<ReadTenantOptions> = {}) {
  const client = via === 'fetchTransport' ? fetchTransport({cloud: 'global', fetchFn: graph.fetch}) : testTransport({fetchFn: graph.fetch});
  return readTenantState({transport: client, cloud: 'global', appId, profile, source: 'sample', retry: {sleep: recordingSleep().sleep}, ...extra});
}

/** The compliant sample app with Exchange Online Mail.ReadWrite added to its manifest (configured, not granted). */
function compliantPlusExchangeWrite(faults: GraphFaults): {graph: GraphStandIn; appId: string} {
  const graph = createGraphStandIn({now: NOW, faults});
  const appId = sampleApp('compliant').appId;
  const app = graph.tenant.applications.find((a) => a.appId === appId)!;
  app.requiredResourceAccess.push({resourceAppId: EXCHANGE_ONLINE_APP_ID, resourceAccess: [{id: EXCHANGE_MAIL_READWRITE, type: 'Role'}]});
  return {graph, appId};
}

const EXCHANGE_BY_APP_ID = `appId='${EXCHANGE_ONLINE_APP_ID}'`;
const NAMING_FAULTS: Array<[string, GraphFaults]> = [
  ['503, however often retried', {failingSubRequest: {match: EXCHANGE_BY_APP_ID, status: 503}}],
  ['403 Forbidden', {forbid: [EXCHANGE_BY_APP_ID]}],
  ['424 Failed Dependency', {failingSubRequest: {match: EXCHANGE_BY_APP_ID, status: 424}}],
  ['500 Internal Server Error', {failingSubRequest: {match: EXCHANGE_BY_APP_ID, status: 500}}],
  ['left out of the batch answer', {omitSubRequest: EXCHANGE_BY_APP_ID}],
  ['an HTML body', {htmlSubResponse: EXCHANGE_BY_APP_ID}],
  ['a body that is not JSON', {malformed: {match: EXCHANGE_BY_APP_ID, level: 'batch-item'}}],
];

describe('a naming lookup that fails is an unread part, never a pass', () => {
  for (const via of VIAS) {
    it.each(NAMING_FAULTS)(`${via}: the lookup of a non-Graph API answers %s`, async (_fault, faults) => {
      const {graph, appId} = compliantPlusExchangeWrite(faults);
      const state = await readVia(via, graph, appId);
      expect(state.unread).toEqual([
        expect.objectContaining({part: 'resource', reason: expect.stringContaining(`application id ${EXCHANGE_ONLINE_APP_ID}`)}),
      ]);
      expect(compareToProfile(profile, state, {cloud: 'global'}).verdict).toBe('incomplete');
    });
  }

  it('without a fault, the same app is named and fails: Exchange Online Mail.ReadWrite can change data', async () => {
    const {graph, appId} = compliantPlusExchangeWrite({});
    const state = await readVia('fetchTransport', graph, appId);
    expect(state.unread).toEqual([]);
    const result = compareToProfile(profile, state, {cloud: 'global'});
    expect(result.verdict).toBe('fail');
    expect(result.findings).toContainEqual(
      expect.objectContaining({resourceName: 'Office 365 Exchange Online', permission: 'Mail.ReadWrite', status: 'excess', severity: 'error'}),
    );
  });

  it.each(VIAS)('%s: a failed lookup of a profile API (Microsoft Graph, round one) is unread, unless round two names it', async (via) => {
    const byAppId = `appId='${MICROSOFT_GRAPH_APP_ID}'`;
    // Never consented: no grant points at Graph's object id, so nothing else names it.
    const alone = createGraphStandIn({now: NOW, faults: {failingSubRequest: {match: byAppId, status: 503}}});
    const unnamed = await readVia(via, alone, sampleApp('never-consented').appId);
    expect(unnamed.unread).toEqual([expect.objectContaining({part: 'resource', reason: expect.stringContaining(MICROSOFT_GRAPH_APP_ID)})]);
    expect(compareToProfile(profile, unnamed, {cloud: 'global'}).verdict).toBe('incomplete');
    // Granted: round two looks Graph up by the object id its grants point at, and names it.
    const recovered = createGraphStandIn({now: NOW, faults: {failingSubRequest: {match: byAppId, status: 503}}});
    const named = await readVia(via, recovered, sampleApp('compliant').appId);
    expect(named.unread).toEqual([]);
    expect(compareToProfile(profile, named, {cloud: 'global'}).verdict).toBe('pass');
  });

  it.each(VIAS)('%s: a failed lookup by object id of an API the app is granted on is unread, with the reason', async (via) => {
    const graph = createGraphStandIn({now: NOW, faults: {forbid: [`servicePrincipals/${SAMPLE_EXCHANGE_ONLINE_SP_ID}`, EXCHANGE_BY_APP_ID]}});
    const state = await readVia(via, graph, sampleApp('edited-manifest').appId);
    expect(state.unread).toContainEqual(
      expect.objectContaining({part: 'resource', reason: expect.stringMatching(new RegExp(`object id ${SAMPLE_EXCHANGE_ONLINE_SP_ID}.*403`))}),
    );
    expect(compareToProfile(profile, state, {cloud: 'global'}).verdict).toBe('incomplete');
  });

  it('a 404 by appId is an answer (no such API in this tenant), not an unread part', async () => {
    const {graph, appId} = compliantPlusExchangeWrite({notFound: [EXCHANGE_BY_APP_ID]});
    const state = await readVia('fetchTransport', graph, appId);
    expect(state.unread).toEqual([]);
    // Named by the catalog all the same, and an error.
    expect(compareToProfile(profile, state, {cloud: 'global'}).verdict).toBe('fail');
  });
});

describe('paging is bounded', () => {
  it.each(VIAS)('%s: a @odata.nextLink that points to itself ends the read with an unread part, in a few requests', async (via) => {
    const graph = createGraphStandIn({now: NOW, faults: {selfNextLink: true}});
    const state = await readVia(via, graph, sampleApp('compliant').appId);
    expect(state.unread.map((u) => u.part).sort()).toEqual(['appRoleAssignments', 'oauth2PermissionGrants']);
    expect(state.unread[0].reason).toMatch(/links back to a page already read/);
    expect(graph.stats().httpRequests).toBeLessThanOrEqual(5);
    expect(compareToProfile(profile, state, {cloud: 'global'}).verdict).toBe('incomplete');
  });

  it('stops at the page cap and says so', async () => {
    const graph = createGraphStandIn({now: NOW, faults: {pageSize: 1}});
    const state = await readVia('fetchTransport', graph, sampleApp('compliant').appId, {maxPages: 3});
    expect(state.unread).toEqual([
      expect.objectContaining({part: 'appRoleAssignments', reason: expect.stringMatching(/more than 3 pages/)}),
    ]);
    expect(state.grants?.appRoles).toHaveLength(3);
  });
});

describe('failed sub-requests and consent types', () => {
  it('a 424 on the grants is an unread part; on the app registration, an error', async () => {
    const grants = createGraphStandIn({now: NOW, faults: {failingSubRequest: {match: '/appRoleAssignments', status: 424}}});
    const state = await readVia('fetchTransport', grants, sampleApp('compliant').appId);
    expect(state.unread).toEqual([expect.objectContaining({part: 'appRoleAssignments', status: 424})]);

    const app = createGraphStandIn({now: NOW, faults: {failingSubRequest: {match: '/applications(', status: 424}}});
    await expect(readVia('fetchTransport', app, sampleApp('compliant').appId)).rejects.toMatchObject({code: 'graph-error', status: 424});
  });

  it.each(VIAS)('%s: reads a user\'s own consent as a Principal grant with the user, and the check fails', async (via) => {
    const graph = createGraphStandIn({now: NOW});
    const state = await readVia(via, graph, sampleApp('user-consent').appId);
    expect(state.grants?.scopes).toContainEqual({
      resourceAppId: MICROSOFT_GRAPH_APP_ID,
      scopes: ['User.Read', 'Mail.ReadWrite'],
      consentType: 'Principal',
      principalId: SAMPLE_USER_ID,
    });
    const result = compareToProfile(profile, state, {cloud: 'global'});
    expect(result.verdict).toBe('fail');
    const finding = result.findings.find((f) => f.kind === 'permission' && f.permission === 'Mail.ReadWrite');
    expect(finding).toMatchObject({status: 'excess', severity: 'error', userConsents: 1, granted: false});
    expect(finding?.message).toMatch(/granted by 1 user for themselves/);
  });
});

describe('a running read can be cancelled', () => {
  it.each(VIAS)('%s: abort stops sending and rejects with "cancelled"', async (via) => {
    const graph = createGraphStandIn({now: NOW, faults: {latencyMs: 200}});
    const controller = new AbortController();
    const reading = readVia(via, graph, sampleApp('compliant').appId, {signal: controller.signal});
    setTimeout(() => controller.abort(), 20);
    const error = await reading.then(
      () => null,
      (e: unknown) => e,
    );
    expect(error).toBeInstanceOf(TenantReadError);
    expect(error).toMatchObject({code: 'cancelled'});
    const sent = graph.stats().httpRequests;
    await new Promise((resolve) => setTimeout(resolve, 300));
    expect(graph.stats().httpRequests).toBe(sent);
    expect(sent).toBeLessThanOrEqual(1);
  });

  it('an abort during a Retry-After wait ends the wait at once', async () => {
    const graph = createGraphStandIn({now: NOW, faults: {throttle: {times: 5, retryAfterSeconds: 5}}});
    const controller = new AbortController();
    const started = Date.now();
    const reading = readTenantState({
      transport: fetchTransport({cloud: 'global', fetchFn: graph.fetch}),
      cloud: 'global',
      appId: sampleApp('compliant').appId,
      profile,
      signal: controller.signal,
    });
    setTimeout(() => controller.abort(), 50);
    await expect(reading).rejects.toMatchObject({code: 'cancelled'});
    expect(Date.now() - started).toBeLessThan(2000);
  });
});

describe('a whole $batch answered 429, 503 or 504 is retried within the budget, honouring Retry-After', () => {
  for (const via of VIAS) {
    it.each([429, 503, 504] as const)(`${via}: %s`, async (status) => {
      const graph = createGraphStandIn({now: NOW, faults: {throttle: {times: 1, status, retryAfterSeconds: 1, match: '$batch'}}});
      const sleep = recordingSleep();
      const state = await readVia(via, graph, sampleApp('compliant').appId, {retry: {sleep: sleep.sleep}});
      expect(state.unread).toEqual([]);
      expect(state.stats.retries).toBe(1);
      expect(graph.stats().log.filter((e) => !e.batchItem).map((e) => e.status)).toEqual([status, 200]);
      expect(compareToProfile(profile, state, {cloud: 'global'}).verdict).toBe('pass');
    });
  }
});

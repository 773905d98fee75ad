/**
 * The live tenant reader against the sample tenant's Graph stand-in, through msw: the real
 * Graph client (createGraphClient without fetchFn) sends to https://graph.microsoft.com and
 * msw answers from the stand-in. Each fault of the stand-in, and what the reader makes of it.
 */
import {http, HttpResponse} from 'msw';
import {setupServer} from 'msw/node';
import {afterAll, afterEach, beforeAll, describe, expect, it} from 'vitest';
import {compareToProfile} from '../../../src/permissions/compare';
import {createGraphTransport} from '../../../src/permissions/graphClient';
import {GUID_TEXT} from '../../../src/permissions/ids';
import {createGraphStandIn, type GraphStandIn} from '../../../src/permissions/sampleTenant/graphStandIn';
import {sampleApp} from '../../../src/permissions/sampleTenant/apps';
import {readTenantState, type ReadTenantOptions} from '../../../src/permissions/tenantReader';
import type {CloudName} from '../../../src/permissions/types';
import {graphHandlers} from '../../support/msw';
import {profile20, readError, recordingSleep, testTransport} from './helpers';

const server = setupServer();
beforeAll(() => server.listen({onUnhandledRequest: 'error'}));
afterEach(() => server.resetHandlers());
afterAll(() => server.close());

const profile = profile20();

function standInOnMsw(): GraphStandIn {
  const standIn = createGraphStandIn();
  server.use(...graphHandlers(standIn));
  return standIn;
}

function read(appId: string, extra: Partial<ReadTenantOptions> & {cloud?: CloudName} = {}) {
  const cloud = extra.cloud ?? 'global';
  return readTenantState({transport: testTransport({cloud}), cloud, appId, profile, ...extra});
}

const batchItems = (standIn: GraphStandIn) => standIn.stats().log.filter((e) => e.batchItem);

describe('round trips', () => {
  it('costs one round trip (one $batch) when the profile knows every API the app uses', async () => {
    const standIn = standInOnMsw();
    const progress: Array<{step: string; roundTrips: number}> = [];
    const result = await read(sampleApp('compliant').appId, {onProgress: ({step, roundTrips}) => progress.push({step, roundTrips})});
    expect(result.roundTrips).toBe(1);
    expect(progress).toEqual([{step: 'reading', roundTrips: 0}, {step: 'done', roundTrips: 1}]);
    expect(standIn.stats()).toMatchObject({httpRequests: 1, batchRequests: 1, subRequests: 5});
    const urls = batchItems(standIn).map((e) => e.url);
    const appId = sampleApp('compliant').appId;
    expect(urls).toEqual([
      expect.stringContaining(`/applications(appId='${appId}')`),
      expect.stringContaining(`/servicePrincipals(appId='${appId}')?`),
      expect.stringContaining(`/servicePrincipals(appId='${appId}')/appRoleAssignments`),
      expect.stringContaining(`/servicePrincipals(appId='${appId}')/oauth2PermissionGrants`),
      `/servicePrincipals(appId='00000003-0000-0000-c000-000000000000')?$select=id,appId,displayName,appRoles,oauth2PermissionScopes`,
    ]);
  });

  it('costs two when a grant names an API the profile does not know, resolving it by object id', async () => {
    const standIn = standInOnMsw();
    const result = await read(sampleApp('azure-ad-graph').appId);
    expect(result.roundTrips).toBe(2);
    expect(standIn.stats().batchRequests).toBe(2);
    const secondBatch = batchItems(standIn).slice(5).map((e) => e.url);
    expect(secondBatch).toContainEqual(expect.stringMatching(new RegExp(`^/servicePrincipals/${GUID_TEXT}\\?\\$select=`, 'i')));
    expect(result.grants?.scopes).toEqual([
      {resourceAppId: '00000002-0000-0000-c000-000000000000', scopes: ['User.Read'], consentType: 'AllPrincipals', principalId: null},
    ]);
    expect(result.resourceNames.map((r) => r.resourceAppId)).toContain('00000002-0000-0000-c000-000000000000');
    expect(result.unread).toEqual([]);
  });
});

describe('throttling and failing sub-requests', () => {
  it('retries a whole $batch that answered 429, honouring Retry-After, then reads everything', async () => {
    const standIn = standInOnMsw();
    standIn.setFaults({throttle: {times: 1, status: 429, retryAfterSeconds: 0, match: '$batch', level: 'http'}});
    const result = await read(sampleApp('compliant').appId);
    expect(standIn.stats().log.filter((e) => !e.batchItem).map((e) => e.status)).toEqual([429, 200]);
    expect(result.unread).toEqual([]);
    expect(result.grants?.appRoles).toHaveLength(7);
    expect(result.stats.retries).toBe(1);
    expect(result.roundTrips).toBe(2);
  });

  it('re-batches only the sub-request that answered 503, after its Retry-After', async () => {
    const standIn = standInOnMsw();
    standIn.setFaults({
      throttle: {times: 1, status: 503, retryAfterSeconds: 2, match: '/appRoleAssignments', level: 'batch-item'},
    });
    const {waits, sleep} = recordingSleep();
    const result = await read(sampleApp('compliant').appId, {retry: {sleep}});
    expect(waits).toEqual([2000]);
    expect(standIn.stats().batchRequests).toBe(2);
    const items = batchItems(standIn);
    expect(items).toHaveLength(5 + 1);
    expect(items.at(-1)).toMatchObject({status: 200, url: expect.stringContaining('/appRoleAssignments')});
    expect(result.grants?.appRoles).toHaveLength(7);
    expect(result.unread).toEqual([]);
    expect(result.roundTrips).toBe(2);
  });

  it('gives up on a sub-request that keeps failing after the bounded retries, and says that part is unread', async () => {
    const standIn = standInOnMsw();
    standIn.setFaults({failingSubRequest: {match: '/oauth2PermissionGrants', status: 503, retryAfterSeconds: 1}});
    const {waits, sleep} = recordingSleep();
    const result = await read(sampleApp('compliant').appId, {retry: {sleep, maxRetries: 3}});
    expect(waits).toEqual([1000, 1000, 1000]);
    expect(standIn.stats().batchRequests).toBe(4);
    expect(result.unread).toEqual([
      {
        part: 'oauth2PermissionGrants',
        status: 503,
        reason: expect.stringContaining('still answered 503 Service Unavailable after 4 tries'),
      },
    ]);
    // What could be read is there; what could not is not invented.
    expect(result.grants?.appRoles).toHaveLength(7);
    expect(result.grants?.scopes).toEqual([]);
    const verdict = compareToProfile(profile, result, {cloud: 'global', appId: result.app.appId}).verdict;
    expect(verdict).toBe('incomplete');
  });

  it('does not wait longer than the policy allows: a long Retry-After leaves the part unread at once', async () => {
    const standIn = standInOnMsw();
    standIn.setFaults({
      throttle: {times: 5, status: 429, retryAfterSeconds: 120, match: '/appRoleAssignments', level: 'batch-item'},
    });
    const {waits, sleep} = recordingSleep();
    const result = await read(sampleApp('compliant').appId, {retry: {sleep}});
    expect(waits).toEqual([]);
    expect(result.unread).toEqual([
      expect.objectContaining({part: 'appRoleAssignments', status: 429, reason: expect.stringContaining('asked to wait 120 seconds')}),
    ]);
  });

  it('bounds the total wait of one read across retry waves', async () => {
    const standIn = standInOnMsw();
    standIn.setFaults({failingSubRequest: {match: '/appRoleAssignments', status: 429, retryAfterSeconds: 8}});
    const {waits, sleep} = recordingSleep();
    const result = await read(sampleApp('compliant').appId, {retry: {sleep, maxRetries: 10, maxTotalWaitSeconds: 20}});
    expect(waits).toEqual([8000, 8000]);
    expect(result.stats.waitedSeconds).toBe(16);
    expect(result.unread.map((u) => u.part)).toEqual(['appRoleAssignments']);
  });
});

describe('permissions and missing objects', () => {
  it('reports grants it may not read (403) as unread, naming what the account lacks; the verdict is incomplete, never pass', async () => {
    const standIn = standInOnMsw();
    standIn.setFaults({forbidGrants: true});
    const result = await read(sampleApp('compliant').appId);
    expect(result.unread.map((u) => [u.part, u.status])).toEqual([
      ['appRoleAssignments', 403],
      ['oauth2PermissionGrants', 403],
    ]);
    for (const part of result.unread) {
      expect(part.reason).toContain('Directory.Read.All');
      expect(part.reason).toContain('Global Reader');
    }
    expect(result.configured).toHaveLength(8);
    const check = compareToProfile(profile, result, {cloud: 'global', appId: result.app.appId});
    expect(check.verdict).toBe('incomplete');
    expect(check.verdict).not.toBe('pass');
  });

  it('says nothing about consent when the app\'s service principal cannot be read (403): no "never consented" errors, verdict incomplete', async () => {
    const standIn = standInOnMsw();
    const app = sampleApp('compliant');
    standIn.setFaults({forbid: [`servicePrincipals(appId='${app.appId}')`]});
    const result = await read(app.appId);
    expect(result.unread.map((u) => [u.part, u.status])).toContainEqual(['servicePrincipal', 403]);
    expect(result.grants).toBeNull();
    const check = compareToProfile(profile, result, {cloud: 'global', appId: result.app.appId});
    expect(check.verdict).toBe('incomplete');
    const permissionFindings = check.findings.filter((f) => f.kind === 'permission');
    expect(permissionFindings.filter((f) => f.status === 'not-granted')).toEqual([]);
    expect(permissionFindings.every((f) => f.granted === null)).toBe(true);
    expect(JSON.stringify(check.findings)).not.toContain('never consented');
  });

  it('throws app-not-found with an actionable message for an application ID the tenant does not have', async () => {
    standInOnMsw();
    const missing = '11111111-2222-4333-8444-555555555555';
    const error = await readError(read(missing));
    expect(error.code).toBe('app-not-found');
    expect(error.message).toBe(
      `No app registration with application (client) ID ${missing} in this tenant. Check the ID, and that you signed in to the tenant where the app was created.`,
    );
  });

  it('reads a never-consented app as having no service principal and nothing granted, without an error', async () => {
    standInOnMsw();
    const result = await read(sampleApp('never-consented').appId);
    expect(result.grants).toEqual({servicePrincipalExists: false, appRoles: [], scopes: []});
    expect(result.unread).toEqual([]);
    expect(result.configured).toHaveLength(8);
  });

  it('throws unauthorized when Graph rejects the token', async () => {
    const standIn = standInOnMsw();
    standIn.setFaults({unauthorized: true});
    const error = await readError(read(sampleApp('compliant').appId));
    expect(error.code).toBe('unauthorized');
    expect(error.message).toMatch(/Sign in again/);
  });

  it('keeps what a failing token function threw as the cause of a sign-in error, and sends nothing', async () => {
    const standIn = standInOnMsw();
    class RedirectingElsewhere extends Error {}
    const thrown = new RedirectingElsewhere('leaving for the sign-in page');
    const client = createGraphTransport({cloud: 'global', getToken: () => Promise.reject(thrown)});
    const error = await readError(readTenantState({transport: client, cloud: 'global', appId: sampleApp('compliant').appId, profile}));
    expect(error.code).toBe('sign-in');
    expect(error.cause).toBe(thrown);
    expect(error.message).toBe('Could not get a sign-in token for Microsoft Graph (leaving for the sign-in page). Sign in again.');
    expect(standIn.stats().httpRequests).toBe(0);
  });

  it('asks the token function before each request and sends its token', async () => {
    const standIn = standInOnMsw();
    standIn.setFaults({pageSize: 3});
    let asked = 0;
    const client = createGraphTransport({cloud: 'global', getToken: async () => `token-${++asked}`});
    await readTenantState({transport: client, cloud: 'global', appId: sampleApp('compliant').appId, profile});
    expect(asked).toBe(standIn.stats().httpRequests);
    expect(asked).toBeGreaterThan(1);
  });

  it('keeps a network failure as the cause of a network error', async () => {
    server.use(http.post('https://graph.microsoft.com/v1.0/$batch', () => HttpResponse.error()));
    const error = await readError(read(sampleApp('compliant').appId));
    expect(error.code).toBe('network');
    expect(error.cause).toBeInstanceOf(Error);
  });

  it('refuses an application ID that is not a GUID before calling Graph', async () => {
    const standIn = standInOnMsw();
    const error = await readError(read("x') or 1 eq 1"));
    expect(error.code).toBe('invalid-app-id');
    expect(standIn.stats().httpRequests).toBe(0);
  });
});

describe('paging', () => {
  it('follows every @odata.nextLink: three or more pages of grants, all read', async () => {
    const standIn = standInOnMsw();
    standIn.setFaults({pageSize: 3});
    const result = await read(sampleApp('many-pages').appId);
    const pages = standIn.stats().log.filter((e) => !e.batchItem && e.url.includes('$skiptoken='));
    expect(pages.length).toBeGreaterThanOrEqual(3);
    expect(result.grants?.appRoles).toHaveLength(11);
    expect(new Set(result.grants?.appRoles.map((r) => r.id)).size).toBe(11);
    expect(result.stats.pages).toBe(pages.length);
    expect(result.unread).toEqual([]);
  });

  it('gets the many-pages app in one page by asking for $top=999, as real Graph allows', async () => {
    const standIn = standInOnMsw();
    const result = await read(sampleApp('many-pages').appId);
    expect(result.grants?.appRoles).toHaveLength(11);
    expect(result.roundTrips).toBe(1);
    expect(standIn.stats().httpRequests).toBe(1);
  });

  it('reports a page that failed as unread instead of returning the first pages as if complete', async () => {
    const standIn = standInOnMsw();
    standIn.setFaults({pageSize: 3, forbid: ['$skiptoken=b2Zmc2V0OjY']});
    const result = await read(sampleApp('many-pages').appId);
    expect(result.grants?.appRoles).toHaveLength(6);
    expect(result.unread).toEqual([
      expect.objectContaining({part: 'appRoleAssignments', status: 403, reason: expect.stringContaining('only 2 page(s) were read')}),
    ]);
  });
});

describe('malformed answers', () => {
  it('throws malformed with a clear message when the $batch answer is not JSON', async () => {
    const standIn = standInOnMsw();
    standIn.setFaults({malformed: {match: '$batch', level: 'http'}});
    const error = await readError(read(sampleApp('compliant').appId));
    expect(error.code).toBe('malformed');
    expect(error.message).toMatch(/^Microsoft Graph's answer to the batch of reads was not valid JSON/);
  });

  it('reports a sub-response whose body is not the expected list as unread', async () => {
    const standIn = standInOnMsw();
    standIn.setFaults({malformed: {match: '/oauth2PermissionGrants', level: 'batch-item'}});
    const result = await read(sampleApp('compliant').appId);
    expect(result.unread).toEqual([
      expect.objectContaining({part: 'oauth2PermissionGrants', reason: expect.stringContaining('not the list expected')}),
    ]);
  });

  it('throws malformed when the app registration itself comes back garbled', async () => {
    const standIn = standInOnMsw();
    standIn.setFaults({malformed: {match: '/applications(', level: 'batch-item'}});
    const error = await readError(read(sampleApp('compliant').appId));
    expect(error.code).toBe('malformed');
  });
});

describe('clouds and the token', () => {
  it('reads from the national cloud’s Graph host', async () => {
    const standIn = standInOnMsw();
    const result = await read(sampleApp('compliant').appId, {cloud: 'usgov'});
    expect(result.grants?.appRoles).toHaveLength(7);
    expect(new Set(standIn.stats().log.map((e) => e.host))).toEqual(new Set(['graph.microsoft.us']));
  });

  it('never follows a next-page link to another host (the token goes only to Graph)', async () => {
    const standIn = createGraphStandIn({faults: {pageSize: 3}});
    const seenHosts: string[] = [];
    const rewritingFetch = async (input: RequestInfo | URL, init?: RequestInit) => {
      const request = new Request(input, init);
      seenHosts.push(new URL(request.url).host);
      const response = await standIn.handle(request);
      const text = (await response.text()).replaceAll('https://graph.microsoft.com/v1.0/servicePrincipals/', 'https://graph.evil.example/v1.0/servicePrincipals/');
      return new Response(text, {status: response.status, headers: response.headers});
    };
    const result = await readTenantState({
      transport: testTransport({fetchFn: rewritingFetch}),
      cloud: 'global',
      appId: sampleApp('many-pages').appId,
      profile,
    });
    expect(seenHosts).toEqual(['graph.microsoft.com']);
    expect(result.unread).toEqual([
      expect.objectContaining({part: 'appRoleAssignments', reason: expect.stringContaining('graph.evil.example')}),
    ]);
    expect(standIn.stats().withoutAuthorization).toBe(0);
  });

  it('sends the token to Graph on every request', async () => {
    const standIn = standInOnMsw();
    standIn.setFaults({pageSize: 3});
    let tokens = 0;
    const client = testTransport({onToken: () => tokens++});
    await readTenantState({transport: client, cloud: 'global', appId: sampleApp('many-pages').appId, profile});
    const stats = standIn.stats();
    expect(stats.withAuthorization).toBe(stats.httpRequests);
    expect(tokens).toBe(stats.httpRequests);
  });
});

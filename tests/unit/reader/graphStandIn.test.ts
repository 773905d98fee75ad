/**
 * The Graph stand-in's HTTP contract, spoken to directly with WHATWG Requests: what a browser
 * (CORS), the Graph client library (batch parsing) and the reader rely on.
 */
import {BatchResponseContent} from '@microsoft/microsoft-graph-client';
import {describe, expect, it} from 'vitest';
import {GUID_TEXT} from '../../../src/permissions/ids';
import {sampleApp} from '../../../src/permissions/sampleTenant/apps';
import {SAMPLE_MICROSOFT_GRAPH_SP_ID} from '../../../src/permissions/sampleTenant/data';
import {createGraphStandIn} from '../../../src/permissions/sampleTenant/graphStandIn';

const GRAPH = 'https://graph.microsoft.com/v1.0';
const compliant = sampleApp('compliant');

function batch(requests: Array<{id: string; url: string; method?: string}>, host = 'graph.microsoft.com') {
  return new Request(`https://${host}/v1.0/$batch`, {
    method: 'POST',
    headers: {'Content-Type': 'application/json', Authorization: 'Bearer x'},
    body: JSON.stringify({requests: requests.map((r) => ({method: 'GET', ...r}))}),
  });
}

describe('the Graph stand-in', () => {
  it('answers a CORS preflight and exposes Retry-After to the page', async () => {
    const standIn = createGraphStandIn();
    const preflight = await standIn.handle(
      new Request(`${GRAPH}/$batch`, {
        method: 'OPTIONS',
        headers: {Origin: 'http://localhost:3000', 'Access-Control-Request-Method': 'POST', 'Access-Control-Request-Headers': 'authorization,content-type'},
      }),
    );
    expect(preflight.status).toBe(204);
    expect(preflight.headers.get('Access-Control-Allow-Origin')).toBe('*');
    expect(preflight.headers.get('Access-Control-Allow-Headers')).toMatch(/Authorization/);
    expect(preflight.headers.get('Access-Control-Allow-Headers')).toMatch(/Content-Type/);
    expect(standIn.stats()).toMatchObject({preflights: 1, httpRequests: 0});

    standIn.setFaults({throttle: {times: 1, retryAfterSeconds: 3}});
    const throttled = await standIn.handle(new Request(`${GRAPH}/servicePrincipals(appId='${compliant.appId}')`));
    expect(throttled.status).toBe(429);
    expect(throttled.headers.get('Retry-After')).toBe('3');
    expect(throttled.headers.get('Access-Control-Expose-Headers')).toMatch(/Retry-After/);
    expect(await throttled.json()).toEqual({error: expect.objectContaining({code: 'TooManyRequests', message: expect.any(String)})});
  });

  it('answers a $batch with a status, headers and body per sub-request that the Graph library can parse', async () => {
    const standIn = createGraphStandIn();
    const response = await standIn.handle(
      batch([
        {id: '1', url: `/applications(appId='${compliant.appId}')?$select=id,appId,displayName`},
        {id: '2', url: `/servicePrincipals(appId='11111111-2222-4333-8444-555555555555')`},
      ]),
    );
    expect(response.status).toBe(200);
    const json = await response.json();
    expect(json.responses[0].headers).toEqual({'Content-Type': 'application/json'});
    const content = new BatchResponseContent(json);
    const app = content.getResponseById('1');
    expect(app.status).toBe(200);
    expect(await app.json()).toEqual({
      '@odata.context': 'https://graph.microsoft.com/v1.0/$metadata#applications/$entity',
      id: compliant.id,
      appId: compliant.appId,
      displayName: compliant.displayName,
    });
    const missing = content.getResponseById('2');
    expect(missing.status).toBe(404);
    expect((await missing.json()).error.code).toBe('Request_ResourceNotFound');
    expect(standIn.stats()).toMatchObject({httpRequests: 1, batchRequests: 1, subRequests: 2, withAuthorization: 1});
  });

  it('refuses a batch of more than 20 requests, as Graph does', async () => {
    const standIn = createGraphStandIn();
    const many = Array.from({length: 21}, (_, i) => ({id: String(i), url: `/servicePrincipals/${SAMPLE_MICROSOFT_GRAPH_SP_ID}`}));
    const response = await standIn.handle(batch(many));
    expect(response.status).toBe(400);
    expect((await response.json()).error.message).toMatch(/20/);
  });

  it('pages with absolute https nextLinks on the host that was called', async () => {
    const standIn = createGraphStandIn();
    const app = sampleApp('many-pages');
    const urls: string[] = [];
    let next: string | undefined = `https://graph.microsoft.us/v1.0/servicePrincipals(appId='${app.appId}')/appRoleAssignments`;
    let count = 0;
    while (next) {
      urls.push(next);
      const body = (await (await standIn.handle(new Request(next))).json()) as {value: unknown[]; '@odata.nextLink'?: string};
      count += body.value.length;
      next = body['@odata.nextLink'];
    }
    expect(count).toBe(11);
    expect(urls).toHaveLength(4);
    const nextPage = new RegExp(`^https://graph\\.microsoft\\.us/v1\\.0/servicePrincipals/${GUID_TEXT}/appRoleAssignments\\?\\$skiptoken=`, 'i');
    for (const url of urls.slice(1)) expect(url).toMatch(nextPage);

    const all = await (await standIn.handle(new Request(`${urls[0]}?$top=999`))).json();
    expect(all.value).toHaveLength(11);
    expect(all['@odata.nextLink']).toBeUndefined();
  });

  it('serves the token-free fetch form too, and records whether a token came', async () => {
    const standIn = createGraphStandIn();
    const response = await standIn.fetch(`${GRAPH}/servicePrincipals/${SAMPLE_MICROSOFT_GRAPH_SP_ID}?$select=id,appId`);
    expect(await response.json()).toMatchObject({id: SAMPLE_MICROSOFT_GRAPH_SP_ID, appId: '00000003-0000-0000-c000-000000000000'});
    expect(standIn.stats()).toMatchObject({withAuthorization: 0, withoutAuthorization: 1});
  });

  it('is read only and knows only the reads of a check', async () => {
    const standIn = createGraphStandIn();
    const patch = await standIn.handle(new Request(`${GRAPH}/applications/${compliant.id}`, {method: 'PATCH', body: '{}'}));
    expect(patch.status).toBe(405);
    const users = await standIn.handle(new Request(`${GRAPH}/users`));
    expect(users.status).toBe(400);
    expect((await users.json()).error.message).toBe("Resource not found for the segment 'users'.");
  });
});

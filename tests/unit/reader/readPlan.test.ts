/**
 * What the reader asks Graph, as plain data (readPlan.ts): the first $batch body is what a
 * coming feature prints as an `az rest` command, so it must be byte for byte the body the
 * reader sends, through either transport.
 */
import {describe, expect, it} from 'vitest';
import {CLOUD_NAMES} from '../../../src/permissions/clouds';
import {fetchTransport} from '../../../src/permissions/fetchTransport';
import type {FetchFunction} from '../../../src/permissions/graphTransport';
import {readCommands} from '../../../src/permissions/readCommands';
import {batchBodies, firstBatchOf, MAX_BATCH, otherApisRead} from '../../../src/permissions/readPlan';
import {sampleApp} from '../../../src/permissions/sampleTenant/apps';
import {createGraphStandIn} from '../../../src/permissions/sampleTenant/graphStandIn';
import {TenantReadError} from '../../../src/permissions/tenantReadError';
import {readTenantState} from '../../../src/permissions/tenantReader';
import type {Profile} from '../../../src/permissions/types';
import {profile20, testTransport} from './helpers';

const profile = profile20();

/** The stand-in's fetch, recording the text of every $batch body it is sent. */
function recordingBatches() {
  const graph = createGraphStandIn();
  const bodies: string[] = [];
  const fetchFn: FetchFunction = async (input, init) => {
    const request = new Request(input, init);
    if (new URL(request.url).pathname.endsWith('/$batch')) bodies.push(await request.clone().text());
    return graph.fetch(request);
  };
  return {bodies, fetchFn};
}

describe('firstBatchOf', () => {
  for (const via of ['fetchTransport', 'graph client'] as const) {
    it(`is, byte for byte, the first $batch body the reader sends (${via})`, async () => {
      const {bodies, fetchFn} = recordingBatches();
      const client = via === 'fetchTransport' ? fetchTransport({cloud: 'global', fetchFn}) : testTransport({fetchFn});
      // As a person pastes it: spaces around, upper case; the reader and the plan read it alike.
      const typed = ` ${sampleApp('compliant').appId.toUpperCase()} `;
      await readTenantState({transport: client, cloud: 'global', appId: typed, profile});
      expect(bodies).toHaveLength(1);
      expect(bodies[0]).toBe(JSON.stringify(firstBatchOf(typed, profile)));
    });
  }

  it('names the app, its grants and every API of the profile once, by alternate key', () => {
    const appId = sampleApp('compliant').appId;
    const body = firstBatchOf(appId, profile);
    expect(body.requests.map((r) => [r.id, r.method])).toEqual([
      ['application', 'GET'],
      ['servicePrincipal', 'GET'],
      ['appRoleAssignments', 'GET'],
      ['oauth2PermissionGrants', 'GET'],
      ['resource-0', 'GET'],
    ]);
    expect(body.requests[0]!.url).toBe(
      `/applications(appId=%27${appId}%27)?$select=id,appId,displayName,signInAudience,requiredResourceAccess,passwordCredentials,keyCredentials`,
    );
    expect(body.requests[2]!.url).toBe(`/servicePrincipals(appId=%27${appId}%27)/appRoleAssignments?$top=999`);
  });

  it('reads the application ID as people paste it (normalizeGuid), and refuses one that is not a GUID, as the reader does', () => {
    const appId = sampleApp('compliant').appId;
    expect(firstBatchOf(`{${appId.toUpperCase()}}\n`, profile)).toEqual(firstBatchOf(appId, profile));
    expect(() => firstBatchOf("x') or 1 eq 1", profile)).toThrow(TenantReadError);
    expect(() => firstBatchOf("x') or 1 eq 1", profile)).toThrow(expect.objectContaining({code: 'invalid-app-id'}));
  });

  it('is the first of the batches when a profile names more APIs than one batch holds', () => {
    const apis = Array.from({length: 30}, (_, i) => `00000000-0000-0000-0000-${String(i).padStart(12, '0')}`);
    const many: Profile = {...profile, resources: apis.map((resourceAppId) => ({resourceAppId, name: 'API', required: [], allowed: []}))};
    const body = firstBatchOf(sampleApp('compliant').appId, many);
    expect(body.requests).toHaveLength(MAX_BATCH);
    expect(body.requests.at(-1)!.url).toContain(apis[MAX_BATCH - 5]);
  });
});

describe('the first body as commands (readCommands.ts)', () => {
  it.each(CLOUD_NAMES)('prints in %s as it is sent: one line of printable ASCII without a single quote', (cloud) => {
    const body = firstBatchOf(sampleApp('compliant').appId, profile);
    const commands = readCommands(cloud, body);
    expect(commands.body).toBe(JSON.stringify(body));
    expect(commands.body).toMatch(/^[\x20-\x26\x28-\x7e]+$/);
    expect(commands.azureCli).toContain(`--body '${JSON.stringify(body)}'`);
  });
});

describe('batchBodies and otherApisRead', () => {
  it('splits sub-requests into batches of at most MAX_BATCH, in order', () => {
    const items = Array.from({length: 45}, (_, i) => ({id: `i${i}`, url: `/x/${i}`}));
    const bodies = batchBodies(items);
    expect(bodies.map((b) => b.requests.length)).toEqual([20, 20, 5]);
    expect(bodies.flatMap((b) => b.requests.map((r) => r.id))).toEqual(items.map((i) => i.id));
  });

  it('asks for no id that is not a GUID', () => {
    const guid = '3530dcdf-ab25-49a6-be7d-1d614e68b2de';
    const round = otherApisRead([guid, "x')"], ['nope', guid]);
    expect(round.items.map((i) => i.url)).toEqual([
      `/servicePrincipals/${guid}?$select=id,appId,displayName,appRoles,oauth2PermissionScopes`,
      `/servicePrincipals(appId=%27${guid}%27)?$select=id,appId,displayName,appRoles,oauth2PermissionScopes`,
    ]);
    expect(round.lookups).toEqual([
      {itemId: 'object-0', by: 'object', id: guid},
      {itemId: 'api-0', by: 'app', id: guid},
    ]);
  });
});

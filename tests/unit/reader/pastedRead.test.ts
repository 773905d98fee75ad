/**
 * A live check from pasted output (src/permissions/pastedRead.ts): the admin runs the printed
 * batch with their own tools, pastes the answer, and runs each follow-up the check asks for.
 * Here the sample tenant's Graph stand-in plays Microsoft Graph for the admin's tools, and the
 * result must be exactly what a signed-in check of the same tenant reads and judges.
 */
import {describe, expect, it} from 'vitest';
import {compareToProfile} from '../../../src/permissions/compare';
import {fetchTransport} from '../../../src/permissions/fetchTransport';
import {PastedAnswerError} from '../../../src/permissions/pastedAnswer';
import {readPastedTenant, type PastedReadResult} from '../../../src/permissions/pastedRead';
import {firstReadCommands, readCommands, type BatchBody} from '../../../src/permissions/readCommands';
import {SAMPLE_APPS, sampleApp, type SampleScenario} from '../../../src/permissions/sampleTenant/apps';
import {createGraphStandIn, type GraphFaults, type GraphStandIn} from '../../../src/permissions/sampleTenant/graphStandIn';
import {readTenantState, type TenantReadResult} from '../../../src/permissions/tenantReader';
import type {CheckResult} from '../../../src/permissions/types';
import {profile20} from './helpers';

const profile = profile20();
const NOW = new Date('2026-06-01T00:00:00Z');

/** What `az rest` prints for a batch body: the stand-in's answer, indented as the CLI does. */
async function runCommand(standIn: GraphStandIn, body: string): Promise<string> {
  const response = await standIn.fetch('https://graph.microsoft.com/v1.0/$batch', {method: 'POST', headers: {'Content-Type': 'application/json'}, body});
  return JSON.stringify(await response.json(), null, 2);
}

/** Runs the first command, then every follow-up the check asks for, as an admin would. */
async function pastedCheck(appId: string, faults: GraphFaults = {}, {followUps = true} = {}) {
  const standIn = createGraphStandIn({now: NOW, faults});
  const [first] = firstReadCommands('global', appId, profile);
  const pastes = [await runCommand(standIn, first!.body)];
  const rounds: BatchBody[][] = [];
  for (;;) {
    const read = await readPastedTenant({cloud: 'global', appId, profile, pastes});
    if (read.followUps.length === 0 || !followUps || rounds.length >= 10) return {read, rounds, pastes};
    rounds.push(read.followUps);
    for (const body of read.followUps) pastes.push(await runCommand(standIn, readCommands('global', body).body));
  }
}

async function signedInCheck(appId: string) {
  const standIn = createGraphStandIn({now: NOW});
  return readTenantState({transport: fetchTransport({cloud: 'global', fetchFn: standIn.fetch}), cloud: 'global', appId, profile});
}

/** The observed state of a read the pastes could judge. */
function observedOf(read: PastedReadResult): TenantReadResult {
  if (read.kind !== 'read') throw new Error(`expected a read, got a follow-up: ${read.reason}`);
  return read.observed;
}

const judged = (observed: Parameters<typeof compareToProfile>[1]): CheckResult => compareToProfile(profile, observed, {cloud: 'global', now: NOW});
const withoutCounts = <T extends {roundTrips?: unknown; stats?: unknown}>({roundTrips: _r, stats: _s, ...rest}: T) => rest;

describe('every sample app, pasted, reads and judges as a signed-in check does', () => {
  it.each(SAMPLE_APPS.map((app) => [app.scenario, app.appId] as const))('%s', async (_scenario, appId) => {
    const [pasted, live] = await Promise.all([pastedCheck(appId), signedInCheck(appId)]);
    expect(withoutCounts(observedOf(pasted.read))).toEqual(withoutCounts(live));
    const a = judged(observedOf(pasted.read));
    const b = judged(live);
    expect(a.verdict).toBe(b.verdict);
    expect(a.findings).toEqual(b.findings);
    expect(pasted.read.followUps).toEqual([]);
  });
});

describe('what one paste does not hold stays unread until its follow-up is pasted', () => {
  const incompleteThenSame = async (scenario: SampleScenario, faults: GraphFaults) => {
    const appId = sampleApp(scenario).appId;
    const once = await pastedCheck(appId, faults, {followUps: false});
    const result = judged(observedOf(once.read));
    expect(result.verdict).toBe('incomplete');
    expect(observedOf(once.read).unread.length).toBeGreaterThan(0);
    for (const part of observedOf(once.read).unread) expect(part.reason).toMatch(/not in the pasted output yet: run the follow-up command/);
    expect(once.read.followUps.length).toBeGreaterThan(0);
    // Every follow-up prints as a command (only printable ASCII, no quote in its body).
    for (const body of once.read.followUps) expect(() => readCommands('global', body)).not.toThrow();
    const all = await pastedCheck(appId, faults);
    expect(all.rounds.length).toBeGreaterThan(0);
    const live = await signedInCheck(appId);
    expect(judged(observedOf(all.read)).findings).toEqual(judged(live).findings);
    expect(judged(observedOf(all.read)).verdict).toBe(judged(live).verdict);
    return once;
  };

  it('a second page of grants (@odata.nextLink)', async () => {
    const once = await incompleteThenSame('compliant', {pageSize: 3});
    expect(once.read.followUps[0]!.requests[0]!.url).toMatch(/^\/servicePrincipals.*appRoleAssignments\?.*skiptoken=/i);
  });

  it('a sub-request Microsoft Graph answered 429 (a live check would wait and retry)', async () => {
    await incompleteThenSame('compliant', {throttle: {times: 1, status: 429, level: 'batch-item', match: 'oauth2PermissionGrants', retryAfterSeconds: 30}});
  });

  it.each([503, 504] as const)('a sub-request answered %i', async (status) => {
    await incompleteThenSame('compliant', {throttle: {times: 1, status, level: 'batch-item', match: 'appRoleAssignments'}});
  });

  it.each(['edited-manifest', 'azure-ad-graph'] as const)('APIs the guide does not list, whose names take a second lookup (%s)', async (scenario) => {
    const once = await incompleteThenSame(scenario, {});
    expect(observedOf(once.read).unread.every((part) => part.part === 'resource')).toBe(true);
    expect(once.read.followUps[0]!.requests.every((r) => r.url.startsWith('/servicePrincipals'))).toBe(true);
  });

  it('never a pass before every follow-up is pasted, whatever the fault (compliant app)', async () => {
    const faults: GraphFaults[] = [
      {pageSize: 1},
      {pageSize: 2},
      {throttle: {times: 5, status: 503, level: 'batch-item'}},
      {throttle: {times: 1, status: 429, level: 'batch-item', match: 'servicePrincipals(appId=\'00000003'}},
      {failingSubRequest: {match: 'oauth2PermissionGrants', status: 503}},
      {omitSubRequest: 'appRoleAssignments'},
    ];
    for (const fault of faults) {
      const {read} = await pastedCheck(sampleApp('compliant').appId, fault, {followUps: false});
      expect(read.followUps.length, JSON.stringify(fault)).toBeGreaterThan(0);
      if (read.kind === 'read') expect(judged(read.observed).verdict, JSON.stringify(fault)).toBe('incomplete');
      else expect(read.reason).toMatch(/^Could not read the app registration: not in the pasted output yet/);
    }
  });

  it('a part that keeps failing stays unread however often its follow-up is pasted: never a pass', async () => {
    for (const fault of [{failingSubRequest: {match: 'oauth2PermissionGrants', status: 503}}, {omitSubRequest: 'appRoleAssignments'}] satisfies GraphFaults[]) {
      const {read, rounds} = await pastedCheck(sampleApp('compliant').appId, fault);
      expect(rounds.length).toBe(10);
      expect(read.kind === 'read' ? judged(read.observed).verdict : 'follow-up').toBe('incomplete');
    }
  });

  it('a list that links back to itself stops with an unread part, as in a signed-in check', async () => {
    const {read} = await pastedCheck(sampleApp('compliant').appId, {selfNextLink: true, pageSize: 3});
    const observed = observedOf(read);
    expect(judged(observed).verdict).toBe('incomplete');
    expect(observed.unread.map((part) => part.reason).join(' ')).toMatch(/links back to a page already read/);
  });
});

describe('output that is not the answer for this app is refused with a message, never judged', () => {
  const compliant = sampleApp('compliant').appId;
  const other = sampleApp('permissions-missing').appId;

  async function refusal(appId: string, pastes: string[]) {
    const error = await readPastedTenant({cloud: 'global', appId, profile, pastes}).then(
      () => null,
      (e: unknown) => e,
    );
    expect(error).toBeInstanceOf(PastedAnswerError);
    return (error as PastedAnswerError).message;
  }

  it('the output of another app ID', async () => {
    const standIn = createGraphStandIn({now: NOW});
    const [first] = firstReadCommands('global', other, profile);
    const answer = await runCommand(standIn, first!.body);
    expect(await refusal(compliant, [answer])).toBe(
      `This output is for another app registration (application ID ${other}), not ${compliant}. ` +
        'Run the command shown for this app ID, or enter the ID of the app the output is for.',
    );
  });

  it('a batch that is not ours', async () => {
    const answer = JSON.stringify({responses: [{id: '1', status: 200, body: {value: []}}]});
    expect(await refusal(compliant, [answer])).toBe(
      "This is the answer to another request, not to the check's command: none of its answers is one the command asked for. " +
        'Run the command shown above (it is made for this app ID) and paste its output.',
    );
  });

  it('an app ID that is not a GUID', async () => {
    expect(await refusal('not-a-guid', ['{"responses": []}'])).toBe('Enter the application (client) ID first: the commands are made for it.');
  });

  it('a follow-up that is not JSON names which paste it is', async () => {
    const standIn = createGraphStandIn({now: NOW});
    const [first] = firstReadCommands('global', compliant, profile);
    const answer = await runCommand(standIn, first!.body);
    expect(await refusal(compliant, [answer, "ERROR: Please run 'az login' to setup account."])).toMatch(/^Follow-up output 1: Azure CLI is not signed in/);
  });

  it('the app registration not found (404): the reader\u2019s own words', async () => {
    const standIn = createGraphStandIn({now: NOW});
    const missing = '11111111-2222-3333-4444-555555555555';
    const [first] = firstReadCommands('global', missing, profile);
    const answer = await runCommand(standIn, first!.body);
    const error = await readPastedTenant({cloud: 'global', appId: missing, profile, pastes: [answer]}).then(
      () => null,
      (e: unknown) => e as Error,
    );
    expect(error?.message).toMatch(/^No app registration with application \(client\) ID 11111111-2222-3333-4444-555555555555/);
  });
});

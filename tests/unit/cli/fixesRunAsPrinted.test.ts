/**
 * Every fix the product prints must work when copied and run as printed. The Azure CLI fixes of
 * a check (rewrite the permission list, revoke unneeded grants) run in bash, as printed, with a
 * stand-in `az` on PATH (tests/support/az-standin) that sends their requests to the Graph
 * stand-in over HTTP on 127.0.0.1; then the same check runs again and finds the permissions
 * neither configured nor granted.
 */
import {execFile} from 'node:child_process';
import path from 'node:path';
import {describe, expect, it} from 'vitest';
import {compareToProfile} from '../../../src/permissions/compare';
import {fetchTransport} from '../../../src/permissions/fetchTransport';
import {sampleApp, type SampleScenario} from '../../../src/permissions/sampleTenant/apps';
import {createGraphStandIn, type GraphStandIn} from '../../../src/permissions/sampleTenant/graphStandIn';
import {readTenantState} from '../../../src/permissions/tenantReader';
import type {CheckResult, PermissionFinding} from '../../../src/permissions/types';
import {profile20} from '../reader/helpers';
import {graphStandInServers} from '../../support/graphStandInServer';

const AZ_DIR = path.resolve(__dirname, '../../support/az-standin');
const profile = profile20();
/** The stand-in over HTTP (closed after each test); its URL, for GRAPH_STANDIN_URL. */
const serve = graphStandInServers();


async function check(graph: GraphStandIn, appId: string): Promise<CheckResult> {
  const state = await readTenantState({transport: fetchTransport({cloud: 'global', fetchFn: graph.fetch}), cloud: 'global', appId, profile});
  return compareToProfile(profile, state, {cloud: 'global', appId, tenant: 'contoso-sample.onmicrosoft.com'});
}

/**
 * Runs an action's Azure CLI commands in bash as printed, the stand-in az first on PATH.
 * Asynchronously: the stand-in's server runs in this process and must answer meanwhile.
 */
function runAsPrinted(commands: string[], graphUrl: string): Promise<{status: number | null; stderr: string}> {
  const script = ['set -euo pipefail', ...commands].join('\n');
  return new Promise((resolve) => {
    execFile(
      'bash',
      ['-c', script],
      {encoding: 'utf8', env: {...process.env, PATH: `${AZ_DIR}:${process.env.PATH}`, GRAPH_STANDIN_URL: graphUrl}, timeout: 30_000},
      (error, _stdout, stderr) => resolve({status: error ? (typeof error.code === 'number' ? error.code : -1) : 0, stderr}),
    );
  });
}

const excess = (result: CheckResult) =>
  result.findings.filter((f): f is PermissionFinding => f.kind === 'permission' && (f.status === 'excess' || f.status === 'unknown'));

// Each printed command starts a process (the stand-in az): on a loaded machine a case takes more than 5 s.
describe('the Azure CLI fixes work when copied and run as printed', {timeout: 30_000}, () => {
  it.each<[SampleScenario, string[]]>([
    ['over-privileged', ['Directory.ReadWrite.All', 'Mail.Send', 'Sites.FullControl.All']],
    ['edited-manifest', ['full_access_as_app']],
    ['user-consent', ['Mail.ReadWrite']],
  ])('%s: after the printed commands, %s is neither configured nor granted, and the check passes', async (scenario, permissions) => {
    const graph = createGraphStandIn({acceptWrites: true});
    const graphUrl = await serve(graph);
    const appId = sampleApp(scenario).appId;
    const before = await check(graph, appId);
    expect(before.verdict).toBe('fail');
    expect(excess(before).map((f) => f.permission).sort()).toEqual(permissions);

    for (const action of before.actions.filter((a) => a.kind === 'permissions' || a.kind === 'revoke')) {
      const run = await runAsPrinted(action.fix.azureCli, graphUrl);
      expect(run.stderr, `${action.title}:\n${action.fix.azureCli.join('\n')}`).toBe('');
      expect(run.status).toBe(0);
    }

    const after = await check(graph, appId);
    expect(excess(after)).toEqual([]);
    expect(after.verdict).toBe('pass');
  });

  it('takes one scope out of an admin grant and keeps the others', async () => {
    const graph = createGraphStandIn({acceptWrites: true});
    const appId = sampleApp('compliant').appId;
    const sp = graph.tenant.servicePrincipals.find((s) => s.appId === appId)!;
    const grant = graph.tenant.oauth2PermissionGrants.find((g) => g.clientId === sp.id && g.consentType === 'AllPrincipals')!;
    grant.scope = 'User.Read Mail.Send Calendars.ReadWrite';
    const graphUrl = await serve(graph);
    const before = await check(graph, appId);
    expect(excess(before).map((f) => f.permission).sort()).toEqual(['Calendars.ReadWrite', 'Mail.Send']);
    const revoke = before.actions.find((a) => a.kind === 'revoke')!;
    expect(await runAsPrinted(revoke.fix.azureCli, graphUrl)).toEqual({status: 0, stderr: ''});
    expect(graph.tenant.oauth2PermissionGrants.find((g) => g.id === grant.id)?.scope).toBe('User.Read');
    expect((await check(graph, appId)).verdict).toBe('pass');
  });
});

describe('fixes for an app whose ID the check does not know (a bare permission list)', () => {
  it('read it from a variable on their first line, and stop with a clear message while it is empty', async () => {
    const {parseAppManifest} = await import('../../../src/permissions/manifest');
    const observed = parseAppManifest(
      '[{"resourceAppId":"00000003-0000-0000-c000-000000000000","resourceAccess":[{"id":"19dbc75e-c2e2-444c-a770-ec69d8559fc7","type":"Role"}]}]',
    );
    const result = compareToProfile(profile, observed, {cloud: 'global'});
    const commands = result.actions.flatMap((action) => action.fix.azureCli);
    expect(commands.join('\n')).not.toContain('<appId>');
    const action = result.actions.find((a) => a.kind === 'permissions')!;
    expect(action.fix.azureCli[0]).toMatch(/^APP_ID=''/);
    const run = await runAsPrinted(action.fix.azureCli, 'http://127.0.0.1:9');
    expect(run.status).not.toBe(0);
    expect(run.stderr).toMatch(/APP_ID: Put the application \(client\) ID between the quotes of APP_ID first/);
    expect(action.fix.powershell.join('\n')).toContain(`Get-MgApplication -Filter "appId eq '$appId'"`);
  });
});

describe('a grant whose name is not safe in a command', () => {
  it('is revoked by hand, said so, and gets no command that would quietly match nothing (found in review)', async () => {
    const graph = createGraphStandIn();
    const appId = sampleApp('compliant').appId;
    const sp = graph.tenant.servicePrincipals.find((s) => s.appId === appId)!;
    const grant = graph.tenant.oauth2PermissionGrants.find((g) => g.clientId === sp.id && g.consentType === 'AllPrincipals')!;
    grant.scope = "User.Read Mail'Send";
    const result = await check(graph, appId);
    const revoke = result.actions.find((a) => a.kind === 'revoke')!;
    expect(revoke.fix.summary).toMatch(/Revoke Mail'Send \(delegated\) of Microsoft Graph by hand there: its name is not safe to put in a command\./);
    expect(revoke.fix.azureCli).toEqual([]);
    expect(revoke.fix.powershell).toEqual([]);
  });
});

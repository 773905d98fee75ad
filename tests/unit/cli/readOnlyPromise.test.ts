/**
 * The read-only promise, as a security reviewer tries it: permission entries taken from real,
 * public app manifests, each added alone to an otherwise compliant 2.0 app registration, and
 * checked with `permcheck --guide office365 --version 2.0 --manifest app.json` against this
 * repository's own 2.0 profile. Anything that can change data, or that nobody can show to be
 * read-only, fails (exit 1); a read-only Microsoft Graph permission or an OpenID Connect scope
 * still passes (exit 0), with a warning.
 */
import {spawnSync} from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import {afterAll, beforeAll, describe, expect, it} from 'vitest';
import {runPermcheck} from './runCli';
import {findPermission} from '../../../src/permissions/catalog';
import {GRAPH, AAD_GRAPH} from '../engine/helpers';

const repoRoot = path.resolve(__dirname, '../../..');
const compliant = JSON.parse(fs.readFileSync(path.join(repoRoot, 'tests/fixtures/manifests/graph-compliant.json'), 'utf8'));
const NOW = '2026-01-15T00:00:00Z';

const EXCHANGE = '00000002-0000-0ff1-ce00-000000000000';
const SHAREPOINT = '00000003-0000-0ff1-ce00-000000000000';
const RIGHTS_MANAGEMENT = '00000012-0000-0000-c000-000000000000';
const PARTNER_CENTER = 'fa3d9a0c-3fb0-42cc-9193-47c7ecd2edbd';

const graphScopeId = (value: string) => findPermission(GRAPH, value, 'Delegated')!.id;

interface Entry {
  what: string;
  resourceAppId: string;
  id: string;
  type: 'Role' | 'Scope';
}

/** Each one can change data or cannot be shown to be read-only. */
const MUST_FAIL: Entry[] = [
  {what: 'SharePoint Online Sites.FullControl.All (application)', resourceAppId: SHAREPOINT, id: '678536fe-1083-478a-9c59-b99265e6b0d3', type: 'Role'},
  {what: 'Exchange Online full_access_as_app (application)', resourceAppId: EXCHANGE, id: 'dc890d15-9560-4a4c-9b7f-a736ec74ec40', type: 'Role'},
  {what: 'Exchange Online Exchange.ManageAsApp (application)', resourceAppId: EXCHANGE, id: 'dc50a0fb-09a3-484d-be87-e023b12c6440', type: 'Role'},
  {what: 'Azure AD Graph Directory.ReadWrite.All (application)', resourceAppId: AAD_GRAPH, id: '78c8a3c8-a07e-4b9e-af1b-b5ccab50a175', type: 'Role'},
  {what: 'Azure AD Graph Application.ReadWrite.All (application)', resourceAppId: AAD_GRAPH, id: '1cda74f2-2616-4834-b122-5cb1b07f8a59', type: 'Role'},
  {what: 'Azure AD Graph Directory.AccessAsUser.All (delegated)', resourceAppId: AAD_GRAPH, id: 'a42657d6-7f20-40e3-b6f0-cee03008a62a', type: 'Scope'},
  {what: 'Rights Management Content.SuperUser (application)', resourceAppId: RIGHTS_MANAGEMENT, id: '7347eb49-7a1a-43c5-8eac-a5cd1d1c7cf0', type: 'Role'},
  {what: 'Rights Management Content.Writer (application)', resourceAppId: RIGHTS_MANAGEMENT, id: '006e763d-a822-41fc-8df5-8d3d7fe20022', type: 'Role'},
  {what: 'Rights Management user_impersonation (delegated)', resourceAppId: RIGHTS_MANAGEMENT, id: 'c9c9a04d-3b66-4ca8-a00c-fca953e2afd3', type: 'Scope'},
  {what: 'Partner Center user_impersonation (delegated)', resourceAppId: PARTNER_CENTER, id: '1cebfa2a-fb4d-419e-b5f9-839b4383e05a', type: 'Scope'},
  {what: 'Graph delegated Mail.ReadWrite listed as Role', resourceAppId: GRAPH, id: graphScopeId('Mail.ReadWrite'), type: 'Role'},
  {what: 'Graph delegated EWS.AccessAsUser.All listed as Role', resourceAppId: GRAPH, id: graphScopeId('EWS.AccessAsUser.All'), type: 'Role'},
  {what: 'Graph delegated TeamsTab.Create listed as Role', resourceAppId: GRAPH, id: graphScopeId('TeamsTab.Create'), type: 'Role'},
  // Found by trying real public manifests: named as if they only read, but they are not.
  {what: 'Graph UserAuthMethod-ResourceKey.Read.All (application: "Read and write all users\' external authentication methods")', resourceAppId: GRAPH, id: '94ed018c-a499-47e0-beef-803b93873ece', type: 'Role'},
  {what: 'Graph DeviceLocalCredential.Read.All (application: local administrator passwords)', resourceAppId: GRAPH, id: findPermission(GRAPH, 'DeviceLocalCredential.Read.All', 'Application')!.id, type: 'Role'},
  {what: 'Graph BitlockerKey.Read.All (application: recovery keys)', resourceAppId: GRAPH, id: findPermission(GRAPH, 'BitlockerKey.Read.All', 'Application')!.id, type: 'Role'},
  {what: 'Office 365 Management APIs ActivityFeed.Read (application: starts and stops subscriptions)', resourceAppId: 'c5393580-f805-4401-95e8-94b7a6ef2fc2', id: '594c1fb6-4f81-4475-ae41-0c394909246c', type: 'Role'},
  {what: 'an id of an API nobody knows', resourceAppId: '4a5b6c7d-8e9f-4a0b-9c1d-2e3f4a5b6c7d', id: '0f1e2d3c-4b5a-4697-8877-665544332211', type: 'Role'},
];

/** Named and read-only: a least-privilege warning, and still a pass. */
const MAY_PASS: Entry[] = [
  {what: 'Graph Calendars.Read (application)', resourceAppId: GRAPH, id: findPermission(GRAPH, 'Calendars.Read', 'Application')!.id, type: 'Role'},
  {what: 'Graph openid (delegated)', resourceAppId: GRAPH, id: '37f7f235-527c-4136-accd-4a02d197296e', type: 'Scope'},
  {what: 'Graph offline_access (delegated)', resourceAppId: GRAPH, id: '7427e0e9-2fba-42fe-b0c0-848c9e6a8182', type: 'Scope'},
  {what: 'Exchange Online Mail.Read (application)', resourceAppId: EXCHANGE, id: '810c84a8-4a9e-49e6-bf7d-12d183f40d01', type: 'Role'},
  {what: 'Graph BitlockerKey.ReadBasic.All (application: no keys)', resourceAppId: GRAPH, id: findPermission(GRAPH, 'BitlockerKey.ReadBasic.All', 'Application')!.id, type: 'Role'},
  {what: 'Office 365 Management APIs ServiceHealth.Read (application)', resourceAppId: 'c5393580-f805-4401-95e8-94b7a6ef2fc2', id: 'e2cea78f-e743-4d8f-a16a-75b629a038ae', type: 'Role'},
];

function withEntry(entry: Entry): unknown {
  const manifest = structuredClone(compliant);
  const existing = manifest.requiredResourceAccess.find((r: {resourceAppId: string}) => r.resourceAppId === entry.resourceAppId);
  if (existing) existing.resourceAccess.push({id: entry.id, type: entry.type});
  else manifest.requiredResourceAccess.push({resourceAppId: entry.resourceAppId, resourceAccess: [{id: entry.id, type: entry.type}]});
  return manifest;
}

let dir: string;

beforeAll(() => {
  dir = fs.mkdtempSync(path.join(os.tmpdir(), 'permcheck-read-only-'));
});

afterAll(() => fs.rmSync(dir, {recursive: true, force: true}));

async function check(entry: Entry) {
  const file = path.join(dir, 'app.json');
  fs.writeFileSync(file, JSON.stringify(withEntry(entry), null, 2));
  const {code, stdout, stderr} = await runPermcheck(['--guide', 'office365', '--version', '2.0', '--manifest', file, '--format', 'json', '--now', NOW]);
  return {code, stderr, report: JSON.parse(stdout) as {verdict: string; findings: Array<{permissionId?: string; status: string; severity: string; message: string}>}};
}

describe('permcheck keeps the read-only promise', () => {
  it('passes the compliant app itself (the baseline every case adds one entry to)', async () => {
    const {code, report} = await check({...MAY_PASS[0], id: findPermission(GRAPH, 'User.Read.All', 'Application')!.id});
    expect(report.verdict).toBe('pass');
    expect(code).toBe(0);
  });

  it.each(MUST_FAIL.map((e) => [e.what, e] as const))('fails with %s added (exit 1, an error on that entry)', async (_what, entry) => {
    const {code, stderr, report} = await check(entry);
    expect(stderr).toBe('');
    expect(report.verdict).toBe('fail');
    expect(code).toBe(1);
    const finding = report.findings.find((f) => f.permissionId === entry.id);
    expect(finding).toMatchObject({severity: 'error'});
    expect(finding!.message).toMatch(/can change data|cannot be shown to be read-only|edited by hand|is not read-only: it /);
  });

  it('says why a delegated id listed as an application permission is wrong', async () => {
    const {report} = await check(MUST_FAIL.find((e) => e.what.includes('Mail.ReadWrite listed as Role'))!);
    const finding = report.findings.find((f) => f.status === 'unknown')!;
    expect(finding.message).toMatch(/delegated permission Mail\.ReadWrite/);
    expect(finding.message).toMatch(/a delegated permission listed as an application permission\. The portal never writes this; the manifest was edited by hand/);
  });

  it('names the API an id belongs to when it is listed under another one', async () => {
    const {report} = await check({what: 'full_access_as_app under Microsoft Graph', resourceAppId: GRAPH, id: 'dc890d15-9560-4a4c-9b7f-a736ec74ec40', type: 'Role'});
    expect(report.verdict).toBe('fail');
    expect(report.findings.find((f) => f.status === 'unknown')!.message).toMatch(/it is the id of full_access_as_app of Office 365 Exchange Online: listed under the wrong API/);
  });

  it.each(MAY_PASS.map((e) => [e.what, e] as const))('still passes with %s added (exit 0, a warning)', async (_what, entry) => {
    const {code, report} = await check(entry);
    expect(report.verdict).toBe('pass');
    expect(code).toBe(0);
    expect(report.findings.find((f) => f.permissionId === entry.id)).toMatchObject({status: 'excess', severity: 'warning'});
  });

  it('the real command, spawned: full_access_as_app fails with exit 1', () => {
    const file = path.join(dir, 'spawned.json');
    fs.writeFileSync(file, JSON.stringify(withEntry(MUST_FAIL[1])));
    const result = spawnSync(process.execPath, [path.join(repoRoot, 'bin/permcheck.mjs'), '--guide', 'office365', '--version', '2.0', '--manifest', file, '--now', NOW], {
      cwd: repoRoot,
      encoding: 'utf8',
      env: {...process.env, NO_COLOR: '1'},
    });
    expect(result.status).toBe(1);
    expect(result.stdout).toMatch(/full_access_as_app \(application\) of Office 365 Exchange Online is configured, but the guide does not need it and it can change data/);
  });
});

import {spawnSync} from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import {describe, expect, it} from 'vitest';
import catalogFile from '../../../src/permissions/catalog/microsoft-graph.json';
import {
  findPermission,
  isReadOnlyPermission,
  isRetiredResource,
  knownResourceName,
  permissionById,
  suggestPermissionName,
} from '../../../src/permissions/catalog';
import {catalogResources} from '../../../src/permissions/catalogInFull';
import {isGuid} from '../../../src/permissions/ids';
import {AAD_GRAPH, AAD_GRAPH_USER_READ, GRAPH} from './helpers';

const repoRoot = path.resolve(__dirname, '../../..');

describe('the trimmed catalog file', () => {
  it('says where it came from and keeps only the trimmed fields', () => {
    expect(catalogFile.source).toMatch(/microsoft-graph-devx-content/);
    expect(catalogFile.permissions.length).toBeGreaterThan(1000);
    for (const p of catalogFile.permissions.slice(0, 50)) {
      expect(Object.keys(p).sort()).toEqual(['adminConsentRequired', 'displayName', 'id', 'privilegeLevel', 'type', 'value']);
      expect(['Role', 'Scope']).toContain(p.type);
      expect(isGuid(p.id)).toBe(true);
      expect(p.id).toBe(p.id.toLowerCase());
    }
  });
});

describe('findPermission and permissionById', () => {
  it('finds Microsoft Graph permissions by name and type, with their real ids', () => {
    expect(findPermission(GRAPH, 'User.Read.All', 'Application')?.id).toBe('df021288-bdef-4463-88db-98f22de89214');
    expect(findPermission(GRAPH, 'User.Read.All', 'Delegated')?.id).toBe('a154be20-db9c-4678-8ab7-66f6cc099a59');
    expect(findPermission(GRAPH, 'User.Read', 'Application')).toBeUndefined();
    expect(findPermission(GRAPH, 'Groups.Read-All', 'Application')).toBeUndefined();
  });

  it('accepts the resource id in any case', () => {
    expect(findPermission(GRAPH.toUpperCase(), 'Group.Read.All', 'Application')?.value).toBe('Group.Read.All');
  });

  it('looks ids up in any case, and picks the type when an id is shared by both types', () => {
    expect(permissionById(GRAPH, 'DF021288-BDEF-4463-88DB-98F22DE89214')?.value).toBe('User.Read.All');
    expect(permissionById(GRAPH, '405a51b5-8d8d-430b-9842-8be4b0e9f324', 'Application')?.type).toBe('Application');
    expect(permissionById(GRAPH, '405a51b5-8d8d-430b-9842-8be4b0e9f324', 'Delegated')?.type).toBe('Delegated');
    expect(permissionById(GRAPH, 'df021288-bdef-4463-88db-98f22de89214', 'Delegated')).toBeUndefined();
    expect(permissionById(GRAPH, '00000000-0000-0000-0000-000000000000')).toBeUndefined();
  });

  it('knows Azure AD Graph delegated User.Read and flags the API as retired', () => {
    expect(permissionById(AAD_GRAPH, AAD_GRAPH_USER_READ, 'Delegated')?.value).toBe('User.Read');
    expect(findPermission(AAD_GRAPH, 'User.Read', 'Delegated')?.id).toBe(AAD_GRAPH_USER_READ);
    expect(isRetiredResource(AAD_GRAPH)).toBe(true);
    expect(isRetiredResource(GRAPH)).toBe(false);
  });

  it('names known APIs and nothing else', () => {
    expect(knownResourceName(GRAPH)).toBe('Microsoft Graph');
    expect(knownResourceName(AAD_GRAPH)).toBe('Azure Active Directory Graph');
    expect(knownResourceName('00000003-0000-0ff1-ce00-000000000000')).toBe('Office 365 SharePoint Online');
    expect(knownResourceName('12345678-1234-1234-1234-123456789012')).toBeNull();
  });
});

describe('suggestPermissionName', () => {
  it.each([
    ['Groups.Read-All', 'Application', 'Group.Read.All'],
    ['user.read.all', 'Application', 'User.Read.All'],
    ['Directory.ReadAll', 'Application', 'Directory.Read.All'],
    ['Site.Read.All', 'Application', 'Sites.Read.All'],
    ['AuditLogs.Read.All', 'Application', 'AuditLog.Read.All'],
  ] as const)('%s -> %s', (typo, type, expected) => {
    expect(suggestPermissionName(GRAPH, typo, type)).toBe(expected);
  });

  it('suggests nothing for names far from any permission, or for unknown APIs', () => {
    expect(suggestPermissionName(GRAPH, 'Completely.Made.Up.Thing', 'Application')).toBeNull();
    expect(suggestPermissionName('12345678-1234-1234-1234-123456789012', 'User.Read')).toBeNull();
  });

  it('does not suggest the same name back', () => {
    expect(suggestPermissionName(GRAPH, 'User.Read', 'Application')).not.toBe('User.Read');
  });
});

describe('isReadOnlyPermission: an allow-list, never a deny-list', () => {
  it.each([
    [GRAPH, 'User.ReadWrite.All'],
    [GRAPH, 'Mail.Send'],
    [GRAPH, 'Sites.FullControl.All'],
    [GRAPH, 'Directory.AccessAsUser.All'],
    [GRAPH, 'Sites.Manage.All'],
    [GRAPH, 'Directory.Write.Restricted'],
    [GRAPH, 'Group.Create'],
    [GRAPH, 'User.ManageIdentities.All'],
    [GRAPH, 'Files.ReadWrite.AppFolder'],
    [GRAPH, 'RoleAssignmentSchedule.Remove.Directory'],
    [GRAPH, 'EngagementConversation.Migration.All'],
    [GRAPH, 'ChannelMessage.Edit'],
    [GRAPH, 'Sites.Lock.All'],
    [GRAPH, 'LifecycleWorkflows.Resume.All'],
    [GRAPH, 'ConsentRequest.ReadApprove.All'],
    [GRAPH, 'Device.ProvisionForVDI'],
    [GRAPH, 'DeviceManagement.Scripts.ReadWrite.All'],
    [GRAPH, 'Sites.Selected'],
    // Words the old deny-list did not know are not read-only either: anything unfamiliar.
    [GRAPH, 'SensitivityLabel.Evaluate'],
    [GRAPH, 'Mail.Frobnicate'],
    [GRAPH, 'user_impersonation'],
    [GRAPH, 'Read'],
    [GRAPH, 'Mail.read'],
    [GRAPH, 'Mail.ReadWriteBasic'],
    ['00000002-0000-0ff1-ce00-000000000000', 'full_access_as_app'],
    ['00000002-0000-0ff1-ce00-000000000000', 'Exchange.ManageAsApp'],
    ['00000002-0000-0ff1-ce00-000000000000', 'EWS.AccessAsUser.All'],
    ['797f4846-ba00-4fd7-ba43-dac1f8f63013', 'user_impersonation'],
    [AAD_GRAPH, 'Directory.AccessAsUser.All'],
    // A read-only list belongs to its API: openid of another API is not vouched for.
    ['00000002-0000-0ff1-ce00-000000000000', 'openid'],
    // Named as if they only read, but they hand out credentials or change state (a veto list).
    [GRAPH, 'BitlockerKey.Read.All'],
    [GRAPH, 'DeviceLocalCredential.Read.All'],
    ['c5393580-f805-4401-95e8-94b7a6ef2fc2', 'ActivityFeed.Read'],
    ['c5393580-f805-4401-95e8-94b7a6ef2fc2', 'ActivityFeed.ReadDlp'],
    // Microsoft's display name says "Read and write": the name rule is vetoed.
    [GRAPH, 'UserAuthMethod-ResourceKey.Read.All'],
    // Names are data: an object's own prototype is not a read-only list.
    [GRAPH, 'constructor'],
    [GRAPH, '__proto__'],
    [GRAPH, 'toString'],
    [GRAPH, 'hasOwnProperty'],
  ])('%s %s is not known to be read-only', (resource, value) => {
    expect(isReadOnlyPermission(resource, value)).toBe(false);
  });

  it.each([
    [GRAPH, 'User.Read.All'],
    [GRAPH, 'User.Read'],
    [GRAPH, 'DeviceManagementManagedDevices.Read.All'],
    [GRAPH, 'Calendars.ReadBasic'],
    [GRAPH, 'Team.ReadBasic.All'],
    [GRAPH, 'ApprovalRequest.Read.EntitlementManagement'],
    [GRAPH, 'Policy.Read.ServicePrincipalCreate'],
    [GRAPH, 'TeamsAppInstallation.ReadForChat'],
    [GRAPH, 'TeamsAppInstallation.ReadSelectedForTeam.All'],
    [GRAPH, 'openid'],
    [GRAPH, 'email'],
    [GRAPH, 'profile'],
    [GRAPH, 'offline_access'],
    [GRAPH, 'DeviceManagement.Scripts.Read.All'],
    ['00000002-0000-0ff1-ce00-000000000000', 'Mail.Read'],
    [GRAPH, 'BitlockerKey.ReadBasic.All'],
    [GRAPH, 'DeviceLocalCredential.ReadBasic.All'],
    [GRAPH, 'WindowsUpdates.Read.All'],
    ['c5393580-f805-4401-95e8-94b7a6ef2fc2', 'ServiceHealth.Read'],
    [AAD_GRAPH, 'User.Read'],
  ])('%s %s only reads', (resource, value) => {
    expect(isReadOnlyPermission(resource, value)).toBe(true);
  });
});

describe('the first-party APIs of the catalog', () => {
  it('is exactly what scripts/build-catalog.ts builds from data/catalog-sources (offline, no drift), and so is the directory of the split', () => {
    const out = fs.mkdtempSync(path.join(os.tmpdir(), 'catalog-'));
    try {
      const result = spawnSync(process.execPath, ['--import', 'tsx', 'scripts/build-catalog.ts', path.join(out, 'no-such-graph-input.json')], {
        cwd: repoRoot,
        encoding: 'utf8',
        env: {...process.env, CATALOG_OUT_DIR: out},
      });
      expect(result.status, result.stderr).toBe(0);
      expect(fs.readFileSync(path.join(out, 'first-party-apis.json'), 'utf8')).toBe(
        fs.readFileSync(path.join(repoRoot, 'src/permissions/catalog/first-party-apis.json'), 'utf8'),
      );
      expect(fs.readFileSync(path.join(out, 'directory.json'), 'utf8')).toBe(fs.readFileSync(path.join(repoRoot, 'src/permissions/catalog/directory.json'), 'utf8'));
    } finally {
      fs.rmSync(out, {recursive: true, force: true});
    }
  });

  it('names the first-party APIs real registrations list, each with its sources, and Graph\'s OpenID Connect scopes', () => {
    const names = Object.fromEntries(catalogResources().map((r) => [r.resourceAppId, r.name]));
    expect(names).toMatchObject({
      '00000002-0000-0ff1-ce00-000000000000': 'Office 365 Exchange Online',
      '00000003-0000-0ff1-ce00-000000000000': 'Office 365 SharePoint Online',
      'c5393580-f805-4401-95e8-94b7a6ef2fc2': 'Office 365 Management APIs',
      '00000002-0000-0000-c000-000000000000': 'Azure Active Directory Graph',
      '00000012-0000-0000-c000-000000000000': expect.stringMatching(/Rights Management/),
      '48ac35b8-9aa8-4d74-927d-1f4a14a0b239': expect.stringMatching(/Skype and Teams Tenant Admin/),
      'fa3d9a0c-3fb0-42cc-9193-47c7ecd2edbd': expect.stringMatching(/Partner Center/),
      '797f4846-ba00-4fd7-ba43-dac1f8f63013': expect.any(String),
      '00000007-0000-0000-c000-000000000000': expect.any(String),
      '00000009-0000-0000-c000-000000000000': expect.stringMatching(/Power BI/),
      'fc780465-2017-40d4-a0c5-307022471b92': expect.any(String),
    });
    for (const resource of catalogResources()) expect(resource.source).toMatch(/@ [0-9a-f]{40}|microsoft-graph-devx-content/);
    for (const scope of ['openid', 'profile', 'email', 'offline_access']) expect(findPermission(GRAPH, scope, 'Delegated')).toBeDefined();
    expect(findPermission('00000002-0000-0ff1-ce00-000000000000', 'full_access_as_app', 'Application')?.id).toBe('dc890d15-9560-4a4c-9b7f-a736ec74ec40');
    expect(findPermission('00000003-0000-0ff1-ce00-000000000000', 'Sites.FullControl.All', 'Application')?.id).toBe('678536fe-1083-478a-9c59-b99265e6b0d3');
  });

  it('keeps an id that an API lists under both types apart by type', () => {
    // Office 365 Management APIs use one id for ActivityFeed.Read as an app role and as a scope.
    const api = 'c5393580-f805-4401-95e8-94b7a6ef2fc2';
    expect(permissionById(api, '594c1fb6-4f81-4475-ae41-0c394909246c', 'Application')?.type).toBe('Application');
    expect(permissionById(api, '594c1fb6-4f81-4475-ae41-0c394909246c', 'Delegated')?.type).toBe('Delegated');
  });
});

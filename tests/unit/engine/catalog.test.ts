import {describe, expect, it} from 'vitest';
import catalogFile from '../../../src/permissions/catalog/microsoft-graph.json';
import {
  findPermission,
  isGuid,
  isReadOnlyPermission,
  isRetiredResource,
  knownResourceName,
  permissionById,
  suggestPermissionName,
} from '../../../src/permissions/catalog';
import {AAD_GRAPH, AAD_GRAPH_USER_READ, GRAPH} from './helpers';

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
    ['c5393580-f805-4401-95e8-94b7a6ef2fc2', 'ActivityFeed.ReadDlp'],
    [AAD_GRAPH, 'User.Read'],
  ])('%s %s only reads', (resource, value) => {
    expect(isReadOnlyPermission(resource, value)).toBe(true);
  });
});

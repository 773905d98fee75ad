import {describe, expect, it} from 'vitest';
import {compareToProfile} from '../../../src/permissions/compare';
import {parseAppManifest} from '../../../src/permissions/manifest';
import {consentRoles} from '../../../src/permissions/remediation';
import type {CheckResult, Finding, ObservedState, PermissionFinding, SettingFinding} from '../../../src/permissions/types';
import {
  AAD_GRAPH,
  AAD_GRAPH_USER_READ,
  APP_ID,
  GRAPH,
  NOW,
  compliantConfigured,
  configured,
  fixture,
  gid,
  manifestState,
  officeProfile,
  tenantState,
} from './helpers';

const ctx = {cloud: 'global' as const, now: NOW};
const v2 = officeProfile('2.0');
const v1 = officeProfile('1.0');

function permissions(result: CheckResult): PermissionFinding[] {
  return result.findings.filter((f): f is PermissionFinding => f.kind === 'permission');
}

function settings(result: CheckResult): SettingFinding[] {
  return result.findings.filter((f): f is SettingFinding => f.kind === 'setting');
}

function find(result: CheckResult, permission: string, type?: 'Application' | 'Delegated'): PermissionFinding {
  const found = permissions(result).filter((f) => f.permission === permission && (!type || f.type === type));
  expect(found, `${permission} ${type ?? ''}`).toHaveLength(1);
  return found[0];
}

function without(value: string, type: 'Application' | 'Delegated' = 'Application') {
  const id = gid(value, type);
  return compliantConfigured().filter((c) => !(c.id === id && c.type === type));
}

function expectFixesOnEveryError(result: CheckResult) {
  for (const f of result.findings) {
    if (f.severity !== 'error') continue;
    expect(f.fix, f.message).toBeDefined();
    expect(f.fix!.summary.length).toBeGreaterThan(10);
    expect(f.fix!.azureCli.length + f.fix!.powershell.length).toBeGreaterThan(0);
  }
}

describe('ok and allowed', () => {
  it('a compliant manifest passes, with consent unknown', () => {
    const result = compareToProfile(v2, manifestState(), ctx);
    expect(result.verdict).toBe('pass');
    expect(result.grantsChecked).toBe(false);
    expect(find(result, 'User.Read.All')).toMatchObject({status: 'ok', severity: 'info', required: true, configured: true, granted: null});
    expect(find(result, 'User.Read.All').message).toMatch(/admin consent was not checked/);
    expect(find(result, 'User.Read', 'Delegated')).toMatchObject({status: 'allowed', severity: 'info', required: false, configured: true});
  });

  it('a compliant, consented tenant passes with granted true', () => {
    const result = compareToProfile(v2, tenantState(), ctx);
    expect(result.verdict).toBe('pass');
    expect(result.grantsChecked).toBe(true);
    expect(find(result, 'Group.Read.All')).toMatchObject({status: 'ok', granted: true, permissionId: gid('Group.Read.All')});
    expect(find(result, 'User.Read', 'Delegated')).toMatchObject({status: 'allowed', granted: true});
  });

  it('an allowed permission that is absent gives no finding', () => {
    const result = compareToProfile(v2, manifestState({configured: without('User.Read', 'Delegated')}), ctx);
    expect(permissions(result).some((f) => f.permission === 'User.Read')).toBe(false);
    expect(result.verdict).toBe('pass');
  });
});

describe('missing', () => {
  it('is an error with a fix that adds the permission and grants consent', () => {
    const result = compareToProfile(v2, manifestState({configured: without('Files.Read.All')}), ctx);
    expect(result.verdict).toBe('fail');
    const f = find(result, 'Files.Read.All');
    expect(f).toMatchObject({status: 'missing', severity: 'error', configured: false, granted: null, type: 'Application', resourceAppId: GRAPH, resourceName: 'Microsoft Graph'});
    expect(f.fix?.portalUrl).toBe(`https://entra.microsoft.com/#view/Microsoft_AAD_RegisteredApps/ApplicationMenuBlade/~/CallAnAPI/appId/${APP_ID}`);
    // No tenant known: no link that would not open, but the words to fill one in.
    expect(f.fix?.adminConsentUrl).toBeUndefined();
    expect(compareToProfile(v2, manifestState({configured: without('Files.Read.All')}), {...ctx, tenant: 'contoso.onmicrosoft.com'}).findings.find((x) => x.kind === 'permission' && x.permission === 'Files.Read.All')?.fix?.adminConsentUrl).toBe(
      `https://login.microsoftonline.com/contoso.onmicrosoft.com/adminconsent?client_id=${APP_ID}`,
    );
    expect(f.fix?.azureCli).toEqual([
      `az ad app permission add --id ${APP_ID} --api ${GRAPH} --api-permissions ${gid('Files.Read.All')}=Role`,
      `az ad app permission admin-consent --id ${APP_ID}`,
    ]);
    expect(f.fix?.powershell.join('\n')).toMatch(/Update-MgApplication -ApplicationId \$app\.Id -RequiredResourceAccess/);
    expect(f.fix?.powershell.join('\n')).toMatch(new RegExp(`New-MgServicePrincipalAppRoleAssignment .*-AppRoleId '${gid('Files.Read.All')}'`));
  });

  it('is missing even when it is granted in the tenant but not configured', () => {
    const state = tenantState();
    const result = compareToProfile(v2, {...state, configured: without('Reports.Read.All')}, ctx);
    expect(find(result, 'Reports.Read.All')).toMatchObject({status: 'missing', granted: true, configured: false});
    expect(find(result, 'Reports.Read.All').message).toMatch(/granted in this tenant but not configured/);
  });
});

describe('wrong-type', () => {
  it('is one error finding carrying the required type, and the other-type entry is not also excess', () => {
    const list = [...without('Sites.Read.All'), configured('Sites.Read.All', 'Delegated')];
    const result = compareToProfile(v2, manifestState({configured: list}), ctx);
    const sites = permissions(result).filter((f) => f.permission === 'Sites.Read.All');
    expect(sites).toHaveLength(1);
    expect(sites[0]).toMatchObject({status: 'wrong-type', severity: 'error', type: 'Application', configured: false});
    expect(sites[0].message).toMatch(/configured as a delegated permission, but the scanner needs it as an application permission/);
    expect(sites[0].fix?.azureCli).toEqual([
      `az ad app permission delete --id ${APP_ID} --api ${GRAPH} --api-permissions ${gid('Sites.Read.All', 'Delegated')}`,
      `az ad app permission add --id ${APP_ID} --api ${GRAPH} --api-permissions ${gid('Sites.Read.All')}=Role`,
      `az ad app permission admin-consent --id ${APP_ID}`,
    ]);
    expect(result.findings.filter((f) => f.status === 'excess')).toEqual([]);
  });

  it('having both types is ok for the required one and excess for the other', () => {
    const list = [...compliantConfigured(), configured('Sites.Read.All', 'Delegated')];
    const result = compareToProfile(v2, manifestState({configured: list}), ctx);
    expect(find(result, 'Sites.Read.All', 'Application').status).toBe('ok');
    expect(find(result, 'Sites.Read.All', 'Delegated')).toMatchObject({status: 'excess', severity: 'warning', required: false});
  });
});

describe('not-granted', () => {
  it('is an error when an application permission is configured without admin consent', () => {
    const state = tenantState();
    const id = gid('AuditLog.Read.All');
    const result = compareToProfile(v2, {...state, grants: {...state.grants!, appRoles: state.grants!.appRoles.filter((g) => g.id !== id)}}, ctx);
    expect(result.verdict).toBe('fail');
    const f = find(result, 'AuditLog.Read.All');
    expect(f).toMatchObject({status: 'not-granted', severity: 'error', configured: true, granted: false});
    expect(f.fix?.adminConsentUrl).toBeUndefined();
    expect(f.fix?.summary).toContain('Or open the admin-consent link below with your tenant ID (or primary domain) in place of its <…> placeholders.');
    expect(f.fix?.adminConsentUrlToFillIn).toBe(`https://login.microsoftonline.com/<your tenant ID or domain>/adminconsent?client_id=${APP_ID}`);
    // Microsoft Graph application permissions: only these roles can consent to them.
    expect(f.fix?.summary).toMatch(/Privileged Role Administrator or Global Administrator role/);
    expect(f.fix?.summary).not.toMatch(/Cloud Application Administrator/);
    expect(f.fix?.azureCli).toEqual([`az ad app permission admin-consent --id ${APP_ID}`]);
  });

  it('counts only admin consent (AllPrincipals) for delegated permissions', () => {
    const state = tenantState({configured: [...compliantConfigured(), configured(AAD_GRAPH_USER_READ, 'Delegated', AAD_GRAPH)]});
    const userConsent = {...state, grants: {...state.grants!, scopes: [...state.grants!.scopes, {resourceAppId: AAD_GRAPH, scopes: ['User.Read'], consentType: 'Principal' as const}]}};
    expect(permissions(compareToProfile(v1, userConsent, ctx)).find((f) => f.resourceAppId === AAD_GRAPH)).toMatchObject({status: 'not-granted', granted: false});
    const adminConsent = {...state, grants: {...state.grants!, scopes: [...state.grants!.scopes, {resourceAppId: AAD_GRAPH, scopes: ['user.read'], consentType: 'AllPrincipals' as const}]}};
    const result = compareToProfile(v1, adminConsent, ctx);
    expect(permissions(result).find((f) => f.resourceAppId === AAD_GRAPH)).toMatchObject({status: 'ok', granted: true});
    expect(result.verdict).toBe('pass');
  });

  it('says the app was never consented when it has no service principal', () => {
    const result = compareToProfile(v2, tenantState({grants: {servicePrincipalExists: false, appRoles: [], scopes: []}}), ctx);
    expect(result.verdict).toBe('fail');
    for (const value of ['AuditLog.Read.All', 'User.Read.All']) {
      const f = find(result, value);
      expect(f).toMatchObject({status: 'not-granted', granted: false});
      expect(f.message).toMatch(/never consented/);
      expect(f.fix?.azureCli).toEqual([`az ad sp create --id ${APP_ID}`, `az ad app permission admin-consent --id ${APP_ID}`]);
    }
    expect(find(result, 'User.Read', 'Delegated')).toMatchObject({status: 'allowed', granted: false, severity: 'info'});
  });
});

describe('excess and unknown', () => {
  const overPrivileged = parseAppManifest(fixture('graph-over-privileged.json'));

  it('is an error when it can change data and a warning otherwise, sorted by name after the profile', () => {
    const result = compareToProfile(v2, overPrivileged, ctx);
    expect(result.verdict).toBe('fail');
    const excess = permissions(result).filter((f) => f.status === 'excess');
    expect(excess.map((f) => [f.permission, f.severity])).toEqual([
      ['Calendars.Read', 'warning'],
      ['Mail.Send', 'error'],
      ['User.ReadWrite.All', 'error'],
    ]);
    expect(excess.every((f) => f.required === false && f.configured && f.granted === null)).toBe(true);
    expect(find(result, 'Mail.Send').message).toMatch(/can change data/);
    expect(find(result, 'Mail.Send').fix?.azureCli).toEqual([`az ad app permission delete --id ${APP_ID} --api ${GRAPH} --api-permissions ${gid('Mail.Send')}`]);
    expectFixesOnEveryError(result);
  });

  it('counts a permission granted but not configured as excess', () => {
    const state = tenantState();
    const withGrant = {...state, grants: {...state.grants!, appRoles: [...state.grants!.appRoles, {resourceAppId: GRAPH, id: gid('Mail.ReadWrite')}]}};
    const result = compareToProfile(v2, withGrant, ctx);
    expect(find(result, 'Mail.ReadWrite')).toMatchObject({status: 'excess', severity: 'error', configured: false, granted: true});
    expect(find(result, 'Mail.ReadWrite').fix?.powershell.join('\n')).toMatch(/Remove-MgServicePrincipalAppRoleAssignment/);
    const scopeGrant = {...state, grants: {...state.grants!, scopes: [{resourceAppId: GRAPH, scopes: ['User.Read', 'Mail.Read'], consentType: 'AllPrincipals' as const}]}};
    expect(find(compareToProfile(v2, scopeGrant, ctx), 'Mail.Read', 'Delegated')).toMatchObject({status: 'excess', severity: 'warning', configured: false, granted: true, permissionId: gid('Mail.Read', 'Delegated')});
  });

  it('flags Azure AD Graph leftovers as retired: read-only ones a warning, anything else an error', () => {
    const result = compareToProfile(v2, parseAppManifest(fixture('graph-aad-graph-leftover.json')), ctx);
    const aad = permissions(result).find((p) => p.resourceAppId === AAD_GRAPH)!;
    expect(aad).toMatchObject({status: 'excess', severity: 'warning', resourceName: 'Azure Active Directory Graph', permission: 'User.Read', permissionId: AAD_GRAPH_USER_READ});
    expect(aad.message).toMatch(/Azure Active Directory Graph is retired \(2025\); Microsoft Graph replaces it/);
    expect(result.verdict).toBe('pass');
    const unnamed = compareToProfile(v2, manifestState({configured: [...compliantConfigured(), configured('12345678-0000-0000-0000-000000000000', 'Application', AAD_GRAPH)]}), ctx);
    expect(permissions(unnamed).find((p) => p.resourceAppId === AAD_GRAPH)).toMatchObject({status: 'unknown', severity: 'error', permission: '12345678-0000-0000-0000-000000000000'});
    expect(unnamed.verdict).toBe('fail');
    const writes = compareToProfile(v2, manifestState({configured: [...compliantConfigured(), configured('78c8a3c8-a07e-4b9e-af1b-b5ccab50a175', 'Application', AAD_GRAPH)]}), ctx);
    const directoryWrite = permissions(writes).find((p) => p.resourceAppId === AAD_GRAPH)!;
    expect(directoryWrite).toMatchObject({status: 'excess', severity: 'error', permission: 'Directory.ReadWrite.All'});
    expect(directoryWrite.message).toMatch(/can change data.*retired/);
    expect(writes.verdict).toBe('fail');
  });

  it('Azure AD Graph User.Read is ok where the profile requires it (1.0)', () => {
    const result = compareToProfile(v1, parseAppManifest(fixture('legacy-1.0-with-aad-graph.json')), ctx);
    expect(permissions(result).find((p) => p.resourceAppId === AAD_GRAPH)).toMatchObject({status: 'ok', resourceName: 'Azure AD Graph'});
    expect(result.verdict).toBe('pass');
  });

  it('is unknown (error) for an id no catalog and no tenant data can name; named by the tenant for an API outside the catalog, still an error', () => {
    const api = 'aaaaaaaa-bbbb-cccc-dddd-eeeeeeeeeeee';
    const roleId = '99999999-8888-7777-6666-555555555555';
    const list = [
      ...compliantConfigured(),
      {resourceAppId: GRAPH, id: '11111111-2222-3333-4444-000000000000', type: 'Application' as const},
      configured(roleId, 'Application', api),
    ];
    const result = compareToProfile(v2, manifestState({configured: list}), ctx);
    expect(find(result, '11111111-2222-3333-4444-000000000000')).toMatchObject({status: 'unknown', severity: 'error', permissionId: '11111111-2222-3333-4444-000000000000', resourceName: 'Microsoft Graph'});
    expect(find(result, roleId)).toMatchObject({status: 'unknown', severity: 'error', resourceName: api});
    expect(find(result, roleId).message).toMatch(/cannot be shown to be read-only/);
    expect(find(result, roleId).fix?.azureCli.join('\n')).toContain(`--api ${api} --api-permissions ${roleId}`);
    expect(result.verdict).toBe('fail');

    const named = compareToProfile(
      v2,
      manifestState({configured: list, resourceNames: [{resourceAppId: api.toUpperCase(), displayName: 'Contoso API', appRoles: [{id: roleId.toUpperCase(), value: 'Widgets.Read'}], scopes: []}]}),
      ctx,
    );
    // Named by the tenant, but the API is not one the catalog vouches for: its publisher chose
    // the name "Widgets.Read", which shows nothing about what it allows.
    expect(find(named, 'Widgets.Read')).toMatchObject({status: 'excess', severity: 'error', resourceName: 'Contoso API', permissionId: roleId});
    expect(find(named, 'Widgets.Read').message).toMatch(/this check does not know the API, and a name its publisher chose shows nothing/);
    expect(named.verdict).toBe('fail');
  });
});

describe('order', () => {
  it('is profile resources in order (required, allowed, then excess by name), other APIs by appId, settings last', () => {
    const otherApi = '00000002-0000-0ff1-ce00-000000000000';
    const list = [
      configured('Mail.Send'),
      configured('abcdef00-0000-0000-0000-000000000000', 'Application', otherApi),
      configured(AAD_GRAPH_USER_READ, 'Delegated', AAD_GRAPH),
      ...compliantConfigured().reverse(),
      configured('Calendars.Read'),
    ];
    const result = compareToProfile(v2, manifestState({configured: list}), ctx);
    expect(result.findings.map((f) => (f.kind === 'permission' ? `${f.resourceName}:${f.permission}:${f.status}` : `setting:${f.setting}`))).toEqual([
      'Microsoft Graph:AuditLog.Read.All:ok',
      'Microsoft Graph:Directory.Read.All:ok',
      'Microsoft Graph:Files.Read.All:ok',
      'Microsoft Graph:Group.Read.All:ok',
      'Microsoft Graph:Reports.Read.All:ok',
      'Microsoft Graph:Sites.Read.All:ok',
      'Microsoft Graph:User.Read.All:ok',
      'Microsoft Graph:User.Read:allowed',
      'Microsoft Graph:Calendars.Read:excess',
      'Microsoft Graph:Mail.Send:excess',
      'Azure Active Directory Graph:User.Read:excess',
      'Office 365 Exchange Online:abcdef00-0000-0000-0000-000000000000:unknown',
      'setting:signInAudience',
      'setting:credentials',
      'setting:passwordCredentials',
    ]);
  });

  it('both manifest formats give the same findings', () => {
    const graph = compareToProfile(v2, parseAppManifest(fixture('graph-compliant.json')), ctx);
    const legacy = compareToProfile(v2, parseAppManifest(fixture('legacy-compliant.json')), ctx);
    expect(permissions(legacy)).toEqual(permissions(graph));
    expect(legacy.verdict).toBe('pass');
  });
});

describe('settings', () => {
  it('are ok (info) when they match', () => {
    const result = compareToProfile(v2, manifestState(), ctx);
    expect(settings(result).map((s) => [s.setting, s.status, s.severity])).toEqual([
      ['signInAudience', 'ok', 'info'],
      ['credentials', 'ok', 'info'],
      ['passwordCredentials', 'ok', 'info'],
    ]);
  });

  it('warn about a different sign-in audience', () => {
    const result = compareToProfile(v2, manifestState({}, {signInAudience: 'AzureADMultipleOrgs'}), ctx);
    expect(settings(result)[0]).toMatchObject({setting: 'signInAudience', status: 'mismatch', severity: 'warning', expected: 'AzureADMyOrg', actual: 'AzureADMultipleOrgs'});
    expect(settings(result)[0].fix?.azureCli).toEqual([`az ad app update --id ${APP_ID} --sign-in-audience AzureADMyOrg`]);
    expect(result.verdict).toBe('pass');
  });

  it('warn when there is no secret nor certificate, or only a secret where a certificate is expected', () => {
    const none = compareToProfile(v2, manifestState({}, {credentials: []}), ctx);
    expect(settings(none).find((s) => s.setting === 'credentials')).toMatchObject({status: 'missing', severity: 'warning'});
    expect(settings(none).some((s) => s.setting === 'passwordCredentials')).toBe(false);
    const certOnly = compareToProfile(officeProfile('2.0', {credential: 'certificate'}), manifestState(), ctx);
    expect(settings(certOnly).find((s) => s.setting === 'credentials')).toMatchObject({status: 'mismatch', severity: 'warning'});
  });

  it('an expired secret is an error with a fix that adds a new one and deletes the old one', () => {
    const result = compareToProfile(v2, parseAppManifest(fixture('graph-expired-secret.json')), ctx);
    expect(result.verdict).toBe('fail');
    const f = settings(result).find((s) => s.setting === 'passwordCredentials')!;
    expect(f).toMatchObject({status: 'expired', severity: 'error'});
    expect(f.message).toMatch(/secret "old" expired on 2024-06-30/i);
    expect(f.fix?.portalUrl).toBe(`https://entra.microsoft.com/#view/Microsoft_AAD_RegisteredApps/ApplicationMenuBlade/~/Credentials/appId/${APP_ID}`);
    expect(f.fix?.azureCli).toContain(`az ad app credential reset --id ${APP_ID} --append --display-name scanner`);
    expect(f.fix?.azureCli).toContain(`az ad app credential delete --id ${APP_ID} --key-id 9a8b7c6d-5e4f-4a3b-9c2d-1e0f9a8b7c6d`);
    expect(f.fix?.powershell.join('\n')).toMatch(/Add-MgApplicationPassword/);
  });

  it('puts only a GUID of an expired credential into a command, as normalizeGuid returns it', () => {
    const keyId = '9a8b7c6d-5e4f-4a3b-9c2d-1e0f9a8b7c6d';
    const expired = (id: string) => ({kind: 'secret' as const, keyId: id, displayName: 'old', endDateTime: '2024-06-30T00:00:00Z'});
    const fixOf = (id: string) => settings(compareToProfile(v2, manifestState({}, {credentials: [expired(id)]}), ctx)).find((s) => s.setting === 'passwordCredentials')!.fix!;
    const pasted = fixOf(` {${keyId.toUpperCase()}}\n`);
    expect(pasted.azureCli).toContain(`az ad app credential delete --id ${APP_ID} --key-id ${keyId}`);
    expect(pasted.powershell).toContain(`Remove-MgApplicationPassword -ApplicationId $app.Id -KeyId '${keyId}'`);
    const smuggled = fixOf(`${keyId}'; Remove-MgApplication -ApplicationId $app.Id; '`);
    expect([...smuggled.azureCli, ...smuggled.powershell].join('\n')).not.toMatch(/credential delete|Remove-MgApplication /);
  });

  it('an expired certificate is an error too; one ending within 30 days is a warning', () => {
    const expiredCert = manifestState({}, {credentials: [{kind: 'certificate', keyId: null, displayName: 'CN=scanner', endDateTime: '2025-12-31T00:00:00Z'}]});
    expect(settings(compareToProfile(v2, expiredCert, ctx)).find((s) => s.setting === 'keyCredentials')).toMatchObject({status: 'expired', severity: 'error'});
    const soon = manifestState({}, {credentials: [{kind: 'secret', keyId: null, displayName: 's', endDateTime: '2026-02-10T00:00:00Z'}]});
    const result = compareToProfile(v2, soon, ctx);
    expect(settings(result).find((s) => s.setting === 'passwordCredentials')).toMatchObject({status: 'expiring', severity: 'warning'});
    expect(result.verdict).toBe('pass');
    const later = manifestState({}, {credentials: [{kind: 'secret', keyId: null, displayName: 's', endDateTime: '2026-02-20T00:00:00Z'}]});
    expect(settings(compareToProfile(v2, later, ctx)).find((s) => s.setting === 'passwordCredentials')?.status).toBe('ok');
  });
});

describe('verdict', () => {
  it('is incomplete whenever a part could not be read, errors or not', () => {
    const unread = [{part: 'oauth2PermissionGrants' as const, reason: 'Forbidden', status: 403}];
    expect(compareToProfile(v2, tenantState({unread}), ctx).verdict).toBe('incomplete');
    expect(compareToProfile(v2, tenantState({unread, configured: without('User.Read.All')}), ctx).verdict).toBe('incomplete');
  });

  it('does not claim grants it could not read', () => {
    const result = compareToProfile(v2, tenantState({unread: [{part: 'appRoleAssignments', reason: 'Forbidden', status: 403}]}), ctx);
    expect(find(result, 'User.Read.All')).toMatchObject({status: 'ok', granted: null});
    expect(find(result, 'User.Read', 'Delegated').granted).toBe(true);
    expect(result.verdict).toBe('incomplete');
  });

  it('a tenant read without grants is never a pass', () => {
    const result = compareToProfile(v2, tenantState({grants: null}), ctx);
    expect(result.verdict).toBe('incomplete');
    expect(result.grantsChecked).toBe(false);
    expect(result.unread.length).toBeGreaterThan(0);
  });

  it('without the application itself there are no findings and no pass', () => {
    const result = compareToProfile(v2, tenantState({unread: [{part: 'application', reason: 'Not found', status: 404}]}), ctx);
    expect(result.findings).toEqual([]);
    expect(result.verdict).toBe('incomplete');
  });
});

describe('fixes', () => {
  const broken: ObservedState = manifestState(
    {configured: [...without('Files.Read.All').filter((c) => c.id !== gid('Sites.Read.All')), configured('Sites.Read.All', 'Delegated'), configured('Mail.Send')]},
    {credentials: [{kind: 'secret', keyId: null, displayName: null, endDateTime: '2020-01-01T00:00:00Z'}]},
  );

  it('every error finding carries one', () => {
    const result = compareToProfile(v2, broken, ctx);
    expect(result.findings.filter((f) => f.severity === 'error').length).toBeGreaterThanOrEqual(4);
    expectFixesOnEveryError(result);
  });

  it('point at the national cloud', () => {
    const usgov = compareToProfile(v2, broken, {...ctx, cloud: 'usgov', tenant: 'contoso.onmicrosoft.us'});
    const f = find(usgov, 'Files.Read.All');
    expect(f.fix?.azureCli[0]).toBe('az cloud set --name AzureUSGovernment');
    expect(f.fix?.portalUrl).toMatch(/^https:\/\/entra\.microsoft\.us\/#view\//);
    expect(f.fix?.adminConsentUrl).toBe(`https://login.microsoftonline.us/contoso.onmicrosoft.us/adminconsent?client_id=${APP_ID}`);
    expect(f.fix?.powershell[0]).toMatch(/-Environment USGov$/);
    const china = find(compareToProfile(v2, broken, {...ctx, cloud: 'china'}), 'Files.Read.All');
    expect(china.fix?.azureCli[0]).toBe('az cloud set --name AzureChinaCloud');
    expect(china.fix?.portalUrl).toMatch(/^https:\/\/entra\.microsoftonline\.cn\//);
    expect(china.fix?.adminConsentUrl).toBeUndefined();
    expect(china.fix?.adminConsentUrlToFillIn).toMatch(/^https:\/\/login\.partner\.microsoftonline\.cn\/<your tenant ID or domain>\/adminconsent/);
  });

  it('use an <appId> placeholder in commands, and no broken links, when the app id is unknown', () => {
    const result = compareToProfile(v2, {...broken, app: {...broken.app, appId: null}}, ctx);
    const f = find(result, 'Files.Read.All');
    expect(f.fix?.azureCli[0]).toMatch(/^az ad app permission add --id <appId> /);
    expect(f.fix?.adminConsentUrl).toBeUndefined();
    expect(f.fix?.portalUrl).toMatch(/ApplicationsListBlade$/);
  });

  it('the corrected requiredResourceAccess is required + allowed already present, and nothing else', () => {
    const result = compareToProfile(v2, broken, ctx);
    expect(result.correctedRequiredResourceAccess).toEqual([
      {
        resourceAppId: GRAPH,
        resourceAccess: [
          ...['AuditLog.Read.All', 'Directory.Read.All', 'Files.Read.All', 'Group.Read.All', 'Reports.Read.All', 'Sites.Read.All', 'User.Read.All'].map((v) => ({id: gid(v), type: 'Role'})),
          {id: gid('User.Read', 'Delegated'), type: 'Scope'},
        ],
      },
    ]);
    const withoutUserRead = compareToProfile(v2, manifestState({configured: without('User.Read', 'Delegated')}), ctx);
    expect(withoutUserRead.correctedRequiredResourceAccess[0].resourceAccess).toHaveLength(7);
  });
});

describe('input order and case', () => {
  it('do not change the result', () => {
    const state = tenantState();
    const shuffled: ObservedState = {
      ...state,
      configured: [...state.configured].reverse().map((c) => ({...c, id: c.id.toUpperCase(), resourceAppId: c.resourceAppId.toUpperCase()})),
      grants: {...state.grants!, appRoles: [...state.grants!.appRoles].reverse().map((g) => ({id: g.id.toUpperCase(), resourceAppId: g.resourceAppId.toUpperCase()}))},
    };
    expect(compareToProfile(v2, shuffled, ctx)).toEqual(compareToProfile(v2, state, ctx));
  });
});

export type {Finding};

describe('fixes are safe to copy', () => {
  it('a tenant or app id that is not what it claims never reaches a command or a link', () => {
    const evil = "contoso.com'; Remove-MgApplication -ApplicationId x; '";
    const result = compareToProfile(v2, manifestState({configured: without('Files.Read.All')}), {...ctx, tenant: evil, appId: "x' ; rm -rf ~"});
    const fix = find(result, 'Files.Read.All').fix!;
    const everything = JSON.stringify(fix);
    expect(everything).not.toMatch(/Remove-MgApplication|rm -rf/);
    expect(fix.adminConsentUrl).toBeUndefined();
  });

  it('a permission name from the tenant with quotes becomes a placeholder in commands', () => {
    const api = 'aaaaaaaa-bbbb-cccc-dddd-eeeeeeeeeeee';
    const state = tenantState();
    const result = compareToProfile(
      v2,
      {
        ...state,
        grants: {...state.grants!, scopes: [...state.grants!.scopes, {resourceAppId: api, scopes: ["Evil'); Remove-Everything; ('"], consentType: 'AllPrincipals'}]},
        resourceNames: [{resourceAppId: api, displayName: 'Contoso API', appRoles: [], scopes: [{id: '99999999-8888-7777-6666-555555555555', value: "Evil'); Remove-Everything; ('"}]}],
      },
      ctx,
    );
    const f = permissions(result).find((p) => p.resourceAppId === api)!;
    expect(f.status).toBe('excess');
    expect(f.fix!.powershell.join('\n')).not.toMatch(/Remove-Everything/);
    expect(f.fix!.powershell.join('\n')).toContain("'<permission name>'");
  });
});

describe('who can grant admin consent (Microsoft: "Grant tenant-wide admin consent")', () => {
  const OTHER_API = '00000002-0000-0ff1-ce00-000000000000';
  it.each([
    [GRAPH, 'Application', /^an admin with the Privileged Role Administrator or Global Administrator role, the only roles/],
    [GRAPH, 'Delegated', /Privileged Role Administrator, Cloud Application Administrator, Application Administrator or Global Administrator/],
    [OTHER_API, 'Application', /Privileged Role Administrator, Cloud Application Administrator, Application Administrator or Global Administrator/],
    [OTHER_API, 'Delegated', /Privileged Role Administrator, Cloud Application Administrator, Application Administrator or Global Administrator/],
  ] as const)('%s %s permissions', (resourceAppId, type, roles) => {
    expect(consentRoles([{resourceAppId, type}])).toMatch(roles);
  });

  it('one Microsoft Graph application permission among others decides for the whole consent', () => {
    expect(consentRoles([{resourceAppId: OTHER_API, type: 'Application'}, {resourceAppId: GRAPH.toUpperCase(), type: 'Application'}])).not.toMatch(/Cloud Application Administrator/);
  });
});

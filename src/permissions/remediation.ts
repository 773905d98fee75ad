/**
 * Fix-its: for a finding, the exact remedy, every part copyable: a deep link into the Entra
 * admin center, the admin-consent URL, Azure CLI commands, Microsoft Graph PowerShell commands.
 * Never a secret or a token. The fixes of settings are in settingFixes.ts; the corrected
 * requiredResourceAccess for the manifest editor in correctedRequiredResourceAccess.ts.
 */
import {azureCliCloudName, powershellEnvironmentName} from './clouds';
import {normalizeGuid, normalizeTenant} from './ids';
import {otherType, toResourceAccessType, typeWord, withArticle} from './permissionType';
import type {CorrectedRequiredResourceAccess} from './correctedRequiredResourceAccess';
import {MICROSOFT_GRAPH_APP_ID} from './types';
import type {CloudEndpoints, Fix, PermissionType} from './types';

/** Stands in for the app's id in commands when it is not known. */
export const APP_ID_PLACEHOLDER = '<appId>';

// Everything that goes into a copyable command or link is checked first: a value from a support
// link or a tenant must never be able to smuggle extra PowerShell or shell syntax into a fix:
// a GUID goes in as normalizeGuid returns it (the bare lower-case GUID), or not at all.

/** A permission name for a command (letters, digits, `.`, `_`, `-`); else a placeholder. */
export function safeName(value: string): string {
  return /^[A-Za-z0-9._-]+$/.test(value) ? value : '<permission name>';
}

export type PortalBlade = 'api-permissions' | 'credentials' | 'authentication';

const BLADE_PATH: Record<PortalBlade, string> = {
  'api-permissions': 'CallAnAPI',
  credentials: 'Credentials',
  authentication: 'Authentication',
};

/**
 * Deep link to an app registration's blade in the Entra admin center of the cloud. Without an
 * app id, the list of app registrations (a link with a placeholder in it would not open).
 */
export function portalUrl(cloud: CloudEndpoints, appIdInput: string | null | undefined, blade: PortalBlade = 'api-permissions'): string {
  const appId = normalizeGuid(appIdInput);
  if (!appId) return `${cloud.entraPortal}/#view/Microsoft_AAD_RegisteredApps/ApplicationsListBlade`;
  return `${cloud.entraPortal}/#view/Microsoft_AAD_RegisteredApps/ApplicationMenuBlade/~/${BLADE_PATH[blade]}/appId/${encodeURIComponent(appId)}`;
}

/** https://{authority}/{tenant or 'organizations'}/adminconsent?client_id={appId} */
export function adminConsentUrl(cloud: CloudEndpoints, tenant: string | null | undefined, appId: string): string {
  const authority = normalizeTenant(tenant) ?? 'organizations';
  return `https://${cloud.authorityHost}/${encodeURIComponent(authority)}/adminconsent?client_id=${encodeURIComponent(appId)}`;
}

/** What the fix builders need to know about where the check ran. */
export interface RemediationContext {
  cloud: CloudEndpoints;
  tenant?: string;
  appId: string | null;
  /** False when the app has no service principal in the tenant (never consented); null when not known. */
  servicePrincipalExists: boolean | null;
  corrected: CorrectedRequiredResourceAccess;
}

// ---------------------------------------------------------------------------------------------
// Command builders

export function appIdOf(ctx: RemediationContext): string {
  return normalizeGuid(ctx.appId) ?? APP_ID_PLACEHOLDER;
}

export function azurePrelude(ctx: RemediationContext): string[] {
  return ctx.cloud.name === 'global' ? [] : [`az cloud set --name ${azureCliCloudName(ctx.cloud.name)}`];
}

export function powershellConnect(ctx: RemediationContext, scopes: string[]): string {
  const environment = ctx.cloud.name === 'global' ? '' : ` -Environment ${powershellEnvironmentName(ctx.cloud.name)}`;
  const safe = normalizeTenant(ctx.tenant);
  const tenant = safe && safe !== 'organizations' && safe !== 'common' ? ` -TenantId '${safe}'` : '';
  return `Connect-MgGraph -Scopes ${scopes.map((s) => `'${s}'`).join(',')}${tenant}${environment}`;
}

export function powershellApp(ctx: RemediationContext): string {
  return `$app = Get-MgApplication -Filter "appId eq '${appIdOf(ctx)}'"`;
}

function powershellServicePrincipals(ctx: RemediationContext, resourceAppId: string): string[] {
  return [
    `$sp = Get-MgServicePrincipal -Filter "appId eq '${appIdOf(ctx)}'"`,
    `$api = Get-MgServicePrincipal -Filter "appId eq '${normalizeGuid(resourceAppId) ?? '<API appId>'}'"`,
  ];
}

/** Update-MgApplication with the whole corrected requiredResourceAccess (it replaces the list). */
export function powershellUpdateRequiredResourceAccess(corrected: CorrectedRequiredResourceAccess): string {
  const resources = corrected.map((resource) => {
    const entries = resource.resourceAccess.map((a) => `      @{ Id = '${a.id}'; Type = '${a.type}' }`).join(',\n');
    return `  @{ ResourceAppId = '${resource.resourceAppId}'; ResourceAccess = @(\n${entries}\n  ) }`;
  });
  return `Update-MgApplication -ApplicationId $app.Id -RequiredResourceAccess @(\n${resources.join(',\n')}\n)`;
}

/** The permission's id for a command, or a placeholder naming it. */
export function idOrPlaceholder(permission: {permission: string; permissionId: string | null}): string {
  return normalizeGuid(permission.permissionId) ?? `<id of ${safeName(permission.permission)}>`;
}

export function apiOf(ref: {resourceAppId: string}): string {
  return normalizeGuid(ref.resourceAppId) ?? '<API appId>';
}

export interface PermissionRef {
  resourceAppId: string;
  resourceName: string;
  permission: string;
  permissionId: string | null;
  type: PermissionType;
}

function consentCommands(ref: PermissionRef, ctx: RemediationContext): {azureCli: string[]; powershell: string[]} {
  const appId = appIdOf(ctx);
  const azureCli = [
    ...(ctx.servicePrincipalExists === false ? [`az ad sp create --id ${appId}`] : []),
    `az ad app permission admin-consent --id ${appId}`,
  ];
  const powershell = [
    ...(ctx.servicePrincipalExists === false ? [`New-MgServicePrincipal -AppId '${appId}'`] : []),
    ...powershellServicePrincipals(ctx, ref.resourceAppId),
    ref.type === 'Application'
      ? `New-MgServicePrincipalAppRoleAssignment -ServicePrincipalId $sp.Id -PrincipalId $sp.Id -ResourceId $api.Id -AppRoleId '${idOrPlaceholder(ref)}'`
      : `New-MgOauth2PermissionGrant -BodyParameter @{ clientId = $sp.Id; consentType = 'AllPrincipals'; resourceId = $api.Id; scope = '${safeName(ref.permission)}' }`,
  ];
  return {azureCli, powershell};
}

export const WRITE_APP_SCOPES = ['Application.ReadWrite.All', 'AppRoleAssignment.ReadWrite.All', 'DelegatedPermissionGrant.ReadWrite.All'];

/** The tenant of the check, when one is known (not 'organizations' or 'common'). */
function knownTenant(ctx: RemediationContext): string | undefined {
  const tenant = normalizeTenant(ctx.tenant);
  return tenant && tenant !== 'organizations' && tenant !== 'common' ? tenant : undefined;
}

/**
 * The admin-consent link when both the tenant and the app are known (a link with a placeholder
 * would not open); otherwise the link to fill in, kept out of the summary's words so it can be
 * copied as it is (a report escapes running text, never a code span).
 */
export function consentUrlOf(ctx: RemediationContext): Pick<Fix, 'adminConsentUrl' | 'adminConsentUrlToFillIn'> {
  const appId = normalizeGuid(ctx.appId);
  const tenant = knownTenant(ctx);
  if (appId && tenant) return {adminConsentUrl: adminConsentUrl(ctx.cloud, tenant, appId)};
  return {adminConsentUrlToFillIn: `https://${ctx.cloud.authorityHost}/<your tenant ID or domain>/adminconsent?client_id=${appId ?? '<application (client) ID>'}`};
}

/** The words that go with a link to fill in: what to put in place of its placeholders. */
export function consentUrlToFillIn(ctx: RemediationContext): string {
  if (consentUrlOf(ctx).adminConsentUrl) return '';
  const what = normalizeGuid(ctx.appId) ? 'your tenant ID (or primary domain)' : "your tenant ID (or primary domain) and the app's application (client) ID";
  return ` Or open the admin-consent link below with ${what} in place of its <…> placeholders.`;
}

/**
 * Who can grant admin consent (Microsoft's "Grant tenant-wide admin consent"): application
 * permissions of Microsoft Graph need a Privileged Role Administrator (or Global
 * Administrator); other APIs' application permissions and any delegated permission can also be
 * consented by a Cloud Application Administrator or an Application Administrator.
 */
export function consentRoles(permissions: ReadonlyArray<{resourceAppId: string; type: PermissionType}>): string {
  const graphAppRole = permissions.some((p) => p.resourceAppId.toLowerCase() === MICROSOFT_GRAPH_APP_ID && p.type === 'Application');
  return graphAppRole
    ? 'an admin with the Privileged Role Administrator or Global Administrator role, the only roles that can consent to Microsoft Graph application permissions'
    : 'an admin with the Privileged Role Administrator, Cloud Application Administrator, Application Administrator or Global Administrator role';
}

/**
 * Microsoft Graph PowerShell: write the corrected requiredResourceAccess in one go, then grant
 * consent (the same remedy for a missing permission and for one of the wrong type).
 */
function powershellRewriteThenConsent(ctx: RemediationContext, consentCommands: string[]): string[] {
  return [
    powershellConnect(ctx, WRITE_APP_SCOPES),
    powershellApp(ctx),
    powershellUpdateRequiredResourceAccess(ctx.corrected),
    ...consentCommands,
  ];
}

/** A required permission that is not configured: add it, then grant admin consent. */
export function fixMissingPermission(ref: PermissionRef, ctx: RemediationContext): Fix {
  const consent = consentCommands(ref, ctx);
  return {
    summary: `Add the ${ref.resourceName} ${typeWord(ref.type)} permission ${ref.permission} to the app registration, then grant admin consent; who can: ${consentRoles([ref])}.${consentUrlToFillIn(ctx)}`,
    portalUrl: portalUrl(ctx.cloud, ctx.appId, 'api-permissions'),
    ...consentUrlOf(ctx),
    azureCli: [
      ...azurePrelude(ctx),
      azPermissionAdd(ref, ctx),
      ...consent.azureCli,
    ],
    powershell: powershellRewriteThenConsent(ctx, consent.powershell),
  };
}

/** Azure CLI: adds one permission to the app registration. */
export function azPermissionAdd(ref: PermissionRef, ctx: RemediationContext): string {
  return `az ad app permission add --id ${appIdOf(ctx)} --api ${apiOf(ref)} --api-permissions ${idOrPlaceholder(ref)}=${toResourceAccessType(ref.type)}`;
}

/** Azure CLI: removes one permission (by its id) from the app registration. */
export function azPermissionDelete(ref: PermissionRef, id: string | null, ctx: RemediationContext): string {
  return `az ad app permission delete --id ${appIdOf(ctx)} --api ${apiOf(ref)} --api-permissions ${normalizeGuid(id) ?? `<id of ${safeName(ref.permission)}>`}`;
}

/** A required permission configured only with the other type: swap it, then grant admin consent. */
export function fixWrongType(ref: PermissionRef, wrongTypeId: string | null, ctx: RemediationContext): Fix {
  const wrongType = otherType(ref.type);
  const consent = consentCommands(ref, ctx);
  return {
    summary: `Remove the ${typeWord(wrongType)} permission ${ref.permission}, add ${ref.permission} as ${withArticle(ref.type)} permission of ${ref.resourceName}, then grant admin consent; who can: ${consentRoles([ref])}.${consentUrlToFillIn(ctx)}`,
    portalUrl: portalUrl(ctx.cloud, ctx.appId, 'api-permissions'),
    ...consentUrlOf(ctx),
    azureCli: [
      ...azurePrelude(ctx),
      azPermissionDelete(ref, wrongTypeId, ctx),
      azPermissionAdd(ref, ctx),
      ...consent.azureCli,
    ],
    powershell: powershellRewriteThenConsent(ctx, consent.powershell),
  };
}

/** A required permission configured but without admin consent. */
export function fixNotGranted(ref: PermissionRef, ctx: RemediationContext): Fix {
  const consent = consentCommands(ref, ctx);
  const never = ctx.servicePrincipalExists === false ? ' The app was never consented in this tenant: consent creates its service principal.' : '';
  return {
    summary: `Grant admin consent for the app's permissions; who can: ${consentRoles([ref])}.${never}${consentUrlToFillIn(ctx)}`,
    portalUrl: portalUrl(ctx.cloud, ctx.appId, 'api-permissions'),
    ...consentUrlOf(ctx),
    azureCli: [...azurePrelude(ctx), ...consent.azureCli],
    powershell: [powershellConnect(ctx, WRITE_APP_SCOPES.slice(1)), ...consent.powershell],
  };
}

/**
 * Microsoft Graph PowerShell: takes one scope out of the app's delegated grants of one consent
 * type (every user's own grant for 'Principal'), deleting a grant that is left with none.
 */
function powershellRevokeScope(scope: string, consentType: 'AllPrincipals' | 'Principal'): string {
  return (
    `Get-MgOauth2PermissionGrant -All -Filter "clientId eq '$($sp.Id)' and resourceId eq '$($api.Id)' and consentType eq '${consentType}'" | ForEach-Object { ` +
    `$rest = ($_.Scope -split ' ' | Where-Object { $_ -and $_ -ne '${safeName(scope)}' }) -join ' '; ` +
    `if ($rest) { Update-MgOauth2PermissionGrant -OAuth2PermissionGrantId $_.Id -Scope $rest } else { Remove-MgOauth2PermissionGrant -OAuth2PermissionGrantId $_.Id } }`
  );
}

/**
 * Microsoft Graph PowerShell, with $sp (the app) and $api (the API) set: takes back what the
 * tenant granted of one permission: its app role assignments, or the scope in the admin grant
 * and in every user's own grant.
 */
export function powershellRevokeGrants(ref: PermissionRef, state: HeldPermission): string[] {
  if (ref.type === 'Application') {
    return [
      `Get-MgServicePrincipalAppRoleAssignment -ServicePrincipalId $sp.Id | Where-Object { $_.ResourceId -eq $api.Id -and $_.AppRoleId -eq '${idOrPlaceholder(ref)}' } | ForEach-Object { Remove-MgServicePrincipalAppRoleAssignment -ServicePrincipalId $sp.Id -AppRoleAssignmentId $_.Id }`,
    ];
  }
  return [
    ...(state.granted === true ? [powershellRevokeScope(ref.permission, 'AllPrincipals')] : []),
    ...((state.userConsents ?? 0) > 0 ? [powershellRevokeScope(ref.permission, 'Principal')] : []),
  ];
}

/** "an application", "a delegated" */
/** How an unneeded permission is held: configured, granted (admin consent), consented by users. */
export interface HeldPermission {
  configured: boolean;
  granted: boolean | null;
  /** Users who consented to it for themselves. */
  userConsents?: number;
}

/** A permission the guide does not need: remove it from the app, and revoke it where granted. */
export function fixExcess(ref: PermissionRef, state: HeldPermission, ctx: RemediationContext): Fix {
  const azureCli = [...azurePrelude(ctx)];
  const powershell: string[] = [powershellConnect(ctx, WRITE_APP_SCOPES)];
  const userConsents = state.userConsents ?? 0;
  if (state.configured) {
    azureCli.push(azPermissionDelete(ref, ref.permissionId, ctx));
    powershell.push(powershellApp(ctx), powershellUpdateRequiredResourceAccess(ctx.corrected));
  }
  if (state.granted === true || userConsents > 0) {
    powershell.push(...powershellServicePrincipals(ctx, ref.resourceAppId), ...powershellRevokeGrants(ref, state));
  }
  const revoke = userConsents > 0 && state.granted !== true ? 'revoke the users\' consent' : 'revoke its grant';
  const what =
    state.configured && (state.granted === true || userConsents > 0)
      ? `Remove it from the app registration and ${revoke}`
      : state.configured
        ? 'Remove it from the app registration'
        : `${revoke.charAt(0).toUpperCase()}${revoke.slice(1)} in this tenant`;
  return {
    summary: `${what}: the guide does not need the ${ref.resourceName} ${typeWord(ref.type)} permission ${ref.permission}.`,
    portalUrl: portalUrl(ctx.cloud, ctx.appId, 'api-permissions'),
    azureCli,
    powershell,
  };
}

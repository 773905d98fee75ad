/**
 * One action per remedy: the error findings of a check grouped by what fixes them, so an admin
 * gets one "grant admin consent" for seven permissions, one rewrite of the permission list for
 * every missing, wrong-type and unneeded entry, and one revocation for every unneeded grant,
 * in the order to do them. Each action's commands are whole: copied and run as printed.
 */
import {
  APP_ID_PLACEHOLDER,
  apiOf,
  azPermissionAdd,
  azPermissionDelete,
  appIdOf,
  azurePrelude,
  consentRoles,
  consentUrlOf,
  consentUrlToFillIn,
  idOrPlaceholder,
  portalUrl,
  powershellApp,
  powershellConnect,
  powershellRevokeGrants,
  powershellUpdateRequiredResourceAccess,
  safeName,
  WRITE_APP_SCOPES,
  type RemediationContext,
} from './remediation';
import {typeWord} from './permissionType';
import type {Finding, PermissionFinding, RemedyAction, SettingFinding} from './types';

const SETTING_WORDS: Record<SettingFinding['setting'], string> = {
  signInAudience: 'Supported account types (sign-in audience)',
  credentials: 'Client secret or certificate',
  passwordCredentials: 'Client secrets',
  keyCredentials: 'Certificates',
};

/** "AuditLog.Read.All (application) of Microsoft Graph" */
function permissionLabel(f: PermissionFinding): string {
  return `${f.permission} (${typeWord(f.type)}) of ${f.resourceName}`;
}

function settingLabel(f: SettingFinding): string {
  return SETTING_WORDS[f.setting];
}

const isPermission = (f: Finding): f is PermissionFinding => f.kind === 'permission';
const unique = (lines: string[]) => [...new Set(lines)];
const held = (f: PermissionFinding) => f.granted === true || (f.userConsents ?? 0) > 0;
const unneeded = (f: PermissionFinding) => f.status === 'excess' || (f.status === 'unknown' && !f.required);

/** Missing, wrong-type and unneeded configured entries: one rewrite of requiredResourceAccess. */
function permissionsAction(findings: PermissionFinding[], ctx: RemediationContext): RemedyAction | null {
  const rewrite = findings.filter((f) => f.status === 'missing' || f.status === 'wrong-type' || (unneeded(f) && f.configured));
  if (rewrite.length === 0) return null;
  const edits = unique(
    rewrite.flatMap((f) =>
      f.status === 'missing'
        ? [azPermissionAdd(f, ctx)]
        : f.status === 'wrong-type'
          ? [azPermissionDelete(f, f.otherTypeId ?? null, ctx), azPermissionAdd(f, ctx)]
          : [azPermissionDelete(f, f.permissionId, ctx)],
    ),
  );
  const adds = rewrite.filter((f) => f.status === 'missing' || f.status === 'wrong-type').map(permissionLabel);
  const removes = rewrite.filter((f) => unneeded(f)).map(permissionLabel);
  const swaps = rewrite.filter((f) => f.status === 'wrong-type').map((f) => f.permission);
  const parts = [
    adds.length ? `add ${adds.join(', ')}` : '',
    swaps.length ? `remove the other-type entries of ${swaps.join(', ')}` : '',
    removes.length ? `remove ${removes.join(', ')}` : '',
  ].filter(Boolean);
  return {
    kind: 'permissions',
    title: 'Change the app’s API permissions',
    fixes: rewrite.map(permissionLabel),
    fix: {
      summary: `In the app registration's API permissions, ${parts.join('; ')}. Or replace requiredResourceAccess in its manifest with the corrected list.`,
      portalUrl: portalUrl(ctx.cloud, ctx.appId, 'api-permissions'),
      azureCli: [...azurePrelude(ctx), ...edits],
      powershell: [powershellConnect(ctx, ['Application.ReadWrite.All']), powershellApp(ctx), powershellUpdateRequiredResourceAccess(ctx.corrected)],
    },
  };
}

/** Everything that needs admin consent, in one consent (it covers what the rewrite adds). */
function consentAction(findings: PermissionFinding[], ctx: RemediationContext): RemedyAction | null {
  const needed = findings.filter((f) => f.status === 'not-granted' || f.status === 'missing' || f.status === 'wrong-type');
  if (needed.length === 0) return null;
  const appId = appIdOf(ctx);
  const never = ctx.servicePrincipalExists === false;
  const powershell: string[] = [powershellConnect(ctx, WRITE_APP_SCOPES.slice(1))];
  if (never) powershell.push(`New-MgServicePrincipal -AppId '${appId}'`);
  powershell.push(`$sp = Get-MgServicePrincipal -Filter "appId eq '${appId}'"`);
  for (const [api, ofResource] of byResource(needed)) {
    powershell.push(`$api = Get-MgServicePrincipal -Filter "appId eq '${api}'"`);
    for (const f of ofResource.filter((x) => x.type === 'Application')) {
      powershell.push(`New-MgServicePrincipalAppRoleAssignment -ServicePrincipalId $sp.Id -PrincipalId $sp.Id -ResourceId $api.Id -AppRoleId '${idOrPlaceholder(f)}'`);
    }
    const scopes = ofResource.filter((x) => x.type === 'Delegated').map((x) => safeName(x.permission));
    if (scopes.length > 0) {
      powershell.push(`New-MgOauth2PermissionGrant -BodyParameter @{ clientId = $sp.Id; consentType = 'AllPrincipals'; resourceId = $api.Id; scope = '${scopes.join(' ')}' }`);
    }
  }
  const neverNote = never ? ' The app was never consented in this tenant: consent creates its service principal.' : '';
  return {
    kind: 'consent',
    title: 'Grant admin consent',
    fixes: needed.map(permissionLabel),
    fix: {
      summary: `Grant admin consent once for all of the app's permissions; who can: ${consentRoles(needed)}.${neverNote}${consentUrlToFillIn(ctx)}`,
      portalUrl: portalUrl(ctx.cloud, ctx.appId, 'api-permissions'),
      ...consentUrlOf(ctx),
      azureCli: [...azurePrelude(ctx), ...(never ? [`az ad sp create --id ${appId}`] : []), `az ad app permission admin-consent --id ${appId}`],
      powershell,
    },
  };
}

/**
 * Azure CLI (Bash, as in Azure Cloud Shell): the app's grants of one unneeded permission, found
 * and removed through Microsoft Graph with `az rest`: its app role assignments, and the scope in
 * every delegated grant that holds it (admin consent and each user's own), a grant left with no
 * scope deleted.
 */
function azureCliRevoke(f: PermissionFinding, ctx: RemediationContext): string[] {
  const graph = `https://${ctx.cloud.graphHost}/v1.0`;
  const lines: string[] = [];
  if (f.type === 'Application') {
    lines.push(
      `for id in $(az rest --method get --url "${graph}/servicePrincipals/$sp/appRoleAssignments" --query "value[?resourceId=='$api' && appRoleId=='${idOrPlaceholder(f)}'].id" -o tsv); do ` +
        `az rest --method delete --url "${graph}/servicePrincipals/$sp/appRoleAssignments/$id"; done`,
    );
  } else {
    const scope = safeName(f.permission);
    lines.push(
      `az rest --method get --url "${graph}/servicePrincipals/$sp/oauth2PermissionGrants" --query "value[?resourceId=='$api'].[id, scope]" -o tsv | ` +
        `while IFS=$'\\t' read -r id scope; do rest=$(echo " $scope " | sed 's/ ${scope.replace(/\./g, '\\.')} / /g' | xargs); ` +
        `[ "$rest" = "$(echo $scope | xargs)" ] && continue; ` +
        `if [ -n "$rest" ]; then az rest --method patch --url "${graph}/oauth2PermissionGrants/$id" --body "{\\"scope\\": \\"$rest\\"}"; ` +
        `else az rest --method delete --url "${graph}/oauth2PermissionGrants/$id"; fi; done`,
    );
  }
  return lines;
}

/** Findings by API (its appId, checked for commands), in their order. */
function byResource(findings: PermissionFinding[]): Array<[string, PermissionFinding[]]> {
  return unique(findings.map((f) => f.resourceAppId)).map((id) => [apiOf({resourceAppId: id}), findings.filter((f) => f.resourceAppId === id)]);
}

/** Unneeded permissions granted in the tenant (by admin consent or by users): one revocation. */
function revokeAction(findings: PermissionFinding[], ctx: RemediationContext): RemedyAction | null {
  const all = findings.filter((f) => unneeded(f) && held(f));
  if (all.length === 0) return null;
  // A command can only name what it can spell safely: an app role by its id, a scope by a plain
  // name. Anything else is revoked by hand, and the summary says so (never a command that would
  // quietly match nothing).
  const granted = all.filter((f) => (f.type === 'Application' ? idOrPlaceholder(f) === f.permissionId : safeName(f.permission) === f.permission));
  const byHand = all.filter((f) => !granted.includes(f));
  const handNote = byHand.length
    ? ` Revoke ${byHand.map(permissionLabel).join(', ')} by hand there: ${byHand.length === 1 ? 'its name is' : 'their names are'} not safe to put in a command.`
    : '';
  const appId = appIdOf(ctx);
  return {
    kind: 'revoke',
    title: 'Revoke the grants the guide does not need',
    fixes: all.map(permissionLabel),
    fix: {
      summary: `Revoke what the tenant granted for ${all.map(permissionLabel).join(', ')}: removing a permission from the app registration does not take back a grant. In the admin center: Enterprise apps › the app › Security › Permissions (admin consent and user consent).${handNote}`,
      portalUrl: portalUrl(ctx.cloud, ctx.appId, 'api-permissions'),
      azureCli: granted.length === 0 ? [] : [
        ...azurePrelude(ctx),
        `sp=$(az ad sp show --id ${appId} --query id -o tsv)`,
        ...byResource(granted).flatMap(([api, ofApi]) => [`api=$(az ad sp show --id ${api} --query id -o tsv)`, ...ofApi.flatMap((f) => azureCliRevoke(f, ctx))]),
      ],
      powershell: granted.length === 0 ? [] : [
        powershellConnect(ctx, WRITE_APP_SCOPES.slice(1)),
        `$sp = Get-MgServicePrincipal -Filter "appId eq '${appId}'"`,
        ...byResource(granted).flatMap(([api, ofApi]) => [`$api = Get-MgServicePrincipal -Filter "appId eq '${api}'"`, ...ofApi.flatMap((f) => powershellRevokeGrants(f, {configured: f.configured, granted: f.granted, userConsents: f.userConsents}))]),
      ],
    },
  };
}

/**
 * The actions for a check's error findings, in the order to do them: settings that stop the
 * scanner signing in, the permission list, consent, revocation; a required permission whose id
 * nobody knows is checked by hand.
 */
/**
 * Commands for an app whose ID the check does not know (a bare permission list, a manifest
 * without appId): they read it from a variable set on their first line, and stop with a clear
 * message while it is empty, instead of a `<appId>` that Bash reads as a redirection.
 */
function withAppIdVariable(action: RemedyAction): RemedyAction {
  const {azureCli, powershell} = action.fix;
  const uses = (lines: string[]) => lines.some((line) => line.includes(APP_ID_PLACEHOLDER));
  return {
    ...action,
    fix: {
      ...action.fix,
      azureCli: uses(azureCli)
        ? [
            "APP_ID=''  # the Application (client) ID, from the app registration's Overview page",
            ': "${APP_ID:?Put the application (client) ID between the quotes of APP_ID first}"',
            ...azureCli.map((line) => line.replaceAll(APP_ID_PLACEHOLDER, '"$APP_ID"')),
          ]
        : azureCli,
      powershell: uses(powershell)
        ? [
            "$appId = ''  # the Application (client) ID, from the app registration's Overview page",
            "if (-not $appId) { throw 'Put the application (client) ID between the quotes of $appId first' }",
            // In an OData filter ("appId eq '…'", a double-quoted string) the quotes stay and
            // $appId is interpolated; a single-quoted '<appId>' argument becomes the variable.
            ...powershell.map((line) =>
              line
                .replaceAll(`eq '${APP_ID_PLACEHOLDER}'`, "eq '$appId'")
                .replaceAll(`'${APP_ID_PLACEHOLDER}'`, '$appId')
                .replaceAll(APP_ID_PLACEHOLDER, '$appId'),
            ),
          ]
        : powershell,
    },
  };
}

export function planActions(findings: Finding[], ctx: RemediationContext): RemedyAction[] {
  const errors = findings.filter((f) => f.severity === 'error');
  const permissions = errors.filter(isPermission);
  const settings = errors.filter((f): f is SettingFinding => f.kind === 'setting' && f.fix !== undefined);
  const byHand = permissions.filter((f) => f.status === 'unknown' && f.required && f.fix);
  return [
    ...settings.map((f): RemedyAction => ({kind: 'setting', title: `Fix: ${settingLabel(f)}`, fixes: [settingLabel(f)], fix: f.fix!})),
    permissionsAction(permissions, ctx),
    consentAction(permissions, ctx),
    revokeAction(permissions, ctx),
    ...byHand.map((f): RemedyAction => ({kind: 'check', title: `Check ${f.permission} by hand`, fixes: [permissionLabel(f)], fix: f.fix!})),
  ]
    .filter((action): action is RemedyAction => action !== null)
    .map(withAppIdVariable);
}

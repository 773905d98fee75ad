/**
 * The permission findings of a comparison: for each API of the profile, its required
 * permissions (ok, missing, wrong type, not granted, unknown), the allowed ones the app holds,
 * then what it holds beyond them (excessFindings.ts); then the APIs outside the profile.
 */
import {excessFinding, leftovers, usersWord} from './excessFindings';
import {byText, consume, lower, resourceState, type Builder, type ResourceState} from './observedLookup';
import {
  fixMissingPermission,
  fixNotGranted,
  fixWrongType,
  type PermissionRef,
  portalUrl,
} from './remediation';
import {otherType, typeWord, withArticle} from './permissionType';
import type {PermissionFinding, Profile, ProfilePermission} from './types';

function requiredFinding(
  b: Builder,
  resourceAppId: string,
  resourceName: string,
  permission: ProfilePermission,
  state: ResourceState,
): PermissionFinding {
  const {lookup} = b;
  const {value, type} = permission;
  const id = lookup.idOf(resourceAppId, value, type);
  const otherId = lookup.idOf(resourceAppId, value, otherType(type));
  const configured = lookup.isConfigured(resourceAppId, id, type);
  const configuredOther = lookup.isConfigured(resourceAppId, otherId, otherType(type));
  const granted = lookup.isGranted(resourceAppId, id, value, type);
  const ref: PermissionRef = {resourceAppId, resourceName, permission: value, permissionId: id, type};
  const base = {kind: 'permission' as const, ...ref, required: true, why: permission.why.trim()};
  const label = `${value} (${typeWord(type)})`;
  const spMissing = lookup.observed.grants?.servicePrincipalExists === false;

  consume(state, id, value, type);

  if (id === null) {
    // Closed world: what cannot be shown to be configured is not configured as far as a pass goes.
    return {
      ...base,
      configured: false,
      granted,
      status: 'unknown',
      severity: 'error',
      message: `Cannot tell whether ${label} of ${resourceName} is configured: no catalog or tenant data gives its id. Check the app's API permissions by hand.`,
      fix: {
        summary: `Open the app's API permissions and check that ${resourceName} lists ${value} as ${withArticle(type)} permission, with admin consent granted.`,
        portalUrl: portalUrl(b.remediation.cloud, b.remediation.appId, 'api-permissions'),
        azureCli: [],
        powershell: [],
      },
    };
  }
  if (configured) {
    if (granted === false) {
      const users = lookup.userConsents(resourceAppId, type === 'Delegated' ? value : null);
      const why = spMissing
        ? 'the app has no service principal in this tenant, so it was never consented here'
        : users > 0
          ? `admin consent has not been granted (${usersWord(users)} consented for themselves, which does not count)`
          : 'admin consent has not been granted';
      return {
        ...base,
        configured: true,
        granted,
        status: 'not-granted',
        severity: 'error',
        message: `${label} is configured but not granted: ${why}. Grant admin consent.`,
        fix: fixNotGranted(ref, b.remediation),
      };
    }
    const consent =
      granted === true
        ? 'admin consent is granted'
        : lookup.observed.grants === null
          ? 'admin consent was not checked'
          : 'whether admin consent is granted could not be read';
    return {...base, configured: true, granted, status: 'ok', severity: 'info', message: `${label} is configured; ${consent}.`};
  }
  if (configuredOther) {
    // One finding for the pair: the other-type entry is explained here, not reported as excess.
    consume(state, otherId, value, otherType(type));
    return {
      ...base,
      configured: false,
      granted,
      otherTypeId: otherId,
      status: 'wrong-type',
      severity: 'error',
      message: `${value} is configured as ${withArticle(otherType(type))} permission, but the scanner needs it as ${withArticle(type)} permission${type === 'Application' ? ' (it runs without a signed-in user)' : ''}. Remove the ${typeWord(otherType(type))} one, add the ${typeWord(type)} one and grant admin consent.`,
      fix: fixWrongType(ref, otherId, b.remediation),
    };
  }
  const grantedNote = granted === true ? ' It is granted in this tenant but not configured on the app registration.' : '';
  return {
    ...base,
    configured: false,
    granted,
    status: 'missing',
    severity: 'error',
    message: `${label} of ${resourceName} is missing: add it to the app registration and grant admin consent.${grantedNote}`,
    fix: fixMissingPermission(ref, b.remediation),
  };
}

function allowedFinding(
  b: Builder,
  resourceAppId: string,
  resourceName: string,
  permission: ProfilePermission,
  state: ResourceState,
): PermissionFinding | null {
  const {lookup} = b;
  const {value, type} = permission;
  const id = lookup.idOf(resourceAppId, value, type);
  const configured = lookup.isConfigured(resourceAppId, id, type);
  const granted = lookup.isGranted(resourceAppId, id, value, type);
  const userConsents = type === 'Delegated' ? lookup.userConsents(resourceAppId, value) : 0;
  if (!configured && granted !== true && userConsents === 0) return null;
  consume(state, id, value, type);
  return {
    kind: 'permission',
    resourceAppId,
    resourceName,
    permission: value,
    permissionId: id,
    type,
    required: false,
    configured,
    granted,
    ...(userConsents > 0 ? {userConsents} : {}),
    status: 'allowed',
    severity: 'info',
    why: permission.why.trim(),
    message: `${value} (${typeWord(type)}) is not needed but allowed: ${permission.why.trim()}`,
  };
}

export function permissionFindings(b: Builder, profile: Profile): PermissionFinding[] {
  const {lookup} = b;
  const findings: PermissionFinding[] = [];
  const profileResourceIds = new Set<string>();

  for (const resource of profile.resources) {
    const resourceAppId = lower(resource.resourceAppId);
    if (profileResourceIds.has(resourceAppId)) continue;
    profileResourceIds.add(resourceAppId);
    const resourceName = resource.name;
    const state = resourceState(lookup, resourceAppId);
    const handled = new Set<string>();
    for (const permission of resource.required) {
      const key = `${permission.type}|${permission.value.toLowerCase()}`;
      if (handled.has(key)) continue;
      handled.add(key);
      findings.push(requiredFinding(b, resourceAppId, resourceName, permission, state));
    }
    for (const permission of resource.allowed) {
      const key = `${permission.type}|${permission.value.toLowerCase()}`;
      if (handled.has(key)) continue;
      handled.add(key);
      const finding = allowedFinding(b, resourceAppId, resourceName, permission, state);
      if (finding) findings.push(finding);
    }
    for (const entry of leftovers(lookup, resourceAppId, state)) findings.push(excessFinding(b, resourceAppId, resourceName, entry));
  }

  const otherResources = new Set<string>();
  for (const c of lookup.observed.configured) otherResources.add(c.resourceAppId);
  for (const g of lookup.observed.grants?.appRoles ?? []) otherResources.add(g.resourceAppId);
  for (const g of lookup.observed.grants?.scopes ?? []) {
    if (g.scopes.some((s) => s.trim())) otherResources.add(g.resourceAppId);
  }
  for (const resourceAppId of [...otherResources].filter((id) => !profileResourceIds.has(id)).sort(byText)) {
    const state = resourceState(lookup, resourceAppId);
    const resourceName = lookup.resourceName(resourceAppId);
    for (const entry of leftovers(lookup, resourceAppId, state)) findings.push(excessFinding(b, resourceAppId, resourceName, entry));
  }
  return findings;
}


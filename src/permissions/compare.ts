/**
 * compareToProfile: what a guide version's profile asks for, against what an app registration
 * has (from a tenant, a manifest or the sample tenant), as findings in a stable order, with a
 * fix on every error finding, and a verdict that is never `pass` on partial data.
 */
import {
  findPermission,
  hasCatalog,
  isRetiredResource,
  knownResourceName,
  nameSaysItWrites,
  notReadOnlyNote,
  permissionById,
  permissionElsewhere,
  readOnlyReason,
} from './catalog';
import {cloudByName} from './clouds';
import {normalizeGuid, normalizeTenant} from './ids';
import {planActions} from './remedyActions';
import {configuredKey, uniqueConfigured} from './requiredResourceAccess';
import {
  correctedRequiredResourceAccess,
  fixAddCertificate,
  fixAddSecret,
  fixExcess,
  fixMissingPermission,
  fixNotGranted,
  fixSignInAudience,
  fixWrongType,
  type PermissionRef,
  portalUrl,
  typeWord,
  withArticle,
  type RemediationContext,
} from './remediation';
import type {
  CheckContext,
  CheckResult,
  ConfiguredPermission,
  Finding,
  ObservedCredential,
  ObservedState,
  PermissionFinding,
  PermissionType,
  Profile,
  ProfilePermission,
  ResourceNames,
  SettingFinding,
  UnreadPart,
  Verdict,
} from './types';

/** Credentials that end within this many days are reported as expiring. */
const EXPIRY_WARNING_DAYS = 30;
const DAY_MS = 24 * 60 * 60 * 1000;

function lower(id: string): string {
  return id.trim().toLowerCase();
}

function otherType(type: PermissionType): PermissionType {
  return type === 'Application' ? 'Delegated' : 'Application';
}

/** Plain string order (not locale-dependent), so the order is the same everywhere. */
function byText(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

/** GUIDs lower-case, duplicates collapsed: the input's order and case never change a result. */
function normalizeObserved(observed: ObservedState): ObservedState {
  return {
    ...observed,
    app: {...observed.app, appId: observed.app.appId ? lower(observed.app.appId) : null},
    configured: uniqueConfigured(observed.configured),
    grants: observed.grants && {
      servicePrincipalExists: observed.grants.servicePrincipalExists,
      appRoles: observed.grants.appRoles.map((g) => ({resourceAppId: lower(g.resourceAppId), id: lower(g.id)})),
      scopes: observed.grants.scopes.map((g) => ({
        ...g,
        resourceAppId: lower(g.resourceAppId),
        principalId: g.principalId ? lower(g.principalId) : (g.principalId ?? null),
      })),
    },
    resourceNames: observed.resourceNames.map((r) => ({
      ...r,
      resourceAppId: lower(r.resourceAppId),
      appRoles: r.appRoles.map((p) => ({id: lower(p.id), value: p.value})),
      scopes: r.scopes.map((p) => ({id: lower(p.id), value: p.value})),
    })),
  };
}

/** Everything the comparison looks things up in. */
class Lookup {
  readonly appRolesKnown: boolean;
  readonly scopesKnown: boolean;
  private readonly configuredKeys: Set<string>;
  private readonly grantedAppRoles: Set<string>;
  private readonly grantedScopes: Set<string>;
  /** Users who consented for themselves, by `resourceAppId|scope (lower-case)`. */
  private readonly userConsentsByScope: Map<string, Set<string>>;
  private readonly names: Map<string, ResourceNames>;

  constructor(readonly observed: ObservedState, unread: UnreadPart[]) {
    const grants = observed.grants;
    const unreadParts = new Set(unread.map((u) => u.part));
    // "No service principal" is only a fact when the service principal itself was read (404).
    const spKnown = grants !== null && !unreadParts.has('servicePrincipal');
    this.appRolesKnown = spKnown && (grants?.servicePrincipalExists === false || !unreadParts.has('appRoleAssignments'));
    this.scopesKnown = spKnown && (grants?.servicePrincipalExists === false || !unreadParts.has('oauth2PermissionGrants'));
    this.configuredKeys = new Set(observed.configured.map(configuredKey));
    this.grantedAppRoles = new Set((grants?.appRoles ?? []).map((g) => `${g.resourceAppId}|${g.id}`));
    this.grantedScopes = new Set();
    this.userConsentsByScope = new Map();
    (grants?.scopes ?? []).forEach((grant, index) => {
      for (const scope of grant.scopes) {
        if (!scope.trim()) continue;
        const key = `${grant.resourceAppId}|${scope.trim().toLowerCase()}`;
        // A user's own consent is held by the app, but it is not admin consent.
        if (grant.consentType === 'AllPrincipals') this.grantedScopes.add(key);
        else {
          const users = this.userConsentsByScope.get(key) ?? new Set<string>();
          users.add(grant.principalId ?? `grant ${index}`);
          this.userConsentsByScope.set(key, users);
        }
      }
    });
    this.names = new Map(observed.resourceNames.map((r) => [r.resourceAppId, r]));
  }

  isConfigured(resourceAppId: string, id: string | null, type: PermissionType): boolean {
    return id !== null && this.configuredKeys.has(configuredKey({resourceAppId, id, type}));
  }

  /** true / false, or null when grants were not (fully) read or the name is not known. */
  isGranted(resourceAppId: string, id: string | null, name: string | null, type: PermissionType): boolean | null {
    if (type === 'Application') {
      if (!this.appRolesKnown || id === null) return null;
      return this.grantedAppRoles.has(`${resourceAppId}|${id}`);
    }
    if (!this.scopesKnown || name === null) return null;
    return this.grantedScopes.has(`${resourceAppId}|${name.toLowerCase()}`);
  }

  /** How many users consented to a delegated permission for themselves (0 when none, or not read). */
  userConsents(resourceAppId: string, name: string | null): number {
    if (!this.scopesKnown || name === null) return 0;
    return this.userConsentsByScope.get(`${resourceAppId}|${name.toLowerCase()}`)?.size ?? 0;
  }

  /** The id of a named permission: catalog first, then what the tenant told us. */
  idOf(resourceAppId: string, value: string, type: PermissionType): string | null {
    const fromCatalog = findPermission(resourceAppId, value, type);
    if (fromCatalog) return fromCatalog.id;
    const list = this.tenantList(resourceAppId, type);
    const match = list.find((p) => p.value === value) ?? list.find((p) => p.value.toLowerCase() === value.toLowerCase());
    return match?.id ?? null;
  }

  /** The name of a permission id: catalog first, then what the tenant told us. */
  nameOf(resourceAppId: string, id: string, type: PermissionType): string | null {
    const fromCatalog = permissionById(resourceAppId, id, type);
    if (fromCatalog) return fromCatalog.value;
    return this.tenantList(resourceAppId, type).find((p) => p.id === id)?.value ?? null;
  }

  resourceName(resourceAppId: string): string {
    return knownResourceName(resourceAppId) ?? this.names.get(resourceAppId)?.displayName ?? resourceAppId;
  }

  private tenantList(resourceAppId: string, type: PermissionType): Array<{id: string; value: string}> {
    const names = this.names.get(resourceAppId);
    return (type === 'Application' ? names?.appRoles : names?.scopes) ?? [];
  }
}

interface ResourceState {
  resourceAppId: string;
  /** Configured entries of this resource not yet explained by a required/allowed finding (by configuredKey). */
  configured: Map<string, ConfiguredPermission>;
  /** Granted app role ids not yet explained. */
  grantedAppRoles: Set<string>;
  /** Granted scope names (lower-case; by admin or by a user) not yet explained, with their spelling. */
  grantedScopes: Map<string, string>;
}

function resourceState(lookup: Lookup, resourceAppId: string): ResourceState {
  const grants = lookup.observed.grants;
  const state: ResourceState = {resourceAppId, configured: new Map(), grantedAppRoles: new Set(), grantedScopes: new Map()};
  for (const c of lookup.observed.configured) {
    if (c.resourceAppId === resourceAppId) state.configured.set(configuredKey(c), c);
  }
  for (const g of grants?.appRoles ?? []) if (g.resourceAppId === resourceAppId) state.grantedAppRoles.add(g.id);
  for (const g of grants?.scopes ?? []) {
    if (g.resourceAppId !== resourceAppId) continue;
    for (const scope of g.scopes) if (scope.trim()) state.grantedScopes.set(scope.trim().toLowerCase(), scope.trim());
  }
  return state;
}

function consume(state: ResourceState, id: string | null, name: string | null, type: PermissionType): void {
  if (id) state.configured.delete(configuredKey({resourceAppId: state.resourceAppId, id, type}));
  if (type === 'Application' && id) state.grantedAppRoles.delete(id);
  if (type === 'Delegated' && name) state.grantedScopes.delete(name.toLowerCase());
}

interface Builder {
  lookup: Lookup;
  remediation: RemediationContext;
}

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

interface Leftover {
  id: string | null;
  name: string | null;
  type: PermissionType;
  configured: boolean;
  granted: boolean | null;
  /** Users who consented to it for themselves. */
  userConsents: number;
}

/** Configured or granted entries that no required/allowed permission explains. */
function leftovers(lookup: Lookup, resourceAppId: string, state: ResourceState): Leftover[] {
  const entries = new Map<string, Leftover>();
  for (const c of state.configured.values()) {
    const name = lookup.nameOf(resourceAppId, c.id, c.type);
    entries.set(`${c.type}|${c.id}`, {
      id: c.id,
      name,
      type: c.type,
      configured: true,
      granted: lookup.isGranted(resourceAppId, c.id, name, c.type),
      userConsents: c.type === 'Delegated' ? lookup.userConsents(resourceAppId, name) : 0,
    });
  }
  for (const id of state.grantedAppRoles) {
    const key = `Application|${id}`;
    const existing = entries.get(key);
    if (existing) existing.granted = true;
    else entries.set(key, {id, name: lookup.nameOf(resourceAppId, id, 'Application'), type: 'Application', configured: false, granted: true, userConsents: 0});
  }
  for (const [lowerName, name] of state.grantedScopes) {
    const id = lookup.idOf(resourceAppId, name, 'Delegated');
    const key = id ? `Delegated|${id}` : `Delegated|name:${lowerName}`;
    if (entries.has(key)) continue; // configured: its grants were counted above
    entries.set(key, {
      id,
      // A grant names its scope itself: the tenant's own words.
      name: lookup.nameOf(resourceAppId, id ?? '', 'Delegated') ?? name,
      type: 'Delegated',
      configured: false,
      granted: lookup.isGranted(resourceAppId, id, name, 'Delegated'),
      userConsents: lookup.userConsents(resourceAppId, name),
    });
  }
  return [...entries.values()].sort(
    (a, b) =>
      byText((a.name ?? a.id ?? '').toLowerCase(), (b.name ?? b.id ?? '').toLowerCase()) ||
      byText(a.type, b.type) ||
      byText(a.id ?? '', b.id ?? ''),
  );
}

function usersWord(count: number): string {
  return count === 1 ? '1 user' : `${count} users`;
}

/** How an unexplained permission is held: configured, granted by admin consent, by users. */
function heldAs(entry: Leftover): string {
  const ways: string[] = [];
  if (entry.configured) ways.push('configured');
  if (entry.granted === true) ways.push(entry.type === 'Delegated' ? 'granted by admin consent' : 'granted');
  if (entry.userConsents > 0) ways.push(`granted by ${usersWord(entry.userConsents)} for themselves`);
  const said = ways.length > 1 ? `${ways.slice(0, -1).join(', ')} and ${ways[ways.length - 1]}` : ways[0];
  return entry.configured ? `is ${said}` : `is ${said} in this tenant but not configured on the app registration`;
}

const RETIRED_NOTE = ' Azure Active Directory Graph is retired (2025); Microsoft Graph replaces it.';

/**
 * A permission held (configured or granted, by any consent type) that the profile neither
 * requires nor allows. Closed world: an error unless it is named (catalog or the tenant's own
 * service principal) and known to be read-only (readOnlyReason); a named read-only one is a
 * warning (least privilege). A retired API follows the same rule and says that it is retired.
 */
function excessFinding(b: Builder, resourceAppId: string, resourceName: string, entry: Leftover): PermissionFinding {
  const {lookup} = b;
  const permission = entry.name ?? entry.id ?? '';
  const ref: PermissionRef = {resourceAppId, resourceName, permission, permissionId: entry.id, type: entry.type};
  const base = {
    kind: 'permission' as const,
    ...ref,
    required: false,
    configured: entry.configured,
    granted: entry.granted,
    ...(entry.userConsents > 0 ? {userConsents: entry.userConsents} : {}),
  };
  const label = `${permission} (${typeWord(entry.type)})`;
  const held = heldAs(entry);
  const retired = isRetiredResource(resourceAppId) ? RETIRED_NOTE : '';
  const fix = fixExcess(ref, {configured: entry.configured, granted: entry.granted, userConsents: entry.userConsents}, b.remediation);

  if (entry.name === null) {
    const asOther = entry.id ? lookup.nameOf(resourceAppId, entry.id, otherType(entry.type)) : null;
    const elsewhere = entry.id && !asOther ? permissionElsewhere(resourceAppId, entry.id, entry.type) : undefined;
    const message = elsewhere
      ? `${entry.id} is listed as ${withArticle(entry.type)} permission of ${resourceName}, but it is the id of ${elsewhere.value} of ${knownResourceName(elsewhere.resourceAppId)}: ` +
        `listed under the wrong API it names nothing, so it cannot be shown to be read-only. The manifest was edited by hand: remove it.`
      : asOther
      ? `${entry.id} is listed as ${withArticle(entry.type)} permission of ${resourceName}, but it is the id of the ${typeWord(otherType(entry.type))} permission ${asOther}: ` +
        `this is ${withArticle(otherType(entry.type))} permission listed as ${withArticle(entry.type)} permission. The portal never writes this; the manifest was edited by hand. ` +
        `As listed it names nothing, so it cannot be shown to be read-only: remove it.`
      : `Permission ${entry.id} (${typeWord(entry.type)}) of ${resourceName} ${held}, and no catalog or tenant data names it, so it cannot be shown to be read-only: the scanner only reads. Remove it.`;
    return {...base, status: 'unknown', severity: 'error', message: message + retired, fix};
  }
  if (readOnlyReason(resourceAppId, entry.name) === null) {
    const note = notReadOnlyNote(resourceAppId, entry.name);
    const why = note
      ? `it is not read-only: it ${note}`
      : !hasCatalog(resourceAppId)
        ? "it cannot be shown to be read-only: this check does not know the API, and a name its publisher chose shows nothing"
        : nameSaysItWrites(entry.name)
        ? 'it can change data or act for a user'
        : 'it cannot be shown to be read-only';
    return {
      ...base,
      status: 'excess',
      severity: 'error',
      message: `${label} of ${resourceName} ${held}, but the guide does not need it and ${why}: the scanner only reads. Remove it.${retired}`,
      fix,
    };
  }
  return {
    ...base,
    status: 'excess',
    severity: 'warning',
    message: `${label} of ${resourceName} ${held}, but the guide does not need it. It only reads; remove it anyway (least privilege).${retired}`,
    fix,
  };
}

function permissionFindings(b: Builder, profile: Profile): PermissionFinding[] {
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

// ---------------------------------------------------------------------------------------------
// Settings

function formatDate(iso: string): string {
  return iso.slice(0, 10);
}

function credentialLabel(c: ObservedCredential): string {
  const noun = c.kind === 'secret' ? 'secret' : 'certificate';
  if (c.displayName) return `${noun} "${c.displayName}"`;
  if (c.keyId) return `${noun} ${c.keyId}`;
  return noun;
}

function endOf(c: ObservedCredential): number | null {
  if (!c.endDateTime) return null;
  const t = Date.parse(c.endDateTime);
  return Number.isNaN(t) ? null : t;
}

function credentialSetting(
  b: Builder,
  kind: ObservedCredential['kind'],
  credentials: ObservedCredential[],
  now: Date,
): SettingFinding | null {
  const mine = credentials.filter((c) => c.kind === kind);
  if (mine.length === 0) return null;
  const setting = kind === 'secret' ? 'passwordCredentials' : 'keyCredentials';
  const plural = kind === 'secret' ? 'client secrets' : 'certificates';
  const nowMs = now.getTime();
  const expired = mine.filter((c) => {
    const end = endOf(c);
    return end !== null && end <= nowMs;
  });
  const expiring = mine.filter((c) => {
    const end = endOf(c);
    return end !== null && end > nowMs && end - nowMs <= EXPIRY_WARNING_DAYS * DAY_MS;
  });
  const valid = mine.filter((c) => !expired.includes(c));
  const fix = () => (kind === 'secret' ? fixAddSecret(b.remediation, expired) : fixAddCertificate(b.remediation, expired));
  if (expired.length > 0) {
    const list = expired.map((c) => `${credentialLabel(c)} expired on ${formatDate(c.endDateTime!)}`).join('; ');
    const others =
      valid.length > 0
        ? ` ${valid.length} other ${valid.length === 1 ? kind : plural} still valid; delete the expired ${expired.length === 1 ? 'one' : 'ones'} once the scanner uses a valid one.`
        : ' The scanner cannot sign in with it: add a new one and give it to the scanner.';
    return {kind: 'setting', setting, status: 'expired', severity: 'error', message: `${capitalize(list)}.${others}`, fix: fix()};
  }
  if (expiring.length > 0) {
    const list = expiring.map((c) => `${credentialLabel(c)} expires on ${formatDate(c.endDateTime!)}`).join('; ');
    return {
      kind: 'setting',
      setting,
      status: 'expiring',
      severity: 'warning',
      message: `${capitalize(list)} (within ${EXPIRY_WARNING_DAYS} days): add a new one before then.`,
      fix: kind === 'secret' ? fixAddSecret(b.remediation) : fixAddCertificate(b.remediation),
    };
  }
  return {
    kind: 'setting',
    setting,
    status: 'ok',
    severity: 'info',
    message: `${mine.length} ${mine.length === 1 ? (kind === 'secret' ? 'client secret' : 'certificate') : plural}, none expired or expiring within ${EXPIRY_WARNING_DAYS} days.`,
  };
}

function capitalize(text: string): string {
  return text.charAt(0).toUpperCase() + text.slice(1);
}

function settingFindings(b: Builder, profile: Profile, observed: ObservedState, now: Date): SettingFinding[] {
  const findings: SettingFinding[] = [];
  const expected = profile.expect.signInAudience;
  const actual = observed.app.signInAudience;
  if (actual === null) {
    findings.push({
      kind: 'setting',
      setting: 'signInAudience',
      status: 'missing',
      severity: 'warning',
      expected,
      message: `The app's sign-in audience is not stated; the guide expects ${expected}.`,
      fix: fixSignInAudience(expected, b.remediation),
    });
  } else if (actual !== expected) {
    findings.push({
      kind: 'setting',
      setting: 'signInAudience',
      status: 'mismatch',
      severity: 'warning',
      expected,
      actual,
      message: `The app's supported account types (signInAudience) are ${actual}; the guide expects ${expected}.`,
      fix: fixSignInAudience(expected, b.remediation),
    });
  } else {
    findings.push({kind: 'setting', setting: 'signInAudience', status: 'ok', severity: 'info', expected, actual, message: `Sign-in audience is ${actual}, as the guide expects.`});
  }

  const credentials = observed.app.credentials;
  const secrets = credentials.filter((c) => c.kind === 'secret').length;
  const certificates = credentials.filter((c) => c.kind === 'certificate').length;
  const wanted = profile.expect.credential;
  const have = `${secrets} secret${secrets === 1 ? '' : 's'}, ${certificates} certificate${certificates === 1 ? '' : 's'}`;
  if (secrets + certificates === 0) {
    findings.push({
      kind: 'setting',
      setting: 'credentials',
      status: 'missing',
      severity: 'warning',
      expected: wanted,
      actual: have,
      message: `The app has no ${wanted === 'certificate' ? 'certificate' : wanted === 'secret' ? 'client secret' : 'client secret or certificate'}: the scanner cannot sign in without one.`,
      fix: wanted === 'certificate' ? fixAddCertificate(b.remediation) : fixAddSecret(b.remediation),
    });
  } else if (wanted === 'certificate' && certificates === 0) {
    findings.push({
      kind: 'setting',
      setting: 'credentials',
      status: 'mismatch',
      severity: 'warning',
      expected: wanted,
      actual: have,
      message: 'The app has only client secrets; the guide asks for a certificate. Upload a certificate and give the scanner its private key.',
      fix: fixAddCertificate(b.remediation),
    });
  } else if (wanted === 'secret' && secrets === 0) {
    findings.push({
      kind: 'setting',
      setting: 'credentials',
      status: 'mismatch',
      severity: 'warning',
      expected: wanted,
      actual: have,
      message: 'The app has only certificates; the guide asks for a client secret.',
      fix: fixAddSecret(b.remediation),
    });
  } else {
    findings.push({kind: 'setting', setting: 'credentials', status: 'ok', severity: 'info', expected: wanted, actual: have, message: `The app has ${have}.`});
  }

  for (const kind of ['secret', 'certificate'] as const) {
    const finding = credentialSetting(b, kind, credentials, now);
    if (finding) findings.push(finding);
  }
  return findings;
}

// ---------------------------------------------------------------------------------------------

function verdictOf(findings: Finding[], unread: UnreadPart[]): Verdict {
  if (unread.length > 0) return 'incomplete';
  return findings.some((f) => f.severity === 'error') ? 'fail' : 'pass';
}

/**
 * Compares an app registration with a guide version's profile.
 * - Findings: permissions of the profile's resources in profile order (required, then allowed,
 *   then excess/unknown by name), then other resources by appId, then settings.
 * - Verdict: `incomplete` whenever a part could not be read (never `pass` on partial data),
 *   else `fail` when any finding is an error, else `pass`.
 */
export function compareToProfile(profile: Profile, observedInput: ObservedState, ctx: CheckContext): CheckResult {
  const observed = normalizeObserved(observedInput);
  const unread = [...observed.unread];
  if (observed.source !== 'manifest' && observed.grants === null && !unread.some((u) => u.part !== 'application' && u.part !== 'resource')) {
    // A tenant read without grants must never pass: say what is missing.
    unread.push({part: 'appRoleAssignments', reason: 'Admin consent (grants) was not read.'});
  }
  // The app id named by the caller (a support link, the UI) wins, when it is one.
  const appId = normalizeGuid(ctx.appId) ?? observed.app.appId;
  const corrected = correctedRequiredResourceAccess(profile, observed.configured, observed.resourceNames);
  const builder: Builder = {
    lookup: new Lookup(observed, unread),
    remediation: {
      cloud: cloudByName(ctx.cloud),
      tenant: normalizeTenant(ctx.tenant) ?? undefined,
      appId,
      servicePrincipalExists: observed.grants ? observed.grants.servicePrincipalExists : null,
      corrected,
    },
  };

  const applicationRead = !unread.some((u) => u.part === 'application');
  const findings: Finding[] = applicationRead
    ? [
        ...permissionFindings(builder, profile),
        ...(observed.permissionsOnly ? [] : settingFindings(builder, profile, observed, ctx.now ?? new Date())),
      ]
    : [];

  return {
    verdict: verdictOf(findings, unread),
    findings,
    actions: planActions(findings, builder.remediation),
    grantsChecked: observed.grants !== null,
    settingsChecked: !observed.permissionsOnly,
    unread,
    correctedRequiredResourceAccess: corrected,
  };
}

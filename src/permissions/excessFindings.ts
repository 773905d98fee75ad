/**
 * Permissions an app holds (configured, or granted by any consent type) that the profile neither
 * requires nor allows, as findings: the closed world of the check. What cannot be named and shown
 * to be read-only is an error; a named read-only one is a warning (least privilege).
 */
import {hasCatalog, isRetiredResource, knownResourceName, nameSaysItWrites, notReadOnlyNote, permissionElsewhere, readOnlyReason} from './catalog';
import {byText, type Builder, type Lookup, type ResourceState} from './observedLookup';
import {otherType, typeWord, withArticle} from './permissionType';
import {fixExcess, type PermissionRef} from './remediation';
import type {PermissionFinding, PermissionType} from './types';

export interface Leftover {
  id: string | null;
  name: string | null;
  type: PermissionType;
  configured: boolean;
  granted: boolean | null;
  /** Users who consented to it for themselves. */
  userConsents: number;
}

/** Configured or granted entries that no required/allowed permission explains. */
export function leftovers(lookup: Lookup, resourceAppId: string, state: ResourceState): Leftover[] {
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

export function usersWord(count: number): string {
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
export function excessFinding(b: Builder, resourceAppId: string, resourceName: string, entry: Leftover): PermissionFinding {
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


/**
 * App manifests as the Entra admin center exports them, read into an ObservedState:
 * - the Microsoft Graph format (today's manifest editor): `id`, `appId`, `displayName`,
 *   `signInAudience`, `passwordCredentials[].endDateTime`, `keyCredentials[].endDateTime`;
 * - the legacy Azure AD Graph format: `objectId` (or `id`), `name`/`displayName`,
 *   `signInAudience` or `availableToOtherTenants`, `passwordCredentials[].endDate`,
 *   `keyCredentials[].endDate`;
 * - the Microsoft Graph `application` object (GET /applications/{id}), also inside a
 *   `{"value": [app]}` collection of exactly one;
 * - a bare requiredResourceAccess list, as vendors publish their permissions (the app unknown).
 * Refused with a ManifestError saying what to paste instead: anything else, including a Teams
 * Toolkit aad.manifest.json template and JSON text with a key twice in one object.
 * A manifest says nothing about admin consent: grants are null.
 */
import {GUID_PATTERN, normalizeGuid} from './ids';
import {formatJsonPath} from './jsonPositions';
import {isPlainObject, kindOf, ManifestError, WHERE_TO_EXPORT} from './manifestError';
import {parseJsonText, rejectLookalikes, rejectMiscasedKeys, rejectToolkitTemplate} from './manifestRefusals';
import {configuredPermissions} from './requiredResourceAccess';
import type {ObservedCredential, ObservedState} from './types';
import * as z from './zodMini';

/** ManifestError is what parseAppManifest throws: part of this module's API. */
export {ManifestError} from './manifestError';

// ---------------------------------------------------------------------------------------------
// The manifest's shape

const guid = z.pipe(
  z.string({error: 'must be a GUID'}).check(z.trim(), z.regex(GUID_PATTERN, {error: 'must be a GUID such as 00000003-0000-0000-c000-000000000000'})),
  z.transform((id) => id.toLowerCase()),
);

const DATE_TIME = 'must be a date-time such as 2026-01-31T00:00:00Z';
const dateTime = z.string({error: DATE_TIME}).check(z.refine((s) => !Number.isNaN(Date.parse(s)), {error: DATE_TIME}));

const PERMISSION_TYPE = 'must be "Role" (application permission) or "Scope" (delegated permission)';
// Read in any case (hand-edited manifests), written back as Graph spells it.
const permissionType = z.pipe(
  z
    .pipe(z.string({error: PERMISSION_TYPE}), z.transform((t) => t.trim().toLowerCase()))
    .check(z.refine((t) => t === 'role' || t === 'scope', {error: PERMISSION_TYPE})),
  z.transform((t) => (t === 'role' ? 'Role' : 'Scope')),
);

const resourceAccessSchema = z.looseObject({id: guid, type: permissionType});

const requiredResourceAccessSchema = z.looseObject({
  resourceAppId: guid,
  // Required: an entry with no list (or null) would be read as holding nothing.
  resourceAccess: z.array(resourceAccessSchema, {error: 'must be an array of {id, type}'}),
});

const optionalText = z.nullish(z.string());

const credentialSchema = z.looseObject({
  keyId: optionalText,
  displayName: optionalText,
  endDateTime: z.nullish(dateTime),
  endDate: z.nullish(dateTime),
});

const permissionListSchema = z.array(requiredResourceAccessSchema);

const manifestSchema = z.looseObject({
  appId: z.nullish(guid),
  id: optionalText,
  objectId: optionalText,
  displayName: optionalText,
  name: optionalText,
  signInAudience: optionalText,
  availableToOtherTenants: z.nullish(z.boolean()),
  requiredResourceAccess: permissionListSchema,
  passwordCredentials: z.nullish(z.array(credentialSchema, {error: 'must be an array'})),
  keyCredentials: z.nullish(z.array(credentialSchema, {error: 'must be an array'})),
});

type ParsedManifest = z.infer<typeof manifestSchema>;
type PermissionList = z.infer<typeof permissionListSchema>;

/** Reads data with a schema, or throws naming the first three bad fields by JSON path. */
function validated<S extends z.ZodMiniType>(schema: S, data: unknown, what: 'app manifest' | 'permission list'): z.output<S> {
  const result = schema.safeParse(data);
  if (result.success) return result.data;
  const issues = result.error.issues;
  const described = issues.slice(0, 3).map((issue) => `${formatJsonPath(issue.path) || `the ${what}`} ${issue.message}`);
  const more = issues.length > 3 ? ` (and ${issues.length - 3} more problems)` : '';
  throw new ManifestError(`This ${what} cannot be read: ${described.join('; ')}${more}.`);
}

// ---------------------------------------------------------------------------------------------
// A bare requiredResourceAccess list, as vendors publish their permissions

const LIST_EXPECTED = 'an app manifest, or a requiredResourceAccess list of {resourceAppId, resourceAccess} entries';

/** Why a list is not a requiredResourceAccess list (its first entry that is no such entry); null when it is one. */
function notAPermissionList(list: unknown[]): string | null {
  for (const [index, entry] of list.entries()) {
    if (!isPlainObject(entry)) return `[${index}] is ${kindOf(entry)}`;
    if (!('resourceAppId' in entry)) return `[${index}] has no resourceAppId`;
    if (!('resourceAccess' in entry)) return `[${index}] has no resourceAccess`;
  }
  return null;
}

function readPermissionList(list: unknown[]): PermissionList {
  if (list.length === 0) {
    throw new ManifestError(`This JSON is an empty list: no permissions to check. Expected ${LIST_EXPECTED}. ${WHERE_TO_EXPORT}`);
  }
  const problem = notAPermissionList(list);
  if (problem) {
    throw new ManifestError(
      `This JSON is a list, not an app manifest: ${problem}; expected ${LIST_EXPECTED}. ${WHERE_TO_EXPORT}`,
    );
  }
  return validated(permissionListSchema, list, 'permission list');
}

// ---------------------------------------------------------------------------------------------
// An app manifest

/** The one application of the input: the object itself, or the single entry of a `value` collection. */
function unwrapApplication(data: unknown): Record<string, unknown> {
  if (!isPlainObject(data)) {
    throw new ManifestError(
      `This JSON is ${kindOf(data)}, not an app manifest: expected an object with a requiredResourceAccess array. ${WHERE_TO_EXPORT}`,
    );
  }
  if (!('requiredResourceAccess' in data) && Array.isArray(data.value)) {
    const apps = data.value;
    if (apps.length === 1 && isPlainObject(apps[0])) return apps[0];
    if (apps.length === 1) {
      throw new ManifestError(`This JSON's "value" is ${kindOf(apps[0])} in a list, not an application. ${WHERE_TO_EXPORT}`);
    }
    throw new ManifestError(
      apps.length === 0
        ? 'This Microsoft Graph response lists no application: check the appId you filtered on, or export the manifest instead.'
        : `This Microsoft Graph response lists ${apps.length} applications; the check needs exactly one. Filter by appId, or export one app's manifest.`,
    );
  }
  return data;
}

/** A GUID as normalizeGuid reads it; any other text trimmed (an id the check only shows). */
function lowerGuidOrText(value: string | null | undefined): string | null {
  if (!value) return null;
  return normalizeGuid(value) ?? value.trim();
}

function signInAudienceOf(app: ParsedManifest): string | null {
  if (app.signInAudience) return app.signInAudience.trim();
  if (app.availableToOtherTenants === true) return 'AzureADMultipleOrgs';
  if (app.availableToOtherTenants === false) return 'AzureADMyOrg';
  return null;
}

function credentialsOf(
  kind: ObservedCredential['kind'],
  entries: ParsedManifest['passwordCredentials'],
): ObservedCredential[] {
  const out: ObservedCredential[] = [];
  const seen = new Set<string>();
  for (const entry of entries ?? []) {
    const keyId = lowerGuidOrText(entry.keyId);
    const end = entry.endDateTime ?? entry.endDate ?? null;
    const endDateTime = end ? new Date(end).toISOString() : null;
    const key = keyId ?? `${entry.displayName ?? ''}|${endDateTime ?? ''}`;
    if (seen.has(key)) continue;
    seen.add(key);
    out.push({kind, keyId, displayName: entry.displayName?.trim() || null, endDateTime});
  }
  return out;
}

function appOf(parsed: ParsedManifest): ObservedState['app'] {
  return {
    appId: parsed.appId ?? null,
    objectId: lowerGuidOrText(parsed.objectId ?? parsed.id),
    displayName: (parsed.displayName ?? parsed.name)?.trim() || null,
    signInAudience: signInAudienceOf(parsed),
    credentials: [...credentialsOf('secret', parsed.passwordCredentials), ...credentialsOf('certificate', parsed.keyCredentials)],
  };
}

function readManifest(data: unknown): ParsedManifest {
  const app = unwrapApplication(data);
  rejectLookalikes(app);
  if (!Array.isArray(app.requiredResourceAccess)) {
    throw new ManifestError(
      `This JSON is not an app manifest: requiredResourceAccess is ${kindOf(app.requiredResourceAccess)}, expected an array. ${WHERE_TO_EXPORT}`,
    );
  }
  return validated(manifestSchema, app, 'app manifest');
}

/**
 * Reads an app manifest (its JSON text, or the parsed object) into an ObservedState with
 * source 'manifest' and grants null. GUIDs come out lower-case; duplicate entries collapse.
 * A bare requiredResourceAccess list is read too: its app is unknown (appId, objectId,
 * displayName and signInAudience null, no credentials).
 * Throws ManifestError, saying what was expected, for anything that is not an app manifest,
 * including a Teams Toolkit template and JSON text with a key twice in one object.
 */
export function parseAppManifest(input: string | unknown): ObservedState {
  const data = typeof input === 'string' ? parseJsonText(input) : input;
  rejectToolkitTemplate(data);
  rejectMiscasedKeys(data);
  let app: ObservedState['app'];
  let entries: PermissionList;
  if (Array.isArray(data)) {
    app = {appId: null, objectId: null, displayName: null, signInAudience: null, credentials: []};
    entries = readPermissionList(data);
  } else {
    const parsed = readManifest(data);
    app = appOf(parsed);
    entries = parsed.requiredResourceAccess;
  }
  const observed: ObservedState = {source: 'manifest', app, configured: configuredPermissions(entries), grants: null, resourceNames: [], unread: []};
  return Array.isArray(data) ? {...observed, permissionsOnly: true} : observed;
}

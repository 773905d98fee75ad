/**
 * App manifests as the Entra admin center exports them, read into an ObservedState:
 * - the Microsoft Graph format (today's manifest editor): `id`, `appId`, `displayName`,
 *   `signInAudience`, `passwordCredentials[].endDateTime`, `keyCredentials[].endDateTime`;
 * - the legacy Azure AD Graph format: `objectId` (or `id`), `name`/`displayName`,
 *   `signInAudience` or `availableToOtherTenants`, `passwordCredentials[].endDate`,
 *   `keyCredentials[].endDate`;
 * - the Microsoft Graph `application` object (GET /applications/{id}), also inside a
 *   `{"value": [app]}` collection of exactly one.
 * A manifest says nothing about admin consent: grants are null.
 */
import * as z from 'zod';
import {GUID_PATTERN} from './catalog';
import {formatJsonPath} from './profile';
import type {ConfiguredPermission, ObservedCredential, ObservedState, PermissionType} from './types';

const WHERE_TO_EXPORT = 'Export it from Entra admin center > App registrations > your app > Manifest.';

/** Input that is not an app manifest; the message says what was expected. */
export class ManifestError extends Error {
  /** 1-based line and column of a JSON syntax error, when known. */
  readonly line?: number;
  readonly column?: number;

  constructor(message: string, position?: {line: number; column: number}) {
    super(message);
    this.name = 'ManifestError';
    if (position) {
      this.line = position.line;
      this.column = position.column;
    }
  }
}

// ---------------------------------------------------------------------------------------------
// JSON text

interface JsonSyntaxProblem {
  offset: number;
  reason: string;
}

/**
 * Finds where and why JSON text is invalid (JSON.parse's messages differ between engines, do not
 * always give a position and may quote the whole input). Returns null for valid JSON.
 */
export function locateJsonError(text: string): JsonSyntaxProblem | null {
  let i = 0;
  const fail = (reason: string, at = i): never => {
    throw {offset: at, reason} satisfies JsonSyntaxProblem;
  };
  const describe = (at: number): string => {
    if (at >= text.length) return 'the end of the text';
    const c = text[at];
    if (c === '/' && (text[at + 1] === '/' || text[at + 1] === '*')) return 'a comment (JSON allows none)';
    if (c === "'") return "a single quote (JSON strings use double quotes)";
    return `'${c}'`;
  };
  const skipSpace = () => {
    while (i < text.length && (text[i] === ' ' || text[i] === '\t' || text[i] === '\n' || text[i] === '\r')) i++;
  };
  const literal = (word: string) => {
    if (text.startsWith(word, i)) i += word.length;
    else fail(`unexpected ${describe(i)} (expected a value)`);
  };
  const string = () => {
    i++; // opening quote
    while (i < text.length) {
      const c = text[i];
      if (c === '"') {
        i++;
        return;
      }
      if (c === '\\') {
        const e = text[i + 1];
        if (e === 'u') {
          if (!/^[0-9a-fA-F]{4}$/.test(text.slice(i + 2, i + 6))) fail('bad \\u escape in a string');
          i += 6;
        } else if (e !== undefined && '"\\/bfnrt'.includes(e)) {
          i += 2;
        } else {
          fail(`bad escape '\\${e ?? ''}' in a string`);
        }
        continue;
      }
      if (c < ' ') fail(c === '\n' ? 'a line break inside a string (missing closing quote?)' : 'a control character inside a string');
      i++;
    }
    fail('a string that never ends (missing closing quote)');
  };
  const number = () => {
    const match = /^-?(0|[1-9]\d*)(\.\d+)?([eE][+-]?\d+)?/.exec(text.slice(i));
    if (!match) fail(`unexpected ${describe(i)} (expected a value)`);
    i += match![0].length;
  };
  const value = (): void => {
    skipSpace();
    const c = text[i];
    if (c === '{') return object();
    if (c === '[') return array();
    if (c === '"') return string();
    if (c === 't') return literal('true');
    if (c === 'f') return literal('false');
    if (c === 'n') return literal('null');
    if (c === '-' || (c !== undefined && c >= '0' && c <= '9')) return number();
    fail(`unexpected ${describe(i)} (expected a value)`);
  };
  const object = () => {
    i++;
    skipSpace();
    if (text[i] === '}') {
      i++;
      return;
    }
    for (;;) {
      skipSpace();
      if (text[i] === '}') fail("a comma before '}' (JSON allows no trailing comma)");
      if (text[i] !== '"') fail(`unexpected ${describe(i)} (expected a property name in double quotes)`);
      string();
      skipSpace();
      if (text[i] !== ':') fail(`unexpected ${describe(i)} (expected ':' after the property name)`);
      i++;
      value();
      skipSpace();
      if (text[i] === ',') {
        i++;
        continue;
      }
      if (text[i] === '}') {
        i++;
        return;
      }
      fail(`unexpected ${describe(i)} (expected ',' or '}'; is a comma missing?)`);
    }
  };
  const array = () => {
    i++;
    skipSpace();
    if (text[i] === ']') {
      i++;
      return;
    }
    for (;;) {
      skipSpace();
      if (text[i] === ']') fail("a comma before ']' (JSON allows no trailing comma)");
      value();
      skipSpace();
      if (text[i] === ',') {
        i++;
        continue;
      }
      if (text[i] === ']') {
        i++;
        return;
      }
      fail(`unexpected ${describe(i)} (expected ',' or ']'; is a comma missing?)`);
    }
  };
  try {
    value();
    skipSpace();
    if (i < text.length) fail(`unexpected ${describe(i)} after the end of the JSON value`);
    return null;
  } catch (problem) {
    if (problem && typeof problem === 'object' && 'offset' in problem) return problem as JsonSyntaxProblem;
    throw problem;
  }
}

function lineAndColumn(text: string, offset: number): {line: number; column: number} {
  let line = 1;
  let lineStart = 0;
  for (let k = 0; k < offset && k < text.length; k++) {
    if (text[k] === '\n') {
      line++;
      lineStart = k + 1;
    }
  }
  return {line, column: offset - lineStart + 1};
}

function parseJsonText(input: string): unknown {
  const text = input.replace(/^\uFEFF/, '');
  if (text.trim() === '') {
    throw new ManifestError(`The manifest is empty. ${WHERE_TO_EXPORT}`);
  }
  try {
    return JSON.parse(text);
  } catch {
    const problem = locateJsonError(text);
    if (!problem) throw new ManifestError('This is not valid JSON.');
    const position = lineAndColumn(text, problem.offset);
    throw new ManifestError(
      `This is not valid JSON: ${problem.reason} at line ${position.line}, column ${position.column}.`,
      position,
    );
  }
}

// ---------------------------------------------------------------------------------------------
// The manifest's shape

const guid = z
  .string({error: 'must be a GUID'})
  .trim()
  .regex(GUID_PATTERN, {error: 'must be a GUID such as 00000003-0000-0000-c000-000000000000'})
  .transform((id) => id.toLowerCase());

const dateTime = z
  .string({error: 'must be a date-time such as 2026-01-31T00:00:00Z'})
  .refine((s) => !Number.isNaN(Date.parse(s)), {error: 'must be a date-time such as 2026-01-31T00:00:00Z'});

const resourceAccessSchema = z.looseObject({
  id: guid,
  type: z
    .string({error: 'must be "Role" (application permission) or "Scope" (delegated permission)'})
    .transform((t) => t.trim().toLowerCase())
    .refine((t) => t === 'role' || t === 'scope', {
      error: 'must be "Role" (application permission) or "Scope" (delegated permission)',
    }),
});

const requiredResourceAccessSchema = z.looseObject({
  resourceAppId: guid,
  resourceAccess: z.array(resourceAccessSchema, {error: 'must be an array of {id, type}'}).nullish(),
});

const credentialSchema = z.looseObject({
  keyId: z.string().nullish(),
  displayName: z.string().nullish(),
  endDateTime: dateTime.nullish(),
  endDate: dateTime.nullish(),
});

const optionalText = z.string().nullish();

const manifestSchema = z.looseObject({
  appId: guid.nullish(),
  id: optionalText,
  objectId: optionalText,
  displayName: optionalText,
  name: optionalText,
  signInAudience: optionalText,
  availableToOtherTenants: z.boolean().nullish(),
  requiredResourceAccess: z.array(requiredResourceAccessSchema),
  passwordCredentials: z.array(credentialSchema, {error: 'must be an array'}).nullish(),
  keyCredentials: z.array(credentialSchema, {error: 'must be an array'}).nullish(),
});

type ParsedManifest = z.infer<typeof manifestSchema>;

function isPlainObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function kindOf(value: unknown): string {
  if (value === null) return 'null';
  if (Array.isArray(value)) return 'a list';
  if (typeof value === 'string') return 'a string';
  if (typeof value === 'number') return 'a number';
  if (typeof value === 'boolean') return 'true/false';
  return typeof value === 'object' ? 'an object' : 'missing';
}

/** The one application of the input: the object itself, or the single entry of a `value` collection. */
function unwrapApplication(data: unknown): Record<string, unknown> {
  if (Array.isArray(data)) {
    throw new ManifestError(
      `This JSON is a list, not an app manifest: expected one object with a requiredResourceAccess array. ${WHERE_TO_EXPORT}`,
    );
  }
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

function rejectLookalikes(app: Record<string, unknown>): void {
  if ('requiredResourceAccess' in app) return;
  if ('servicePrincipalType' in app || 'appRoleAssignmentRequired' in app || 'servicePrincipalNames' in app) {
    throw new ManifestError(
      `This JSON is a service principal (an Enterprise application), not an app manifest: it has no requiredResourceAccess array. ${WHERE_TO_EXPORT}`,
    );
  }
  if ('guide' in app && 'resources' in app) {
    throw new ManifestError(
      `This JSON is a guide's permission profile (permissions.json), not an app manifest. ${WHERE_TO_EXPORT}`,
    );
  }
  throw new ManifestError(`This JSON is not an app manifest: it has no requiredResourceAccess array. ${WHERE_TO_EXPORT}`);
}

function lowerGuidOrText(value: string | null | undefined): string | null {
  if (!value) return null;
  const trimmed = value.trim();
  return GUID_PATTERN.test(trimmed) ? trimmed.toLowerCase() : trimmed;
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

function configuredOf(app: ParsedManifest): ConfiguredPermission[] {
  const out: ConfiguredPermission[] = [];
  const seen = new Set<string>();
  for (const resource of app.requiredResourceAccess) {
    for (const access of resource.resourceAccess ?? []) {
      const type: PermissionType = access.type === 'role' ? 'Application' : 'Delegated';
      const key = `${resource.resourceAppId}|${access.id}|${type}`;
      if (seen.has(key)) continue;
      seen.add(key);
      out.push({resourceAppId: resource.resourceAppId, id: access.id, type});
    }
  }
  return out;
}

/**
 * Reads an app manifest (its JSON text, or the parsed object) into an ObservedState with
 * source 'manifest' and grants null. GUIDs come out lower-case; duplicate entries collapse.
 * Throws ManifestError, saying what was expected, for anything that is not an app manifest.
 */
export function parseAppManifest(input: string | unknown): ObservedState {
  const data = typeof input === 'string' ? parseJsonText(input) : input;
  const app = unwrapApplication(data);
  rejectLookalikes(app);
  if (!Array.isArray(app.requiredResourceAccess)) {
    throw new ManifestError(
      `This JSON is not an app manifest: requiredResourceAccess is ${kindOf(app.requiredResourceAccess)}, expected an array. ${WHERE_TO_EXPORT}`,
    );
  }
  const result = manifestSchema.safeParse(app);
  if (!result.success) {
    const issues = result.error.issues;
    const described = issues.slice(0, 3).map((issue) => `${formatJsonPath(issue.path) || 'the manifest'} ${issue.message}`);
    const more = issues.length > 3 ? ` (and ${issues.length - 3} more problems)` : '';
    throw new ManifestError(`This app manifest cannot be read: ${described.join('; ')}${more}.`);
  }
  const parsed = result.data;
  return {
    source: 'manifest',
    app: {
      appId: parsed.appId ?? null,
      objectId: lowerGuidOrText(parsed.objectId ?? parsed.id),
      displayName: (parsed.displayName ?? parsed.name)?.trim() || null,
      signInAudience: signInAudienceOf(parsed),
      credentials: [...credentialsOf('secret', parsed.passwordCredentials), ...credentialsOf('certificate', parsed.keyCredentials)],
    },
    configured: configuredOf(parsed),
    grants: null,
    resourceNames: [],
    unread: [],
  };
}

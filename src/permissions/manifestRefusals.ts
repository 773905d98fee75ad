/**
 * What the manifest reader refuses before it reads anything, each with a ManifestError saying
 * what to paste instead: text that is empty, nested deeper than any manifest, not JSON, or with
 * a key twice in one object (JSON.parse would keep only the last); a Teams Toolkit template; a
 * permission key spelled in another case; a service principal or a permission profile.
 */
import {findDuplicateKey, lineAndColumn} from './jsonPositions';
import {locateJsonError} from './jsonSyntax';
import {isGuid} from './ids';
import {isPlainObject, ManifestError, quoteInputText, WHERE_TO_EXPORT} from './manifestError';
import {manifestTextProblem, MAX_JSON_DEPTH, nestingDepth, tooDeeplyNested} from './manifestInput';

// ---------------------------------------------------------------------------------------------
// JSON text

function syntaxError(text: string): ManifestError {
  const problem = locateJsonError(text);
  if (!problem) return new ManifestError('This is not valid JSON.');
  const position = lineAndColumn(text, problem.offset);
  // Vendors publish requiredResourceAccess entries as objects separated by commas, without [ ].
  const listHint =
    text.trimStart().startsWith('{') && text[problem.offset] === ',' && /after the end of the JSON value/.test(problem.reason)
      ? ' It looks like several objects separated by commas: put [ before the first and ] after the last to paste them as a list.'
      : '';
  return new ManifestError(`This is not valid JSON: ${problem.reason} at line ${position.line}, column ${position.column}.${listHint}`, position);
}

function rejectDuplicateKeys(text: string): void {
  const duplicate = findDuplicateKey(text);
  if (!duplicate) return;
  const position = lineAndColumn(text, duplicate.offset);
  throw new ManifestError(
    `This manifest has the key ${quoteInputText(duplicate.key)} twice in one object (line ${position.line}, column ${position.column}): ` +
      'JSON keeps only the last one, so the check would not read what the portal shows. Remove one of them.',
    position,
  );
}

export function parseJsonText(input: string): unknown {
  // Limits first, each a linear pass: a huge text, text with NULs (UTF-16 read as UTF-8) and
  // nesting no manifest has are refused before any parser (or call stack) sees them.
  const refused = manifestTextProblem(input);
  if (refused) throw new ManifestError(refused);
  const text = input.replace(/^\uFEFF/, '');
  if (text.trim() === '') {
    throw new ManifestError(`The manifest is empty. ${WHERE_TO_EXPORT}`);
  }
  const depth = nestingDepth(text);
  if (depth > MAX_JSON_DEPTH) throw new ManifestError(tooDeeplyNested(depth));
  let data: unknown;
  try {
    data = JSON.parse(text);
  } catch {
    throw syntaxError(text);
  }
  rejectDuplicateKeys(text);
  return data;
}

// ---------------------------------------------------------------------------------------------
// Teams Toolkit (Microsoft 365 Agents Toolkit) templates: aad.manifest.json

const TOOLKIT_TEMPLATE =
  'This is a Teams Toolkit (Microsoft 365 Agents Toolkit) app manifest template (aad.manifest.json): ' +
  'its ${{…}} placeholders and permission names are filled in when the toolkit provisions the app. ' +
  'Paste the manifest of the app registration it created instead: Entra admin center > App registrations > your app > Manifest.';

/** Fields of the legacy manifest format, in which the toolkit's templates are written. */
const TOOLKIT_FIELDS = ['name', 'accessTokenAcceptedVersion', 'oauth2Permissions', 'preAuthorizedApplications', 'identifierUris', 'replyUrlsWithType'];

/** A `${{NAME}}` placeholder in any string value, at any depth. */
function hasPlaceholder(data: unknown): boolean {
  const pending = [data];
  const seen = new Set<object>();
  while (pending.length > 0) {
    const value = pending.pop();
    if (typeof value === 'string' && value.includes('${{')) return true;
    if (typeof value !== 'object' || value === null || seen.has(value)) continue;
    seen.add(value);
    for (const child of Object.values(value)) pending.push(child);
  }
  return false;
}

/** A name such as "Microsoft Graph" or "User.Read" where an exported manifest has a GUID. */
function isName(value: unknown): boolean {
  return typeof value === 'string' && /^[a-z]/i.test(value.trim()) && !isGuid(value);
}

function namesPermissions(entries: unknown): boolean {
  if (!Array.isArray(entries)) return false;
  return entries.some(
    (entry) =>
      isPlainObject(entry) &&
      (isName(entry.resourceAppId) || (Array.isArray(entry.resourceAccess) && entry.resourceAccess.some((a) => isPlainObject(a) && isName(a.id)))),
  );
}

export function rejectToolkitTemplate(data: unknown): void {
  const namedWithToolkitFields =
    isPlainObject(data) && TOOLKIT_FIELDS.some((field) => field in data) && namesPermissions(data.requiredResourceAccess);
  if (namedWithToolkitFields || hasPlaceholder(data)) throw new ManifestError(TOOLKIT_TEMPLATE);
}

// ---------------------------------------------------------------------------------------------
// Keys and lookalikes

/** The keys the permissions are read from: spelled any other way, they would be skipped. */
const PERMISSION_KEYS = ['requiredResourceAccess', 'resourceAppId', 'resourceAccess', 'id', 'type'];
const PERMISSION_KEY_BY_LOWER = new Map(PERMISSION_KEYS.map((key) => [key.toLowerCase(), key]));

/**
 * Refuses a key that is one of the permission keys in another case (`ResourceAccess`): the check
 * reads the exact spelling, so such an entry would be read as holding nothing.
 */
export function rejectMiscasedKeys(data: unknown, depth = 0): void {
  if (depth > 8 || typeof data !== 'object' || data === null) return;
  const values = Array.isArray(data) ? data : Object.values(data);
  if (!Array.isArray(data)) {
    for (const key of Object.keys(data)) {
      const meant = PERMISSION_KEY_BY_LOWER.get(key.toLowerCase());
      if (meant && meant !== key) {
        throw new ManifestError(
          `This manifest has the key ${quoteInputText(key)} where the check reads "${meant}" (the spelling and case matter): its permissions would be skipped. Spell it "${meant}", as the Manifest page does.`,
        );
      }
    }
  }
  for (const value of values) rejectMiscasedKeys(value, depth + 1);
}

export function rejectLookalikes(app: Record<string, unknown>): void {
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

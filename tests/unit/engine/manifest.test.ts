import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import {describe, expect, it} from 'vitest';
import {ManifestError, parseAppManifest} from '../../../src/permissions/manifest';
import {decodeManifestBytes, MANIFEST_TOO_LARGE, MAX_JSON_DEPTH, MAX_MANIFEST_BYTES, manifestTextProblem} from '../../../src/permissions/manifestInput';
import {locateJsonError} from '../../../src/permissions/jsonSyntax';
import {normalizeGuid} from '../../../src/permissions/ids';
import type {CliIo, runCli as RunCli} from '../../../bin/permcheck';
import {AAD_GRAPH, AAD_GRAPH_USER_READ, APP_ID, GRAPH, fixture, gid} from './helpers';

function errorOf(input: unknown): ManifestError {
  try {
    parseAppManifest(input);
  } catch (error) {
    expect(error).toBeInstanceOf(ManifestError);
    return error as ManifestError;
  }
  throw new Error('expected a ManifestError');
}

describe('entries that would be read as holding nothing are refused (found in review)', () => {
  const compliant = JSON.parse(fixture('graph-compliant.json'));
  const withEntry = (entry: unknown) => ({...compliant, requiredResourceAccess: [...compliant.requiredResourceAccess, entry]});
  const WRITE = {id: '19dbc75e-c2e2-444c-a770-ec69d8559fc7', type: 'Role'}; // Directory.ReadWrite.All

  it.each([
    ['"ResourceAccess" for resourceAccess', {resourceAppId: GRAPH, ResourceAccess: [WRITE]}, /the key "ResourceAccess" where the check reads "resourceAccess"/],
    ['"resourceaccess" for resourceAccess', {resourceAppId: GRAPH, resourceaccess: [WRITE]}, /the key "resourceaccess" where the check reads "resourceAccess"/],
    ['"ID" in an entry', {resourceAppId: GRAPH, resourceAccess: [{ID: WRITE.id, type: 'Role'}]}, /the key "ID" where the check reads "id"/],
    ['no resourceAccess at all', {resourceAppId: GRAPH}, /resourceAccess/],
    ['resourceAccess null', {resourceAppId: GRAPH, resourceAccess: null}, /resourceAccess must be an array/],
  ])('%s', (_what, entry, message) => {
    expect(errorOf(JSON.stringify(withEntry(entry))).message).toMatch(message);
  });
});

describe('pasted vendor snippets', () => {
  it('says to wrap objects separated by commas in [ ] (a vendor page lists requiredResourceAccess entries that way)', () => {
    const text = '{"resourceAppId": "00000003-0000-0000-c000-000000000000", "resourceAccess": []},\n{"resourceAppId": "00000002-0000-0ff1-ce00-000000000000", "resourceAccess": []}';
    const error = errorOf(text);
    expect(error.message).toMatch(/at line 1, column \d+\. It looks like several objects separated by commas: put \[ before the first and \] after the last/);
    expect(parseAppManifest(`[${text}]`).configured).toEqual([]);
  });
});

describe('parseAppManifest: the Microsoft Graph format', () => {
  const observed = parseAppManifest(fixture('graph-compliant.json'));

  it('reads the app, its permissions and its secrets, grants unknown', () => {
    expect(observed.source).toBe('manifest');
    expect(observed.grants).toBeNull();
    expect(observed.unread).toEqual([]);
    expect(observed.app).toMatchObject({
      appId: APP_ID,
      objectId: '0d9e8f7a-6b5c-4d3e-9f2a-1b0c9d8e7f6a',
      displayName: 'Scanner connector',
      signInAudience: 'AzureADMyOrg',
    });
    expect(observed.app.credentials).toEqual([
      {kind: 'secret', keyId: '3c0e5b7a-1f2d-4e3c-8b9a-7d6e5f4c3b2a', displayName: 'scanner', endDateTime: '2027-03-04T09:15:00.000Z'},
    ]);
    expect(observed.configured).toHaveLength(8);
    expect(observed.configured).toContainEqual({resourceAppId: GRAPH, id: gid('User.Read.All'), type: 'Application'});
    expect(observed.configured).toContainEqual({resourceAppId: GRAPH, id: gid('User.Read', 'Delegated'), type: 'Delegated'});
  });

  it('reads the same from the application object, a one-app collection, a parsed object and a file with a BOM', () => {
    expect(parseAppManifest(fixture('graph-application-object.json'))).toEqual(observed);
    expect(parseAppManifest(fixture('graph-application-collection.json'))).toEqual(observed);
    expect(parseAppManifest(JSON.parse(fixture('graph-compliant.json')))).toEqual(observed);
    expect(parseAppManifest(fixture('graph-with-bom.json'))).toEqual(observed);
  });
});

describe('parseAppManifest: the legacy Azure AD Graph format', () => {
  it('reads endDate, name and upper-case GUIDs', () => {
    const observed = parseAppManifest(fixture('legacy-compliant.json'));
    expect(observed.app.appId).toBe(APP_ID);
    expect(observed.app.displayName).toBe('Scanner connector (legacy)');
    expect(observed.app.credentials).toEqual([
      {kind: 'secret', keyId: '6e5d4c3b-2a1f-4e0d-9c8b-7a6f5e4d3c2b', displayName: 'scanner', endDateTime: '2027-05-14T08:00:00.000Z'},
      {kind: 'certificate', keyId: '5d4c3b2a-1f0e-4d9c-8b7a-6f5e4d3c2b1a', displayName: 'CN=scanner', endDateTime: '2027-05-14T08:00:00.000Z'},
    ]);
    expect(observed.configured.every((c) => c.id === c.id.toLowerCase() && c.resourceAppId === c.resourceAppId.toLowerCase())).toBe(true);
    expect(observed.configured).toContainEqual({resourceAppId: GRAPH, id: gid('Group.Read.All'), type: 'Application'});
  });

  it('reads Azure AD Graph entries', () => {
    const observed = parseAppManifest(fixture('legacy-1.0-with-aad-graph.json'));
    expect(observed.configured).toContainEqual({resourceAppId: AAD_GRAPH, id: AAD_GRAPH_USER_READ, type: 'Delegated'});
  });

  it('reads the old application entity: objectId, displayName, availableToOtherTenants', () => {
    const observed = parseAppManifest(fixture('aad-graph-entity-multitenant-expired.json'));
    expect(observed.app.objectId).toBe('0d9e8f7a-6b5c-4d3e-9f2a-1b0c9d8e7f6a');
    expect(observed.app.displayName).toBe('Scanner (AAD Graph entity)');
    expect(observed.app.signInAudience).toBe('AzureADMultipleOrgs');
    expect(parseAppManifest({requiredResourceAccess: [], availableToOtherTenants: false}).app.signInAudience).toBe('AzureADMyOrg');
    expect(observed.app.credentials).toEqual([
      {kind: 'secret', keyId: '7f6e5d4c-3b2a-4f1e-8d0c-9b8a7f6e5d4c', displayName: null, endDateTime: '2025-01-01T00:00:00.000Z'},
    ]);
  });
});

describe('parseAppManifest: GUIDs and duplicates', () => {
  it('collapses duplicate entries and lower-cases every GUID', () => {
    const id = gid('User.Read.All');
    const observed = parseAppManifest({
      appId: APP_ID.toUpperCase(),
      requiredResourceAccess: [
        {resourceAppId: GRAPH.toUpperCase(), resourceAccess: [{id: id.toUpperCase(), type: 'Role'}, {id, type: 'Role'}]},
        {resourceAppId: GRAPH, resourceAccess: [{id, type: 'Role'}, {id, type: 'Scope'}]},
      ],
      passwordCredentials: [
        {keyId: 'AAAAAAAA-0000-0000-0000-000000000000', endDateTime: '2027-01-01T00:00:00Z'},
        {keyId: 'aaaaaaaa-0000-0000-0000-000000000000', endDateTime: '2027-01-01T00:00:00Z'},
      ],
    });
    expect(observed.app.appId).toBe(APP_ID);
    expect(observed.configured).toEqual([
      {resourceAppId: GRAPH, id, type: 'Application'},
      {resourceAppId: GRAPH, id, type: 'Delegated'},
    ]);
    expect(observed.app.credentials).toHaveLength(1);
  });

  it('accepts an empty requiredResourceAccess and a missing appId', () => {
    const observed = parseAppManifest({requiredResourceAccess: []});
    expect(observed.configured).toEqual([]);
    expect(observed.app.appId).toBeNull();
    expect(observed.app.signInAudience).toBeNull();
  });
});

describe('parseAppManifest: what is not an app manifest', () => {
  it('says where the JSON breaks, with line and column', () => {
    const error = errorOf(fixture('not-json-trailing-comma.json'));
    expect(error.message).toBe("This is not valid JSON: a comma before '}' (JSON allows no trailing comma) at line 4, column 1.");
    expect([error.line, error.column]).toEqual([4, 1]);
  });

  it('never quotes the input back in a JSON error', () => {
    const secretish = '{"appId": "x", "note": "abc8Q~abcdefghijklmnopqrstuvwxyz0123456789" oops}';
    expect(errorOf(secretish).message).not.toMatch(/abc8Q~/);
  });

  it('says what was expected when requiredResourceAccess is absent', () => {
    expect(errorOf({appId: APP_ID, displayName: 'x'}).message).toBe(
      'This JSON is not an app manifest: it has no requiredResourceAccess array. Export it from Entra admin center > App registrations > your app > Manifest.',
    );
  });

  it('recognises a service principal and a guide profile', () => {
    expect(errorOf(fixture('not-a-manifest-service-principal.json')).message).toMatch(/service principal \(an Enterprise application\)/);
    expect(errorOf({guide: 'office365', title: 'x', resources: []}).message).toMatch(/permission profile/);
  });

  it('names the bad field of a broken entry', () => {
    expect(errorOf(fixture('not-a-manifest-bad-type.json')).message).toMatch(
      /requiredResourceAccess\[0\]\.resourceAccess\[0\]\.type must be "Role" \(application permission\) or "Scope" \(delegated permission\)/,
    );
    expect(errorOf({requiredResourceAccess: [{resourceAppId: 'graph', resourceAccess: []}]}).message).toMatch(/requiredResourceAccess\[0\]\.resourceAppId must be a GUID/);
    expect(errorOf({requiredResourceAccess: {}}).message).toMatch(/requiredResourceAccess is an? object, expected an array/);
    expect(errorOf({requiredResourceAccess: [], passwordCredentials: [{endDateTime: 'soon'}]}).message).toMatch(/passwordCredentials\[0\]\.endDateTime must be a date-time/);
  });

  it.each([
    ['an empty text', '  ', /empty/],
    ['a list', '[{"requiredResourceAccess": []}]', /a list, not an app manifest/],
    ['a number', '42', /a number, not an app manifest/],
    ['null', null, /null, not an app manifest/],
    ['an empty collection', {value: []}, /lists no application/],
    ['a collection of something else', {value: ['x']}, /"value" is a string in a list, not an application/],
    ['a collection of two', {value: [{requiredResourceAccess: []}, {requiredResourceAccess: []}]}, /lists 2 applications; the check needs exactly one/],
  ])('rejects %s', (_name, input, message) => {
    expect(errorOf(input).message).toMatch(message);
  });
});

describe('parseAppManifest: a bare requiredResourceAccess list', () => {
  const UNKNOWN_APP = {appId: null, objectId: null, displayName: null, signInAudience: null, credentials: []};

  it('reads a vendor-published list like a manifest with only requiredResourceAccess, the app unknown', () => {
    const text = fixture('permission-list-vendor.json');
    const observed = parseAppManifest(text);
    expect(observed).toEqual({
      source: 'manifest',
      app: UNKNOWN_APP,
      configured: [
        {resourceAppId: GRAPH, id: gid('User.Read.All'), type: 'Application'},
        {resourceAppId: GRAPH, id: gid('Group.Read.All'), type: 'Application'},
        {resourceAppId: GRAPH, id: gid('User.Read', 'Delegated'), type: 'Delegated'},
      ],
      grants: null,
      resourceNames: [],
      unread: [],
      // Settings were not in it: they are not judged (no "no credential" warning for a list).
      permissionsOnly: true,
    });
    expect(parseAppManifest(JSON.parse(text))).toEqual(observed);
    const {permissionsOnly, ...asManifest} = observed;
    expect(permissionsOnly).toBe(true);
    expect(parseAppManifest({requiredResourceAccess: JSON.parse(text)})).toEqual(asManifest);
  });

  it('names the bad field of a list entry by its JSON path', () => {
    const id = gid('User.Read.All');
    const list = [
      {resourceAppId: GRAPH, resourceAccess: [{id, type: 'Role'}, {id, type: 'Role'}, {id, type: 'Application'}]},
      {resourceAppId: 'Microsoft Graph', resourceAccess: []},
    ];
    expect(errorOf(list).message).toBe(
      'This permission list cannot be read: [0].resourceAccess[2].type must be "Role" (application permission) or "Scope" (delegated permission); ' +
        '[1].resourceAppId must be a GUID such as 00000003-0000-0000-c000-000000000000.',
    );
  });

  it.each([
    ['an empty list', '[]', /^This JSON is an empty list: no permissions to check\. Expected an app manifest, or a requiredResourceAccess list/],
    ['a list of numbers', '[1, 2]', /^This JSON is a list, not an app manifest: \[0\] is a number; expected an app manifest, or a requiredResourceAccess list of \{resourceAppId, resourceAccess\} entries\./],
    ['a list of manifests', [{requiredResourceAccess: []}], /a list, not an app manifest: \[0\] has no resourceAppId; expected/],
    ['a list with one stray entry', [{resourceAppId: GRAPH, resourceAccess: []}, 'x'], /a list, not an app manifest: \[1\] is a string; expected/],
    ['an entry without resourceAccess', [{resourceAppId: GRAPH}], /\[0\] has no resourceAccess; expected/],
  ])('rejects %s, saying what was expected', (_name, input, message) => {
    expect(errorOf(input).message).toMatch(message);
  });
});

describe('parseAppManifest: Teams Toolkit (Microsoft 365 Agents Toolkit) templates', () => {
  const TEMPLATE_MESSAGE =
    'This is a Teams Toolkit (Microsoft 365 Agents Toolkit) app manifest template (aad.manifest.json): ' +
    'its ${{…}} placeholders and permission names are filled in when the toolkit provisions the app. ' +
    'Paste the manifest of the app registration it created instead: Entra admin center > App registrations > your app > Manifest.';
  const graphEntries = [{resourceAppId: GRAPH, resourceAccess: [{id: gid('User.Read.All'), type: 'Role'}]}];

  it('recognises an aad.manifest.json and says what to paste instead', () => {
    const error = errorOf(fixture('teams-toolkit-aad.manifest.json'));
    expect(error.message).toBe(TEMPLATE_MESSAGE);
    expect(error.message).not.toMatch(/scanner-bot|AAD_APP_OBJECT_ID/);
  });

  it.each([
    ['a placeholder where GUIDs are valid otherwise', {id: '${{AAD_APP_OBJECT_ID}}', displayName: 'x', requiredResourceAccess: graphEntries}],
    ['a placeholder deep inside', {requiredResourceAccess: graphEntries, identifierUris: ['api://${{TAB_DOMAIN}}/${{AAD_APP_CLIENT_ID}}']}],
    ['a placeholder in a bare list', [{resourceAppId: '${{GRAPH_APP_ID}}', resourceAccess: []}]],
    ['permission names with toolkit fields', {name: 'bot-aad', requiredResourceAccess: [{resourceAppId: 'Microsoft Graph', resourceAccess: [{id: 'User.Read', type: 'Scope'}]}]}],
    ['permission ids as names with toolkit fields', {oauth2Permissions: [], requiredResourceAccess: [{resourceAppId: GRAPH, resourceAccess: [{id: 'User.Read', type: 'Scope'}]}]}],
  ])('recognises %s', (_name, input) => {
    expect(errorOf(input).message).toBe(TEMPLATE_MESSAGE);
  });
});

describe('parseAppManifest: a key twice in one object', () => {
  const entry = (inside: string) => `{"resourceAppId": "${GRAPH}", "resourceAccess": [${inside}]}`;
  const access = `{"id": "${gid('User.Read.All')}", "type": "Role"}`;

  it('refuses requiredResourceAccess twice at the top level, at the second one', () => {
    const error = errorOf(fixture('not-a-manifest-duplicate-key.json'));
    expect(error.message).toBe(
      'This manifest has the key "requiredResourceAccess" twice in one object (line 57, column 3): ' +
        'JSON keeps only the last one, so the check would not read what the portal shows. Remove one of them.',
    );
    expect([error.line, error.column]).toEqual([57, 3]);
  });

  it('refuses "type" twice in a resourceAccess entry and "resourceAppId" twice in a requiredResourceAccess entry', () => {
    const typeTwice = `{"requiredResourceAccess": [\n  ${entry(`\n    {"id": "${gid('User.Read.All')}", "type": "Scope", "type": "Role"}`)}\n]}`;
    const column = typeTwice.split('\n')[2].lastIndexOf('"type"') + 1; // 69
    const error = errorOf(typeTwice);
    expect(error.message).toMatch(`This manifest has the key "type" twice in one object (line 3, column ${column})`);
    expect([error.line, error.column]).toEqual([3, column]);
    const appTwice = `{"requiredResourceAccess": [{"resourceAppId": "${AAD_GRAPH}",\r\n "resourceAppId": "${GRAPH}", "resourceAccess": [${access}]}]}`;
    expect(errorOf(appTwice).message).toMatch(/the key "resourceAppId" twice in one object \(line 2, column 2\)/);
  });

  it('refuses a key twice in an entry of a bare list, and one written with an escape', () => {
    expect(errorOf(`[\n${entry(access)},\n${entry(`{"id": "x", "type": "Role", "typ\\u0065": "Scope"}`)}]`).message).toMatch(
      /the key "type" twice in one object \(line 3, column /,
    );
  });

  it('refuses a key only when it repeats within one object, not across objects or in another case', () => {
    const text = `{"requiredResourceAccess": [${entry(`${access}, ${access}`)}, ${entry(access)}], "Info": null, "info": {"info": {"id": 1}}}`;
    expect(parseAppManifest(text).configured).toEqual([{resourceAppId: GRAPH, id: gid('User.Read.All'), type: 'Application'}]);
    expect(errorOf(text.replace('{"id": 1}', '{"id": 1, "id": 2}')).message).toMatch(/the key "id" twice in one object \(line 1, column /);
  });

  it('shows a long or odd key as short, escaped data', () => {
    const odd = `ab\\u0007\\u202e${'k'.repeat(500)}`;
    const message = errorOf(`{"requiredResourceAccess": [], "${odd}": 1, "${odd}": 2}`).message;
    expect(message).toMatch(/the key "ab\\u\{7\}\\u\{202e\}k+…" twice in one object \(line 1, column /);
    expect(message.length).toBeLessThan(300);
    expect(message).not.toMatch(/[\u0000-\u001f\u202e]/);
  });
});

describe('locateJsonError', () => {
  it.each([
    ['{"a": 1}', null],
    ['{"a" 1}', {offset: 5, reason: "unexpected '1' (expected ':' after the property name)"}],
    ['{"a": 1 "b": 2}', {offset: 8, reason: "unexpected '\"' (expected ',' or '}'; is a comma missing?)"}],
    ["{'a': 1}", {offset: 1, reason: 'unexpected a single quote (JSON strings use double quotes) (expected a property name in double quotes)'}],
    ['{"a": [1, 2,]}', {offset: 12, reason: "a comma before ']' (JSON allows no trailing comma)"}],
    ['{"a": tru}', {offset: 6, reason: "unexpected 't' (expected a value)"}],
    ['{"a": "x', {offset: 8, reason: 'a string that never ends (missing closing quote)'}],
    ['{} {}', {offset: 3, reason: "unexpected '{' after the end of the JSON value"}],
    ['{\n // note\n "a": 1}', {offset: 3, reason: 'unexpected a comment (JSON allows none) (expected a property name in double quotes)'}],
  ])('%j', (text, expected) => {
    expect(locateJsonError(text)).toEqual(expected);
  });

  it('agrees with JSON.parse about validity', () => {
    for (const text of ['[]', '"x"', '1e5', '-0.5', 'true', '{"a":{"b":[null,false,"\\u00e9"]}}', '[1,]', '01', '"\\x"', '{"a":1,}']) {
      let valid = true;
      try {
        JSON.parse(text);
      } catch {
        valid = false;
      }
      expect(locateJsonError(text) === null, text).toBe(valid);
    }
  });
});

// ---------------------------------------------------------------------------------------------
// Input limits and forgiveness (issue 8)

const FIXTURES = path.resolve(__dirname, '../../fixtures/manifests');
const fixtureBytes = (name: string) => new Uint8Array(fs.readFileSync(path.join(FIXTURES, name)));

/** A valid manifest padded with spaces to exactly `bytes` bytes of UTF-8. */
function manifestOfSize(bytes: number, padding = ' '): string {
  const text = fixture('graph-compliant.json');
  const size = Buffer.byteLength(text, 'utf8');
  const unit = Buffer.byteLength(padding, 'utf8');
  return text + padding.repeat(Math.floor((bytes - size) / unit)) + ' '.repeat((bytes - size) % unit);
}

describe('input limits: size', () => {
  it('shares one limit of 2 MB, with one message', () => {
    expect(MAX_MANIFEST_BYTES).toBe(2 * 1024 * 1024);
    expect(MANIFEST_TOO_LARGE).toMatch(/too large to be an app manifest \(more than 2 MB/);
  });

  it('reads a manifest of exactly the limit, and refuses one byte more, without parsing it', () => {
    expect(parseAppManifest(manifestOfSize(MAX_MANIFEST_BYTES)).app.appId).toBe(APP_ID);
    expect(errorOf(manifestOfSize(MAX_MANIFEST_BYTES + 1)).message).toBe(MANIFEST_TOO_LARGE);
    // Not JSON at all: the size is what is wrong with it, said first.
    expect(errorOf('x'.repeat(5 * 1024 * 1024)).message).toBe(MANIFEST_TOO_LARGE);
  });

  it('counts bytes of UTF-8, not characters', () => {
    const wide = manifestOfSize(MAX_MANIFEST_BYTES + 2, '\u00a0'); // no-break space: 2 bytes, 1 character
    expect(wide.length).toBeLessThan(MAX_MANIFEST_BYTES);
    expect(manifestTextProblem(wide)).toBe(MANIFEST_TOO_LARGE);
    expect(manifestTextProblem(manifestOfSize(MAX_MANIFEST_BYTES, '\u{1F600}'))).toBeNull();
  });
});

describe('input limits: UTF-16', () => {
  const compliant = parseAppManifest(fixture('graph-compliant.json'));
  const expected = {...compliant, app: {...compliant.app, displayName: 'Scanner connector – Zürich'}};

  it('reads a file saved as UTF-16 (PowerShell Out-File, Notepad "Unicode"), with or without a BOM, either byte order', () => {
    const le = fixtureBytes('graph-utf16le-bom.json');
    const be = fixtureBytes('graph-utf16be-bom.json');
    expect(decodeManifestBytes(le).encoding).toBe('UTF-16LE');
    expect(decodeManifestBytes(be).encoding).toBe('UTF-16BE');
    expect(parseAppManifest(decodeManifestBytes(le).text)).toEqual(expected);
    expect(parseAppManifest(decodeManifestBytes(be).text)).toEqual(expected);
    expect(parseAppManifest(decodeManifestBytes(le.slice(2)).text)).toEqual(expected);
    expect(parseAppManifest(decodeManifestBytes(be.slice(2).buffer).text)).toEqual(expected);
  });

  it('reads UTF-8, with or without a BOM, as UTF-8', () => {
    const utf8 = new TextEncoder().encode(fixture('graph-compliant.json').replace('"Scanner connector"', '"Scanner connector – Zürich"'));
    expect(decodeManifestBytes(utf8)).toMatchObject({encoding: 'UTF-8'});
    expect(parseAppManifest(decodeManifestBytes(utf8).text)).toEqual(expected);
    expect(parseAppManifest(decodeManifestBytes(fixtureBytes('graph-with-bom.json')).text)).toEqual(compliant);
  });

  it('refuses UTF-16 read as UTF-8 naming the encoding, never echoing a NUL', () => {
    const misread = Buffer.from(fixtureBytes('graph-utf16le-bom.json')).toString('utf8');
    expect(misread).toContain('\u0000');
    const message = errorOf(misread).message;
    expect(message).toBe(
      'This text contains NUL characters: it looks like a UTF-16 file read as UTF-8. Save the manifest as UTF-8, or upload the file instead.',
    );
    expect(message).not.toMatch(/\u0000|\uFFFD/);
  });
});

describe('input limits: nesting', () => {
  it('refuses 100,000 unclosed brackets in plain words, not with a stack overflow', () => {
    expect(errorOf('['.repeat(100_000)).message).toBe(
      'This JSON nests 100000 levels deep (more than 64); an app manifest nests fewer than 10. Paste the manifest from the Manifest page.',
    );
    expect(errorOf('{"a":'.repeat(100_000)).message).toMatch(/^This JSON nests 100000 levels deep \(more than 64\)/);
  });

  it('refuses valid JSON nested deeper than the limit, and reads up to it', () => {
    const nested = (depth: number) => `${'['.repeat(depth)}${']'.repeat(depth)}`;
    expect(MAX_JSON_DEPTH).toBe(64);
    expect(errorOf(nested(65)).message).toMatch(/^This JSON nests 65 levels deep/);
    expect(errorOf(nested(64)).message).not.toMatch(/nests/);
    // Brackets inside strings are text, not nesting.
    expect(parseAppManifest(`{"requiredResourceAccess": [], "displayName": "${'[{'.repeat(100)}\\"]"}`).app.displayName).toMatch(/^\[\{/);
  });

  it('locateJsonError finds the end of 100,000 open brackets without recursing', () => {
    expect(locateJsonError('['.repeat(100_000))).toEqual({offset: 100_000, reason: 'unexpected the end of the text (expected a value)'});
    expect(locateJsonError(`${'[{"a":'.repeat(50_000)}1${'}]'.repeat(50_000)}`)).toBeNull();
    expect(locateJsonError(`${'['.repeat(100_000)}1,]`)).toEqual({offset: 100_002, reason: "a comma before ']' (JSON allows no trailing comma)"});
  });
});

describe('normalizeGuid: a GUID as typed', () => {
  const BARE = '0d651e1f-b145-4b1c-8334-8eff5cdea961';
  it.each([BARE, `{${BARE}}`, ` ${BARE} `, `\t{ ${BARE.toUpperCase()} }\n`, `\u00a0${BARE}`])('reads %j as the bare lower-case GUID', (typed) => {
    expect(normalizeGuid(typed)).toBe(BARE);
  });
  it.each([`{${BARE}`, `${BARE}}`, `{{${BARE}}}`, `(${BARE})`, `${BARE}x`, '', '{}', 42])('refuses %j', (typed) => {
    expect(normalizeGuid(typed)).toBeNull();
  });
});

describe('permcheck shares the limits and their words', () => {
  async function cli(file: string) {
    // Named with its extension: without it, bin/permcheck.mjs (the launcher) would be picked.
    const cliModule = '../../../bin/permcheck.ts';
    const {runCli} = (await import(/* @vite-ignore */ cliModule)) as {runCli: typeof RunCli};
    const out: string[] = [];
    const err: string[] = [];
    const io: CliIo = {stdout: (t) => void out.push(t), stderr: (t) => void err.push(t), readStdin: () => '', env: {}, isTTY: false};
    return runCli(['--guide', 'office365', '--manifest', file], io).then((code) => ({code, out: out.join(''), err: err.join('')}));
  }

  it('refuses a file over the limit with the words of the page', async () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'permcheck-'));
    const file = path.join(dir, 'big.json');
    fs.writeFileSync(file, manifestOfSize(MAX_MANIFEST_BYTES + 1));
    try {
      const {code, err} = await cli(file);
      expect(code).toBe(2);
      expect(err).toBe(`permcheck: ${file}: ${MANIFEST_TOO_LARGE}\n`);
    } finally {
      fs.rmSync(dir, {recursive: true, force: true});
    }
  });
});

describe('the limits load with the page, ahead of the engine', () => {
  it('manifestInput.ts (limits, decoding) imports nothing, so the check UI can use it without the catalog or a parser library', () => {
    const source = fs.readFileSync(path.resolve(__dirname, '../../../src/permissions/manifestInput.ts'), 'utf8');
    expect(source.match(/^\s*import\s[^;]*?from\s+['"][^'"]+['"]/gm) ?? []).toEqual([]);
  });
});

/**
 * The words of the schema problems the project does not write itself: zod's English messages
 * ("Invalid input: expected string, received number", "Unrecognized key: …", "Too big: …"),
 * shown to admins in a manifest or Graph read error and to the docs team in a profile error.
 * Pinned so a change of zod, or of how it is loaded (zod/mini has no locale unless one is set),
 * cannot change them to "Invalid input" without a test saying so.
 */
import {describe, expect, it} from 'vitest';
import {applicationSchema, batchResponseSchema, firstIssue, graphErrorSchema, permissionGrantPage, servicePrincipalSchema} from '../../../src/permissions/graphSchemas';
import {ManifestError, parseAppManifest} from '../../../src/permissions/manifest';
import {ProfileError, parseProfile} from '../../../src/permissions/profile';
import {GRAPH} from './helpers';

function manifestMessage(input: unknown): string {
  try {
    parseAppManifest(input);
  } catch (error) {
    expect(error).toBeInstanceOf(ManifestError);
    return (error as Error).message;
  }
  throw new Error('expected a ManifestError');
}

function profileProblems(input: unknown): string[] {
  try {
    parseProfile(input);
  } catch (error) {
    expect(error).toBeInstanceOf(ProfileError);
    return (error as ProfileError).problems.map((problem) => `${problem.path}: ${problem.message}`);
  }
  throw new Error('expected a ProfileError');
}

type Schema = {safeParse(data: unknown): {success: true} | {success: false; error: Parameters<typeof firstIssue>[0]}};

function graphProblem(schema: Schema, answer: unknown): string {
  const result = schema.safeParse(answer);
  if (result.success) throw new Error('expected the answer to be refused');
  return firstIssue(result.error);
}

describe('app manifests', () => {
  it('say what kind a field is and what it should be, next to the project’s own messages', () => {
    expect(manifestMessage({requiredResourceAccess: [], displayName: 5})).toBe(
      'This app manifest cannot be read: displayName Invalid input: expected string, received number.',
    );
    expect(manifestMessage({requiredResourceAccess: [], availableToOtherTenants: 'yes'})).toBe(
      'This app manifest cannot be read: availableToOtherTenants Invalid input: expected boolean, received string.',
    );
    expect(manifestMessage({requiredResourceAccess: [], appId: 'x', keyCredentials: [{keyId: 1, endDate: 3}]})).toBe(
      'This app manifest cannot be read: appId must be a GUID such as 00000003-0000-0000-c000-000000000000; ' +
        'keyCredentials[0].keyId Invalid input: expected string, received number; ' +
        'keyCredentials[0].endDate must be a date-time such as 2026-01-31T00:00:00Z.',
    );
  });

  it('name the first three problems and count the rest', () => {
    expect(manifestMessage({requiredResourceAccess: [{resourceAppId: 5, resourceAccess: [{id: 3, type: 4}]}], passwordCredentials: {}, keyCredentials: [5]})).toBe(
      'This app manifest cannot be read: requiredResourceAccess[0].resourceAppId must be a GUID; ' +
        'requiredResourceAccess[0].resourceAccess[0].id must be a GUID; ' +
        'requiredResourceAccess[0].resourceAccess[0].type must be "Role" (application permission) or "Scope" (delegated permission) (and 2 more problems).',
    );
  });
});

describe('permission profiles', () => {
  it('name an unknown key, a list that is not one and a file that is not an object', () => {
    expect(profileProblems({guide: 'X', title: '', resources: [], extra: 1, expect: {signInAudience: 'no', credential: 3, x: 1}})).toEqual([
      'guide: must be the guide folder name (lower-case letters, digits, -)',
      'title: must be the guide title',
      'expect.signInAudience: must be one of AzureADMyOrg, AzureADMultipleOrgs, AzureADandPersonalMicrosoftAccount, PersonalMicrosoftAccount',
      'expect.credential: must be "secret-or-certificate", "certificate" or "secret"',
      'expect: Unrecognized key: "x"',
      'resources: must list at least one API (resource)',
      ': Unrecognized key: "extra"',
    ]);
    const resource = {resourceAppId: GRAPH, name: 'n', required: [{value: '', type: 'Role', why: ' ', more: 1}], allowed: 5};
    expect(profileProblems({guide: 'a', title: 't', resources: [resource]})).toEqual([
      'resources[0].required[0].value: must name the permission, e.g. "User.Read.All"',
      'resources[0].required[0].type: must be "Application" or "Delegated"',
      'resources[0].required[0].why: must say why the scanner needs this permission',
      'resources[0].required[0]: Unrecognized key: "more"',
      'resources[0].allowed: Invalid input: expected array, received number',
    ]);
    expect(profileProblems(5)).toEqual([': Invalid input: expected object, received number']);
  });
});

describe('Graph answers', () => {
  it('say where the answer is not what the reader needs, and what it held instead', () => {
    expect(graphProblem(applicationSchema, {id: 1})).toBe('id: Invalid input: expected string, received number');
    expect(graphProblem(applicationSchema, {id: 'a', appId: 'b', requiredResourceAccess: [{resourceAppId: 'x', resourceAccess: [{id: 'x', type: 3}]}]})).toBe(
      'requiredResourceAccess.0.resourceAccess.0.type: Invalid input: expected string, received number',
    );
    expect(graphProblem(servicePrincipalSchema, {id: 'a', appId: 'b', appRoles: [{id: 'x', value: 4}]})).toBe('appRoles.0.value: Invalid input: expected string, received number');
    expect(graphProblem(permissionGrantPage, {value: [{resourceId: 'r'}]})).toBe('value.0.consentType: Invalid input: expected string, received undefined');
    expect(graphProblem(permissionGrantPage, {value: 3, '@odata.nextLink': 5})).toBe('value: Invalid input: expected array, received number');
    expect(graphProblem(graphErrorSchema, {error: 'x'})).toBe('error: Invalid input: expected object, received string');
  });

  it('refuse a $batch answer whose status is no HTTP status', () => {
    expect(graphProblem(batchResponseSchema, {responses: [{id: 'a', status: 99.5}]})).toBe('responses.0.status: Invalid input: expected int, received number');
    expect(graphProblem(batchResponseSchema, {responses: [{id: 'a', status: 600, headers: {a: 1}}]})).toBe('responses.0.status: Too big: expected number to be <=599');
    expect(graphProblem(batchResponseSchema, {responses: [{id: 'a', status: 99}]})).toBe('responses.0.status: Too small: expected number to be >=100');
    expect(graphProblem(batchResponseSchema, 'x')).toBe('the body: Invalid input: expected object, received string');
  });
});

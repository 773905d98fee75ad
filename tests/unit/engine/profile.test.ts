import fs from 'node:fs';
import path from 'node:path';
import {describe, expect, it} from 'vitest';
import {ProfileError, checkProfileAgainstCatalog, parseProfile} from '../../../src/permissions/profile';
import {listProfiles} from '../../../src/profiles/locate';
import {GRAPH} from './helpers';

const valid = {
  guide: 'office365',
  title: 'Office 365',
  expect: {signInAudience: 'AzureADMyOrg', credential: 'secret-or-certificate'},
  resources: [
    {
      resourceAppId: GRAPH.toUpperCase(),
      name: 'Microsoft Graph',
      required: [{value: 'User.Read.All', type: 'Application', why: 'List users.'}],
      allowed: [{value: 'User.Read', type: 'Delegated', why: 'Default; harmless.'}],
    },
  ],
};

function problemsOf(input: unknown): ProfileError['problems'] {
  try {
    parseProfile(input, 'test.json');
  } catch (error) {
    expect(error).toBeInstanceOf(ProfileError);
    return (error as ProfileError).problems;
  }
  throw new Error('expected a ProfileError');
}

describe('parseProfile', () => {
  it('reads a valid profile from an object or from text, with lower-case GUIDs', () => {
    const fromObject = parseProfile(valid);
    expect(fromObject.resources[0].resourceAppId).toBe(GRAPH);
    expect(parseProfile(`\uFEFF${JSON.stringify(valid)}`)).toEqual(fromObject);
  });

  it('fills in the expected sign-in audience and credential, and empty allowed lists', () => {
    const {expect: _omit, ...rest} = valid;
    const profile = parseProfile({...rest, resources: [{...valid.resources[0], allowed: undefined}]});
    expect(profile.expect).toEqual({signInAudience: 'AzureADMyOrg', credential: 'secret-or-certificate'});
    expect(profile.resources[0].allowed).toEqual([]);
  });

  it('lists every problem with its JSON path', () => {
    const problems = problemsOf({
      ...valid,
      resources: [
        {
          ...valid.resources[0],
          resourceAppId: 'not-a-guid',
          required: [
            {value: 'User.Read.All', type: 'App', why: 'x'},
            {value: '', type: 'Application', why: ''},
          ],
        },
      ],
    });
    const paths = problems.map((p) => p.path);
    expect(paths).toEqual(
      expect.arrayContaining([
        'resources[0].resourceAppId',
        'resources[0].required[0].type',
        'resources[0].required[1].value',
        'resources[0].required[1].why',
      ]),
    );
    expect(problems.find((p) => p.path === 'resources[0].required[0].type')?.message).toMatch(/"Application" or "Delegated"/);
  });

  it('rejects unknown keys (a typo such as "requried" must not be ignored)', () => {
    const problems = problemsOf({...valid, resources: [{...valid.resources[0], requried: []}]});
    expect(problems[0].path).toBe('resources[0]');
    expect(problems[0].message).toMatch(/requried/);
  });

  it('rejects a permission listed twice and an API listed twice', () => {
    const dup = {...valid.resources[0], allowed: [{value: 'User.Read.All', type: 'Application', why: 'again'}]};
    expect(problemsOf({...valid, resources: [dup]})[0].message).toMatch(/listed twice/);
    expect(problemsOf({...valid, resources: [valid.resources[0], valid.resources[0]]})[0].message).toMatch(/same API/);
  });

  it('names the file and says when the text is not JSON', () => {
    expect(() => parseProfile('{"guide": ', 'docs/office365/permissions.json')).toThrow(/docs\/office365\/permissions.json: not valid JSON/);
  });

  it('needs at least one resource and a known sign-in audience', () => {
    const problems = problemsOf({...valid, expect: {signInAudience: 'Everyone'}, resources: []});
    expect(problems.map((p) => p.path)).toEqual(expect.arrayContaining(['expect.signInAudience', 'resources']));
  });
});

describe('checkProfileAgainstCatalog', () => {
  it('finds typos and suggests the real name', () => {
    const profile = parseProfile({
      ...valid,
      resources: [
        {
          ...valid.resources[0],
          required: [
            {value: 'Groups.Read-All', type: 'Application', why: 'x'},
            {value: 'User.Read.All', type: 'Application', why: 'x'},
          ],
        },
      ],
    });
    const problems = checkProfileAgainstCatalog(profile);
    expect(problems).toHaveLength(1);
    expect(problems[0]).toMatchObject({list: 'required', index: 0, value: 'Groups.Read-All', suggestion: 'Group.Read.All'});
    expect(problems[0].message).toBe('Groups.Read-All: no such Microsoft Graph permission; did you mean Group.Read.All?');
  });

  it('says when a name exists only with the other type', () => {
    const profile = parseProfile({
      ...valid,
      resources: [{...valid.resources[0], allowed: [{value: 'User.Read', type: 'Application', why: 'x'}]}],
    });
    const [problem] = checkProfileAgainstCatalog(profile);
    expect(problem).toMatchObject({list: 'allowed', index: 0, value: 'User.Read', type: 'Application'});
    expect(problem.message).toMatch(/only as a delegated permission/);
  });

  it('does not check APIs it has no catalog for', () => {
    const profile = parseProfile({
      ...valid,
      resources: [{resourceAppId: '00000002-0000-0ff1-ce00-000000000000', name: 'Exchange', required: [{value: 'full_access_as_app', type: 'Application', why: 'x'}]}],
    });
    expect(checkProfileAgainstCatalog(profile)).toEqual([]);
  });
});

describe("the repository's own profiles", () => {
  const siteDir = path.resolve(__dirname, '../../..');
  const locations = listProfiles(siteDir);

  it.runIf(locations.length > 0)('parse and name only real permissions', () => {
    for (const location of locations) {
      const profile = parseProfile(fs.readFileSync(location.file, 'utf8'), location.file);
      expect(checkProfileAgainstCatalog(profile), location.file).toEqual([]);
    }
  });
});

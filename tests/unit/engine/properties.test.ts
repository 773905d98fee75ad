/** Properties of compareToProfile that must hold for every app registration (fast-check). */
import fc from 'fast-check';
import {describe, expect, it} from 'vitest';
import {compareToProfile} from '../../../src/permissions/compare';
import type {ConfiguredPermission, ObservedCredential, ObservedState, UnreadPart} from '../../../src/permissions/types';
import {AAD_GRAPH, AAD_GRAPH_USER_READ, APP_ID, GRAPH, NOW, REQUIRED_V2, configured, officeProfile} from './helpers';

const profiles = [officeProfile('2.0'), officeProfile('1.0'), officeProfile('2.0', {credential: 'certificate'})];
const ctx = {cloud: 'global' as const, now: NOW};

/** Everything an app registration of these tests may have configured. */
const POOL: ConfiguredPermission[] = [
  ...REQUIRED_V2.map((v) => configured(v, 'Application')),
  ...REQUIRED_V2.map((v) => configured(v, 'Delegated')),
  configured('User.Read', 'Delegated'),
  configured('Mail.Send', 'Application'),
  configured('Calendars.Read', 'Application'),
  configured('User.ReadWrite.All', 'Application'),
  configured('Mail.Read', 'Delegated'),
  {resourceAppId: AAD_GRAPH, id: AAD_GRAPH_USER_READ, type: 'Delegated'},
  {resourceAppId: GRAPH, id: '11111111-2222-3333-4444-000000000000', type: 'Application'},
  {resourceAppId: 'aaaaaaaa-bbbb-cccc-dddd-eeeeeeeeeeee', id: '99999999-8888-7777-6666-555555555555', type: 'Application'},
];
const SCOPE_NAMES = ['User.Read', 'Mail.Read', 'openid', 'Sites.Read.All'];

const credentialArb: fc.Arbitrary<ObservedCredential> = fc.record({
  kind: fc.constantFrom('secret' as const, 'certificate' as const),
  keyId: fc.option(fc.uuid(), {nil: null}),
  displayName: fc.option(fc.constantFrom('scanner', 'old', 'CN=scanner'), {nil: null}),
  endDateTime: fc.option(
    fc.integer({min: -400, max: 400}).map((days) => new Date(NOW.getTime() + days * 86_400_000).toISOString()),
    {nil: null},
  ),
});

const unreadArb: fc.Arbitrary<UnreadPart> = fc.record({
  part: fc.constantFrom('application' as const, 'servicePrincipal' as const, 'appRoleAssignments' as const, 'oauth2PermissionGrants' as const, 'resource' as const),
  reason: fc.constantFrom('Forbidden', 'Too many requests, gave up after 3 tries'),
  status: fc.constantFrom(403, 429, 503),
});

const stateArb: fc.Arbitrary<ObservedState> = fc
  .record({
    configured: fc.subarray(POOL),
    tenant: fc.boolean(),
    servicePrincipalExists: fc.boolean(),
    grantedRoles: fc.subarray(POOL.filter((p) => p.type === 'Application')),
    grantedScopes: fc.subarray(SCOPE_NAMES),
    scopeConsent: fc.constantFrom('AllPrincipals' as const, 'Principal' as const),
    aadGrant: fc.boolean(),
    signInAudience: fc.constantFrom('AzureADMyOrg', 'AzureADMultipleOrgs', null),
    credentials: fc.array(credentialArb, {maxLength: 3}),
    appId: fc.constantFrom(APP_ID, null),
  })
  .map((s): ObservedState => ({
    source: s.tenant ? 'tenant' : 'manifest',
    app: {appId: s.appId, objectId: null, displayName: 'Scanner', signInAudience: s.signInAudience, credentials: s.credentials},
    configured: s.configured,
    grants: s.tenant
      ? s.servicePrincipalExists
        ? {
            servicePrincipalExists: true,
            appRoles: s.grantedRoles.map((g) => ({resourceAppId: g.resourceAppId, id: g.id})),
            scopes: [
              {resourceAppId: GRAPH, scopes: s.grantedScopes, consentType: s.scopeConsent},
              ...(s.aadGrant ? [{resourceAppId: AAD_GRAPH, scopes: ['User.Read'], consentType: 'AllPrincipals' as const}] : []),
            ],
          }
        : {servicePrincipalExists: false, appRoles: [], scopes: []}
      : null,
    resourceNames: [],
    unread: [],
  }));

const profileArb = fc.constantFrom(...profiles);

/** The same state with every list in another order and every GUID in another case. */
function reshuffle(state: ObservedState, order: number[], upper: boolean[]): ObservedState {
  const flip = (id: string, i: number) => (upper[i % upper.length] ? id.toUpperCase() : id.toLowerCase());
  const permute = <T>(list: T[]) => [...list].map((item, i) => ({item, key: order[i % order.length] + i / 1000})).sort((a, b) => a.key - b.key).map((x) => x.item);
  return {
    ...state,
    app: {...state.app, appId: state.app.appId && flip(state.app.appId, 0)},
    configured: permute(state.configured.map((c, i) => ({...c, id: flip(c.id, i), resourceAppId: flip(c.resourceAppId, i + 1)}))),
    grants: state.grants && {
      ...state.grants,
      appRoles: permute(state.grants.appRoles.map((g, i) => ({id: flip(g.id, i + 2), resourceAppId: flip(g.resourceAppId, i)}))),
      scopes: permute(state.grants.scopes.map((g, i) => ({...g, resourceAppId: flip(g.resourceAppId, i), scopes: permute(g.scopes)}))),
    },
  };
}

describe('compareToProfile properties', () => {
  it('input order and GUID case never change the result', () => {
    fc.assert(
      fc.property(
        profileArb,
        stateArb,
        fc.array(fc.integer({min: 0, max: 1000}), {minLength: 1, maxLength: 30}),
        fc.array(fc.boolean(), {minLength: 1, maxLength: 30}),
        (profile, state, order, upper) => {
          expect(compareToProfile(profile, reshuffle(state, order, upper), ctx)).toEqual(compareToProfile(profile, state, ctx));
        },
      ),
    );
  });

  it('removing a required permission (both types) always yields missing', () => {
    fc.assert(
      fc.property(profileArb, stateArb, fc.constantFrom(...REQUIRED_V2), (profile, state, value) => {
        const ids = new Set([configured(value, 'Application').id, configured(value, 'Delegated').id]);
        const result = compareToProfile(profile, {...state, configured: state.configured.filter((c) => !ids.has(c.id))}, ctx);
        const finding = result.findings.find((f) => f.kind === 'permission' && f.permission === value && f.required);
        expect(finding).toMatchObject({status: 'missing', severity: 'error', configured: false});
        expect(result.verdict).not.toBe('pass');
      }),
    );
  });

  it('a pass never carries an error finding, and a fail always does', () => {
    fc.assert(
      fc.property(profileArb, stateArb, (profile, state) => {
        const result = compareToProfile(profile, state, ctx);
        const errors = result.findings.filter((f) => f.severity === 'error');
        if (result.verdict === 'pass') expect(errors).toEqual([]);
        if (result.verdict === 'fail') expect(errors.length).toBeGreaterThan(0);
        for (const error of errors) expect(error.fix).toBeDefined();
      }),
    );
  });

  it('unread parts never give pass', () => {
    fc.assert(
      fc.property(profileArb, stateArb, fc.array(unreadArb, {minLength: 1, maxLength: 3}), (profile, state, unread) => {
        const result = compareToProfile(profile, {...state, source: 'tenant', unread}, ctx);
        expect(result.verdict).toBe('incomplete');
      }),
    );
  });

  it('a tenant state whose grants were not read never passes', () => {
    fc.assert(
      fc.property(profileArb, stateArb, (profile, state) => {
        expect(compareToProfile(profile, {...state, source: 'tenant', grants: null}, ctx).verdict).not.toBe('pass');
      }),
    );
  });

  it('there is one finding per (resource, permission, type)', () => {
    fc.assert(
      fc.property(profileArb, stateArb, (profile, state) => {
        const keys = compareToProfile(profile, state, ctx).findings.flatMap((f) =>
          f.kind === 'permission' ? [`${f.resourceAppId}|${f.permission.toLowerCase()}|${f.type}`] : [],
        );
        expect(new Set(keys).size).toBe(keys.length);
      }),
    );
  });
});

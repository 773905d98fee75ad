/**
 * `pass` is a closed-world decision (DESIGN.md, "Findings"). The invariant, over generated
 * observed states with random APIs, ids, types, consent types and unread parts:
 *
 *   pass  =>  every required permission is configured with its type and admin-granted (where
 *             grants were read); everything configured or granted (by any consent type) is
 *             required, allowed, or named and read-only; nothing is unread; no setting is an error.
 *
 * And the converse, so that a checker that always fails cannot satisfy it: a compliant app plus
 * any named read-only extras passes, with a warning for each extra.
 */
import fc from 'fast-check';
import {describe, expect, it} from 'vitest';
import {findPermission, isReadOnlyPermission, permissionById} from '../../../src/permissions/catalog';
import {catalogResources} from '../../../src/permissions/catalogInFull';
import {compareToProfile} from '../../../src/permissions/compare';
import type {
  ConfiguredPermission,
  GrantedScopes,
  ObservedState,
  PermissionFinding,
  PermissionType,
  Profile,
  UnreadPart,
} from '../../../src/permissions/types';
import {AAD_GRAPH, APP_ID, GRAPH, NOW, REQUIRED_V2, compliantConfigured, officeProfile} from './helpers';

const EXCHANGE = '00000002-0000-0ff1-ce00-000000000000';
const RANDOM_API = 'aaaaaaaa-bbbb-4ccc-8ddd-eeeeeeeeeeee';
const ctx = {cloud: 'global' as const, now: NOW};
const profiles = [officeProfile('2.0'), officeProfile('1.0')];

const catalogEntries = catalogResources().flatMap((r) => r.permissions);
const readOnlyEntries = catalogEntries.filter((p) => isReadOnlyPermission(p.resourceAppId, p.value));

const lower = (id: string) => id.toLowerCase();
const other = (type: PermissionType): PermissionType => (type === 'Application' ? 'Delegated' : 'Application');

/** A permission entry: a catalog one (right type, or the other type: a hand-edited manifest) or an id nobody knows. */
const entryArb: fc.Arbitrary<ConfiguredPermission> = fc.oneof(
  fc.constantFrom(...readOnlyEntries).map((p) => ({resourceAppId: p.resourceAppId, id: p.id, type: p.type})),
  fc.constantFrom(...catalogEntries).map((p) => ({resourceAppId: p.resourceAppId, id: p.id, type: p.type})),
  fc.constantFrom(...catalogEntries).map((p) => ({resourceAppId: p.resourceAppId, id: p.id, type: other(p.type)})),
  fc.record({
    resourceAppId: fc.constantFrom(GRAPH, AAD_GRAPH, EXCHANGE, RANDOM_API),
    id: fc.uuid(),
    type: fc.constantFrom<PermissionType>('Application', 'Delegated'),
  }),
);

const scopeNameArb = fc.oneof(
  fc.constantFrom(...catalogEntries.filter((p) => p.type === 'Delegated')).map((p) => ({resourceAppId: p.resourceAppId, name: p.value})),
  fc.record({resourceAppId: fc.constantFrom(GRAPH, EXCHANGE, RANDOM_API), name: fc.constantFrom('Mail.ReadWrite', 'user_impersonation', 'openid', 'Files.Read.All', 'Custom.Thing')}),
);

const grantArb: fc.Arbitrary<GrantedScopes> = fc.record({
  scope: scopeNameArb,
  consentType: fc.constantFrom('AllPrincipals' as const, 'Principal' as const),
  principalId: fc.constantFrom('11111111-1111-4111-8111-111111111111', '22222222-2222-4222-8222-222222222222'),
}).map(({scope, consentType, principalId}) => ({
  resourceAppId: scope.resourceAppId,
  scopes: [scope.name],
  consentType,
  principalId: consentType === 'Principal' ? principalId : null,
}));

const unreadArb: fc.Arbitrary<UnreadPart> = fc.record({
  part: fc.constantFrom('servicePrincipal' as const, 'appRoleAssignments' as const, 'oauth2PermissionGrants' as const, 'resource' as const),
  reason: fc.constant('Microsoft Graph answered 503'),
});

/** A compliant app (tenant: everything admin-granted) with random things added and taken away. */
const stateArb: fc.Arbitrary<ObservedState> = fc
  .record({
    tenant: fc.boolean(),
    drop: fc.oneof(fc.constant<string[]>([]), fc.subarray<string>([...REQUIRED_V2], {maxLength: 2})),
    extraConfigured: fc.array(entryArb, {maxLength: 4}),
    extraRoles: fc.array(entryArb.filter((e) => e.type === 'Application'), {maxLength: 3}),
    extraGrants: fc.array(grantArb, {maxLength: 3}),
    withholdConsent: fc.constantFrom(false, false, false, true),
    unread: fc.oneof(fc.constant<UnreadPart[]>([]), fc.array(unreadArb, {minLength: 1, maxLength: 2})),
    expired: fc.constantFrom(false, false, false, true),
  })
  .map((s): ObservedState => {
    const base = compliantConfigured().filter((c) => !s.drop.some((v) => findPermission(GRAPH, v, 'Application')?.id === c.id));
    const configured = [...base, ...s.extraConfigured];
    const roles = s.withholdConsent ? [] : base.filter((c) => c.type === 'Application');
    return {
      source: s.tenant ? 'tenant' : 'manifest',
      app: {
        appId: APP_ID,
        objectId: null,
        displayName: 'Scanner',
        signInAudience: 'AzureADMyOrg',
        credentials: [{kind: 'secret', keyId: null, displayName: 'scanner', endDateTime: new Date(NOW.getTime() + (s.expired ? -1 : 90) * 86_400_000).toISOString()}],
      },
      configured,
      grants: s.tenant
        ? {
            servicePrincipalExists: true,
            appRoles: [...roles, ...s.extraRoles].map((r) => ({resourceAppId: r.resourceAppId, id: r.id})),
            scopes: [{resourceAppId: GRAPH, scopes: ['User.Read'], consentType: 'AllPrincipals' as const}, ...s.extraGrants],
          }
        : null,
      // A third-party API names what the app holds on it with read-looking names of its own
      // choosing: names, but no proof (DESIGN.md, "Findings").
      resourceNames: [
        {
          resourceAppId: RANDOM_API,
          displayName: 'Contoso Backup API',
          appRoles: s.extraConfigured.filter((e) => e.resourceAppId === RANDOM_API).map((e) => ({id: e.id, value: 'Data.Read.All'})),
          scopes: s.extraConfigured.filter((e) => e.resourceAppId === RANDOM_API).map((e) => ({id: e.id, value: 'Data.Read'})),
        },
      ],
      unread: s.tenant ? s.unread : [],
    };
  });

/** The profile's permissions of one API and type, as catalog ids / lower-case names. */
function profileIds(profile: Profile, which: 'required' | 'allowed') {
  return profile.resources.flatMap((r) =>
    r[which].map((p) => ({resourceAppId: lower(r.resourceAppId), value: p.value, type: p.type, id: findPermission(r.resourceAppId, p.value, p.type)?.id ?? null})),
  );
}

/** The invariant, written from DESIGN.md and not from compare.ts. */
function passIsJustified(profile: Profile, state: ObservedState): string | null {
  if (state.unread.length > 0) return 'something was unread';
  if (state.source === 'tenant' && state.grants === null) return 'grants were not read';
  const required = profileIds(profile, 'required');
  const explained = [...required, ...profileIds(profile, 'allowed')];
  const isConfigured = (r: {resourceAppId: string; id: string | null; type: PermissionType}) =>
    state.configured.some((c) => lower(c.resourceAppId) === r.resourceAppId && lower(c.id) === r.id && c.type === r.type);
  for (const r of required) {
    if (r.id === null || !isConfigured(r)) return `${r.value} is not configured with its type`;
    if (state.grants) {
      const adminGranted =
        r.type === 'Application'
          ? state.grants.appRoles.some((g) => lower(g.resourceAppId) === r.resourceAppId && lower(g.id) === r.id)
          : state.grants.scopes.some((g) => g.consentType === 'AllPrincipals' && lower(g.resourceAppId) === r.resourceAppId && g.scopes.some((s) => s.toLowerCase() === r.value.toLowerCase()));
      if (!adminGranted) return `${r.value} is not admin-granted`;
    }
  }
  const namedReadOnly = (resourceAppId: string, id: string, type: PermissionType) => {
    const p = permissionById(resourceAppId, id, type);
    return p !== undefined && isReadOnlyPermission(resourceAppId, p.value);
  };
  const held = [...state.configured, ...(state.grants?.appRoles ?? []).map((g) => ({...g, type: 'Application' as const}))];
  for (const h of held) {
    const ok = explained.some((e) => e.resourceAppId === lower(h.resourceAppId) && e.id === lower(h.id) && e.type === h.type);
    if (!ok && !namedReadOnly(h.resourceAppId, h.id, h.type)) return `${h.id} (${h.type}) of ${h.resourceAppId} is held, unexplained and not named read-only`;
  }
  for (const g of state.grants?.scopes ?? []) {
    for (const scope of g.scopes) {
      const ok = explained.some((e) => e.resourceAppId === lower(g.resourceAppId) && e.type === 'Delegated' && e.value.toLowerCase() === scope.toLowerCase());
      if (!ok && !isReadOnlyPermission(g.resourceAppId, scope)) return `${scope} is granted (${g.consentType}), unexplained and not read-only`;
    }
  }
  const expired = state.app.credentials.some((c) => c.endDateTime !== null && Date.parse(c.endDateTime) <= NOW.getTime());
  if (expired) return 'a credential has expired';
  return null;
}

describe('the closed-world verdict', () => {
  it('pass implies every condition of the invariant (random APIs, ids, types, consent types, unread parts)', () => {
    fc.assert(
      fc.property(fc.constantFrom(...profiles), stateArb, (profile, state) => {
        const result = compareToProfile(profile, state, ctx);
        if (result.verdict === 'pass') expect(passIsJustified(profile, state)).toBeNull();
      }),
      {numRuns: 2000},
    );
  });

  it('the generator reaches every verdict (the property above is not vacuous)', () => {
    const seen = new Set(fc.sample(fc.tuple(fc.constantFrom(...profiles), stateArb), {numRuns: 500, seed: 7}).map(([p, s]) => compareToProfile(p, s, ctx).verdict));
    expect([...seen].sort()).toEqual(['fail', 'incomplete', 'pass']);
  });

  it('conversely, a compliant app plus any named read-only extras passes, with a warning for each extra', () => {
    const extraArb = fc.record({
      entry: fc.constantFrom(...readOnlyEntries),
      how: fc.constantFrom('configured', 'admin-granted', 'user-granted', 'configured and granted'),
    });
    fc.assert(
      fc.property(fc.boolean(), fc.array(extraArb, {maxLength: 5}), (tenant, extras) => {
        const profile = officeProfile('2.0');
        const configured = [...compliantConfigured()];
        const appRoles = compliantConfigured().filter((c) => c.type === 'Application').map((c) => ({resourceAppId: c.resourceAppId, id: c.id}));
        const scopes: GrantedScopes[] = [{resourceAppId: GRAPH, scopes: ['User.Read'], consentType: 'AllPrincipals'}];
        for (const {entry, how} of extras) {
          if (how === 'configured' || how === 'configured and granted' || !tenant) configured.push({resourceAppId: entry.resourceAppId, id: entry.id, type: entry.type});
          if (!tenant || how === 'configured') continue;
          if (entry.type === 'Application') appRoles.push({resourceAppId: entry.resourceAppId, id: entry.id});
          else scopes.push({resourceAppId: entry.resourceAppId, scopes: [entry.value], consentType: how === 'user-granted' ? 'Principal' : 'AllPrincipals', principalId: how === 'user-granted' ? '33333333-3333-4333-8333-333333333333' : null});
        }
        const state: ObservedState = {
          source: tenant ? 'tenant' : 'manifest',
          app: {appId: APP_ID, objectId: null, displayName: 'Scanner', signInAudience: 'AzureADMyOrg', credentials: [{kind: 'certificate', keyId: null, displayName: 'CN=scanner', endDateTime: '2027-06-01T00:00:00Z'}]},
          configured,
          grants: tenant ? {servicePrincipalExists: true, appRoles, scopes} : null,
          resourceNames: [],
          unread: [],
        };
        const result = compareToProfile(profile, state, ctx);
        expect(result.findings.filter((f) => f.severity === 'error')).toEqual([]);
        expect(result.verdict).toBe('pass');
        const extraFindings = result.findings.filter((f): f is PermissionFinding => f.kind === 'permission' && f.status === 'excess');
        for (const {entry} of extras) {
          const isProfiles = profileIds(profile, 'required').concat(profileIds(profile, 'allowed')).some((p) => p.id === entry.id && p.type === entry.type && p.resourceAppId === entry.resourceAppId);
          if (isProfiles) continue;
          // By id or by name: an API may list one name under two ids (Exchange's delegated
          // User.ReadBasic.All) or one id under two names (Graph's CloudApp-Discovery.Read.All).
          const finding = extraFindings.find(
            (f) => f.resourceAppId === entry.resourceAppId && f.type === entry.type && (f.permissionId === entry.id || f.permission === entry.value),
          );
          expect(finding, `${entry.value} (${entry.type}) of ${entry.resourceAppId}`).toMatchObject({severity: 'warning'});
        }
      }),
      {numRuns: 500},
    );
  });
});

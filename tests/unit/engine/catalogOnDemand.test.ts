/**
 * The browser's catalog against the CLI's. The browser loads the parts of the catalog a check
 * looks up (catalogOnDemand.ts); Node, the CLI and these tests load the whole catalog
 * (tests/unit/setup.ts). Here the browser's way runs on modules loaded afresh (vi.resetModules),
 * which have nothing of the catalog until they load it, from the parts the site serves.
 *
 *   - A lookup into a part that was not loaded throws: never "no such permission".
 *   - For every sample app against every profile, every manifest fixture, and generated apps and
 *     profiles, the browser's way gives exactly the CLI's findings, verdict and report.
 */
import fs from 'node:fs';
import path from 'node:path';
import {fileURLToPath} from 'node:url';
import fc from 'fast-check';
import {describe, expect, it, vi} from 'vitest';
import {findPermission} from '../../../src/permissions/catalog';
import {catalogResources} from '../../../src/permissions/catalogInFull';
import {partPath, splitCatalog, type CatalogPart, type PartFamily} from '../../../src/permissions/catalogSplit';
import {compareToProfile} from '../../../src/permissions/compare';
import {fetchTransport} from '../../../src/permissions/fetchTransport';
import {parseAppManifest} from '../../../src/permissions/manifest';
import {decodeManifestBytes} from '../../../src/permissions/manifestInput';
import {parseProfile} from '../../../src/permissions/profile';
import {renderReport} from '../../../src/permissions/reports';
import {SAMPLE_APPS, SAMPLE_TENANT_ID} from '../../../src/permissions/sampleTenant/apps';
import {createGraphStandIn} from '../../../src/permissions/sampleTenant/graphStandIn';
import {readTenantState} from '../../../src/permissions/tenantReader';
import type {CheckContext, ConfiguredPermission, GrantedScopes, ObservedState, PermissionType, Profile, ResourceNames, UnreadPart} from '../../../src/permissions/types';
import {listProfiles} from '../../../src/profiles/locate';
import {staticImports} from '../../support/staticImports';
import {AAD_GRAPH, APP_ID, GRAPH, NOW, officeProfile} from './helpers';

const repoRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../..');
const EXCHANGE = '00000002-0000-0ff1-ce00-000000000000';
const SHAREPOINT = '00000003-0000-0ff1-ce00-000000000000';
const THIRD_PARTY = 'aaaaaaaa-bbbb-4ccc-8ddd-eeeeeeeeeeee';
const ctx: CheckContext = {cloud: 'global', tenant: SAMPLE_TENANT_ID, appId: APP_ID, now: NOW};

const PARTS = new Map(splitCatalog(catalogResources()).parts.map((part) => [partPath(part.family, part.key), part]));
const PROFILES = listProfiles(repoRoot).map(({guide, version, file}) => ({
  name: `${guide} ${version}`,
  profile: parseProfile(JSON.parse(fs.readFileSync(file, 'utf8')), file),
}));

/**
 * The engine as a page has it before its first check: fresh modules, nothing of the catalog
 * loaded, parts given as the site serves them (recorded).
 */
async function freshBrowserEngine(source?: (family: PartFamily, key: string) => Promise<CatalogPart>) {
  vi.resetModules();
  const [onDemand, catalog, index, compare] = await Promise.all([
    import('../../../src/permissions/catalogOnDemand'),
    import('../../../src/permissions/catalog'),
    import('../../../src/permissions/catalogIndex'),
    import('../../../src/permissions/compare'),
  ]);
  // Nothing of the catalog yet (not the whole catalog tests/unit/setup.ts loaded into the other modules).
  expect(index.partsToLoad({names: ['User.Read.All']})).not.toEqual([]);
  const requested: string[] = [];
  onDemand.loadCatalogPartsFrom(
    source ??
      (async (family, key) => {
        requested.push(partPath(family, key));
        return PARTS.get(partPath(family, key))!;
      }),
  );
  return {onDemand, catalog, index, compare, requested};
}

/** The CLI's check and the browser's of the same state: results and reports. */
async function bothWays(profile: Profile, observed: ObservedState) {
  const cli = compareToProfile(profile, observed, ctx);
  const browser = await (await freshBrowserEngine()).onDemand.compareLoadingCatalog(profile, observed, ctx);
  const reports = (result: typeof cli) =>
    (['markdown', 'text', 'json'] as const).map((format) => renderReport(result, format, {guide: profile.guide, version: 'test', appId: APP_ID, at: NOW}));
  return {cli, browser, cliReports: reports(cli), browserReports: reports(browser)};
}

const compliantManifest = () => parseAppManifest(fs.readFileSync(path.join(repoRoot, 'tests/fixtures/manifests/graph-compliant.json'), 'utf8'));

describe('a lookup into a part of the catalog that was not loaded', () => {
  it('throws, for every lookup that needs a part; what the directory answers needs none', async () => {
    const {catalog, index} = await freshBrowserEngine();
    const notLoaded = (lookup: () => unknown) => expect(lookup).toThrow(index.CatalogPartNotLoaded);
    notLoaded(() => catalog.findPermission(GRAPH, 'User.Read.All', 'Application'));
    notLoaded(() => catalog.permissionById(GRAPH, 'df021288-bdef-4463-88db-98f22de89214', 'Application'));
    notLoaded(() => catalog.permissionById(GRAPH, 'df021288-bdef-4463-88db-98f22de89214'));
    notLoaded(() => catalog.permissionElsewhere(THIRD_PARTY, 'df021288-bdef-4463-88db-98f22de89214', 'Application'));
    notLoaded(() => catalog.suggestPermissionName(GRAPH, 'Groups.Read-All', 'Application'));
    // The directory is always there: APIs, their names, and whether a name is read-only.
    expect(catalog.knownResourceName(GRAPH)).toBe('Microsoft Graph');
    expect(catalog.isRetiredResource(AAD_GRAPH)).toBe(true);
    expect(catalog.hasCatalog(THIRD_PARTY)).toBe(false);
    expect(catalog.readOnlyReason(GRAPH, 'User.Read.All')).toMatch(/only reads/);
    expect(catalog.readOnlyReason(GRAPH, 'UserAuthMethod-ResourceKey.Read.All')).toBeNull();
    // An API outside the catalog has no permissions to look up; what is not an id is in no part.
    expect(catalog.findPermission(THIRD_PARTY, 'User.Read.All', 'Application')).toBeUndefined();
    expect(catalog.permissionById(GRAPH, '')).toBeUndefined();
  });

  it('makes a comparison throw rather than answer: a check on a catalog it did not load fails, it never passes', async () => {
    const {compare, index} = await freshBrowserEngine();
    expect(compareToProfile(officeProfile('2.0'), compliantManifest(), ctx).verdict).toBe('pass');
    expect(() => compare.compareToProfile(officeProfile('2.0'), compliantManifest(), ctx)).toThrow(index.CatalogPartNotLoaded);
  });

  it('throws for an id whose part is missing even when the names a check loaded are all there', async () => {
    const {onDemand, compare, index} = await freshBrowserEngine();
    const profile = officeProfile('2.0');
    const observed = compliantManifest();
    const extra = findPermission(GRAPH, 'Mail.Send', 'Application')!;
    const withExtra = {...observed, configured: [...observed.configured, {resourceAppId: GRAPH, id: extra.id, type: 'Application' as const}]};
    await onDemand.loadCatalogParts({names: onDemand.namesLookedUp(profile, withExtra)});
    expect(() => compare.compareToProfile(profile, withExtra, ctx)).toThrow(new index.CatalogPartNotLoaded(`by-id/${extra.id.slice(0, 2)}`));
    await onDemand.loadCatalogFor(profile, withExtra);
    expect(compare.compareToProfile(profile, withExtra, ctx)).toEqual(compareToProfile(profile, withExtra, ctx));
  });

  it('is answered by a part of the other family that holds every entry of the id', async () => {
    const {onDemand, catalog, index, requested} = await freshBrowserEngine();
    const role = findPermission(GRAPH, 'User.Read.All', 'Application')!;
    await onDemand.loadCatalogParts({names: ['User.Read.All']});
    expect(requested).toEqual([expect.stringMatching(/^by-name\//)]);
    expect(catalog.permissionById(GRAPH, role.id.toUpperCase(), 'Application')).toEqual(role);
    expect(index.partsToLoad({ids: [role.id]})).toEqual([]);
    expect(index.partsToLoad({ids: ['df021288-0000-4000-8000-000000000000']})).toEqual([{family: 'by-id', key: 'df'}]);
  });
});

describe('loading the parts a check needs', () => {
  it('loads each part once, only the parts it needs, and loads nothing more for a check that needs nothing new', async () => {
    const {onDemand, requested} = await freshBrowserEngine();
    const profile = officeProfile('2.0');
    await onDemand.compareLoadingCatalog(profile, compliantManifest(), ctx);
    // A compliant app: the profile's eight names; their ids are in the same parts.
    expect(requested).toHaveLength(new Set(requested).size);
    expect(requested.every((part) => part.startsWith('by-name/'))).toBe(true);
    expect(requested.length).toBeLessThanOrEqual(8);
    const before = requested.length;
    await onDemand.compareLoadingCatalog(profile, compliantManifest(), ctx);
    expect(requested).toHaveLength(before);
  });

  it('fails the check when a part does not load, or loads as another, and loads it on the next check', async () => {
    let failing = true;
    const {onDemand} = await freshBrowserEngine(async (family, key) => {
      if (failing) throw new TypeError('Failed to fetch dynamically imported module');
      return PARTS.get(partPath(family, key))!;
    });
    await expect(onDemand.compareLoadingCatalog(officeProfile('2.0'), compliantManifest(), ctx)).rejects.toThrow(TypeError);
    failing = false;
    expect((await onDemand.compareLoadingCatalog(officeProfile('2.0'), compliantManifest(), ctx)).verdict).toBe('pass');

    const wrong = await freshBrowserEngine(async () => PARTS.get('by-id/00')!);
    await expect(wrong.onDemand.compareLoadingCatalog(officeProfile('2.0'), compliantManifest(), ctx)).rejects.toThrow(/did not load as itself/);
  });

  it('the check engine chunk carries the directory, not the catalog: no catalog file, no Node-only loader', () => {
    const reached = [...staticImports(path.join(repoRoot, 'src/components/PermissionCheck/checkEngine.ts'))].map((m) => path.relative(repoRoot, m));
    expect(reached).toContain(path.normalize('src/permissions/catalog/directory.json'));
    expect(reached.filter((m) => /microsoft-graph\.json|first-party-apis\.json|catalogInFull/.test(m))).toEqual([]);
  });
});

describe("the browser's check gives the CLI's findings, verdict and report", () => {
  it.each(PROFILES.flatMap(({name, profile}) => SAMPLE_APPS.map((app) => [app.scenario, name, app.appId, profile] as const)))(
    'sample app %s against %s',
    async (_scenario, _profileName, appId, profile) => {
      const standIn = createGraphStandIn({now: NOW});
      const observed = await readTenantState({transport: fetchTransport({cloud: 'global', fetchFn: standIn.fetch}), cloud: 'global', appId, profile, source: 'sample'});
      const {cli, browser, cliReports, browserReports} = await bothWays(profile, observed);
      expect(browser).toEqual(cli);
      expect(browserReports).toEqual(cliReports);
    },
  );

  // Every fixture that is an app manifest (not the refused ones: not-*, a Teams Toolkit template).
  const manifests = fs.readdirSync(path.join(repoRoot, 'tests/fixtures/manifests')).filter((file) => !/^not-|^teams-toolkit/.test(file));
  it.each(manifests)('manifest %s against every profile', async (file) => {
    const observed = parseAppManifest(decodeManifestBytes(new Uint8Array(fs.readFileSync(path.join(repoRoot, 'tests/fixtures/manifests', file)))).text);
    for (const {profile} of PROFILES) {
      const {cli, browser, cliReports, browserReports} = await bothWays(profile, observed);
      expect(browser).toEqual(cli);
      expect(browserReports).toEqual(cliReports);
    }
  });

  // Generated: apps holding anything of the catalog (any API, the right type or the other, listed
  // under the wrong API, alias ids), ids nobody knows, grants of any name in any case, names the
  // tenant gives (its own, or a catalog name for another id), and profiles of random names.
  const entries = catalogResources().flatMap((r) => r.permissions);
  const other = (type: PermissionType): PermissionType => (type === 'Application' ? 'Delegated' : 'Application');
  const apiArb = fc.constantFrom(GRAPH, AAD_GRAPH, EXCHANGE, SHAREPOINT, THIRD_PARTY);
  const typeArb = fc.constantFrom<PermissionType>('Application', 'Delegated');
  const entryArb = fc.constantFrom(...entries);
  const aliasArb = fc.constantFrom(...entries.filter((p) => p.value.startsWith('CloudApp-Disc') || p.value.startsWith('AgentCommunicationConfiguration')));
  const heldArb: fc.Arbitrary<ConfiguredPermission> = fc.oneof(
    entryArb.map((p) => ({resourceAppId: p.resourceAppId, id: p.id, type: p.type})),
    entryArb.map((p) => ({resourceAppId: p.resourceAppId, id: p.id, type: other(p.type)})),
    fc.tuple(entryArb, apiArb).map(([p, api]) => ({resourceAppId: api, id: p.id, type: p.type})),
    aliasArb.map((p) => ({resourceAppId: p.resourceAppId, id: p.id, type: p.type})),
    fc.record({resourceAppId: apiArb, id: fc.uuid(), type: typeArb}),
  );
  const nameArb = fc.oneof(
    entryArb.map((p) => p.value),
    entryArb.map((p) => p.value.toLowerCase()),
    fc.constantFrom('User.Read', 'openid', 'user_impersonation', 'Custom.Thing', ' Mail.Read ', ''),
  );
  const grantArb: fc.Arbitrary<GrantedScopes> = fc.record({
    resourceAppId: apiArb,
    scopes: fc.array(nameArb, {maxLength: 3}),
    consentType: fc.constantFrom('AllPrincipals' as const, 'Principal' as const),
    principalId: fc.constantFrom(null, '11111111-1111-4111-8111-111111111111'),
  });
  const tenantNamesArb: fc.Arbitrary<ResourceNames> = fc.record({
    resourceAppId: apiArb,
    displayName: fc.constantFrom('Contoso Backup API', 'Microsoft Graph'),
    appRoles: fc.array(fc.record({id: fc.oneof(fc.uuid(), entryArb.map((p) => p.id)), value: nameArb}), {maxLength: 3}),
    scopes: fc.array(fc.record({id: fc.oneof(fc.uuid(), entryArb.map((p) => p.id)), value: nameArb}), {maxLength: 3}),
  });
  const unreadArb: fc.Arbitrary<UnreadPart> = fc.record({
    part: fc.constantFrom('servicePrincipal' as const, 'appRoleAssignments' as const, 'oauth2PermissionGrants' as const, 'resource' as const),
    reason: fc.constant('Microsoft Graph answered 503'),
  });
  const profilePermissionArb = fc.record({value: nameArb.filter((v) => v.trim() !== ''), type: typeArb, why: fc.constant('Generated.')});
  const profileArb: fc.Arbitrary<Profile> = fc.oneof(
    fc.constantFrom(...PROFILES.map((p) => p.profile)),
    fc
      .uniqueArray(apiArb, {minLength: 1, maxLength: 3})
      .chain((apis) =>
        fc.tuple(...apis.map((api) => fc.record({required: fc.array(profilePermissionArb, {maxLength: 5}), allowed: fc.array(profilePermissionArb, {maxLength: 3})}).map((lists) => ({resourceAppId: api, name: 'An API', ...lists})))),
      )
      .map((resources) => ({guide: 'generated', title: 'Generated', expect: {signInAudience: 'AzureADMyOrg', credential: 'secret-or-certificate' as const}, resources})),
  );
  const stateArb: fc.Arbitrary<ObservedState> = fc
    .record({
      tenant: fc.boolean(),
      configured: fc.array(heldArb, {maxLength: 8}),
      roles: fc.array(heldArb.map((h) => ({resourceAppId: h.resourceAppId, id: h.id})), {maxLength: 5}),
      scopes: fc.array(grantArb, {maxLength: 3}),
      names: fc.array(tenantNamesArb, {maxLength: 2}),
      unread: fc.oneof(fc.constant<UnreadPart[]>([]), fc.array(unreadArb, {maxLength: 1})),
    })
    .map((s) => ({
      source: s.tenant ? ('tenant' as const) : ('manifest' as const),
      app: {appId: APP_ID, objectId: null, displayName: 'Scanner', signInAudience: 'AzureADMyOrg', credentials: []},
      configured: s.configured,
      grants: s.tenant ? {servicePrincipalExists: true, appRoles: s.roles, scopes: s.scopes} : null,
      resourceNames: s.names,
      unread: s.tenant ? s.unread : [],
    }));

  it('generated apps against generated and real profiles', async () => {
    await fc.assert(
      fc.asyncProperty(profileArb, stateArb, async (profile, observed) => {
        const {cli, browser, cliReports, browserReports} = await bothWays(profile, observed);
        expect(browser).toEqual(cli);
        expect(browserReports).toEqual(cliReports);
      }),
      {numRuns: 150},
    );
  }, 120_000);
});

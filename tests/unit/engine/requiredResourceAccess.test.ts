/**
 * One rule for when two requiredResourceAccess entries are the same permission (API + permission
 * id + type, GUIDs in any case), and every reader of the list agreeing on it: the manifest
 * reader, the tenant reader, the comparison and the corrected list.
 */
import {describe, expect, it} from 'vitest';
import {compareToProfile} from '../../../src/permissions/compare';
import {fetchTransport} from '../../../src/permissions/fetchTransport';
import {parseAppManifest} from '../../../src/permissions/manifest';
import {correctedRequiredResourceAccess} from '../../../src/permissions/correctedRequiredResourceAccess';
import {otherType, toPermissionType, toResourceAccessType, typeWord, withArticle} from '../../../src/permissions/permissionType';
import {configuredKey, configuredPermissions, uniqueConfigured} from '../../../src/permissions/requiredResourceAccess';
import {sampleApp} from '../../../src/permissions/sampleTenant/apps';
import type {GraphRequiredResourceAccess} from '../../../src/permissions/sampleTenant/graphShapes';
import {createGraphStandIn} from '../../../src/permissions/sampleTenant/graphStandIn';
import {readTenantState} from '../../../src/permissions/tenantReader';
import {GRAPH, REQUIRED_V2, gid, manifestState, officeProfile} from './helpers';

const USER_READ_ALL = gid('User.Read.All');

describe('configuredKey', () => {
  it('is the same for the same API, permission id and type, whatever the case or white space of the GUIDs', () => {
    const entry = {resourceAppId: GRAPH, id: USER_READ_ALL, type: 'Application' as const};
    expect(configuredKey({...entry, resourceAppId: ` ${GRAPH.toUpperCase()} `, id: USER_READ_ALL.toUpperCase()})).toBe(configuredKey(entry));
  });

  it('tells the types apart, and the APIs', () => {
    const entry = {resourceAppId: GRAPH, id: USER_READ_ALL, type: 'Application' as const};
    expect(configuredKey({...entry, type: 'Delegated'})).not.toBe(configuredKey(entry));
    expect(configuredKey({...entry, resourceAppId: '00000002-0000-0000-c000-000000000000'})).not.toBe(configuredKey(entry));
  });
});

describe('uniqueConfigured and configuredPermissions', () => {
  it('keeps the first of each permission, in order, its GUIDs lower-case', () => {
    const upper = {resourceAppId: GRAPH.toUpperCase(), id: USER_READ_ALL.toUpperCase(), type: 'Application' as const};
    const delegated = {resourceAppId: GRAPH, id: USER_READ_ALL, type: 'Delegated' as const};
    expect(uniqueConfigured([upper, delegated, {...upper, id: USER_READ_ALL}, delegated])).toEqual([
      {resourceAppId: GRAPH, id: USER_READ_ALL, type: 'Application'},
      {resourceAppId: GRAPH, id: USER_READ_ALL, type: 'Delegated'},
    ]);
  });

  it('reads Role and Scope, and leaves out an entry of any other type', () => {
    expect(
      configuredPermissions([
        {resourceAppId: GRAPH, resourceAccess: [{id: USER_READ_ALL, type: 'Role'}, {id: USER_READ_ALL, type: 'Scope'}, {id: USER_READ_ALL, type: 'Other'}]},
        {resourceAppId: GRAPH, resourceAccess: null},
        {resourceAppId: GRAPH.toUpperCase(), resourceAccess: [{id: USER_READ_ALL.toUpperCase(), type: 'Role'}]},
      ]),
    ).toEqual([
      {resourceAppId: GRAPH, id: USER_READ_ALL, type: 'Application'},
      {resourceAppId: GRAPH, id: USER_READ_ALL, type: 'Delegated'},
    ]);
    expect(toPermissionType('Role')).toBe('Application');
    expect(toPermissionType('Scope')).toBe('Delegated');
    expect(toPermissionType('role')).toBeNull();
    expect(toResourceAccessType('Application')).toBe('Role');
    expect(toResourceAccessType('Delegated')).toBe('Scope');
    expect(otherType('Application')).toBe('Delegated');
    expect(otherType('Delegated')).toBe('Application');
    expect(`${withArticle('Delegated')} permission`).toBe('a delegated permission');
    expect(`the ${typeWord('Application')} one`).toBe('the application one');
  });
});

describe('every reader of requiredResourceAccess agrees', () => {
  // The same permission three times (upper case, twice in one entry, in a second entry for the
  // same API), and the same id as a delegated permission: two permissions, not four or one.
  const listed: GraphRequiredResourceAccess[] = [
    {resourceAppId: GRAPH.toUpperCase(), resourceAccess: [{id: USER_READ_ALL.toUpperCase(), type: 'Role'}, {id: USER_READ_ALL, type: 'Role'}]},
    {resourceAppId: GRAPH, resourceAccess: [{id: USER_READ_ALL, type: 'Role'}, {id: USER_READ_ALL, type: 'Scope'}]},
  ];
  const expected = [
    {resourceAppId: GRAPH, id: USER_READ_ALL, type: 'Application'},
    {resourceAppId: GRAPH, id: USER_READ_ALL, type: 'Delegated'},
  ];

  it('the manifest reader and the tenant reader read the same list as the same permissions', async () => {
    expect(parseAppManifest({requiredResourceAccess: listed}).configured).toEqual(expected);

    const graph = createGraphStandIn();
    const appId = sampleApp('compliant').appId;
    graph.tenant.applications.find((app) => app.appId === appId)!.requiredResourceAccess = structuredClone(listed);
    const read = await readTenantState({transport: fetchTransport({cloud: 'global', fetchFn: graph.fetch}), cloud: 'global', appId, profile: officeProfile()});
    expect(read.configured).toEqual(expected);
  });

  it('the comparison and the corrected list count a permission configured twice, in another case, once', () => {
    const profile = officeProfile();
    const configured = [...REQUIRED_V2.map((value) => ({resourceAppId: GRAPH.toUpperCase(), id: gid(value).toUpperCase(), type: 'Application' as const}))];
    const doubled = [...configured, ...configured.map((c) => ({...c, resourceAppId: c.resourceAppId.toLowerCase()}))];
    const withUserRead = [...doubled, {resourceAppId: GRAPH, id: gid('User.Read', 'Delegated').toUpperCase(), type: 'Delegated' as const}];
    const once = compareToProfile(profile, manifestState({configured: uniqueConfigured(withUserRead)}), {cloud: 'global'});
    const twice = compareToProfile(profile, manifestState({configured: withUserRead}), {cloud: 'global'});
    expect(twice.findings).toEqual(once.findings);
    expect(twice.verdict).toBe('pass');
    // The allowed User.Read is kept because the app has it, found whatever its case.
    expect(correctedRequiredResourceAccess(profile, withUserRead)).toEqual([
      {
        resourceAppId: GRAPH,
        resourceAccess: [
          ...REQUIRED_V2.map((value) => ({id: gid(value), type: 'Role'})),
          {id: gid('User.Read', 'Delegated'), type: 'Scope'},
        ],
      },
    ]);
  });
});

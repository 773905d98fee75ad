/**
 * The catalog split for the browser (catalogSplit.ts) is the whole catalog: every permission in
 * exactly one part of each family, at its key; a flag only where a part holds every entry of the
 * other key; loaded in any order, the parts answer every lookup as the whole catalog does. And the
 * site serves exactly these parts, at the version the engine's directory names.
 */
import fc from 'fast-check';
import {describe, expect, it, vi} from 'vitest';
import {findPermission, permissionById, permissionElsewhere} from '../../../src/permissions/catalog';
import {catalogDirectory} from '../../../src/permissions/catalogIndex';
import {catalogResources} from '../../../src/permissions/catalogInFull';
import {catalogPartFile, idPartKey, namePartKey, numberedPermissions, PART_KEYS, splitCatalog} from '../../../src/permissions/catalogSplit';
import {displayNameSaysItWrites, readOnlyOperation} from '../../../src/permissions/readOnlyName';
import {catalogAssets} from '../../../src/plugins/permission-catalog';
import {GRAPH} from './helpers';

const resources = catalogResources();
const numbered = numberedPermissions(resources);
const {directory, parts} = splitCatalog(resources);
const byId = parts.filter((p) => p.family === 'by-id');
const byName = parts.filter((p) => p.family === 'by-name');

describe('the part keys', () => {
  it('of an id: its first two hex digits, in any case and with spaces around; none for what is not an id', () => {
    expect(idPartKey('df021288-bdef-4463-88db-98f22de89214')).toBe('df');
    expect(idPartKey(' DF021288-BDEF-4463-88DB-98F22DE89214 ')).toBe('df');
    expect(idPartKey('')).toBeNull();
    expect(idPartKey('{df021288-bdef-4463-88db-98f22de89214}')).toBeNull();
  });

  it('of a name: two hex digits, the same in any case', () => {
    expect(namePartKey('User.Read.All')).toMatch(/^[0-9a-f]{2}$/);
    expect(namePartKey('user.read.all')).toBe(namePartKey('User.Read.All'));
  });
});

describe('the split', () => {
  it('has a part of each family for every key, and every permission once in each family, at its keys', () => {
    expect(byId.map((p) => p.key)).toEqual(PART_KEYS);
    expect(byName.map((p) => p.key)).toEqual(PART_KEYS);
    for (const family of [byId, byName]) {
      const ordinals = family.flatMap((part) => part.entries.map((e) => e[0]));
      expect(ordinals.sort((a, b) => a - b)).toEqual(numbered.map((n) => n.ordinal));
    }
    for (const part of byId) for (const [, , , id] of part.entries) expect(idPartKey(id)).toBe(part.key);
    for (const part of byName) for (const [, , , , value] of part.entries) expect(namePartKey(value)).toBe(part.key);
  });

  it('keeps each entry as the catalog has it: API, type, id, name, place in the order', () => {
    for (const part of parts) {
      for (const [ordinal, resourceIndex, type, id, value] of part.entries) {
        expect(numbered[ordinal]!.permission).toEqual({resourceAppId: directory.resources[resourceIndex]!.resourceAppId, value, type, id});
      }
    }
  });

  it('flags an entry only when its part holds every entry of its other key (an id, in a by-name part; a name, in a by-id part)', () => {
    const flagged = {'by-id': 0, 'by-name': 0};
    for (const part of parts) {
      const inPart = new Set(part.entries.map((e) => e[0]));
      for (const [ordinal, , , id, value, complete] of part.entries) {
        const sameOtherKey = numbered.filter((n) => (part.family === 'by-name' ? n.permission.id === id : n.permission.value === value));
        expect(complete === 1, `${part.family}/${part.key} ${ordinal}`).toBe(sameOtherKey.every((n) => inPart.has(n.ordinal)));
        flagged[part.family] += complete;
      }
    }
    // Most ids are in their name's part (one entry, or both types of one name).
    expect(flagged['by-name']).toBeGreaterThan(numbered.length * 0.9);
  });

  it('lists in the directory every API in the catalog order, and the names whose display name vetoes the name rule', () => {
    expect(directory.resources.map((r) => [r.resourceAppId, r.name, r.retired])).toEqual(resources.map((r) => [r.resourceAppId, r.name, r.retired]));
    const graph = resources.find((r) => r.resourceAppId === GRAPH)!;
    // Every name whose operation reads, and whose (last) display name of either type says it writes.
    const vetoed = [...new Set(graph.permissions.filter((p) => readOnlyOperation(p.value) !== null).map((p) => p.value))].filter((value) =>
      (['Application', 'Delegated'] as const).some((type) => {
        const last = graph.permissions.filter((p) => p.value === value && p.type === type).at(-1);
        return last !== undefined && displayNameSaysItWrites(last.displayName);
      }),
    );
    expect(directory.resources[0]!.displayNameSaysItWrites).toEqual(vetoed.sort());
    expect(vetoed).toContain('UserAuthMethod-ResourceKey.Read.All');
  });

  it('is the split the engine holds the directory of (catalog/directory.json, same version)', () => {
    expect(catalogDirectory).toMatchObject(directory);
    expect(catalogDirectory.version).toBe(directory.version);
  });

  it('changes version when anything of a permission changes', () => {
    const changed = resources.map((r, i) => (i === 0 ? {...r, permissions: r.permissions.map((p, j) => (j === 0 ? {...p, id: `0${p.id.slice(1)}`} : p))} : r));
    expect(splitCatalog(changed).directory.version).not.toBe(directory.version);
  });
});

describe('every part loaded, in any order', () => {
  it('answers every lookup as the whole catalog does', async () => {
    await fc.assert(
      fc.asyncProperty(fc.shuffledSubarray(parts, {minLength: parts.length}), async (order) => {
        vi.resetModules();
        const index = await import('../../../src/permissions/catalogIndex');
        const catalog = await import('../../../src/permissions/catalog');
        for (const part of order) index.addCatalogPart(part);
        for (const {permission: p} of numbered) {
          expect(catalog.findPermission(p.resourceAppId, p.value, p.type)).toEqual(findPermission(p.resourceAppId, p.value, p.type));
          expect(catalog.permissionById(p.resourceAppId, p.id)).toEqual(permissionById(p.resourceAppId, p.id));
          expect(catalog.permissionById(p.resourceAppId, p.id, p.type)).toEqual(permissionById(p.resourceAppId, p.id, p.type));
          expect(catalog.permissionElsewhere(p.resourceAppId, p.id, p.type)).toEqual(permissionElsewhere(p.resourceAppId, p.id, p.type));
        }
      }),
      {numRuns: 4},
    );
  }, 60_000);
});

describe('the parts the site serves (src/plugins/permission-catalog)', () => {
  it('are every part, as an ES module at assets/catalog/<the directory version>/', () => {
    const assets = catalogAssets();
    expect(assets.map((a) => a.file)).toEqual(parts.map((p) => catalogPartFile(catalogDirectory.version, p.family, p.key)));
    assets.forEach(({file, text}, i) => {
      expect(file).toMatch(/^assets\/catalog\/[0-9a-f]{16}\/by-(id|name)\/[0-9a-f]{2}\.js$/);
      const json = /^export default (.*);\n$/s.exec(text)?.[1];
      expect(JSON.parse(json ?? 'null')).toEqual(parts[i]);
    });
  });
});

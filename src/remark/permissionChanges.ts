/**
 * remark plugin: `::permission-changes{from="1.0"}` becomes a table of what changed in the
 * permissions from version 1.0's profile of this guide to the profile next to this page:
 * one row per permission, Added / Removed / Type changed (and Now required / Now optional
 * when a permission moves between `required` and `allowed`), or "No changes".
 *
 * Both profiles are checked against the catalog like `::permission-table` does.
 */
import fs from 'node:fs';
import path from 'node:path';
import type {Root} from 'mdast';
import type {LeafDirective} from 'mdast-util-directive';
import type {Plugin} from 'unified';
import type {VFile} from 'vfile';
import type {PermissionType, Profile} from '../permissions/types';
import {versionLabel} from '../permissions/versionNames';
import {profilePath} from '../profiles/locate';
import {
  directivesNamed,
  displayPath,
  failAtNode,
  knownVersions,
  loadCheckedProfile,
  pageGuide,
  type ProfilePluginOptions,
} from './guideProfile';
import {paragraph, table, text, type CellContent} from './mdastTable';
import {apiLabel, permissionCell} from './permissionTable';

export const PERMISSION_CHANGES_DIRECTIVE = 'permission-changes';
const RULE = 'permission-changes';

export const PERMISSION_CHANGES_HEADER = ['Change', 'API', 'Permission', 'Type'];

export type ChangeKind = 'Added' | 'Removed' | 'Type changed' | 'Now required' | 'Now optional';

export interface PermissionChange {
  kind: ChangeKind;
  api: string;
  permission: string;
  /** The type in the newer profile (the older one for Removed). */
  type: PermissionType;
  /** The type in the older profile, for Type changed. */
  previousType?: PermissionType;
  /** Listed under `allowed` (in the newer profile; the older one for Removed). */
  optional: boolean;
}

type List = 'required' | 'allowed';

interface Entry {
  api: string;
  resourceAppId: string;
  value: string;
  /** The list each type of this permission is in. */
  types: Map<PermissionType, List>;
}

/** Permissions of a profile keyed by API and name, in profile order. */
function entriesOf(profile: Profile): Map<string, Entry> {
  const entries = new Map<string, Entry>();
  for (const resource of profile.resources) {
    for (const list of ['required', 'allowed'] as const) {
      for (const permission of resource[list]) {
        const key = `${resource.resourceAppId.toLowerCase()}|${permission.value}`;
        const entry = entries.get(key) ?? {api: apiLabel(resource), resourceAppId: resource.resourceAppId, value: permission.value, types: new Map()};
        entry.types.set(permission.type, list);
        entries.set(key, entry);
      }
    }
  }
  return entries;
}

/** What changed from one profile to the next, newer profile's order first, then removed ones. */
export function profileChanges(older: Profile, newer: Profile): PermissionChange[] {
  const before = entriesOf(older);
  const after = entriesOf(newer);
  const changes: PermissionChange[] = [];
  const row = (entry: Entry, kind: ChangeKind, type: PermissionType, list: List, previousType?: PermissionType) =>
    changes.push({kind, api: entry.api, permission: entry.value, type, optional: list === 'allowed', ...(previousType ? {previousType} : {})});

  for (const [key, now] of after) {
    const was = before.get(key);
    if (!was) {
      for (const [type, list] of now.types) row(now, 'Added', type, list);
      continue;
    }
    const added = [...now.types].filter(([type]) => !was.types.has(type));
    const removed = [...was.types].filter(([type]) => !now.types.has(type));
    if (added.length === 1 && removed.length === 1 && now.types.size === 1 && was.types.size === 1) {
      row(now, 'Type changed', added[0][0], added[0][1], removed[0][0]);
      continue;
    }
    for (const [type, list] of now.types) {
      const previousList = was.types.get(type);
      if (previousList === undefined) row(now, 'Added', type, list);
      else if (previousList !== list) row(now, list === 'required' ? 'Now required' : 'Now optional', type, list);
    }
    for (const [type, list] of removed) row(was, 'Removed', type, list);
  }
  for (const [key, was] of before) {
    if (after.has(key)) continue;
    for (const [type, list] of was.types) row(was, 'Removed', type, list);
  }
  return changes;
}

export function permissionChangeRows(changes: PermissionChange[]): CellContent[][] {
  return changes.map((change) => [
    change.kind,
    change.api,
    permissionCell(change.permission, change.optional),
    change.previousType ? `${change.previousType} → ${change.type}` : change.type,
  ]);
}

/** The profile `from` names; fails the build when the version or its profile does not exist. */
function fromProfileFile(node: LeafDirective, file: VFile, siteDir: string, guide: string): string {
  const attributes = node.attributes ?? {};
  const unknown = Object.keys(attributes).filter((name) => name !== 'from');
  if (unknown.length > 0) {
    failAtNode(file, siteDir, node, `::${PERMISSION_CHANGES_DIRECTIVE}: unknown attribute ${unknown.join(', ')}; it takes only from="…", e.g. ::${PERMISSION_CHANGES_DIRECTIVE}{from="1.0"}.`, RULE);
  }
  const from = attributes.from?.trim();
  if (!from) {
    failAtNode(file, siteDir, node, `::${PERMISSION_CHANGES_DIRECTIVE}: say which version to compare with, e.g. ::${PERMISSION_CHANGES_DIRECTIVE}{from="1.0"}.`, RULE);
  }
  const versions = knownVersions(siteDir);
  if (!versions.includes(from)) {
    failAtNode(file, siteDir, node, `::${PERMISSION_CHANGES_DIRECTIVE}: unknown version "${from}"; known versions: ${versions.join(', ')}.`, RULE);
  }
  const jsonFile = profilePath(siteDir, guide, from);
  if (!fs.existsSync(jsonFile)) {
    failAtNode(file, siteDir, node, `::${PERMISSION_CHANGES_DIRECTIVE}: version ${from} has no ${guide} guide profile; expected ${displayPath(siteDir, jsonFile)}.`, RULE);
  }
  return jsonFile;
}

export const remarkPermissionChanges: Plugin<[ProfilePluginOptions?], Root> = function (options = {}) {
  const siteDir = path.resolve(options.siteDir ?? process.cwd());
  return (tree, file) => {
    for (const {node, parent, index} of directivesNamed(tree, PERMISSION_CHANGES_DIRECTIVE)) {
      const page = pageGuide(siteDir, file.path);
      if (!page || !fs.existsSync(page.file)) {
        failAtNode(file, siteDir, node, `::${PERMISSION_CHANGES_DIRECTIVE}: no permission profile next to this page; expected ${page ? displayPath(siteDir, page.file) : 'a permissions.json in the guide folder'}.`, RULE);
      }
      const olderFile = fromProfileFile(node, file, siteDir, page.guide);
      const newer = loadCheckedProfile(file, siteDir, page.file, RULE);
      const older = loadCheckedProfile(file, siteDir, olderFile, RULE);
      const changes = profileChanges(older, newer);
      // In a sentence about what changed since then, whether it is the latest release does not matter.
      const from = versionLabel(String(node.attributes?.from).trim());
      parent.children[index] =
        changes.length === 0
          ? paragraph(text(`No changes to the permissions since version ${from}.`))
          : table(PERMISSION_CHANGES_HEADER, permissionChangeRows(changes), 'permission-changes');
    }
  };
};

export default remarkPermissionChanges;

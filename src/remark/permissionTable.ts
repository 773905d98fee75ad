/**
 * remark plugin: `::permission-table` becomes the guide's permission table, made from the
 * permissions.json next to the page (or `::permission-table{guide="office365" version="1.0"}`).
 *
 * Columns: API, Permission, Type, Admin consent required, Why. Allowed (tolerated) entries
 * are marked "(optional)". Every name and type is checked against the permission catalog
 * first: a typo fails the build at the line of the JSON file, with the closest real name.
 */
import path from 'node:path';
import fs from 'node:fs';
import type {Root} from 'mdast';
import type {LeafDirective} from 'mdast-util-directive';
import type {Plugin} from 'unified';
import type {VFile} from 'vfile';
import {isRetiredResource} from '../permissions/catalog';
import {permissionDetails} from '../permissions/catalogInFull';
import type {Profile, ProfilePermission, ProfileResource} from '../permissions/types';
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
import {code, table, text, type CellContent} from './mdastTable';

export const PERMISSION_TABLE_DIRECTIVE = 'permission-table';
const RULE = 'permission-table';

export const PERMISSION_TABLE_HEADER = ['API', 'Permission', 'Type', 'Admin consent required', 'Why'];

/** The API's name as readers should see it ("Azure Active Directory Graph (retired)"). */
export function apiLabel(resource: Pick<ProfileResource, 'resourceAppId' | 'name'>): string {
  return isRetiredResource(resource.resourceAppId) ? `${resource.name} (retired)` : resource.name;
}

/** "Yes" / "No" from the catalog; application permissions always need an admin. */
export function adminConsentLabel(resourceAppId: string, permission: Pick<ProfilePermission, 'value' | 'type'>): string {
  const known = permissionDetails(resourceAppId, permission.value, permission.type);
  if (known) return known.adminConsentRequired ? 'Yes' : 'No';
  return permission.type === 'Application' ? 'Yes' : 'Not known';
}

/** The permission cell: the name as code, marked "(optional)" for allowed entries. */
export function permissionCell(value: string, optional: boolean): CellContent {
  return optional ? [code(value), text(' (optional)')] : [code(value)];
}

/** One row per permission: required ones first, then allowed ones, API by API, in profile order. */
export function permissionTableRows(profile: Profile): CellContent[][] {
  return profile.resources.flatMap((resource) =>
    (['required', 'allowed'] as const).flatMap((list) =>
      resource[list].map((permission) => [
        apiLabel(resource),
        permissionCell(permission.value, list === 'allowed'),
        permission.type,
        adminConsentLabel(resource.resourceAppId, permission),
        permission.why,
      ]),
    ),
  );
}

const ATTRIBUTES = ['guide', 'version'];

/** The permissions.json a `::permission-table` directive means; fails the build when there is none. */
function tableProfileFile(node: LeafDirective, file: VFile, siteDir: string): string {
  const attributes = node.attributes ?? {};
  const unknown = Object.keys(attributes).filter((name) => !ATTRIBUTES.includes(name));
  if (unknown.length > 0) {
    failAtNode(file, siteDir, node, `::${PERMISSION_TABLE_DIRECTIVE}: unknown attribute ${unknown.join(', ')}; it takes only guide="…" and version="…" (both optional).`, RULE);
  }
  const page = pageGuide(siteDir, file.path);
  const guide = attributes.guide ?? page?.guide;
  const version = attributes.version ?? page?.version;
  if (!guide || !version) {
    failAtNode(file, siteDir, node, `::${PERMISSION_TABLE_DIRECTIVE}: this page is not inside a docs version folder; say which profile to show, e.g. ::${PERMISSION_TABLE_DIRECTIVE}{guide="office365" version="2.0"}.`, RULE);
  }
  if (attributes.version !== undefined && !knownVersions(siteDir).includes(version)) {
    failAtNode(file, siteDir, node, `::${PERMISSION_TABLE_DIRECTIVE}: unknown version "${version}"; known versions: ${knownVersions(siteDir).join(', ')}.`, RULE);
  }
  const jsonFile = attributes.guide === undefined && attributes.version === undefined && page ? page.file : profilePath(siteDir, guide, version);
  if (!fs.existsSync(jsonFile)) {
    failAtNode(file, siteDir, node, `::${PERMISSION_TABLE_DIRECTIVE}: no permission profile for this guide; expected ${displayPath(siteDir, jsonFile)} (the guide's permissions.json, next to its index.mdx).`, RULE);
  }
  return jsonFile;
}

export const remarkPermissionTable: Plugin<[ProfilePluginOptions?], Root> = function (options = {}) {
  const siteDir = path.resolve(options.siteDir ?? process.cwd());
  return (tree, file) => {
    for (const {node, parent, index} of directivesNamed(tree, PERMISSION_TABLE_DIRECTIVE)) {
      const profile = loadCheckedProfile(file, siteDir, tableProfileFile(node, file, siteDir), RULE);
      parent.children[index] = table(PERMISSION_TABLE_HEADER, permissionTableRows(profile), 'permission-table');
    }
  };
};

export default remarkPermissionTable;

/**
 * The permission catalog: names, ids and types of the permissions of the APIs the guides use.
 * Microsoft Graph comes from catalog/microsoft-graph.json (built by scripts/build-catalog.ts);
 * Azure AD Graph (retired in 2025) is known by a handful of well-known ids, enough to name what
 * old app registrations still carry.
 */
import microsoftGraphCatalog from './catalog/microsoft-graph.json';
import {AZURE_AD_GRAPH_APP_ID, MICROSOFT_GRAPH_APP_ID, type PermissionType} from './types';

export interface CatalogPermission {
  resourceAppId: string;
  value: string;
  type: PermissionType;
  id: string;
  displayName: string;
  adminConsentRequired: boolean;
  /** 1 (low) to 5 (high) as Microsoft rates it; null when not rated. */
  privilegeLevel: number | null;
}

export interface CatalogResource {
  resourceAppId: string;
  name: string;
  /** A retired API: anything it grants should move to Microsoft Graph. */
  retired: boolean;
  /** Where the data came from. */
  source: string;
  permissions: CatalogPermission[];
}

interface RawPermission {
  value: string;
  type: string;
  id: string;
  displayName: string;
  adminConsentRequired: boolean;
  privilegeLevel: number | null;
}

export function toPermissionType(type: 'Role' | 'Scope'): PermissionType {
  return type === 'Role' ? 'Application' : 'Delegated';
}

export function toResourceAccessType(type: PermissionType): 'Role' | 'Scope' {
  return type === 'Application' ? 'Role' : 'Scope';
}

function fromRaw(resourceAppId: string, raw: RawPermission): CatalogPermission {
  return {
    resourceAppId,
    value: raw.value,
    type: toPermissionType(raw.type === 'Role' ? 'Role' : 'Scope'),
    id: raw.id.toLowerCase(),
    displayName: raw.displayName,
    adminConsentRequired: raw.adminConsentRequired,
    privilegeLevel: raw.privilegeLevel,
  };
}

/** Azure AD Graph's well-known permission ids (the API is retired; kept only to name old entries). */
const AZURE_AD_GRAPH_PERMISSIONS: RawPermission[] = [
  {value: 'User.Read', type: 'Scope', id: '311a71cc-e848-46a1-bdf8-97ff7156d8e6', displayName: 'Sign in and read user profile', adminConsentRequired: false, privilegeLevel: null},
  {value: 'User.ReadBasic.All', type: 'Scope', id: 'cba73afc-7f69-4d86-8450-4978e04ecd1a', displayName: "Read all users' basic profiles", adminConsentRequired: false, privilegeLevel: null},
  {value: 'User.Read.All', type: 'Scope', id: 'c582532d-9d9e-43bd-a97c-2667a28ce295', displayName: "Read all users' full profiles", adminConsentRequired: true, privilegeLevel: null},
  {value: 'Directory.AccessAsUser.All', type: 'Scope', id: 'a42657d6-7f20-40e3-b6f0-cee03008a62a', displayName: 'Access the directory as the signed-in user', adminConsentRequired: true, privilegeLevel: null},
  {value: 'Directory.Read.All', type: 'Role', id: '5778995a-e1bf-45b8-affa-663a9f3f4d04', displayName: 'Read directory data', adminConsentRequired: true, privilegeLevel: null},
  {value: 'Directory.ReadWrite.All', type: 'Role', id: '78c8a3c8-a07e-4b9e-af1b-b5ccab50a175', displayName: 'Read and write directory data', adminConsentRequired: true, privilegeLevel: null},
  {value: 'Application.ReadWrite.All', type: 'Role', id: '1cda74f2-2616-4834-b122-5cb1b07f8a59', displayName: 'Read and write all applications', adminConsentRequired: true, privilegeLevel: null},
  {value: 'Application.ReadWrite.OwnedBy', type: 'Role', id: '824c81eb-e3f8-4ee6-8f6d-de7f50d565b7', displayName: 'Manage apps that this app creates or owns', adminConsentRequired: true, privilegeLevel: null},
];

const RESOURCES: CatalogResource[] = [
  {
    resourceAppId: MICROSOFT_GRAPH_APP_ID,
    name: microsoftGraphCatalog.resourceDisplayName,
    retired: false,
    source: microsoftGraphCatalog.source,
    permissions: (microsoftGraphCatalog.permissions as RawPermission[]).map((p) => fromRaw(MICROSOFT_GRAPH_APP_ID, p)),
  },
  {
    resourceAppId: AZURE_AD_GRAPH_APP_ID,
    name: 'Azure Active Directory Graph',
    retired: true,
    source: 'Well-known ids of the Azure AD Graph service principal (Windows Azure Active Directory)',
    permissions: AZURE_AD_GRAPH_PERMISSIONS.map((p) => fromRaw(AZURE_AD_GRAPH_APP_ID, p)),
  },
];

/** Names of first-party APIs that app registrations often list, for readable findings. */
const OTHER_KNOWN_RESOURCE_NAMES: Readonly<Record<string, string>> = {
  '00000002-0000-0ff1-ce00-000000000000': 'Office 365 Exchange Online',
  '00000003-0000-0ff1-ce00-000000000000': 'Office 365 SharePoint Online',
  'c5393580-f805-4401-95e8-94b7a6ef2fc2': 'Office 365 Management APIs',
  '00000007-0000-0000-c000-000000000000': 'Dynamics CRM',
  '797f4846-ba00-4fd7-ba43-dac1f8f63013': 'Windows Azure Service Management API',
};

interface ResourceIndex {
  resource: CatalogResource;
  byTypeAndValue: Map<string, CatalogPermission>;
  byTypeAndLowerValue: Map<string, CatalogPermission>;
  byId: Map<string, CatalogPermission[]>;
}

let indexes: Map<string, ResourceIndex> | null = null;

function indexOf(resourceAppId: string): ResourceIndex | undefined {
  if (!indexes) {
    indexes = new Map();
    for (const resource of RESOURCES) {
      const index: ResourceIndex = {resource, byTypeAndValue: new Map(), byTypeAndLowerValue: new Map(), byId: new Map()};
      for (const p of resource.permissions) {
        index.byTypeAndValue.set(`${p.type}|${p.value}`, p);
        index.byTypeAndLowerValue.set(`${p.type}|${p.value.toLowerCase()}`, p);
        const sameId = index.byId.get(p.id) ?? [];
        sameId.push(p);
        index.byId.set(p.id, sameId);
      }
      indexes.set(resource.resourceAppId, index);
    }
  }
  return indexes.get(resourceAppId.trim().toLowerCase());
}

/** The catalog of a resource (API), or undefined when the project has none for it. */
export function catalogResource(resourceAppId: string): CatalogResource | undefined {
  return indexOf(resourceAppId)?.resource;
}

/** True when the resource's catalog is known, so an unknown name there is a real mistake. */
export function hasCatalog(resourceAppId: string): boolean {
  return indexOf(resourceAppId) !== undefined;
}

/** True for a retired API (Azure AD Graph). */
export function isRetiredResource(resourceAppId: string): boolean {
  return indexOf(resourceAppId)?.resource.retired ?? false;
}

/** A permission by its exact name and type, e.g. ('00000003-…', 'User.Read.All', 'Application'). */
export function findPermission(resourceAppId: string, value: string, type: PermissionType): CatalogPermission | undefined {
  return indexOf(resourceAppId)?.byTypeAndValue.get(`${type}|${value}`);
}

/**
 * A permission by its id. A few ids are shared by an application and a delegated permission
 * (or by two alias names): pass the type to pick; without it the first entry wins.
 */
export function permissionById(resourceAppId: string, id: string, type?: PermissionType): CatalogPermission | undefined {
  const entries = indexOf(resourceAppId)?.byId.get(id.trim().toLowerCase());
  if (!entries) return undefined;
  return (type ? entries.find((p) => p.type === type) : undefined) ?? (type ? undefined : entries[0]);
}

/** The display name of an API the project knows ('Microsoft Graph', 'Azure Active Directory Graph', …), else null. */
export function knownResourceName(resourceAppId: string): string | null {
  const id = resourceAppId.trim().toLowerCase();
  return indexOf(id)?.resource.name ?? OTHER_KNOWN_RESOURCE_NAMES[id] ?? null;
}

/**
 * Operations that only read: Read, ReadBasic, ReadForChat, ReadData… (not ReadWrite… nor
 * ReadApprove, which approves requests), and a few that look without changing anything.
 */
const READ_ONLY_OPERATION = /^(?:Read(?!Write|Approve)|Find$|ViewReport$|Detect$|Evaluate$|Compute$|Export$)/;

/** Operations that change data or act for someone. */
const CHANGING_OPERATION =
  /ReadWrite|Write|FullControl|Manage|Send|AccessAsUser|AccessMedia|Create|Delete|Update|Edit|Invite|Initiate|Join|Revoke|Reset|Enable|Disable|Submit|Archive|Migrat|Import|Restore|Remove|Upload|Assign|Command|PrivilegedOperations|Approve|Lock|Start|Activate|Resume|Provision|Onboard|Ingest|Notify|Process|Sign|Receive|Selected/;

/** For names without an operation part (other APIs' scopes such as full_access_as_app). */
const CHANGES_DATA_WORD = /write|full|manage|send|access_?as|delete|create|update|admin/i;

/**
 * True when a permission can change data or act for someone, which the guides' read-only
 * promise rules out (ReadWrite, Write, FullControl, Manage, Send, AccessAsUser, Create, Edit,
 * Lock, Start, ReadApprove, …). The operation is the second part of `Resource.Operation[.Scope]`
 * (or the third, as in `DeviceManagement.Scripts.Read.All`), so neither
 * `DeviceManagementManagedDevices.Read.All` nor `Policy.Read.ServicePrincipalCreate` counts as a
 * change. An operation neither list knows counts as a change: the safe side of a promise.
 */
export function canChangeData(value: string): boolean {
  const parts = value.split('.');
  if (parts.length < 2 || parts[1] === '') return CHANGES_DATA_WORD.test(value);
  for (const operation of parts.slice(1, 3)) {
    if (READ_ONLY_OPERATION.test(operation)) return false;
    if (CHANGING_OPERATION.test(operation)) return true;
  }
  return true;
}

/** Levenshtein distance, small strings only. */
function editDistance(a: string, b: string): number {
  const previous = Array.from({length: b.length + 1}, (_, j) => j);
  for (let i = 1; i <= a.length; i++) {
    let diagonal = previous[0];
    previous[0] = i;
    for (let j = 1; j <= b.length; j++) {
      const above = previous[j];
      previous[j] = Math.min(previous[j] + 1, previous[j - 1] + 1, diagonal + (a[i - 1] === b[j - 1] ? 0 : 1));
      diagonal = above;
    }
  }
  return previous[b.length];
}

/** Compare names loosely: case, and `-`/`_`/space used for `.`, do not count. */
function looseName(value: string): string {
  return value.trim().toLowerCase().replace(/[\s_-]/g, '.');
}

/**
 * The real permission name closest to a mistyped one (`Groups.Read-All` -> `Group.Read.All`),
 * preferring the given type; null when nothing is close enough to be a plausible typo.
 */
export function suggestPermissionName(resourceAppId: string, value: string, type?: PermissionType): string | null {
  const index = indexOf(resourceAppId);
  if (!index) return null;
  const wanted = looseName(value);
  if (type) {
    const sameName = index.byTypeAndLowerValue.get(`${type}|${value.trim().toLowerCase()}`);
    if (sameName && sameName.value !== value) return sameName.value;
  }
  let best: {value: string; score: number} | null = null;
  for (const p of index.resource.permissions) {
    if (p.value === value) continue; // exists, only with the other type: not a typo
    const distance = editDistance(wanted, looseName(p.value));
    // A permission of the other type is a slightly worse match than one of the asked type.
    const score = distance + (type && p.type !== type ? 0.5 : 0);
    if (!best || score < best.score || (score === best.score && p.value < best.value)) best = {value: p.value, score};
  }
  if (!best) return null;
  const limit = Math.max(2, Math.floor(wanted.length / 4));
  return best.score <= limit && best.value !== value ? best.value : null;
}

/** A GUID in any case, without braces. */
export const GUID_PATTERN = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

export function isGuid(value: unknown): value is string {
  return typeof value === 'string' && GUID_PATTERN.test(value.trim());
}

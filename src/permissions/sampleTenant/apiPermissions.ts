/**
 * What the sample tenant's first-party API service principals list: the catalog's entries (both
 * types) of every permission the sample apps name (apps.ts), not the whole catalog, so the sample
 * tenant carries none of it into the browser. Names come from the catalog first, so what the
 * tenant lists beyond the apps' permissions never changes a result (a test keeps this list true
 * to the catalog, and compares sample results with a tenant that lists the whole catalog).
 */
import {MICROSOFT_GRAPH_APP_ID} from '../types';
import {EXCHANGE_ONLINE_APP_ID, SHAREPOINT_ONLINE_APP_ID} from './apps';

/** A permission as a service principal lists it (type: Role = app role, Scope = delegated scope). */
export interface ListedPermission {
  value: string;
  type: 'Role' | 'Scope';
  id: string;
  displayName?: string;
  /** Scopes: false when users may consent for themselves. */
  adminConsentRequired?: boolean;
}

/** By API (resourceAppId): what its service principal in the sample tenant lists. */
export type ApiPermissionLists = Readonly<Record<string, readonly ListedPermission[]>>;

export const SAMPLE_API_PERMISSIONS: ApiPermissionLists = {
  [MICROSOFT_GRAPH_APP_ID]: [
    {value: 'AuditLog.Read.All', type: 'Role', id: 'b0afded3-3588-46d8-8b3d-9842eff778da'},
    {value: 'AuditLog.Read.All', type: 'Scope', id: 'e4c9e354-4dc5-45b8-9e7c-e1393b0b1a20', adminConsentRequired: true},
    {value: 'Directory.Read.All', type: 'Role', id: '7ab1d382-f21e-4acd-a863-ba3e13f7da61'},
    {value: 'Directory.Read.All', type: 'Scope', id: '06da0dbc-49e2-44d2-8312-53f166ab848a', adminConsentRequired: true},
    {value: 'Directory.ReadWrite.All', type: 'Role', id: '19dbc75e-c2e2-444c-a770-ec69d8559fc7'},
    {value: 'Directory.ReadWrite.All', type: 'Scope', id: 'c5366453-9fb0-48a5-a156-24f0c49a4b84', adminConsentRequired: true},
    {value: 'Files.Read.All', type: 'Role', id: '01d4889c-1287-42c6-ac1f-5d1e02578ef6'},
    {value: 'Files.Read.All', type: 'Scope', id: 'df85f4d6-205c-4ac5-a5ea-6bf408dba283', adminConsentRequired: false},
    {value: 'Group.Read.All', type: 'Role', id: '5b567255-7703-4780-807c-7be8301ae99b'},
    {value: 'Group.Read.All', type: 'Scope', id: '5f8c59db-677d-491f-a6b8-5f174b11ec1d', adminConsentRequired: true},
    {value: 'Mail.ReadWrite', type: 'Role', id: 'e2a3a72e-5f79-4c64-b1b1-878b674786c9'},
    {value: 'Mail.ReadWrite', type: 'Scope', id: '024d486e-b451-40bb-833d-3e66d98c5c73', adminConsentRequired: false},
    {value: 'Mail.Send', type: 'Role', id: 'b633e1c5-b582-4048-a93e-9f11b44c7e96'},
    {value: 'Mail.Send', type: 'Scope', id: 'e383f46e-2787-4529-855e-0e479a3ffac0', adminConsentRequired: false},
    {value: 'Organization.Read.All', type: 'Role', id: '498476ce-e0fe-48b0-b801-37ba7e2685c6'},
    {value: 'Organization.Read.All', type: 'Scope', id: '4908d5b9-3fb2-4b1e-9336-1888b7937185', adminConsentRequired: true},
    {value: 'Policy.Read.All', type: 'Role', id: '246dd0d5-5bd0-4def-940b-0421030a5b68'},
    {value: 'Policy.Read.All', type: 'Scope', id: '572fea84-0151-49b2-9301-11cb16974376', adminConsentRequired: true},
    {value: 'Reports.Read.All', type: 'Role', id: '230c1aed-a721-4c5d-9cb4-a90514e508ef'},
    {value: 'Reports.Read.All', type: 'Scope', id: '02e97553-ed7b-43d0-ab3c-f8bace0d040c', adminConsentRequired: true},
    {value: 'RoleManagement.Read.Directory', type: 'Role', id: '483bed4a-2ad3-4361-a73b-c83ccdbdc53c'},
    {value: 'RoleManagement.Read.Directory', type: 'Scope', id: '741c54c3-0c1e-44a1-818b-3f97ab4e8c83', adminConsentRequired: true},
    {value: 'SecurityEvents.Read.All', type: 'Role', id: 'bf394140-e372-4bf9-a898-299cfc7564e5'},
    {value: 'SecurityEvents.Read.All', type: 'Scope', id: '64733abd-851e-478a-bffb-e47a14b18235', adminConsentRequired: true},
    {value: 'Sites.FullControl.All', type: 'Role', id: 'a82116e5-55eb-4c41-a434-62fe8a61c773'},
    {value: 'Sites.FullControl.All', type: 'Scope', id: '5a54b8b3-347c-476d-8f8e-42d5c7424d29', adminConsentRequired: true},
    {value: 'Sites.Read.All', type: 'Role', id: '332a536c-c7ef-4017-ab91-336970924f0d'},
    {value: 'Sites.Read.All', type: 'Scope', id: '205e70e5-aba6-4c52-a976-6d2d46c48043', adminConsentRequired: false},
    {value: 'User.Read', type: 'Scope', id: 'e1fe6dd8-ba31-4d61-89e7-88639da4683d', adminConsentRequired: false},
    {value: 'User.Read.All', type: 'Role', id: 'df021288-bdef-4463-88db-98f22de89214'},
    {value: 'User.Read.All', type: 'Scope', id: 'a154be20-db9c-4678-8ab7-66f6cc099a59', adminConsentRequired: true},
  ],
  [EXCHANGE_ONLINE_APP_ID]: [
    {value: 'full_access_as_app', type: 'Role', id: 'dc890d15-9560-4a4c-9b7f-a736ec74ec40'},
  ],
  [SHAREPOINT_ONLINE_APP_ID]: [],
};

/**
 * The sample tenant's app registrations: who they are and what each one gets wrong. Small and
 * free of the permission catalog, so the check can list the sample apps without loading the
 * engine; data.ts turns these specs into Graph-shaped data (ids from the catalog).
 */
import {AZURE_AD_GRAPH_APP_ID, MICROSOFT_GRAPH_APP_ID} from '../types';
import type {GraphApplication, GraphKeyCredential, GraphPasswordCredential, GraphRequiredResourceAccess} from './graphShapes';
// ---------------------------------------------------------------------------------------------
// The scenarios

export type SampleScenario =
  | 'compliant'
  | 'permissions-missing'
  | 'delegated-instead-of-application'
  | 'no-admin-consent'
  | 'never-consented'
  | 'over-privileged'
  | 'expired-secret'
  | 'azure-ad-graph'
  | 'many-pages'
  | 'edited-manifest'
  | 'user-consent';

/** One app registration of the sample tenant, as the UI and tests pick it. */
export interface SampleApp {
  /** The application object id (Graph `id`). */
  id: string;
  /** The application (client) ID. */
  appId: string;
  displayName: string;
  scenario: SampleScenario;
  /** One line: what is (or is not) wrong with it. */
  description: string;
  /** The object id of its service principal in the tenant; null when never consented. */
  servicePrincipalId: string | null;
}

export const SAMPLE_TENANT_ID = '9573f57e-48ed-48e8-abad-d472c3712d11';
export const SAMPLE_TENANT_DOMAIN = 'contoso-sample.onmicrosoft.com';
export const SAMPLE_TENANT_NAME = 'Contoso (sample)';


/** The delegated User.Read of the retired Azure AD Graph. */
export const AZURE_AD_GRAPH_USER_READ_ID = '311a71cc-e848-46a1-bdf8-97ff7156d8e6';

/** Office 365 Exchange Online, and its application permission full_access_as_app (every mailbox, read and write). */
export const EXCHANGE_ONLINE_APP_ID = '00000002-0000-0ff1-ce00-000000000000';
export const EXCHANGE_FULL_ACCESS_AS_APP_ID = 'dc890d15-9560-4a4c-9b7f-a736ec74ec40';
/** Office 365 SharePoint Online. */
export const SHAREPOINT_ONLINE_APP_ID = '00000003-0000-0ff1-ce00-000000000000';

/** A user of the sample tenant who consented to an app for themselves. */
export const SAMPLE_USER_ID = '5d6e7f80-91a2-4b3c-8d4e-5f6a7b8c9d0e';

/** The seven application permissions the 2.0 guide requires. */
export const SCANNER_APPLICATION_PERMISSIONS = [
  'AuditLog.Read.All',
  'Directory.Read.All',
  'Files.Read.All',
  'Group.Read.All',
  'Reports.Read.All',
  'Sites.Read.All',
  'User.Read.All',
] as const;

// ---------------------------------------------------------------------------------------------
// App specs: what each app configures and what the tenant granted

export interface GrantedDelegated {
  resourceAppId: string;
  scope: string;
  /** A user's consent for themselves (consentType Principal); absent: admin consent for everyone. */
  principalId?: string;
}

export interface AppSpec {
  scenario: SampleScenario;
  appId: string;
  objectId: string;
  /** null: never consented in this tenant (no service principal). */
  servicePrincipalId: string | null;
  displayName: string;
  description: string;
  configuredRoles: string[];
  configuredScopes: string[];
  extraConfigured?: GraphRequiredResourceAccess[];
  grantedRoles: string[];
  /** Application permissions of other APIs granted in the tenant, by id. */
  extraGrantedRoles?: Array<{resourceAppId: string; id: string}>;
  grantedDelegated: GrantedDelegated[];
  credentials: (now: number) => Pick<GraphApplication, 'passwordCredentials' | 'keyCredentials'>;
  defaultPageSize?: number;
}

export const DAY = 24 * 60 * 60 * 1000;
export const iso = (ms: number): string => new Date(ms).toISOString().replace(/\.\d{3}Z$/, 'Z');

function secret(keyId: string, displayName: string, hint: string, start: number, end: number): GraphPasswordCredential {
  return {keyId, displayName, hint, startDateTime: iso(start), endDateTime: iso(end)};
}

function certificate(keyId: string, displayName: string, start: number, end: number): GraphKeyCredential {
  return {keyId, displayName, type: 'AsymmetricX509Cert', usage: 'Verify', startDateTime: iso(start), endDateTime: iso(end)};
}

const ALL_SEVEN = [...SCANNER_APPLICATION_PERMISSIONS];
const USER_READ_GRANT: GrantedDelegated = {resourceAppId: MICROSOFT_GRAPH_APP_ID, scope: 'User.Read'};

/** A secret valid for six months more, for apps whose credentials are not the point. */
const usualSecret = (keyId: string) => (now: number) => ({
  passwordCredentials: [secret(keyId, 'scanner', 'Q~s', now - 180 * DAY, now + 180 * DAY)],
  keyCredentials: [],
});

export const APP_SPECS: AppSpec[] = [
  {
    scenario: 'compliant',
    appId: '0d651e1f-b145-4b1c-8334-8eff5cdea961',
    objectId: 'f6873181-33ec-43e9-8075-fc01477e4e48',
    servicePrincipalId: '070a096b-7877-4b1d-baff-d70a7ab6817a',
    displayName: 'Contoso Scanner',
    description: 'Set up as the 2.0 guide says: all seven application permissions granted, a certificate valid for a year.',
    configuredRoles: ALL_SEVEN,
    configuredScopes: ['User.Read'],
    grantedRoles: ALL_SEVEN,
    grantedDelegated: [USER_READ_GRANT],
    credentials: (now) => ({
      passwordCredentials: [],
      keyCredentials: [certificate('4d51c35b-5dee-41bc-a0c6-ae4ba199f08b', 'CN=contoso-scanner', now - DAY, now + 365 * DAY)],
    }),
  },
  {
    scenario: 'permissions-missing',
    appId: 'dd6838d4-d63d-4574-95bd-78b3fdf1bf37',
    objectId: '3b91d237-0338-420e-9d75-503b084fc094',
    servicePrincipalId: '7ef3b95e-4f6b-4ce0-a6e7-bef7b93c93ed',
    displayName: 'Scanner (missing permissions)',
    description: 'AuditLog.Read.All and Reports.Read.All were never added; the other five are granted.',
    configuredRoles: ['Directory.Read.All', 'Files.Read.All', 'Group.Read.All', 'Sites.Read.All', 'User.Read.All'],
    configuredScopes: ['User.Read'],
    grantedRoles: ['Directory.Read.All', 'Files.Read.All', 'Group.Read.All', 'Sites.Read.All', 'User.Read.All'],
    grantedDelegated: [USER_READ_GRANT],
    credentials: usualSecret('997c053e-44ac-40a3-9517-f3c0a1656cd3'),
  },
  {
    scenario: 'delegated-instead-of-application',
    appId: 'a6684153-2b5c-4722-b2b7-00e432d24131',
    objectId: 'a30c5d26-71c2-4211-911f-a048a0136696',
    servicePrincipalId: '247811e0-28b8-4b0b-bcf2-9112c4299517',
    displayName: 'Scanner (delegated by mistake)',
    description: 'Files.Read.All and Sites.Read.All were added as delegated permissions instead of application permissions.',
    configuredRoles: ['AuditLog.Read.All', 'Directory.Read.All', 'Group.Read.All', 'Reports.Read.All', 'User.Read.All'],
    configuredScopes: ['User.Read', 'Files.Read.All', 'Sites.Read.All'],
    grantedRoles: ['AuditLog.Read.All', 'Directory.Read.All', 'Group.Read.All', 'Reports.Read.All', 'User.Read.All'],
    grantedDelegated: [{resourceAppId: MICROSOFT_GRAPH_APP_ID, scope: 'User.Read Files.Read.All Sites.Read.All'}],
    credentials: usualSecret('f55ed1fc-d62e-4520-a26b-b7d46ae35134'),
  },
  {
    scenario: 'no-admin-consent',
    appId: 'c6b1faa4-6408-4622-b7d3-30180b825ab7',
    objectId: '8d655c0b-188c-4693-af05-eabebad66aaf',
    servicePrincipalId: '7e21e996-717c-4531-a1d1-dee58f674798',
    displayName: 'Scanner (consent pending)',
    description: 'All permissions are configured, but nobody granted admin consent.',
    configuredRoles: ALL_SEVEN,
    configuredScopes: ['User.Read'],
    grantedRoles: [],
    grantedDelegated: [],
    credentials: usualSecret('a1ef343f-2e79-465b-8ed7-fc79eb9c0d03'),
  },
  {
    scenario: 'never-consented',
    appId: '9889b155-d791-48ed-ae79-e4cf88621933',
    objectId: '7df1cad2-ff13-44c3-8b13-0bf9941d9bdf',
    servicePrincipalId: null,
    displayName: 'Scanner (never consented)',
    description: 'All permissions are configured, but the app was never consented in this tenant: it has no service principal.',
    configuredRoles: ALL_SEVEN,
    configuredScopes: ['User.Read'],
    grantedRoles: [],
    grantedDelegated: [],
    credentials: usualSecret('2b7f404d-5404-4a75-b443-842cf61e5b0f'),
  },
  {
    scenario: 'over-privileged',
    appId: 'e14db9ef-1a03-46ef-a50e-d51607624842',
    objectId: '416d259c-6dd0-4c34-ba71-dbcaf04c95bc',
    servicePrincipalId: 'b4424a6c-9fdf-45b6-914e-a69215ba7027',
    displayName: 'Scanner (too many permissions)',
    description: 'Also holds Directory.ReadWrite.All, Mail.Send and Sites.FullControl.All: it can change data the guide promises only to read.',
    configuredRoles: [...ALL_SEVEN, 'Directory.ReadWrite.All', 'Mail.Send', 'Sites.FullControl.All'],
    configuredScopes: ['User.Read'],
    grantedRoles: [...ALL_SEVEN, 'Directory.ReadWrite.All', 'Mail.Send', 'Sites.FullControl.All'],
    grantedDelegated: [USER_READ_GRANT],
    credentials: usualSecret('9cde52bb-1aae-4b2b-8103-6f689d44b770'),
  },
  {
    scenario: 'expired-secret',
    appId: '006355d6-b9a0-4ba5-ad2e-5e975470ec4b',
    objectId: '203ca59e-6c9a-4e0c-8a07-4cf7f63167c7',
    servicePrincipalId: '7443c2e3-a62f-4ee3-aef2-7be326e643d0',
    displayName: 'Scanner (expired secret)',
    description: 'Permissions and consent are right, but its only client secret expired last month.',
    configuredRoles: ALL_SEVEN,
    configuredScopes: ['User.Read'],
    grantedRoles: ALL_SEVEN,
    grantedDelegated: [USER_READ_GRANT],
    credentials: (now) => ({
      passwordCredentials: [secret('39689c24-64f8-4aa3-b00e-e5bfbc21f216', 'scanner 2024', 'x7P', now - 395 * DAY, now - 30 * DAY)],
      keyCredentials: [],
    }),
  },
  {
    scenario: 'azure-ad-graph',
    appId: '6dbc10da-23ad-499f-ba72-f7e97dde937b',
    objectId: 'ae45288c-673d-483a-adfa-0e6387f05f3e',
    servicePrincipalId: '836bf045-2f61-4903-b196-1ecd867d6e7c',
    displayName: 'Scanner (still on Azure AD Graph)',
    description: 'Has the seven Microsoft Graph permissions but still requests Azure AD Graph User.Read, an API retired in 2025.',
    configuredRoles: ALL_SEVEN,
    configuredScopes: [],
    extraConfigured: [
      {resourceAppId: AZURE_AD_GRAPH_APP_ID, resourceAccess: [{id: AZURE_AD_GRAPH_USER_READ_ID, type: 'Scope'}]},
    ],
    grantedRoles: ALL_SEVEN,
    grantedDelegated: [{resourceAppId: AZURE_AD_GRAPH_APP_ID, scope: 'User.Read'}],
    credentials: usualSecret('8957cebb-dfce-4912-b12a-6f52948b6770'),
  },
  {
    scenario: 'many-pages',
    appId: '3f66335d-e880-41d6-8426-efe470547a7b',
    objectId: 'd18b369c-fd1c-4175-89c8-b65788382595',
    servicePrincipalId: '195fbe96-b90e-4705-b1f1-7674ac21d2b3',
    displayName: 'Scanner (many grants)',
    description: 'Compliant, plus four more read-only permissions: its grants come back over four pages unless a reader asks for more per page.',
    configuredRoles: [...ALL_SEVEN, 'Organization.Read.All', 'Policy.Read.All', 'RoleManagement.Read.Directory', 'SecurityEvents.Read.All'],
    configuredScopes: ['User.Read'],
    grantedRoles: [...ALL_SEVEN, 'Organization.Read.All', 'Policy.Read.All', 'RoleManagement.Read.Directory', 'SecurityEvents.Read.All'],
    grantedDelegated: [USER_READ_GRANT],
    credentials: usualSecret('b49ecaa2-fdfd-443f-88e3-89de643b2d05'),
    defaultPageSize: 3,
  },
  {
    scenario: 'edited-manifest',
    appId: '8a1f3c52-6d7e-4f90-a1b2-c3d4e5f60718',
    objectId: 'b2c3d4e5-f607-4182-93a4-b5c6d7e8f901',
    servicePrincipalId: 'c3d4e5f6-0718-4293-a4b5-c6d7e8f90a12',
    displayName: 'Scanner (edited manifest)',
    description:
      'Set up as the guide says, but someone added Exchange Online full_access_as_app (every mailbox, read and write) in the manifest editor, and an admin consented.',
    configuredRoles: ALL_SEVEN,
    configuredScopes: ['User.Read'],
    extraConfigured: [{resourceAppId: EXCHANGE_ONLINE_APP_ID, resourceAccess: [{id: EXCHANGE_FULL_ACCESS_AS_APP_ID, type: 'Role'}]}],
    grantedRoles: ALL_SEVEN,
    extraGrantedRoles: [{resourceAppId: EXCHANGE_ONLINE_APP_ID, id: EXCHANGE_FULL_ACCESS_AS_APP_ID}],
    grantedDelegated: [USER_READ_GRANT],
    credentials: usualSecret('4e5f6a7b-8c9d-4e0f-a1b2-c3d4e5f6a7b8'),
  },
  {
    scenario: 'user-consent',
    appId: '1b2c3d4e-5f60-4718-8293-a4b5c6d7e8f9',
    objectId: 'd4e5f607-1829-43a4-b5c6-d7e8f90a1b23',
    servicePrincipalId: 'e5f60718-2930-44b5-86d7-e8f90a1b2c34',
    displayName: "Scanner (a user's consent)",
    description:
      'Set up as the guide says, but one user also consented for themselves to Mail.ReadWrite (delegated): the app can change that user\'s mail.',
    configuredRoles: ALL_SEVEN,
    configuredScopes: ['User.Read'],
    grantedRoles: ALL_SEVEN,
    grantedDelegated: [USER_READ_GRANT, {resourceAppId: MICROSOFT_GRAPH_APP_ID, scope: 'User.Read Mail.ReadWrite', principalId: SAMPLE_USER_ID}],
    credentials: usualSecret('5f6a7b8c-9d0e-4f1a-b2c3-d4e5f6a7b8c9'),
  },
];

export const SAMPLE_APPS: readonly SampleApp[] = APP_SPECS.map((spec) => ({
  id: spec.objectId,
  appId: spec.appId,
  displayName: spec.displayName,
  scenario: spec.scenario,
  description: spec.description,
  servicePrincipalId: spec.servicePrincipalId,
}));

/** The sample app of a scenario; throws on one that does not exist. */
export function sampleApp(scenario: SampleScenario): SampleApp {
  const app = SAMPLE_APPS.find((a) => a.scenario === scenario);
  if (!app) throw new Error(`No sample app for scenario "${scenario}".`);
  return app;
}

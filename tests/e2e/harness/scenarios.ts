/**
 * What a check must show for each sample app against the 2.0 profile: the verdict, and the
 * rows and settings that carry the app's problem (every other required row must be "ok").
 */
import {SAMPLE_APPS, SCANNER_APPLICATION_PERMISSIONS, type SampleApp, type SampleScenario} from '../../../src/permissions/sampleTenant/apps';
import type {Verdict} from './checkUi';

export interface ExpectedRow {
  permission: string;
  type: 'Application' | 'Delegated';
  status: string;
  /** The caption of the API's table, when not Microsoft Graph. */
  resource?: string | RegExp;
}

export interface ExpectedOutcome {
  verdict: Verdict;
  rows: ExpectedRow[];
  /** A setting finding that must show with this status. */
  setting?: {status: string; settingOneOf: string[]};
}

const app = (permission: string, status: string): ExpectedRow => ({permission, type: 'Application', status});

export const EXPECTED_OUTCOMES: Record<SampleScenario, ExpectedOutcome> = {
  compliant: {verdict: 'pass', rows: [{permission: 'User.Read', type: 'Delegated', status: 'allowed'}]},
  'permissions-missing': {verdict: 'fail', rows: [app('AuditLog.Read.All', 'missing'), app('Reports.Read.All', 'missing')]},
  'delegated-instead-of-application': {verdict: 'fail', rows: [app('Files.Read.All', 'wrong-type'), app('Sites.Read.All', 'wrong-type')]},
  'no-admin-consent': {verdict: 'fail', rows: SCANNER_APPLICATION_PERMISSIONS.map((permission) => app(permission, 'not-granted'))},
  'never-consented': {verdict: 'fail', rows: SCANNER_APPLICATION_PERMISSIONS.map((permission) => app(permission, 'not-granted'))},
  'over-privileged': {
    verdict: 'fail',
    rows: [app('Directory.ReadWrite.All', 'excess'), app('Mail.Send', 'excess'), app('Sites.FullControl.All', 'excess')],
  },
  'expired-secret': {verdict: 'fail', rows: [], setting: {status: 'expired', settingOneOf: ['passwordCredentials', 'credentials']}},
  'azure-ad-graph': {
    // A retired API is a warning, not an error: the verdict stays pass, the row says excess.
    verdict: 'pass',
    // Its own table, captioned with the API's name as the UI contract spells it.
    rows: [{permission: 'User.Read', type: 'Delegated', status: 'excess', resource: /^\s*Azure Active Directory Graph\s*$/}],
  },
  'many-pages': {
    // Four more read-only permissions over paged grants: excess warnings, nothing lost between pages.
    verdict: 'pass',
    rows: ['Organization.Read.All', 'Policy.Read.All', 'RoleManagement.Read.Directory', 'SecurityEvents.Read.All'].map((p) => app(p, 'excess')),
  },
  'edited-manifest': {
    // Exchange Online's full_access_as_app, added in the manifest editor: its own table, an error.
    verdict: 'fail',
    rows: [{permission: 'full_access_as_app', type: 'Application', status: 'excess', resource: /^\s*Office 365 Exchange Online\s*$/}],
  },
  'user-consent': {
    // One user's own consent to a write scope counts like an admin's.
    verdict: 'fail',
    rows: [{permission: 'Mail.ReadWrite', type: 'Delegated', status: 'excess'}],
  },
};

/** The required rows that must be "ok" for an app (those its problem does not touch). */
export function rowsExpectedOk(outcome: ExpectedOutcome): ExpectedRow[] {
  const touched = new Set(outcome.rows.map((row) => `${row.permission}|${row.type}`));
  return SCANNER_APPLICATION_PERMISSIONS.filter((permission) => !touched.has(`${permission}|Application`)).map((permission) =>
    app(permission, 'ok'),
  );
}

export function sampleAppOf(scenario: SampleScenario): SampleApp {
  const found = SAMPLE_APPS.find((candidate) => candidate.scenario === scenario);
  if (!found) throw new Error(`The sample tenant has no app for scenario ${scenario}.`);
  return found;
}

export {SAMPLE_APPS};

/**
 * compareToProfile: what a guide version's profile asks for, against what an app registration
 * has (from a tenant, a manifest or the sample tenant), as findings in a stable order, with a
 * fix on every error finding, and a verdict that is never `pass` on partial data.
 *
 *   observedLookup.ts      the observed state normalized, and the lookups every finding uses
 *   permissionFindings.ts  required and allowed permissions, API by API
 *   excessFindings.ts      what the app holds beyond them (closed world)
 *   settingFindings.ts     sign-in audience and credentials
 */
import {cloudByName} from './clouds';
import {normalizeGuid, normalizeTenant} from './ids';
import {Lookup, normalizeObserved, type Builder} from './observedLookup';
import {permissionFindings} from './permissionFindings';
import {correctedRequiredResourceAccess} from './correctedRequiredResourceAccess';
import {planActions} from './remedyActions';
import {settingFindings} from './settingFindings';
import type {CheckContext, CheckResult, Finding, ObservedState, Profile, UnreadPart, Verdict} from './types';

// ---------------------------------------------------------------------------------------------

function verdictOf(findings: Finding[], unread: UnreadPart[]): Verdict {
  if (unread.length > 0) return 'incomplete';
  return findings.some((f) => f.severity === 'error') ? 'fail' : 'pass';
}

/**
 * Compares an app registration with a guide version's profile.
 * - Findings: permissions of the profile's resources in profile order (required, then allowed,
 *   then excess/unknown by name), then other resources by appId, then settings.
 * - Verdict: `incomplete` whenever a part could not be read (never `pass` on partial data),
 *   else `fail` when any finding is an error, else `pass`.
 */
export function compareToProfile(profile: Profile, observedInput: ObservedState, ctx: CheckContext): CheckResult {
  const observed = normalizeObserved(observedInput);
  const unread = [...observed.unread];
  if (observed.source !== 'manifest' && observed.grants === null && !unread.some((u) => u.part !== 'application' && u.part !== 'resource')) {
    // A tenant read without grants must never pass: say what is missing.
    unread.push({part: 'appRoleAssignments', reason: 'Admin consent (grants) was not read.'});
  }
  // The app id named by the caller (a support link, the UI) wins, when it is one.
  const appId = normalizeGuid(ctx.appId) ?? observed.app.appId;
  const corrected = correctedRequiredResourceAccess(profile, observed.configured, observed.resourceNames);
  const builder: Builder = {
    lookup: new Lookup(observed, unread),
    remediation: {
      cloud: cloudByName(ctx.cloud),
      tenant: normalizeTenant(ctx.tenant) ?? undefined,
      appId,
      servicePrincipalExists: observed.grants ? observed.grants.servicePrincipalExists : null,
      corrected,
    },
  };

  const applicationRead = !unread.some((u) => u.part === 'application');
  const findings: Finding[] = applicationRead
    ? [
        ...permissionFindings(builder, profile),
        ...(observed.permissionsOnly ? [] : settingFindings(builder.remediation, profile, observed, ctx.now ?? new Date())),
      ]
    : [];

  return {
    verdict: verdictOf(findings, unread),
    findings,
    actions: planActions(findings, builder.remediation),
    grantsChecked: observed.grants !== null,
    settingsChecked: !observed.permissionsOnly,
    unread,
    correctedRequiredResourceAccess: corrected,
  };
}

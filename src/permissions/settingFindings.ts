/**
 * The setting findings of a comparison: the sign-in audience, whether the app has the kind of
 * credential the guide asks for, and secrets and certificates that expired or expire soon.
 */
import type {RemediationContext} from './remediation';
import {fixAddCertificate, fixAddSecret, fixSignInAudience} from './settingFixes';
import type {Fix, ObservedCredential, ObservedState, Profile, SettingFinding} from './types';

/** Credentials that end within this many days are reported as expiring. */
const EXPIRY_WARNING_DAYS = 30;
const DAY_MS = 24 * 60 * 60 * 1000;

function formatDate(iso: string): string {
  return iso.slice(0, 10);
}

function credentialLabel(c: ObservedCredential): string {
  const noun = c.kind === 'secret' ? 'secret' : 'certificate';
  if (c.displayName) return `${noun} "${c.displayName}"`;
  if (c.keyId) return `${noun} ${c.keyId}`;
  return noun;
}

function endOf(c: ObservedCredential): number | null {
  if (!c.endDateTime) return null;
  const t = Date.parse(c.endDateTime);
  return Number.isNaN(t) ? null : t;
}

function credentialSetting(
  remediation: RemediationContext,
  kind: ObservedCredential['kind'],
  credentials: ObservedCredential[],
  now: Date,
): SettingFinding | null {
  const mine = credentials.filter((c) => c.kind === kind);
  if (mine.length === 0) return null;
  const setting = kind === 'secret' ? 'passwordCredentials' : 'keyCredentials';
  const plural = kind === 'secret' ? 'client secrets' : 'certificates';
  const nowMs = now.getTime();
  const expired = mine.filter((c) => {
    const end = endOf(c);
    return end !== null && end <= nowMs;
  });
  const expiring = mine.filter((c) => {
    const end = endOf(c);
    return end !== null && end > nowMs && end - nowMs <= EXPIRY_WARNING_DAYS * DAY_MS;
  });
  const valid = mine.filter((c) => !expired.includes(c));
  const fix = () => (kind === 'secret' ? fixAddSecret(remediation, expired) : fixAddCertificate(remediation, expired));
  if (expired.length > 0) {
    const list = expired.map((c) => `${credentialLabel(c)} expired on ${formatDate(c.endDateTime!)}`).join('; ');
    const others =
      valid.length > 0
        ? ` ${valid.length} other ${valid.length === 1 ? kind : plural} still valid; delete the expired ${expired.length === 1 ? 'one' : 'ones'} once the scanner uses a valid one.`
        : ' The scanner cannot sign in with it: add a new one and give it to the scanner.';
    return {kind: 'setting', setting, status: 'expired', severity: 'error', message: `${capitalize(list)}.${others}`, fix: fix()};
  }
  if (expiring.length > 0) {
    const list = expiring.map((c) => `${credentialLabel(c)} expires on ${formatDate(c.endDateTime!)}`).join('; ');
    return {
      kind: 'setting',
      setting,
      status: 'expiring',
      severity: 'warning',
      message: `${capitalize(list)} (within ${EXPIRY_WARNING_DAYS} days): add a new one before then.`,
      fix: kind === 'secret' ? fixAddSecret(remediation) : fixAddCertificate(remediation),
    };
  }
  return {
    kind: 'setting',
    setting,
    status: 'ok',
    severity: 'info',
    message: `${mine.length} ${mine.length === 1 ? (kind === 'secret' ? 'client secret' : 'certificate') : plural}, none expired or expiring within ${EXPIRY_WARNING_DAYS} days.`,
  };
}

function capitalize(text: string): string {
  return text.charAt(0).toUpperCase() + text.slice(1);
}

/** The sign-in audience against the guide's: missing, a mismatch (both with a fix), or ok. */
function audienceFinding(remediation: RemediationContext, expected: string, actual: string | null): SettingFinding {
  const setting = 'signInAudience';
  if (actual === null) {
    const message = `The app's sign-in audience is not stated; the guide expects ${expected}.`;
    return {kind: 'setting', setting, status: 'missing', severity: 'warning', expected, message, fix: fixSignInAudience(expected, remediation)};
  }
  if (actual !== expected) {
    const message = `The app's supported account types (signInAudience) are ${actual}; the guide expects ${expected}.`;
    return {kind: 'setting', setting, status: 'mismatch', severity: 'warning', expected, actual, message, fix: fixSignInAudience(expected, remediation)};
  }
  return {kind: 'setting', setting, status: 'ok', severity: 'info', expected, actual, message: `Sign-in audience is ${actual}, as the guide expects.`};
}

/** Whether the app has the kind of credential the guide asks for (a warning when not, with the fix that adds it). */
function credentialKindFinding(remediation: RemediationContext, wanted: Profile['expect']['credential'], credentials: ObservedCredential[]): SettingFinding {
  const secrets = credentials.filter((c) => c.kind === 'secret').length;
  const certificates = credentials.filter((c) => c.kind === 'certificate').length;
  const have = `${secrets} secret${secrets === 1 ? '' : 's'}, ${certificates} certificate${certificates === 1 ? '' : 's'}`;
  const warning = (status: 'missing' | 'mismatch', message: string, fix: Fix): SettingFinding => ({
    kind: 'setting',
    setting: 'credentials',
    status,
    severity: 'warning',
    expected: wanted,
    actual: have,
    message,
    fix,
  });
  if (secrets + certificates === 0) {
    return warning(
      'missing',
      `The app has no ${wanted === 'certificate' ? 'certificate' : wanted === 'secret' ? 'client secret' : 'client secret or certificate'}: the scanner cannot sign in without one.`,
      wanted === 'certificate' ? fixAddCertificate(remediation) : fixAddSecret(remediation),
    );
  }
  if (wanted === 'certificate' && certificates === 0) {
    return warning(
      'mismatch',
      'The app has only client secrets; the guide asks for a certificate. Upload a certificate and give the scanner its private key.',
      fixAddCertificate(remediation),
    );
  }
  if (wanted === 'secret' && secrets === 0) {
    return warning('mismatch', 'The app has only certificates; the guide asks for a client secret.', fixAddSecret(remediation));
  }
  return {kind: 'setting', setting: 'credentials', status: 'ok', severity: 'info', expected: wanted, actual: have, message: `The app has ${have}.`};
}

export function settingFindings(remediation: RemediationContext, profile: Profile, observed: ObservedState, now: Date): SettingFinding[] {
  const {credentials} = observed.app;
  const findings = [
    audienceFinding(remediation, profile.expect.signInAudience, observed.app.signInAudience),
    credentialKindFinding(remediation, profile.expect.credential, credentials),
  ];
  for (const kind of ['secret', 'certificate'] as const) {
    const finding = credentialSetting(remediation, kind, credentials, now);
    if (finding) findings.push(finding);
  }
  return findings;
}

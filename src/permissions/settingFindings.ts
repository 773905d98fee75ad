/**
 * The setting findings of a comparison: the sign-in audience, whether the app has the kind of
 * credential the guide asks for, and secrets and certificates that expired or expire soon.
 */
import type {RemediationContext} from './remediation';
import {fixAddCertificate, fixAddSecret, fixSignInAudience} from './settingFixes';
import type {ObservedCredential, ObservedState, Profile, SettingFinding} from './types';

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

export function settingFindings(remediation: RemediationContext, profile: Profile, observed: ObservedState, now: Date): SettingFinding[] {
  const findings: SettingFinding[] = [];
  const expected = profile.expect.signInAudience;
  const actual = observed.app.signInAudience;
  if (actual === null) {
    findings.push({
      kind: 'setting',
      setting: 'signInAudience',
      status: 'missing',
      severity: 'warning',
      expected,
      message: `The app's sign-in audience is not stated; the guide expects ${expected}.`,
      fix: fixSignInAudience(expected, remediation),
    });
  } else if (actual !== expected) {
    findings.push({
      kind: 'setting',
      setting: 'signInAudience',
      status: 'mismatch',
      severity: 'warning',
      expected,
      actual,
      message: `The app's supported account types (signInAudience) are ${actual}; the guide expects ${expected}.`,
      fix: fixSignInAudience(expected, remediation),
    });
  } else {
    findings.push({kind: 'setting', setting: 'signInAudience', status: 'ok', severity: 'info', expected, actual, message: `Sign-in audience is ${actual}, as the guide expects.`});
  }

  const credentials = observed.app.credentials;
  const secrets = credentials.filter((c) => c.kind === 'secret').length;
  const certificates = credentials.filter((c) => c.kind === 'certificate').length;
  const wanted = profile.expect.credential;
  const have = `${secrets} secret${secrets === 1 ? '' : 's'}, ${certificates} certificate${certificates === 1 ? '' : 's'}`;
  if (secrets + certificates === 0) {
    findings.push({
      kind: 'setting',
      setting: 'credentials',
      status: 'missing',
      severity: 'warning',
      expected: wanted,
      actual: have,
      message: `The app has no ${wanted === 'certificate' ? 'certificate' : wanted === 'secret' ? 'client secret' : 'client secret or certificate'}: the scanner cannot sign in without one.`,
      fix: wanted === 'certificate' ? fixAddCertificate(remediation) : fixAddSecret(remediation),
    });
  } else if (wanted === 'certificate' && certificates === 0) {
    findings.push({
      kind: 'setting',
      setting: 'credentials',
      status: 'mismatch',
      severity: 'warning',
      expected: wanted,
      actual: have,
      message: 'The app has only client secrets; the guide asks for a certificate. Upload a certificate and give the scanner its private key.',
      fix: fixAddCertificate(remediation),
    });
  } else if (wanted === 'secret' && secrets === 0) {
    findings.push({
      kind: 'setting',
      setting: 'credentials',
      status: 'mismatch',
      severity: 'warning',
      expected: wanted,
      actual: have,
      message: 'The app has only certificates; the guide asks for a client secret.',
      fix: fixAddSecret(remediation),
    });
  } else {
    findings.push({kind: 'setting', setting: 'credentials', status: 'ok', severity: 'info', expected: wanted, actual: have, message: `The app has ${have}.`});
  }

  for (const kind of ['secret', 'certificate'] as const) {
    const finding = credentialSetting(remediation, kind, credentials, now);
    if (finding) findings.push(finding);
  }
  return findings;
}


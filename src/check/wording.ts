/**
 * The words the check shows for the engine's statuses and verdicts. Pure; no React.
 * Each status is a word plus an icon (decorative) plus a colour class: never colour alone.
 */
import {otherType, typeWord} from '../permissions/permissionType';
import type {
  CheckResult,
  PermissionFinding,
  PermissionStatus,
  SettingName,
  SettingStatus,
  UnreadPart,
} from '../permissions/types';

export const PERMISSION_STATUS_WORD: Record<PermissionStatus, string> = {
  ok: 'OK',
  allowed: 'Allowed',
  missing: 'Missing',
  'wrong-type': 'Wrong type',
  'not-granted': 'Not granted',
  excess: 'Excess',
  unknown: 'Unknown',
};

export const SETTING_STATUS_WORD: Record<SettingStatus, string> = {
  ok: 'OK',
  mismatch: 'Differs',
  missing: 'Missing',
  expired: 'Expired',
  expiring: 'Expiring soon',
};

export const SETTING_NAME: Record<SettingName, string> = {
  signInAudience: 'Sign-in audience',
  credentials: 'Credentials',
  passwordCredentials: 'Client secrets',
  keyCredentials: 'Certificates',
};


/** The Admin consent column: admin consent, and the users who consented for themselves. */
export function adminConsentWord(granted: boolean | null, userConsents = 0): string {
  const users = userConsents > 0 ? ` (${plural(userConsents, 'user', 'users')} consented for themselves)` : '';
  if (granted === null) return 'Not checked';
  return `${granted ? 'Granted' : 'Not granted'}${users}`;
}

export function yesNo(value: boolean): string {
  return value ? 'Yes' : 'No';
}

/** The Configured column: for a wrong-type row, what is there ("No, only as delegated"), not only what is missing. */
export function configuredWord(finding: PermissionFinding): string {
  if (finding.status === 'wrong-type') return `No, only as ${typeWord(otherType(finding.type))}`;
  return yesNo(finding.configured);
}

function plural(count: number, one: string, many: string): string {
  return `${count} ${count === 1 ? one : many}`;
}

const UNREAD_SUBJECT: Record<UnreadPart['part'], string> = {
  application: 'the app registration',
  servicePrincipal: 'the app’s service principal',
  appRoleAssignments: 'admin consent',
  oauth2PermissionGrants: 'admin consent',
  resource: 'the permission names of an API',
};

/** "admin consent could not be read (403)", for the parts that could not be read. */
export function describeUnread(unread: readonly UnreadPart[]): string {
  const statusBySubject = new Map<string, number | undefined>();
  for (const part of unread) {
    const subject = UNREAD_SUBJECT[part.part];
    if (statusBySubject.get(subject) === undefined) statusBySubject.set(subject, part.status);
  }
  const entries = [...statusBySubject];
  if (entries.length === 0) return 'part of the app registration could not be read';
  if (entries.length === 1) {
    const [subject, status] = entries[0]!;
    return `${subject} could not be read${status ? ` (${status})` : ''}`;
  }
  const phrases = entries.map(([subject, status]) => (status ? `${subject} (${status})` : subject));
  return `${phrases.slice(0, -1).join(', ')} and ${phrases[phrases.length - 1]} could not be read`;
}

/**
 * The verdict in one sentence, starting with "Pass", "Fail" or "Incomplete"; when only a
 * manifest was checked, a second sentence says admin consent was not checked.
 */
export function verdictSentence(result: CheckResult): string {
  const errors = result.findings.filter((f) => f.severity === 'error').length;
  const warnings = result.findings.filter((f) => f.severity === 'warning').length;
  let sentence: string;
  switch (result.verdict) {
    case 'pass':
      sentence =
        warnings > 0
          ? `Pass: the app registration matches the guide, with ${plural(warnings, 'warning', 'warnings')} to review.`
          : 'Pass: the app registration matches the guide.';
      break;
    case 'fail':
      sentence = `Fail: ${plural(errors, 'problem', 'problems')}, ${plural(result.actions.length, 'action', 'actions')} to fix ${errors === 1 ? 'it' : 'them'}.`;
      break;
    case 'incomplete':
      sentence =
        errors > 0
          ? `Incomplete: ${describeUnread(result.unread)}; ${plural(errors, 'problem', 'problems')} to fix in what was read.`
          : `Incomplete: ${describeUnread(result.unread)}.`;
      break;
  }
  if (!result.grantsChecked) sentence += ' Admin consent was not checked: a manifest does not show it.';
  if (!result.settingsChecked) sentence += ' Sign-in audience and credentials were not checked: only a permission list was read.';
  return sentence;
}

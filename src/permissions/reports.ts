/**
 * Reports of a check: text (for people, in a terminal), markdown (to paste into a support
 * ticket) and JSON (the CLI's machine-readable output). No secret or token ever: values that look
 * like one are masked, whatever their source.
 */
import {isGuid} from './ids';
import {markdownText, terminalSafe} from './outputSafety';
import {typeWord} from './permissionType';
import {formatRequiredResourceAccess} from './correctedRequiredResourceAccess';
import type {CheckResult, Finding, Fix, PermissionFinding, RemedyAction, SettingFinding, UnreadPart} from './types';
import {publicVersionName} from './versionNames';

export type ReportFormat = 'text' | 'markdown' | 'json';

/** How the app's state was read: signed in, a manifest, the sample tenant. */
export type ReportMode = 'signed-in' | 'own-tools' | 'manifest' | 'sample';

export interface ReportMeta {
  guide: string;
  /** The guide's title ("Office 365"); the report says it instead of the guide's key. */
  guideTitle?: string;
  version: string;
  appId?: string | null;
  /** The app's display name. */
  appName?: string | null;
  tenant?: string;
  mode?: ReportMode;
  /** When the check ran. */
  at?: Date;
  /** ANSI colours in the text report (a TTY without NO_COLOR). */
  color?: boolean;
}

export interface JsonPermissionFinding {
  kind: 'permission';
  resourceAppId: string;
  resourceName: string;
  permission: string;
  permissionId: string | null;
  type: PermissionFinding['type'];
  required: boolean;
  configured: boolean;
  granted: boolean | null;
  /** Users who consented to it for themselves. */
  userConsents?: number;
  status: PermissionFinding['status'];
  severity: PermissionFinding['severity'];
  message: string;
}

export interface JsonSettingFinding {
  kind: 'setting';
  setting: SettingFinding['setting'];
  status: SettingFinding['status'];
  severity: SettingFinding['severity'];
  message: string;
  expected?: string;
  actual?: string;
  fix?: Fix;
}

/**
 * The CLI's `--format json` object: the verdict, what was and was not checked, the findings,
 * and the actions that fix them (the one set of instructions, as the other formats show).
 */
export interface JsonReport {
  guide: string;
  version: string;
  verdict: CheckResult['verdict'];
  /** False when only a manifest was read: admin consent was not looked at. */
  grantsChecked: boolean;
  /** False when only a permission list was read: sign-in audience and credentials were not looked at. */
  settingsChecked: boolean;
  unread: UnreadPart[];
  findings: Array<JsonPermissionFinding | JsonSettingFinding>;
  actions: RemedyAction[];
}

// ---------------------------------------------------------------------------------------------
// Never a token

const TOKEN_PATTERNS: RegExp[] = [
  // JWTs (access and id tokens)
  /\beyJ[A-Za-z0-9_-]{4,}\.[A-Za-z0-9_-]{4,}\.[A-Za-z0-9_-]*/g,
  // Authorization header values
  /\b(Bearer|Basic)\s+[A-Za-z0-9._~+/=-]{8,}/gi,
  // Entra client secrets (the "Q~" format)
  /\b[A-Za-z0-9_.-]{3}\dQ~[A-Za-z0-9_.~-]{20,}/g,
  // code=, access_token=, client_secret=… in URLs or text
  /\b(access_token|id_token|refresh_token|client_secret|code|client_assertion)=[^&\s"'`]+/gi,
];

/** Masks anything that looks like a token or a secret. */
export function redactSecrets(text: string): string {
  let out = text;
  for (const pattern of TOKEN_PATTERNS) {
    out = out.replace(pattern, (match, name: string | undefined) =>
      name && match.includes('=') ? `${name}=[redacted]` : name && /^(bearer|basic)$/i.test(name) ? `${name} [redacted]` : '[redacted]',
    );
  }
  return out;
}

// ---------------------------------------------------------------------------------------------
// JSON

function jsonFinding(finding: Finding): JsonPermissionFinding | JsonSettingFinding {
  if (finding.kind === 'permission') {
    return {
      kind: 'permission',
      resourceAppId: finding.resourceAppId,
      resourceName: finding.resourceName,
      permission: finding.permission,
      permissionId: finding.permissionId,
      type: finding.type,
      required: finding.required,
      configured: finding.configured,
      granted: finding.granted,
      ...(finding.userConsents ? {userConsents: finding.userConsents} : {}),
      status: finding.status,
      severity: finding.severity,
      message: finding.message,

    };
  }
  return {
    kind: 'setting',
    setting: finding.setting,
    status: finding.status,
    severity: finding.severity,
    message: finding.message,
    ...(finding.expected !== undefined ? {expected: finding.expected} : {}),
    ...(finding.actual !== undefined ? {actual: finding.actual} : {}),

  };
}

/** The JSON report as an object: exactly {guide, version, verdict, findings}. */
export function jsonReport(result: CheckResult, meta: Pick<ReportMeta, 'guide' | 'version'>): JsonReport {
  return {
    guide: meta.guide,
    version: publicVersionName(meta.version),
    verdict: result.verdict,
    grantsChecked: result.grantsChecked,
    settingsChecked: result.settingsChecked,
    unread: result.unread,
    findings: result.findings.map(jsonFinding),
    actions: result.actions,
  };
}

/**
 * JSON text whose every character a terminal shows as itself: JSON.stringify escapes C0
 * controls only, so C1 controls, DEL, format characters (bidi overrides) and line separators
 * from a manifest or tenant are written as \u escapes too. Still the same JSON value.
 */
export function terminalSafeJson(value: unknown): string {
  return JSON.stringify(value, null, 2).replace(/[\u007f-\u009f\u2028\u2029]|\p{Cf}/gu, (c) =>
    Array.from({length: c.length}, (_, i) => `\\u${c.charCodeAt(i).toString(16).padStart(4, '0')}`).join(''),
  );
}

// ---------------------------------------------------------------------------------------------
// Shared wording

function grantedWord(granted: boolean | null, userConsents = 0): string {
  const word = granted === true ? 'yes' : granted === false ? 'no' : 'not checked';
  return userConsents > 0 && granted !== null ? `${word}; ${userConsents} user${userConsents === 1 ? '' : 's'} consented` : word;
}

function counts(result: CheckResult): {errors: number; warnings: number} {
  return {
    errors: result.findings.filter((f) => f.severity === 'error').length,
    warnings: result.findings.filter((f) => f.severity === 'warning').length,
  };
}

function plural(n: number, word: string): string {
  return `${n} ${word}${n === 1 ? '' : 's'}`;
}

function unreadLine(part: UnreadPart): string {
  const what: Record<UnreadPart['part'], string> = {
    application: 'the app registration',
    servicePrincipal: "the app's service principal",
    appRoleAssignments: 'granted application permissions (appRoleAssignments)',
    oauth2PermissionGrants: 'granted delegated permissions (oauth2PermissionGrants)',
    resource: 'an API the app uses',
  };
  return `${what[part.part]}: ${part.reason}${part.status ? ` (HTTP ${part.status})` : ''}`;
}

const CONSENT_NOT_CHECKED = 'Admin consent was not checked: only the manifest was read.';
const SETTINGS_NOT_CHECKED = 'Sign-in audience and credentials were not checked: only a permission list was read.';
const SAMPLE_DATA_LINE = 'SAMPLE DATA: not your tenant. This is the built-in sample tenant of the guide, not a check of your app.';

const MODE_WORDS: Record<ReportMode, string> = {
  'signed-in': 'read from the tenant through Microsoft Graph (signed in)',
  'own-tools': "read from the tenant through Microsoft Graph by the admin's own tools (command output pasted)",
  manifest: 'an app manifest (it does not show admin consent)',
  sample: 'SAMPLE DATA: the built-in sample tenant, not your tenant',
};

/** "2026-11-29 02:30 UTC" */
function when(at: Date | undefined): string | null {
  return at && !Number.isNaN(at.getTime()) ? `${at.toISOString().slice(0, 16).replace('T', ' ')} UTC` : null;
}

/** The report's head: what was checked, against what, how and when; then the verdict. */
function headLines(result: CheckResult, meta: ReportMeta): Array<[string, string]> {
  const {errors, warnings} = counts(result);
  const app = [meta.appName, meta.appId].filter(Boolean).join(', ');
  const guide = `${meta.guideTitle ?? meta.guide}, version ${publicVersionName(meta.version)}`;
  const checked = [meta.mode ? MODE_WORDS[meta.mode] : null, meta.tenant ? `tenant ${meta.tenant}` : null, when(meta.at)].filter(Boolean).join('; ');
  const actions = result.actions.length > 0 ? `; ${plural(result.actions.length, 'action')} to fix` : '';
  return [
    ...(app ? [['App', app] as [string, string]] : []),
    ['Guide', guide],
    ...(checked ? [['Checked', checked] as [string, string]] : []),
    ['Verdict', `${result.verdict.toUpperCase()} (${plural(errors, 'error')}, ${plural(warnings, 'warning')}${actions})`],
  ];
}

function settingTitle(finding: SettingFinding): string {
  const names: Record<SettingFinding['setting'], string> = {
    signInAudience: 'Sign-in audience',
    credentials: 'Credentials',
    passwordCredentials: 'Client secrets',
    keyCredentials: 'Certificates',
  };
  return names[finding.setting];
}

function groupByResource(findings: PermissionFinding[]): Array<{name: string; findings: PermissionFinding[]}> {
  const groups: Array<{id: string; name: string; findings: PermissionFinding[]}> = [];
  for (const f of findings) {
    let group = groups.find((g) => g.id === f.resourceAppId);
    if (!group) {
      group = {id: f.resourceAppId, name: f.resourceName, findings: []};
      groups.push(group);
    }
    group.findings.push(f);
  }
  return groups;
}

/** The corrected list goes with the action that rewrites the permissions, and only then. */
function correctedListOf(result: CheckResult, action: RemedyAction): string | null {
  return action.kind === 'permissions' && result.correctedRequiredResourceAccess.length > 0
    ? formatRequiredResourceAccess(result.correctedRequiredResourceAccess)
    : null;
}

// ---------------------------------------------------------------------------------------------
// Text

const ANSI = {bold: '\u001b[1m', dim: '\u001b[2m', red: '\u001b[31m', green: '\u001b[32m', yellow: '\u001b[33m', reset: '\u001b[0m'};

function textReport(result: CheckResult, meta: ReportMeta): string {
  const paint = (code: keyof typeof ANSI, text: string) => (meta.color ? `${ANSI[code]}${text}${ANSI.reset}` : text);
  const severityMark = (f: Finding) =>
    f.severity === 'error' ? paint('red', '✗') : f.severity === 'warning' ? paint('yellow', '!') : paint('green', '✓');
  const statusWord = (f: Finding) => f.status.padEnd(11);
  const verdictColour = result.verdict === 'pass' ? 'green' : result.verdict === 'fail' ? 'red' : 'yellow';
  const lines: string[] = [];

  if (meta.mode === 'sample') lines.push(paint('yellow', SAMPLE_DATA_LINE));
  lines.push(paint('bold', `Permission check${meta.appName ? ` of ${meta.appName}` : ''}`));
  for (const [name, value] of headLines(result, meta)) {
    lines.push(name === 'Verdict' ? `Verdict: ${paint(verdictColour, value.split(' ')[0]!)} ${value.split(' ').slice(1).join(' ')}` : `${name}: ${value}`);
  }
  if (meta.appId && !meta.appName) lines.push(`App (client) ID: ${meta.appId}`);
  if (result.verdict === 'incomplete') {
    lines.push('', paint('yellow', 'Incomplete: these parts could not be read, so the check cannot say the app is set up right:'));
    for (const part of result.unread) lines.push(`  - ${unreadLine(part)}`);
  }
  if (!result.grantsChecked) lines.push('', paint('yellow', CONSENT_NOT_CHECKED));
  if (!result.settingsChecked) lines.push(paint('yellow', SETTINGS_NOT_CHECKED));

  const permissions = result.findings.filter((f): f is PermissionFinding => f.kind === 'permission');
  for (const group of groupByResource(permissions)) {
    lines.push('', paint('bold', group.name));
    for (const f of group.findings) {
      lines.push(`  ${severityMark(f)} ${statusWord(f)} ${f.permission} (${typeWord(f.type)})`);
      if (f.status !== 'ok') lines.push(`      ${paint('dim', f.message)}`);
    }
  }
  const settings = result.findings.filter((f): f is SettingFinding => f.kind === 'setting');
  if (settings.length > 0) {
    lines.push('', paint('bold', 'Settings'));
    for (const f of settings) {
      lines.push(`  ${severityMark(f)} ${statusWord(f)} ${settingTitle(f)}`);
      lines.push(`      ${paint('dim', f.message)}`);
    }
  }

  if (result.actions.length > 0) {
    lines.push('', paint('bold', 'How to fix'));
    result.actions.forEach((action, i) => {
      const {fix} = action;
      lines.push('', `${i + 1}. ${action.title} (fixes ${plural(action.fixes.length, 'problem')}): ${fix.summary}`);
      if (fix.portalUrl) lines.push(`   Entra admin center: ${fix.portalUrl}`);
      if (fix.adminConsentUrl) lines.push(`   Admin consent:      ${fix.adminConsentUrl}`);
      if (fix.adminConsentUrlToFillIn) lines.push(`   Admin consent (fill in the <…>): ${fix.adminConsentUrlToFillIn}`);
      if (fix.azureCli.length > 0) {
        lines.push('   Azure CLI (Bash, as in Azure Cloud Shell):');
        for (const command of fix.azureCli) lines.push(...command.split('\n').map((l) => `     ${l}`));
      }
      if (fix.powershell.length > 0) {
        lines.push('   Microsoft Graph PowerShell:');
        for (const command of fix.powershell) lines.push(...command.split('\n').map((l) => `     ${l}`));
      }
      const corrected = correctedListOf(result, action);
      if (corrected) {
        lines.push("   Or paste this requiredResourceAccess into the app's manifest:");
        lines.push(...corrected.split('\n').map((l) => `     ${l}`));
      }
    });
  }
  return `${lines.join('\n')}\n`;
}

// ---------------------------------------------------------------------------------------------
// Markdown: what a customer pastes into a support ticket. Short (problems only, one block per
// action, Azure CLI only: the check's page has the PowerShell too), and every value escaped.

/** A value (or a sentence carrying values) in a table cell, heading or list item: data, not markup. */
const cell = markdownText;

function fence(language: string, body: string): string {
  const longest = Math.max(2, ...[...body.matchAll(/`+/g)].map((m) => m[0].length));
  const ticks = '`'.repeat(longest + 1);
  return `${ticks}${language}\n${body}\n${ticks}`;
}

function markdownReport(result: CheckResult, meta: ReportMeta): string {
  const out: string[] = [];
  const icon = result.verdict === 'pass' ? '✅' : result.verdict === 'fail' ? '❌' : '⚠️';
  if (meta.mode === 'sample') out.push(`**${SAMPLE_DATA_LINE}**`, '');
  out.push(`## ${icon} ${result.verdict}: permission check${meta.appName ? ` of ${cell(meta.appName)}` : ''}`, '');
  out.push('| | |', '| --- | --- |');
  for (const [name, value] of headLines(result, {...meta, appName: undefined})) {
    const shown = name === 'App' && meta.appId && isGuid(meta.appId) ? `\`${meta.appId.trim()}\`` : cell(value);
    out.push(`| ${name} | ${name === 'Verdict' ? `**${shown}**` : shown} |`);
  }
  if (!result.grantsChecked) out.push('', `> ${CONSENT_NOT_CHECKED}`);
  if (!result.settingsChecked) out.push('', `> ${SETTINGS_NOT_CHECKED}`);
  if (result.unread.length > 0) {
    out.push('', '**Not read** (the verdict cannot be `pass` until these are readable):', '');
    for (const part of result.unread) out.push(`- ${cell(unreadLine(part))}`);
  }

  const problems = result.findings.filter((f) => f.severity !== 'info');
  if (problems.length > 0) {
    out.push('', '### Problems', '');
    out.push('| Severity | Status | API | Permission | Type | Configured | Granted | Details |');
    out.push('| --- | --- | --- | --- | --- | --- | --- | --- |');
    for (const f of problems) {
      if (f.kind === 'permission') {
        out.push(
          `| ${f.severity} | ${f.status} | ${cell(f.resourceName)} | ${cell(f.permission)} | ${f.type} | ${f.configured ? 'yes' : 'no'} | ${grantedWord(f.granted, f.userConsents)} | ${cell(f.message)} |`,
        );
      } else {
        out.push(`| ${f.severity} | ${f.status} | — | ${settingTitle(f)} | — | — | — | ${cell(f.message)} |`);
      }
    }
  }
  const fine = result.findings.length - problems.length;
  if (fine > 0) out.push('', `${plural(fine, 'other finding')} OK.`);

  if (result.actions.length > 0) {
    out.push('', '### How to fix');
    result.actions.forEach((action, i) => {
      const {fix} = action;
      out.push('', `${i + 1}. **${cell(action.title)}** (fixes ${plural(action.fixes.length, 'problem')}): ${cell(fix.summary)}`);
      if (fix.adminConsentUrl) out.push(`   Admin consent: <${fix.adminConsentUrl}>`);
      // A code span: copied as it is, never linked (it is not a working link until filled in).
      if (fix.adminConsentUrlToFillIn) out.push(`   Admin consent, to fill in: \`${fix.adminConsentUrlToFillIn}\``);
      if (fix.azureCli.length > 0) out.push('', fence('bash', fix.azureCli.join('\n')));
      const corrected = correctedListOf(result, action);
      if (corrected) out.push('', fence('json', corrected));
    });
  }
  return `${out.join('\n')}\n`;
}

// ---------------------------------------------------------------------------------------------
// Terminal safety: every string of the result (values from the manifest or tenant are inside
// findings, messages, fixes) and of the meta, before the text report adds its own colours.

function mapStrings<T>(value: T, map: (text: string) => string): T {
  if (typeof value === 'string') return map(value) as T;
  if (Array.isArray(value)) return value.map((item) => mapStrings(item, map)) as T;
  if (value && typeof value === 'object') {
    return Object.fromEntries(Object.entries(value).map(([key, item]) => [key, mapStrings(item, map)])) as T;
  }
  return value;
}

function terminalSafeResult(result: CheckResult): CheckResult {
  const safe = mapStrings(result, (text) => terminalSafe(text));
  // Commands keep their line breaks (a multi-line PowerShell block: built from checked values
  // only); a line break anywhere else could start a line that fakes the report's own.
  // The text report prints the actions' commands, not the findings' own fixes.
  const commands = (list: string[]) => list.map((command) => terminalSafe(command, {keepLineBreaks: true}));
  return {
    ...safe,
    actions: safe.actions.map((action, i) => {
      const {fix} = result.actions[i]!;
      return {...action, fix: {...action.fix, azureCli: commands(fix.azureCli), powershell: commands(fix.powershell)}};
    }),
  };
}

function terminalSafeMeta(meta: ReportMeta): Pick<ReportMeta, 'guide' | 'guideTitle' | 'version' | 'appId' | 'appName' | 'tenant'> {
  const {guide, guideTitle, version, appId, appName, tenant} = meta;
  return mapStrings({guide, guideTitle, version, appId, appName, tenant}, (text) => terminalSafe(text));
}

// ---------------------------------------------------------------------------------------------

/** Renders a check result. `json` is exactly the CLI's object {guide, version, verdict, findings}. */
export function renderReport(result: CheckResult, format: ReportFormat, meta: ReportMeta): string {
  switch (format) {
    case 'json':
      return redactSecrets(terminalSafeJson(jsonReport(result, meta)));
    case 'markdown':
      return redactSecrets(markdownReport(result, meta));
    case 'text':
      return redactSecrets(textReport(terminalSafeResult(result), {...meta, ...terminalSafeMeta(meta)}));
  }
}

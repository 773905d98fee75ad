/**
 * Reports of a check: text (for people, in a terminal), markdown (to paste into a support
 * ticket) and JSON (the CLI's machine-readable output). No secret or token ever: values that look
 * like one are masked, whatever their source.
 */
import {isGuid} from './guid';
import {markdownText, terminalSafe} from './outputSafety';
import {formatRequiredResourceAccess} from './remediation';
import type {CheckResult, Finding, Fix, PermissionFinding, SettingFinding, UnreadPart} from './types';
import {publicVersionName} from './versionNames';

export type ReportFormat = 'text' | 'markdown' | 'json';

export interface ReportMeta {
  guide: string;
  version: string;
  appId?: string | null;
  tenant?: string;
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
  fix?: Fix;
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

/** The CLI's `--format json` object. */
export interface JsonReport {
  guide: string;
  version: string;
  verdict: CheckResult['verdict'];
  findings: Array<JsonPermissionFinding | JsonSettingFinding>;
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
      ...(finding.fix ? {fix: finding.fix} : {}),
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
    ...(finding.fix ? {fix: finding.fix} : {}),
  };
}

/** The JSON report as an object: exactly {guide, version, verdict, findings}. */
export function jsonReport(result: CheckResult, meta: Pick<ReportMeta, 'guide' | 'version'>): JsonReport {
  return {guide: meta.guide, version: publicVersionName(meta.version), verdict: result.verdict, findings: result.findings.map(jsonFinding)};
}

// ---------------------------------------------------------------------------------------------
// Shared wording

function typeWord(finding: PermissionFinding): string {
  return finding.type === 'Application' ? 'application' : 'delegated';
}

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

function findingTitle(finding: Finding): string {
  return finding.kind === 'permission'
    ? `${finding.permission} (${typeWord(finding)}) — ${finding.resourceName}`
    : `Setting ${finding.setting}`;
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

function fixes(result: CheckResult): Array<{finding: Finding; fix: Fix}> {
  return result.findings.flatMap((finding) => (finding.fix && finding.severity === 'error' ? [{finding, fix: finding.fix}] : []));
}

// ---------------------------------------------------------------------------------------------
// Text

const ANSI = {bold: '\u001b[1m', dim: '\u001b[2m', red: '\u001b[31m', green: '\u001b[32m', yellow: '\u001b[33m', reset: '\u001b[0m'};

function textReport(result: CheckResult, meta: ReportMeta): string {
  const paint = (code: keyof typeof ANSI, text: string) => (meta.color ? `${ANSI[code]}${text}${ANSI.reset}` : text);
  const severityMark = (f: Finding) =>
    f.severity === 'error' ? paint('red', '✗') : f.severity === 'warning' ? paint('yellow', '!') : paint('green', '✓');
  const statusWord = (f: Finding) => f.status.padEnd(11);
  const lines: string[] = [];
  const {errors, warnings} = counts(result);
  const verdictWord =
    result.verdict === 'pass' ? paint('green', 'PASS') : result.verdict === 'fail' ? paint('red', 'FAIL') : paint('yellow', 'INCOMPLETE');

  lines.push(paint('bold', `Permission check: guide ${meta.guide}, version ${publicVersionName(meta.version)}`));
  if (meta.appId) lines.push(`App (client) ID: ${meta.appId}`);
  if (meta.tenant) lines.push(`Tenant: ${meta.tenant}`);
  lines.push(`Verdict: ${verdictWord} (${plural(errors, 'error')}, ${plural(warnings, 'warning')})`);
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
      lines.push(`  ${severityMark(f)} ${statusWord(f)} ${f.permission} (${typeWord(f)})`);
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

  const toFix = fixes(result);
  if (toFix.length > 0) {
    lines.push('', paint('bold', 'How to fix'));
    toFix.forEach(({finding, fix}, i) => {
      lines.push('', `${i + 1}. ${findingTitle(finding)}: ${fix.summary}`);
      if (fix.portalUrl) lines.push(`   Entra admin center: ${fix.portalUrl}`);
      if (fix.adminConsentUrl) lines.push(`   Admin consent:      ${fix.adminConsentUrl}`);
      if (fix.azureCli.length > 0) {
        lines.push('   Azure CLI:');
        for (const command of fix.azureCli) lines.push(...command.split('\n').map((l) => `     ${l}`));
      }
      if (fix.powershell.length > 0) {
        lines.push('   Microsoft Graph PowerShell:');
        for (const command of fix.powershell) lines.push(...command.split('\n').map((l) => `     ${l}`));
      }
    });
    if (result.correctedRequiredResourceAccess.length > 0) {
      lines.push('', 'Or paste this requiredResourceAccess into the app\'s manifest (then grant admin consent):');
      lines.push(...formatRequiredResourceAccess(result.correctedRequiredResourceAccess).split('\n').map((l) => `  ${l}`));
    }
  }
  return `${lines.join('\n')}\n`;
}

// ---------------------------------------------------------------------------------------------
// Markdown

/** A value (or a sentence carrying values) in a table cell, heading or list item: data, not markup. */
const cell = markdownText;

function fence(language: string, body: string): string {
  const longest = Math.max(2, ...[...body.matchAll(/`+/g)].map((m) => m[0].length));
  const ticks = '`'.repeat(longest + 1);
  return `${ticks}${language}\n${body}\n${ticks}`;
}

function markdownReport(result: CheckResult, meta: ReportMeta): string {
  const {errors, warnings} = counts(result);
  const out: string[] = [];
  const icon = result.verdict === 'pass' ? '✅' : result.verdict === 'fail' ? '❌' : '⚠️';
  out.push(`## Permission check: ${cell(meta.guide)} ${cell(publicVersionName(meta.version))} — ${icon} ${result.verdict}`, '');
  out.push('| | |', '| --- | --- |');
  out.push(`| Guide | ${cell(meta.guide)} |`, `| Version | ${cell(publicVersionName(meta.version))} |`);
  if (meta.appId) out.push(`| App (client) ID | ${isGuid(meta.appId) ? `\`${meta.appId.trim()}\`` : cell(meta.appId)} |`);
  if (meta.tenant) out.push(`| Tenant | ${cell(meta.tenant)} |`);
  out.push(`| Verdict | **${result.verdict}** (${plural(errors, 'error')}, ${plural(warnings, 'warning')}) |`);
  out.push(`| Admin consent | ${result.grantsChecked ? 'checked' : 'not checked: only the manifest was read'} |`);
  if (!result.grantsChecked) out.push('', `> ${CONSENT_NOT_CHECKED}`);
  if (!result.settingsChecked) out.push('', `> ${SETTINGS_NOT_CHECKED}`);
  if (result.unread.length > 0) {
    out.push('', '**Not read** (the verdict cannot be `pass` until these are readable):', '');
    for (const part of result.unread) out.push(`- ${cell(unreadLine(part))}`);
  }

  if (result.findings.length > 0) {
    out.push('', '### Findings', '');
    out.push('| Severity | Status | API | Permission | Type | Configured | Granted | Details |');
    out.push('| --- | --- | --- | --- | --- | --- | --- | --- |');
    for (const f of result.findings) {
      if (f.kind === 'permission') {
        out.push(
          `| ${f.severity} | ${f.status} | ${cell(f.resourceName)} | ${cell(f.permission)} | ${f.type} | ${f.configured ? 'yes' : 'no'} | ${grantedWord(f.granted, f.userConsents)} | ${cell(f.message)} |`,
        );
      } else {
        out.push(`| ${f.severity} | ${f.status} | — | ${settingTitle(f)} | — | — | — | ${cell(f.message)} |`);
      }
    }
  }

  const toFix = fixes(result);
  if (toFix.length > 0) {
    out.push('', '### How to fix');
    toFix.forEach(({finding, fix}, i) => {
      out.push('', `#### ${i + 1}. ${cell(findingTitle(finding))}`, '', cell(fix.summary), '');
      if (fix.portalUrl) out.push(`- Entra admin center: <${fix.portalUrl}>`);
      if (fix.adminConsentUrl) out.push(`- Admin consent: <${fix.adminConsentUrl}>`);
      if (fix.azureCli.length > 0) out.push('', 'Azure CLI:', '', fence('bash', fix.azureCli.join('\n')));
      if (fix.powershell.length > 0) out.push('', 'Microsoft Graph PowerShell:', '', fence('powershell', fix.powershell.join('\n')));
    });
    if (result.correctedRequiredResourceAccess.length > 0) {
      out.push('', '### Corrected requiredResourceAccess', '', 'For the manifest editor (then grant admin consent):', '');
      out.push(fence('json', formatRequiredResourceAccess(result.correctedRequiredResourceAccess)));
    }
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
  const commands = (list: string[]) => list.map((command) => terminalSafe(command, {keepLineBreaks: true}));
  return {
    ...safe,
    findings: safe.findings.map((finding, i) => {
      const fix = result.findings[i]!.fix;
      return fix ? {...finding, fix: {...finding.fix!, azureCli: commands(fix.azureCli), powershell: commands(fix.powershell)}} : finding;
    }),
  };
}

function terminalSafeMeta(meta: ReportMeta): Pick<ReportMeta, 'guide' | 'version' | 'appId' | 'tenant'> {
  return mapStrings({guide: meta.guide, version: meta.version, appId: meta.appId, tenant: meta.tenant}, (text) => terminalSafe(text));
}

// ---------------------------------------------------------------------------------------------

/** Renders a check result. `json` is exactly the CLI's object {guide, version, verdict, findings}. */
export function renderReport(result: CheckResult, format: ReportFormat, meta: ReportMeta): string {
  switch (format) {
    case 'json':
      return redactSecrets(JSON.stringify(jsonReport(result, meta), null, 2));
    case 'markdown':
      return redactSecrets(markdownReport(result, meta));
    case 'text':
      return redactSecrets(textReport(terminalSafeResult(result), {...meta, ...terminalSafeMeta(meta)}));
  }
}

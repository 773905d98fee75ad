import React, {useId, useState} from 'react';
import clsx from 'clsx';
import CopyButton from '../CopyButton';
import {
  PERMISSION_STATUS_WORD,
  SETTING_NAME,
  SETTING_STATUS_WORD,
  adminConsentWord,
  verdictSentence,
  yesNo,
} from '../../check/wording';
import type {CheckResult, Finding, PermissionFinding, RemedyAction, Severity, SettingFinding} from '../../permissions/types';
import styles from './styles.module.css';

export interface CheckResultsProps {
  result: CheckResult;
  /** What was checked, e.g. "Scanner (compliant) in the sample tenant". */
  subject: string;
  /** The verdict element, focused after each check. */
  verdictRef?: React.Ref<HTMLDivElement>;
  /** Announces a short message in the check's polite status region. */
  onAnnounce: (message: string) => void;
  /** "Copy report" and "Copy link". */
  actions?: React.ReactNode;
  /** Results of the built-in sample tenant: said before anything else, so nobody takes them for their own. */
  sample?: boolean;
}

const SEVERITY_CLASS: Record<Severity, string> = {
  info: styles.info!,
  warning: styles.warning!,
  error: styles.error!,
};

const ICON_PATH: Record<Severity, string> = {
  // a check mark
  info: 'M6.2 12.4 1.9 8.1l1.4-1.4 2.9 2.9 6.5-6.5 1.4 1.4z',
  // a triangle with an exclamation mark
  warning: 'M8 .9 15.6 14.7H.4L8 .9zm-.9 4.6v4.8h1.8V5.5H7.1zm0 6v1.8h1.8v-1.8H7.1z',
  // a cross
  error: 'M4.1 2.7 8 6.6l3.9-3.9 1.4 1.4L9.4 8l3.9 3.9-1.4 1.4L8 9.4l-3.9 3.9-1.4-1.4L6.6 8 2.7 4.1z',
};

/** A decorative icon (the word beside it carries the meaning); no text, so cells read as their word. */
export function SeverityIcon({severity}: {severity: Severity}): React.JSX.Element {
  return (
    <span aria-hidden="true" className={styles.icon}>
      <svg viewBox="0 0 16 16" width="1em" height="1em" focusable="false">
        <path d={ICON_PATH[severity]} fill="currentColor" fillRule="evenodd" />
      </svg>
    </span>
  );
}

function StatusBadge({severity, word}: {severity: Severity; word: string}): React.JSX.Element {
  return (
    <span className={clsx(styles.status, SEVERITY_CLASS[severity])}>
      <SeverityIcon severity={severity} />
      {word}
    </span>
  );
}

function groupByResource(findings: PermissionFinding[]): Array<{resourceAppId: string; name: string; rows: PermissionFinding[]}> {
  const groups = new Map<string, {resourceAppId: string; name: string; rows: PermissionFinding[]}>();
  for (const finding of findings) {
    let group = groups.get(finding.resourceAppId);
    if (!group) {
      group = {resourceAppId: finding.resourceAppId, name: finding.resourceName || finding.resourceAppId, rows: []};
      groups.set(finding.resourceAppId, group);
    }
    group.rows.push(finding);
  }
  return [...groups.values()];
}

function isProblem(finding: Finding): boolean {
  return finding.severity !== 'info';
}

const COLUMNS = ['Permission', 'Type', 'Required', 'Configured', 'Admin consent', 'Status'] as const;

/** "No, only as delegated" for a wrong-type row: the row says what is there, not only what is missing. */
function configuredWord(finding: PermissionFinding): string {
  if (finding.status === 'wrong-type') return `No, only as ${finding.type === 'Application' ? 'delegated' : 'application'}`;
  return yesNo(finding.configured);
}

function PermissionTable({
  name,
  rows,
  problemsOnly,
}: {
  name: string;
  rows: PermissionFinding[];
  problemsOnly: boolean;
}): React.JSX.Element {
  const shown = problemsOnly ? rows.filter(isProblem) : rows;
  return (
    <div className={styles.tableScroller} role="region" aria-label={`${name} permissions`} tabIndex={0}>
      {/* Explicit roles: on a small screen the rows are stacked as cards (display: block), which
          would otherwise drop the table's semantics for screen readers. */}
      <table className={styles.table} role="table">
        <caption>{name}</caption>
        <thead>
          <tr role="row">
            {COLUMNS.map((column) => (
              <th key={column} scope="col" role="columnheader">
                {column}
              </th>
            ))}
          </tr>
        </thead>
        <tbody>
          {shown.map((finding) => (
            <tr
              role="row"
              key={`${finding.permissionId ?? finding.permission}|${finding.type}`}
              data-permission={finding.permission}
              data-type={finding.type}
              data-status={finding.status}>
              <td role="cell" data-label={COLUMNS[0]} className={styles.permissionName}>
                <code>{finding.permission}</code>
                {finding.why && <span className={styles.why}>{finding.why}</span>}
              </td>
              <td role="cell" data-label={COLUMNS[1]}>{finding.type}</td>
              <td role="cell" data-label={COLUMNS[2]}>{yesNo(finding.required)}</td>
              <td role="cell" data-label={COLUMNS[3]}>{configuredWord(finding)}</td>
              <td role="cell" data-label={COLUMNS[4]}>{adminConsentWord(finding.granted, finding.userConsents)}</td>
              <td role="cell" data-label={COLUMNS[5]}>
                <StatusBadge severity={finding.severity} word={PERMISSION_STATUS_WORD[finding.status]} />
              </td>
            </tr>
          ))}
          {shown.length === 0 && (
            <tr role="row">
              <td role="cell" colSpan={COLUMNS.length}>
                No problems with this API’s permissions.
              </td>
            </tr>
          )}
        </tbody>
      </table>
    </div>
  );
}

function CodeWithCopy({
  title,
  code,
  copyLabel,
  onAnnounce,
}: {
  title: string;
  code: string;
  copyLabel: string;
  onAnnounce: (message: string) => void;
}): React.JSX.Element {
  return (
    <div className={styles.codeBlock}>
      <div className={styles.codeHeader}>
        <span className={styles.codeTitle}>{title}</span>
        <CopyButton
          text={code}
          label={copyLabel}
          onCopied={(copied) => onAnnounce(copied ? `${title} copied to the clipboard.` : 'Could not copy: select the text and copy it with Ctrl+C.')}
        />
      </div>
      <pre tabIndex={0} className={styles.code}>
        <code>{code}</code>
      </pre>
    </div>
  );
}

function ActionBlock({action, onAnnounce}: {action: RemedyAction; onAnnounce: (message: string) => void}): React.JSX.Element {
  const {fix} = action;
  return (
    <li className={styles.fix} data-action={action.kind}>
      <h5 className={styles.fixHeading}>{action.title}</h5>
      <p>{fix.summary}</p>
      <details className={styles.fixList}>
        <summary>
          Fixes {action.fixes.length === 1 ? '1 problem' : `${action.fixes.length} problems`}
        </summary>
        <ul>
          {action.fixes.map((what) => (
            <li key={what}>{what}</li>
          ))}
        </ul>
      </details>
      {(fix.portalUrl || fix.adminConsentUrl) && (
        <ul className={styles.fixLinks}>
          {fix.portalUrl && (
            <li>
              <a href={fix.portalUrl} target="_blank" rel="noopener noreferrer">
                Open the app in the Microsoft Entra admin center
              </a>
            </li>
          )}
          {fix.adminConsentUrl && (
            <li>
              <a href={fix.adminConsentUrl} target="_blank" rel="noopener noreferrer">
                Grant admin consent (sign in as an administrator)
              </a>
            </li>
          )}
        </ul>
      )}
      {fix.adminConsentUrlToFillIn && (
        <CodeWithCopy
          title="Admin consent link (put your tenant in place of the <…>)"
          code={fix.adminConsentUrlToFillIn}
          copyLabel={`Copy the admin consent link to fill in: ${action.title}`}
          onAnnounce={onAnnounce}
        />
      )}
      {fix.azureCli.length > 0 && (
        <CodeWithCopy
          title="Azure CLI (Bash, as in Azure Cloud Shell)"
          code={fix.azureCli.join('\n')}
          copyLabel={`Copy Azure CLI commands: ${action.title}`}
          onAnnounce={onAnnounce}
        />
      )}
      {fix.powershell.length > 0 && (
        <CodeWithCopy
          title="Microsoft Graph PowerShell"
          code={fix.powershell.join('\n')}
          copyLabel={`Copy Microsoft Graph PowerShell commands: ${action.title}`}
          onAnnounce={onAnnounce}
        />
      )}
    </li>
  );
}

const CONFIGURATION_PROBLEMS = new Set(['missing', 'wrong-type', 'excess', 'unknown']);

/** The results of one check: verdict, one table per API, settings, warnings and fixes. */
export default function CheckResults({result, subject, verdictRef, onAnnounce, actions, sample}: CheckResultsProps): React.JSX.Element {
  const [problemsOnly, setProblemsOnly] = useState(false);
  const headingId = useId();
  const permissions = result.findings.filter((f): f is PermissionFinding => f.kind === 'permission');
  const settings = result.findings.filter((f): f is SettingFinding => f.kind === 'setting');
  const shownSettings = problemsOnly ? settings.filter(isProblem) : settings;
  const warnings = result.findings.filter((f) => f.severity === 'warning');
  const needsManifestChange = permissions.some((f) => f.severity === 'error' && CONFIGURATION_PROBLEMS.has(f.status));
  const correctedJson = JSON.stringify({requiredResourceAccess: result.correctedRequiredResourceAccess}, null, 2);

  return (
    <div className={styles.results} aria-labelledby={headingId} role="region">
      <h3 id={headingId} className={styles.resultsHeading}>
        Results for {subject}
      </h3>
      {sample && (
        <p className={styles.sampleNotice} data-testid="sample-notice">
          <strong>Sample data, not your tenant:</strong> these results come from the built-in sample tenant. To check your
          own app registration, use the Live tenant or App manifest tab.
        </p>
      )}
      <div
        ref={verdictRef}
        tabIndex={-1}
        role="status"
        data-testid="verdict"
        data-verdict={result.verdict}
        className={clsx(styles.verdict, styles[`verdict-${result.verdict}`])}>
        <SeverityIcon severity={result.verdict === 'pass' ? 'info' : result.verdict === 'fail' ? 'error' : 'warning'} />
        <span>{verdictSentence(result)}</span>
      </div>

      {actions && <div className={styles.actions}>{actions}</div>}

      <div className={styles.filter}>
        <input
          type="checkbox"
          id={`${headingId}-problems-only`}
          checked={problemsOnly}
          onChange={(event) => setProblemsOnly(event.target.checked)}
        />
        <label htmlFor={`${headingId}-problems-only`}>Show problems only</label>
      </div>

      {groupByResource(permissions).map((group) => (
        <PermissionTable key={group.resourceAppId} name={group.name} rows={group.rows} problemsOnly={problemsOnly} />
      ))}
      {permissions.length === 0 && <p>The app registration asks for no permissions at all.</p>}

      <h4>Settings</h4>
      {shownSettings.length > 0 ? (
        <ul className={styles.settings}>
          {shownSettings.map((finding, index) => (
            <li key={`${finding.setting}-${index}`} data-setting={finding.setting} data-status={finding.status}>
              <StatusBadge severity={finding.severity} word={SETTING_STATUS_WORD[finding.status]} />{' '}
              <strong>{SETTING_NAME[finding.setting]}:</strong> {finding.message}
            </li>
          ))}
        </ul>
      ) : (
        <p>{problemsOnly ? 'No problems with the settings.' : 'No settings were checked.'}</p>
      )}

      {warnings.length > 0 && (
        <>
          <h4>Warnings</h4>
          <ul className={styles.notes}>
            {warnings.map((finding, index) => (
              <li key={index}>
                <StatusBadge severity="warning" word={finding.kind === 'permission' ? PERMISSION_STATUS_WORD[finding.status] : SETTING_STATUS_WORD[finding.status]} />{' '}
                <strong>{finding.kind === 'permission' ? `${finding.permission} (${finding.type})` : SETTING_NAME[finding.setting]}:</strong>{' '}
                {finding.message}
              </li>
            ))}
          </ul>
        </>
      )}

      {result.actions.length > 0 && (
        <>
          <h4>How to fix</h4>
          <ol className={styles.fixes}>
            {result.actions.map((action) => (
              <ActionBlock key={action.kind + action.title} action={action} onAnnounce={onAnnounce} />
            ))}
          </ol>
          {needsManifestChange && result.correctedRequiredResourceAccess.length > 0 && (
            <div className={styles.corrected}>
              <p>
                Or replace <code>requiredResourceAccess</code> in the app’s manifest (Manifest page in the Microsoft Entra
                admin center) with the corrected list, then grant admin consent:
              </p>
              <CodeWithCopy
                title="Corrected requiredResourceAccess JSON"
                code={correctedJson}
                copyLabel="Copy corrected requiredResourceAccess JSON"
                onAnnounce={onAnnounce}
              />
            </div>
          )}
        </>
      )}
    </div>
  );
}

/**
 * The results of one check: verdict, one table per API, settings, warnings and fixes. The parts
 * are in this folder: PermissionTable, FindingNotes (settings, warnings), FixList, StatusBadge.
 */
import React, {useId, useState} from 'react';
import clsx from 'clsx';
import {groupByResource, permissionFindings, settingFindings} from '../../check/resultGroups';
import {verdictSentence} from '../../check/wording';
import type {CheckResult} from '../../permissions/types';
import {SettingsList, WarningList} from './FindingNotes';
import FixList from './FixList';
import PermissionTable from './PermissionTable';
import {SeverityIcon} from './StatusBadge';
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

const VERDICT_SEVERITY = {pass: 'info', fail: 'error', incomplete: 'warning'} as const;

export default function CheckResults({result, subject, verdictRef, onAnnounce, actions, sample}: CheckResultsProps): React.JSX.Element {
  const [problemsOnly, setProblemsOnly] = useState(false);
  const headingId = useId();
  const permissions = permissionFindings(result);

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
        <SeverityIcon severity={VERDICT_SEVERITY[result.verdict]} />
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

      <SettingsList settings={settingFindings(result)} problemsOnly={problemsOnly} />
      <WarningList findings={result.findings} />
      <FixList result={result} onAnnounce={onAnnounce} />
    </div>
  );
}

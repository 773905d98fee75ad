/** The settings the check looked at (sign-in audience, credentials), and every warning in one list. */
import React from 'react';
import {isProblem} from '../../check/resultGroups';
import {PERMISSION_STATUS_WORD, SETTING_NAME, SETTING_STATUS_WORD} from '../../check/wording';
import type {Finding, SettingFinding} from '../../permissions/types';
import StatusBadge from './StatusBadge';
import styles from './styles.module.css';

export function SettingsList({settings, problemsOnly}: {settings: SettingFinding[]; problemsOnly: boolean}): React.JSX.Element {
  const shown = problemsOnly ? settings.filter(isProblem) : settings;
  return (
    <>
      <h4>Settings</h4>
      {shown.length > 0 ? (
        <ul className={styles.settings}>
          {shown.map((finding, index) => (
            <li key={`${finding.setting}-${index}`} data-setting={finding.setting} data-status={finding.status}>
              <StatusBadge severity={finding.severity} word={SETTING_STATUS_WORD[finding.status]} />{' '}
              <strong>{SETTING_NAME[finding.setting]}:</strong> {finding.message}
            </li>
          ))}
        </ul>
      ) : (
        <p>{problemsOnly ? 'No problems with the settings.' : 'No settings were checked.'}</p>
      )}
    </>
  );
}

export function WarningList({findings}: {findings: Finding[]}): React.JSX.Element | null {
  const warnings = findings.filter((finding) => finding.severity === 'warning');
  if (warnings.length === 0) return null;
  return (
    <>
      <h4>Warnings</h4>
      <ul className={styles.notes}>
        {warnings.map((finding, index) => (
          <li key={index}>
            <StatusBadge
              severity="warning"
              word={finding.kind === 'permission' ? PERMISSION_STATUS_WORD[finding.status] : SETTING_STATUS_WORD[finding.status]}
            />{' '}
            <strong>{finding.kind === 'permission' ? `${finding.permission} (${finding.type})` : SETTING_NAME[finding.setting]}:</strong>{' '}
            {finding.message}
          </li>
        ))}
      </ul>
    </>
  );
}

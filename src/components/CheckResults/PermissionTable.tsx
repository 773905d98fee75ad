/** One API's permissions as a table; on a small screen each row is a card (see styles.module.css). */
import React from 'react';
import {isProblem} from '../../check/resultGroups';
import {PERMISSION_STATUS_WORD, adminConsentWord, configuredWord, yesNo} from '../../check/wording';
import type {PermissionFinding} from '../../permissions/types';
import StatusBadge from './StatusBadge';
import styles from './styles.module.css';

const COLUMNS = ['Permission', 'Type', 'Required', 'Configured', 'Admin consent', 'Status'] as const;

export interface PermissionTableProps {
  /** The API's name: the table's caption. */
  name: string;
  rows: PermissionFinding[];
  problemsOnly: boolean;
}

export default function PermissionTable({name, rows, problemsOnly}: PermissionTableProps): React.JSX.Element {
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

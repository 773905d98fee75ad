/**
 * Under the tabs: the progress region (a step while a check runs, a notice otherwise), the
 * Cancel check button while a check reads, and the alert.
 */
import React from 'react';
import clsx from 'clsx';
import type {CheckRun} from './hooks/useCheckRun';
import styles from './styles.module.css';

export interface RunStatusProps {
  run: CheckRun;
  /** A manifest check has nothing to cancel: it never waits for the network. */
  cancellable: boolean;
  /** The alert: why a check failed, or why input was refused. */
  error: string | null;
}

export default function RunStatus({run, cancellable, error}: RunStatusProps): React.JSX.Element {
  return (
    <>
      {/* A polite live region, deliberately not role="status", so the verdict is the one status region of the check. */}
      <div aria-live="polite" aria-atomic="true" data-testid="check-progress" className={clsx(styles.progress, run.busy && styles.progressActive)}>
        {run.busy && <span className={styles.spinner} aria-hidden="true" />}
        {run.state.status}
      </div>
      {run.state.phase === 'running' && cancellable && (
        <div className={styles.buttons}>
          <button type="button" className="button button--secondary button--sm" onClick={run.cancel}>
            Cancel check
          </button>
        </div>
      )}
      {error && (
        <div role="alert" className={clsx('alert alert--danger', styles.error)}>
          {error}
        </div>
      )}
    </>
  );
}

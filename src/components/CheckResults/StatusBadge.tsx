/** A status as a word with a decorative icon and a colour class: never colour alone. */
import React from 'react';
import clsx from 'clsx';
import type {Severity} from '../../permissions/types';
import styles from './styles.module.css';

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

export default function StatusBadge({severity, word}: {severity: Severity; word: string}): React.JSX.Element {
  return (
    <span className={clsx(styles.status, SEVERITY_CLASS[severity])}>
      <SeverityIcon severity={severity} />
      {word}
    </span>
  );
}

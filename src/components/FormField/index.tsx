/**
 * A labelled form field as the check and the support-link form lay them out: the label, the
 * control (an input, a select, a textarea: the caller's, so it keeps its own props), then a hint
 * and the field's problem. The control points at both with aria-describedby: pass it
 * `fieldDescription(...)`, with the same id, hint and error.
 */
import React from 'react';
import styles from './styles.module.css';

export interface FormFieldProps {
  /** The control's id: the label's htmlFor, and the prefix of the hint's and the problem's ids. */
  id: string;
  label: string;
  hint?: React.ReactNode;
  /** The field's problem, or null. */
  error?: string | null;
  children: React.ReactNode;
}

/** The control's aria-describedby: its hint, then its problem. */
export function fieldDescription(id: string, hint?: React.ReactNode, error?: string | null): string | undefined {
  return [hint ? `${id}-hint` : null, error ? `${id}-error` : null].filter(Boolean).join(' ') || undefined;
}

export default function FormField({id, label, hint, error, children}: FormFieldProps): React.JSX.Element {
  return (
    <div className={styles.field}>
      <label htmlFor={id}>{label}</label>
      {children}
      {hint && (
        <p id={`${id}-hint`} className={styles.hint}>
          {hint}
        </p>
      )}
      {error && (
        <p id={`${id}-error`} className={styles.error}>
          {error}
        </p>
      )}
    </div>
  );
}

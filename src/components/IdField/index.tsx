/**
 * A text field for an identifier (a tenant, an application ID), as the check's Live tenant tab
 * and the support-link form both ask for one: no autocomplete or spell check, an optional hint,
 * and its problem (if any) shown under it and tied to it for screen readers (aria-invalid,
 * aria-describedby). The form decides what the problem is (src/check/fieldProblems.ts).
 */
import React from 'react';
import FormField, {fieldDescription} from '../FormField';

export interface IdFieldProps {
  id: string;
  label: string;
  value: string;
  onChange: (value: string) => void;
  /** The field's problem, or null. */
  error: string | null;
  hint?: string;
  placeholder?: string;
  /** "url" brings a keyboard with "." and "-" on phones (domains). */
  inputMode?: 'text' | 'url';
  /** Where a form that refuses to go on takes focus. */
  inputRef?: React.Ref<HTMLInputElement>;
}

export default function IdField({id, label, value, onChange, error, hint, placeholder, inputMode, inputRef}: IdFieldProps): React.JSX.Element {
  return (
    <FormField id={id} label={label} hint={hint} error={error}>
      <input
        ref={inputRef}
        id={id}
        type="text"
        inputMode={inputMode}
        autoComplete="off"
        spellCheck={false}
        placeholder={placeholder}
        value={value}
        onChange={(event) => onChange(event.target.value)}
        aria-invalid={error ? true : undefined}
        aria-describedby={fieldDescription(id, hint, error)}
      />
    </FormField>
  );
}

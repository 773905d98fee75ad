/** The Sample tenant tab: pick a sample app (one per common mistake) and run the check on it. */
import React from 'react';
import FormField, {fieldDescription} from '../../FormField';
import {SAMPLE_APPS} from '../../../permissions/sampleTenant/apps';
import styles from '../styles.module.css';
import type {SampleCheck} from './useSampleCheck';

export interface SamplePanelProps {
  /** Prefix of the fields' ids. */
  id: string;
  sample: SampleCheck;
  busy: boolean;
  onRun: () => void;
}

export default function SamplePanel({id, sample, busy, onRun}: SamplePanelProps): React.JSX.Element {
  const selected = SAMPLE_APPS.find((candidate) => candidate.appId === sample.appId) ?? null;
  return (
    <>
      <p>
        Watch the whole check run on built-in data: a sample tenant (Contoso) with one app registration per common
        mistake. No sign-in; nothing leaves this browser.
      </p>
      <FormField id={`${id}-sample`} label="Sample app" hint={selected?.description}>
        <select
          id={`${id}-sample`}
          value={sample.appId}
          onChange={(event) => sample.setAppId(event.target.value)}
          aria-describedby={fieldDescription(`${id}-sample`, selected?.description)}>
          {SAMPLE_APPS.map((candidate) => (
            <option key={candidate.appId} value={candidate.appId}>
              {candidate.displayName}
            </option>
          ))}
        </select>
      </FormField>
      <div className={styles.buttons}>
        <button type="button" className="button button--primary" data-check-start disabled={busy} onClick={onRun}>
          Run sample check
        </button>
      </div>
    </>
  );
}

/** The App manifest tab: paste the manifest JSON or upload the file, then check it in this browser. */
import React from 'react';
import FormField from '../../FormField';
import styles from '../styles.module.css';
import type {ManifestCheck} from './useManifestCheck';

export interface ManifestPanelProps {
  /** Prefix of the fields' ids. */
  id: string;
  manifest: ManifestCheck;
  busy: boolean;
  onCheck: () => void;
}

export default function ManifestPanel({id, manifest, busy, onCheck}: ManifestPanelProps): React.JSX.Element {
  return (
    <>
      <p>
        Paste the JSON from the app’s Manifest page (Microsoft Entra admin center › App registrations › your app ›
        Manifest), or upload the downloaded file. It is checked in this browser; nothing is sent anywhere. A manifest
        does not show admin consent.
      </p>
      <FormField id={`${id}-manifest`} label="App manifest">
        <textarea id={`${id}-manifest`} className={styles.manifest} rows={10} spellCheck={false} autoComplete="off" {...manifest.fieldProps} />
      </FormField>
      <FormField id={`${id}-manifest-file`} label="Upload manifest file">
        <input id={`${id}-manifest-file`} type="file" accept=".json,application/json" onChange={(event) => void manifest.onFile(event)} />
      </FormField>
      <div className={styles.buttons}>
        <button type="button" className="button button--primary" data-check-start disabled={busy} onClick={onCheck}>
          Check manifest
        </button>
      </div>
    </>
  );
}

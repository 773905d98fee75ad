/**
 * The support-link form itself, free of Docusaurus hooks (so it can be tested on its own):
 * given the versions, the site's address and where to start, it validates as you type and
 * builds the /check link with the same rules the /check page applies.
 */
import React, {useId, useState} from 'react';
import CopyButton from '../CopyButton';
import {buildSupportLink, isGuid, isTenant, versionLabel} from '../PermissionCheck/supportLink';
import styles from './styles.module.css';

export interface SupportLinkFormProps {
  guide: string;
  /** Versions with a profile for this guide ("2.0", "current"). */
  versions: string[];
  latestVersion: string;
  initialVersion: string;
  /** The site's origin ('' until known) and baseUrl. */
  origin: string;
  baseUrl: string;
}

export function tenantProblem(value: string): string | null {
  return value === '' || isTenant(value) ? null : 'Enter the Directory (tenant) ID (a GUID) or a domain such as contoso.onmicrosoft.com.';
}

export function appIdProblem(value: string): string | null {
  return value === '' || isGuid(value) ? null : 'Enter the Application (client) ID: a GUID such as 0d651e1f-b145-4b1c-8334-8eff5cdea961.';
}

/** A text field for an identifier, with its problem (if any) tied to it for screen readers. */
function IdField({id, label, value, error, onChange}: {id: string; label: string; value: string; error: string | null; onChange: (value: string) => void}): React.JSX.Element {
  return (
    <div className={styles.field}>
      <label htmlFor={id}>{label}</label>
      <input
        id={id}
        type="text"
        autoComplete="off"
        spellCheck={false}
        value={value}
        aria-invalid={error ? true : undefined}
        aria-describedby={error ? `${id}-error` : undefined}
        onChange={(event) => onChange(event.target.value)}
      />
      {error && (
        <p id={`${id}-error`} className={styles.error}>
          {error}
        </p>
      )}
    </div>
  );
}

export default function SupportLinkForm({guide, versions, latestVersion, initialVersion, origin, baseUrl}: SupportLinkFormProps): React.JSX.Element {
  const [version, setVersion] = useState(initialVersion);
  const [tenant, setTenant] = useState('');
  const [appId, setAppId] = useState('');
  const [announcement, setAnnouncement] = useState('');
  const id = useId();

  const tenantValue = tenant.trim();
  const appIdValue = appId.trim();
  const tenantError = tenantProblem(tenantValue);
  const appIdError = appIdProblem(appIdValue);
  const link = buildSupportLink({origin, baseUrl, guide, version, tenant: tenantValue, appId: appIdValue});
  const complete = !tenantError && !appIdError && tenantValue !== '' && appIdValue !== '';

  return (
    <form className={styles.builder} aria-labelledby={`${id}-title`} onSubmit={(event) => event.preventDefault()}>
      <p id={`${id}-title`} className={styles.title}>
        Make a support link
      </p>
      <div className={styles.field}>
        <label htmlFor={`${id}-version`}>Guide version</label>
        <select id={`${id}-version`} value={version} onChange={(event) => setVersion(event.target.value)}>
          {versions.map((v) => (
            <option key={v} value={v}>
              {v === latestVersion ? `${versionLabel(v)} (latest release)` : versionLabel(v)}
            </option>
          ))}
        </select>
      </div>
      <IdField id={`${id}-tenant`} label="Customer's tenant ID or domain" value={tenant} error={tenantError} onChange={setTenant} />
      <IdField id={`${id}-app`} label="Customer's application (client) ID" value={appId} error={appIdError} onChange={setAppId} />
      <div className={styles.field}>
        <label htmlFor={`${id}-link`}>Link to send</label>
        <input id={`${id}-link`} type="text" readOnly value={link} className={styles.link} onFocus={(event) => event.target.select()} />
        {!complete && !tenantError && !appIdError && (
          <p className={styles.hint}>Without a tenant and an app ID the customer fills them in; the link still works.</p>
        )}
      </div>
      <div className={styles.actions}>
        <CopyButton
          text={link}
          label="Copy support link"
          onCopied={(copied) => setAnnouncement(copied ? 'Link copied to the clipboard.' : 'Could not copy: select the link and copy it by hand.')}>
          Copy support link
        </CopyButton>
        <a className="button button--sm button--secondary" href={link} target="_blank" rel="noopener">
          Open the check
        </a>
      </div>
      <p role="status" aria-live="polite" className={styles.status}>
        {announcement}
      </p>
    </form>
  );
}

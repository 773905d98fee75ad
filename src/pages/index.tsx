import React from 'react';
import Layout from '@theme/Layout';
import Link from '@docusaurus/Link';
import Heading from '@theme/Heading';
import styles from './index.module.css';

/** One released line of the scanner and the guide version written for it. */
interface ReleaseChoice {
  release: string;
  guideVersion: string;
  to: string;
  summary: string;
  current?: boolean;
}

const RELEASED_GUIDES = [
  {
    release: '2.x',
    guideVersion: '2.0',
    to: '/docs/office365/',
    summary:
      'Current release. Uses the Microsoft Entra admin center and Microsoft Graph only; a certificate is recommended over a client secret.',
    current: true,
  },
  {
    release: '1.x',
    guideVersion: '1.0',
    to: '/docs/1.0/office365/',
    summary:
      'Older releases. Uses the Azure portal and still asks for the retired Azure Active Directory Graph User.Read permission.',
  },
] satisfies ReleaseChoice[];

const UNRELEASED_GUIDE_PATH = '/docs/next/office365/';

function ReleaseCard({release, guideVersion, to, summary, current}: ReleaseChoice): React.JSX.Element {
  return (
    <li className={styles.choice}>
      <Link className={styles.choiceLink} to={to}>
        <span className={styles.choiceRelease}>
          Release {release}
          {current && <span className={styles.badge}>current</span>}
        </span>
        <span className={styles.choiceGuide}>Office 365 setup guide, version {guideVersion}</span>
        <span className={styles.choiceSummary}>{summary}</span>
      </Link>
    </li>
  );
}

export default function Home(): React.JSX.Element {
  return (
    <Layout
      title="Setup guides"
      description="Connect your Microsoft 365 tenant to the scanner with an Entra ID app registration, and check that it is set up right.">
      <main className={styles.main}>
        <div className="container">
          <Heading as="h1" className={styles.title}>
            Connect your Microsoft 365 tenant to the scanner
          </Heading>
          <p className={styles.lead}>
            The scanner reads your tenant through an Entra ID app registration with read-only
            permissions. Each release of the scanner has its own guide, because the permissions
            it needs differ between releases.
          </p>

          <section aria-labelledby="choose-release" className={styles.section}>
            <Heading as="h2" id="choose-release">
              Which release of the scanner do you run?
            </Heading>
            <ul className={styles.choices}>
              {RELEASED_GUIDES.map((choice) => (
                <ReleaseCard key={choice.release} {...choice} />
              ))}
            </ul>
            <p className={styles.aside}>
              Not sure? Follow the guide for release 2.x: it is the current one. Trying a build
              that is not released yet? Read the{' '}
              <Link to={UNRELEASED_GUIDE_PATH}>guide for the next release</Link>.
            </p>
          </section>

          <section aria-labelledby="need-help" className={styles.section}>
            <Heading as="h2" id="need-help">
              Something does not work?
            </Heading>
            <ul className={styles.helpList}>
              <li>
                <Link to="/docs/troubleshooting">Troubleshooting</Link>: admin consent not granted,
                delegated instead of application permissions, expired secrets and the AADSTS
                errors you are most likely to see.
              </li>
              <li>
                <Link to="/docs/support-links">For support: sending a live check link</Link>: how
                our support engineers send you a link that checks your app registration.
              </li>
            </ul>
          </section>
        </div>
      </main>
    </Layout>
  );
}

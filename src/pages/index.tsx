import React from 'react';
import Layout from '@theme/Layout';
import Link from '@docusaurus/Link';

export default function Home(): React.JSX.Element {
  return (
    <Layout title="Setup guides" description="Connect your Microsoft 365 tenant to the scanner.">
      <main className="container margin-vert--lg">
        <h1>Scanner setup guides</h1>
        <p><Link to="/docs/office365/">Office 365 setup guide</Link></p>
      </main>
    </Layout>
  );
}

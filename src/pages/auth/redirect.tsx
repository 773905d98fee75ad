import React, {useEffect, useState} from 'react';
import Head from '@docusaurus/Head';

/**
 * The redirect bridge of the live check's sign-in (msal-browser 5): the redirect URI the
 * identity provider returns to. It hands the answer to the page that asked for it (through a
 * BroadcastChannel for a popup or a silent iframe, or by going back to it after a full-page
 * redirect) and starts no MSAL client itself. It must be served without a
 * Cross-Origin-Opener-Policy header.
 *
 * Register this page's address (e.g. https://docs.example.com/auth/redirect) as a
 * single-page application redirect URI of the sign-in app.
 */
export default function SignInRedirectBridge(): React.JSX.Element {
  const [failed, setFailed] = useState(false);
  useEffect(() => {
    let cancelled = false;
    import('@azure/msal-browser/redirect-bridge')
      .then(({broadcastResponseToMainFrame}) => broadcastResponseToMainFrame())
      .catch(() => {
        if (!cancelled) setFailed(true);
      });
    return () => {
      cancelled = true;
    };
  }, []);
  return (
    <main style={{padding: '2rem', fontFamily: 'system-ui, sans-serif'}}>
      <Head>
        <title>Completing sign-in</title>
        <meta name="robots" content="noindex" />
      </Head>
      {failed ? (
        <p role="alert">
          This page only completes a sign-in started by the permission check, and there is nothing to complete. Close
          this window and start the check again from the guide.
        </p>
      ) : (
        <p role="status">Completing sign-in…</p>
      )}
    </main>
  );
}

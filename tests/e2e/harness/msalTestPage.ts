/**
 * A bare page that runs the real @azure/msal-browser from node_modules (through an import map),
 * so the identity stand-in can be proven against the library itself, independent of our UI.
 * Served on http://localhost:<free port>; `/` is the app, `/bridge.html` the redirect bridge.
 */
import {readFile} from 'node:fs/promises';
import {createServer} from 'node:http';
import type {AddressInfo} from 'node:net';
import path from 'node:path';
import {REPO_ROOT} from './site';

const IMPORT_MAP = JSON.stringify({
  imports: {
    '@azure/msal-browser': '/nm/@azure/msal-browser/dist/index.mjs',
    '@azure/msal-browser/redirect-bridge': '/nm/@azure/msal-browser/dist/redirect_bridge/index.mjs',
    '@azure/msal-common/browser': '/nm/@azure/msal-common/dist-browser/index-browser.mjs',
  },
});

/** A sign-in's result as the test page hands it back (errors come back as values too). */
export interface MsalPageResult {
  error?: string;
  username?: string;
  tenantId?: string;
  homeAccountId?: string;
  scopes?: string[];
  accessTokenLength?: number;
  idTokenClaims?: Record<string, unknown>;
}

/** What the test page puts on `window` for the tests to call (see the page's script below). */
export interface MsalTestWindow {
  __ready?: boolean;
  __error?: string;
  __redirectResult?: MsalPageResult | null;
  __signInPopup(): Promise<MsalPageResult>;
  __signInRedirect(): void;
  __silent(): Promise<MsalPageResult>;
}

function appPage(clientId: string): string {
  return `<!doctype html><html><head><title>msal test app</title>
<script type="importmap">${IMPORT_MAP}</script>
<script type="module">
import {PublicClientApplication} from '@azure/msal-browser';
const scopes = ['https://graph.microsoft.com/Application.Read.All', 'https://graph.microsoft.com/Directory.Read.All'];
const summary = (result) => result && ({username: result.account?.username, tenantId: result.account?.tenantId, homeAccountId: result.account?.homeAccountId, scopes: result.scopes, accessTokenLength: result.accessToken?.length ?? 0, idTokenClaims: result.idTokenClaims});
try {
  const app = new PublicClientApplication({
    auth: {clientId: ${JSON.stringify(clientId)}, authority: 'https://login.microsoftonline.com/organizations', redirectUri: location.origin + '/bridge.html'},
    cache: {cacheLocation: 'sessionStorage'},
  });
  await app.initialize();
  window.__redirectResult = await app.handleRedirectPromise().then(summary, (error) => ({error: String(error && error.errorCode || error)}));
  // Errors come back as values: a rejected page.evaluate carries browser stack frames that
  // confuse the test runner's source maps.
  const settle = (promise) => promise.then(summary, (error) => ({error: String(error && error.errorCode || error)}));
  window.__signInPopup = () => settle(app.loginPopup({scopes}));
  window.__signInRedirect = () => { app.loginRedirect({scopes}).catch((error) => { window.__error = String(error); }); };
  window.__silent = () => settle(app.acquireTokenSilent({scopes, account: app.getAllAccounts()[0], forceRefresh: true}));
  window.__ready = true;
} catch (error) {
  window.__error = String(error && error.stack || error);
}
</script></head><body><h1>msal test app</h1></body></html>`;
}

const BRIDGE_PAGE = `<!doctype html><html><head><title>bridge</title>
<script type="importmap">${IMPORT_MAP}</script>
<script type="module">
import {broadcastResponseToMainFrame} from '@azure/msal-browser/redirect-bridge';
broadcastResponseToMainFrame().catch((error) => { document.body.textContent = String(error); });
</script></head><body></body></html>`;

export async function serveMsalTestPage(clientId: string): Promise<{baseUrl: string; close(): Promise<void>}> {
  const azureDir = path.join(REPO_ROOT, 'node_modules/@azure');
  const server = createServer(async (req, res) => {
    const pathname = new URL(req.url ?? '/', 'http://localhost').pathname;
    try {
      if (pathname === '/') {
        res.writeHead(200, {'content-type': 'text/html; charset=utf-8'}).end(appPage(clientId));
      } else if (pathname === '/bridge.html') {
        res.writeHead(200, {'content-type': 'text/html; charset=utf-8'}).end(BRIDGE_PAGE);
      } else if (pathname.startsWith('/nm/@azure/')) {
        const file = path.resolve(azureDir, pathname.slice('/nm/@azure/'.length));
        if (!file.startsWith(azureDir + path.sep)) throw new Error('outside');
        res.writeHead(200, {'content-type': 'text/javascript; charset=utf-8'}).end(await readFile(file));
      } else {
        res.writeHead(404).end();
      }
    } catch {
      res.writeHead(404).end();
    }
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', () => resolve()));
  server.unref();
  const {port} = server.address() as AddressInfo;
  return {
    baseUrl: `http://localhost:${port}`,
    close: () => new Promise<void>((resolve) => {
      server.closeAllConnections();
      server.close(() => resolve());
    }),
  };
}
